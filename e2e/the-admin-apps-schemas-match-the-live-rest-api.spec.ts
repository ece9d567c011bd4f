/**
 * Contract test: the admin app's zod schemas (src/api) accept what the live site's routes really
 * answer, and every field they read is one the route declares in its REST schema (OPTIONS).
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import type { z } from 'zod';

import {
	automationConfigSchema,
	categoryConfigSchema,
	cronHookSchema,
	ownerSchema,
	providerSchema,
	scopeChangeSchema,
	statusSchema,
} from '../src/api/schemas';
import { statsSchema } from '../src/api/stats';
import { drillBindingSchema, drillReportSchema } from '../src/api/drills';
import { auditEventSchema, auditVerificationSchema } from '../src/api/audit';
import { reviewSchema } from '../src/api/review';
import { runSchema } from '../src/api/runs';
import { readSite, wpEval } from './support/site';

type JsonSchema = {
	type?: string | string[];
	properties?: Record< string, JsonSchema >;
	items?: JsonSchema;
};

const site = readSite();
const base = `${ site.url }/wp-json/sophmate-safe-mode/v1`;
const headers = {
	Authorization: `Basic ${ Buffer.from(
		`${ site.admin_user }:${ site.app_password }`
	).toString( 'base64' ) }`,
};

async function declared(
	request: APIRequestContext,
	route: string
): Promise< JsonSchema > {
	const response = await request.fetch( `${ base }${ route }`, {
		method: 'OPTIONS',
		headers,
	} );
	expect( response.ok(), `OPTIONS ${ route }` ).toBeTruthy();
	const body = ( await response.json() ) as { schema?: JsonSchema };
	expect( body.schema, `${ route } declares a schema` ).toBeDefined();
	return body.schema as JsonSchema;
}

/**
 * Keys of a zod object, whatever wrappers (nullable, optional) it sits in.
 * @param schema
 */
function keysOf( schema: z.ZodType ): string[] {
	const def = ( schema as unknown as { def?: { innerType?: z.ZodType } } )
		.def;
	if ( def?.innerType ) {
		return keysOf( def.innerType );
	}
	const shape = ( schema as unknown as { shape?: Record< string, unknown > } )
		.shape;
	return shape ? Object.keys( shape ) : [];
}

function expectDeclared(
	schema: z.ZodType,
	json: JsonSchema | undefined,
	where: string
) {
	const properties = Object.keys( json?.properties ?? {} );
	for ( const key of keysOf( schema ) ) {
		expect( properties, `${ where }.${ key } is declared` ).toContain(
			key
		);
	}
}

// Application-password requests only: a login cookie without a nonce would make WordPress treat
// the request as logged out.
test.use( { storageState: { cookies: [], origins: [] } } );

test.beforeAll( async ( { request } ) => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
	wpEval( 'e2e/fixtures/schedule-foreign-hook.php' );
	const created = await request.post( `${ base }/automations`, {
		headers,
		data: {
			id: 'contract-sync',
			label: 'Contract sync',
			kind: 'workflow',
			category: 'marketing',
			cron_hooks: [ 'acme_newsletter_send' ],
		},
	} );
	expect( created.status() ).toBe( 201 );
} );

test( "the admin app's schemas accept the live responses and read only declared fields", async ( {
	request,
} ) => {
	const pause = await request.post( `${ base }/categories/content/pause`, {
		headers,
		data: { reason: 'contract test' },
	} );
	expect( pause.ok() ).toBeTruthy();
	scopeChangeSchema.parse( await pause.json() );
	expectDeclared(
		scopeChangeSchema,
		await declared( request, '/categories/content/pause' ),
		'pause'
	);

	const status = await request.get( `${ base }/status`, { headers } );
	const parsed = statusSchema.parse( await status.json() );
	expect( parsed.categories.length ).toBeGreaterThanOrEqual( 7 );
	expect( parsed.automations.map( ( a ) => a.id ) ).toContain(
		'contract-sync'
	);
	const statusJson = await declared( request, '/status' );
	expectDeclared( statusSchema, statusJson, 'status' );
	const shape = statusSchema.shape;
	expectDeclared(
		shape.categories.element,
		statusJson.properties?.categories?.items,
		'status.categories[]'
	);
	expectDeclared(
		shape.automations.element,
		statusJson.properties?.automations?.items,
		'status.automations[]'
	);

	const lists: [ string, z.ZodType ][] = [
		[ '/categories', categoryConfigSchema ],
		[ '/automations', automationConfigSchema ],
		[ '/cron-hooks', cronHookSchema ],
	];
	for ( const [ route, item ] of lists ) {
		const response = await request.get( `${ base }${ route }`, {
			headers,
		} );
		expect( response.ok(), `GET ${ route }` ).toBeTruthy();
		const rows = ( await response.json() ) as unknown[];
		expect( rows.length, `${ route } has rows` ).toBeGreaterThan( 0 );
		for ( const row of rows ) {
			item.parse( row );
		}
		expectDeclared( item, await declared( request, route ), route );
	}
} );

test( "the operator console's run and audit schemas accept the live responses and read only declared fields", async ( {
	request,
} ) => {
	wpEval( 'e2e/fixtures/seed-runs.php' );
	const pairs: [ string, z.ZodType ][] = [
		[ '/runs', runSchema ],
		[ '/audit', auditEventSchema ],
	];
	for ( const [ route, item ] of pairs ) {
		const response = await request.get( `${ base }${ route }`, {
			headers,
		} );
		expect( response.ok(), `GET ${ route }` ).toBeTruthy();
		expect( response.headers()[ 'x-wp-total' ] ).toBeDefined();
		const rows = ( await response.json() ) as unknown[];
		expect( rows.length, `${ route } has rows` ).toBeGreaterThan( 0 );
		for ( const row of rows ) {
			item.parse( row );
		}
		expectDeclared( item, await declared( request, route ), route );
	}
	const verify = await request.get( `${ base }/audit/verify`, { headers } );
	expect( auditVerificationSchema.parse( await verify.json() ).ok ).toBe(
		true
	);
} );

test( "the restart review screen's schema accepts the live review of a paused category and reads only declared fields", async ( {
	request,
} ) => {
	wpEval( 'e2e/fixtures/seed-runs.php' );
	const pause = await request.post( `${ base }/categories/marketing/pause`, {
		headers,
		data: { reason: 'contract test review' },
	} );
	expect( pause.ok() ).toBeTruthy();
	const response = await request.get(
		`${ base }/categories/marketing/review`,
		{ headers }
	);
	expect( response.status() ).toBe( 200 );
	const review = reviewSchema.parse( await response.json() );
	expect( review.failed_steps.length ).toBeGreaterThan( 0 );
	expect( review.checks.map( ( c ) => c.id ) ).toEqual( [
		'run_history',
		'failed_steps',
		'audit_records',
		'pending_approvals',
		'provider_status',
		'affected_records',
	] );
	const declaredReview = await declared(
		request,
		'/categories/marketing/review'
	);
	expectDeclared( reviewSchema, declaredReview, 'review' );
	const global = await request.get( `${ base }/safe-mode/review`, {
		headers,
	} );
	expect( global.status() ).toBe( 409 );
} );

test( "the category page's provider, owner and stats schemas accept the live responses and read only declared fields", async ( {
	request,
} ) => {
	const put = await request.put( `${ base }/providers/openai`, {
		headers,
		data: {
			label: 'OpenAI',
			hosts: [ 'api.openai.com' ],
			status: 'degraded',
		},
	} );
	expect( put.ok(), 'PUT /providers/openai' ).toBeTruthy();
	providerSchema.parse( await put.json() );

	const lists: [ string, z.ZodType ][] = [
		[ '/providers', providerSchema ],
		[ '/owners', ownerSchema ],
	];
	for ( const [ route, item ] of lists ) {
		const response = await request.get( `${ base }${ route }`, {
			headers,
		} );
		expect( response.ok(), `GET ${ route }` ).toBeTruthy();
		const rows = ( await response.json() ) as unknown[];
		expect( rows.length, `${ route } has rows` ).toBeGreaterThan( 0 );
		for ( const row of rows ) {
			item.parse( row );
		}
		expectDeclared( item, await declared( request, route ), route );
	}

	const stats = await request.get(
		`${ base }/stats?window=7d&category=marketing`,
		{ headers }
	);
	expect( stats.ok() ).toBeTruthy();
	expect(
		statsSchema.parse( await stats.json() ).runs_per_hour
	).toHaveLength( 168 );
	expectDeclared( statsSchema, await declared( request, '/stats' ), 'stats' );
} );

test( "the pause drill panel's schema accepts a live drill report and reads only declared fields", async ( {
	request,
} ) => {
	const run = await request.post( `${ base }/drills`, {
		headers,
		data: { category: 'marketing' },
	} );
	expect( run.status(), 'POST /drills' ).toBe( 201 );
	const report = drillReportSchema.parse( await run.json() );
	expect( report.outcome, report.failure_reason ?? '' ).toBe( 'passed' );
	expect( report.bindings.map( ( b ) => b.type ) ).toContain( 'cron' );

	const list = await request.get( `${ base }/drills?category=marketing`, {
		headers,
	} );
	expect( list.ok() ).toBeTruthy();
	for ( const row of ( await list.json() ) as unknown[] ) {
		drillReportSchema.parse( row );
	}
	const json = await declared( request, '/drills' );
	expectDeclared( drillReportSchema, json, 'drills' );
	expectDeclared(
		drillBindingSchema,
		json.properties?.bindings?.items,
		'drills.bindings'
	);
} );
