import { test, expect, type Page } from '@playwright/test';

import {
	automationReadinessSchema,
	modeChangeSchema,
} from '../src/api/readiness';
import { capture } from './support/screenshots';
import { readSite, wpEval } from './support/site';

const HOOK = 'acme_newsletter_send';
const ID = 'acme_newsletter_send';
const LABEL = 'Acme newsletter send';
const CHECKLIST: Array< [ string, string ] > = [
	[ 'Trigger', 'The hourly WP-Cron event acme_newsletter_send' ],
	[ 'Input data', 'Subscribers and the newest posts' ],
	[ 'Output', 'The newsletter email, once per post' ],
	[ 'Approval requirement', 'None: the editor approves posts' ],
	[ 'Retry behaviour', 'The next hourly event tries again' ],
	[ 'Failure notification', 'Email to the marketing owner' ],
];

type AuditRow = {
	action: string;
	scope: string;
	before_state: string;
	after_state: string;
	reason: string;
	actor_login: string;
	context: string;
};

type RunRow = {
	id: number;
	automation: string;
	status: string;
	read_only: boolean;
};

const automationPage = `/wp-admin/admin.php?page=sophmate-safe-mode&view=automation&id=${ ID }`;

function snackbar( page: Page, text: string | RegExp ) {
	return page.locator( '.sophmate-safe-mode__snackbars' ).getByText( text );
}

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
	// A plugin that has never heard of SophMate schedules its newsletter hourly.
	wpEval( 'e2e/fixtures/schedule-foreign-hook.php' );
} );

test( 'an admin governs another plugin’s cron hook, fills its checklist, runs a pause drill, reviews three read-only runs and takes it live', async ( {
	page,
} ) => {
	// 1. Govern the hook from the overview: a new automation starts as a draft.
	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	const form = page.getByRole( 'form', { name: 'Govern a cron hook' } );
	await form.getByLabel( 'Cron hook' ).selectOption( HOOK );
	await form.getByLabel( 'Category' ).selectOption( { label: 'Marketing' } );
	await expect( form.getByLabel( 'Mode' ) ).toHaveValue( 'draft' );
	await form.getByRole( 'button', { name: 'Govern this hook' } ).click();
	await expect(
		snackbar( page, `“${ LABEL }” now governs the cron hook ${ HOOK }.` )
	).toBeVisible();

	// 2. Its page shows the readiness panel: a draft, with the checklist missing.
	await page.goto( automationPage );
	const panel = page.getByTestId( 'readiness-panel' );
	await expect( panel.getByTestId( 'readiness-steps' ) ).toContainText(
		'Draft'
	);
	await expect( panel.locator( '[aria-current="step"]' ) ).toContainText(
		'Draft'
	);
	const missing = panel.getByTestId( 'readiness-missing' );
	await expect( missing ).toContainText( 'Checklist: describe the trigger.' );

	// Asking too early: the server refuses and the panel names what is missing.
	const stepUp = panel.getByTestId( 'readiness-step-up' );
	await expect( stepUp ).toHaveText( 'Move to read-only' );
	await stepUp.click();
	const refused = panel.getByTestId( 'readiness-refused' );
	await expect( refused ).toContainText(
		'Checklist: describe the failure notification.'
	);

	// 3. Fill the checklist (the missing item links to its field).
	await missing
		.locator( '[data-missing="checklist.trigger"]' )
		.getByRole( 'link', { name: 'Edit the checklist' } )
		.click();
	const editor = page.getByRole( 'form', {
		name: 'Edit the production checklist',
	} );
	for ( const [ label, text ] of CHECKLIST ) {
		await editor.getByLabel( label, { exact: true } ).fill( text );
	}
	await editor.getByRole( 'button', { name: 'Save checklist' } ).click();
	await expect( snackbar( page, 'Checklist saved.' ) ).toBeVisible();
	await expect( panel.getByTestId( 'readiness-next' ) ).toHaveText(
		'Ready for Read-only.'
	);

	// 4. Move it to read-only.
	await panel
		.getByLabel( 'Note (kept in the audit log)' )
		.fill( 'Checklist complete' );
	await stepUp.click();
	await expect(
		snackbar( page, `${ LABEL } is now Read-only.` )
	).toBeVisible();
	await expect( panel.locator( '[aria-current="step"]' ) ).toContainText(
		'Read-only'
	);
	await expect( missing ).toContainText( 'Run a pause drill' );
	await expect( missing ).toContainText(
		'3 successful read-only runs (0 so far).'
	);

	// 5. Run the pause drill from the category page, where the panel links.
	await missing
		.getByRole( 'link', { name: 'Run a pause drill on the category page' } )
		.click();
	await expect( page ).toHaveURL( /view=category&slug=marketing/ );
	await page
		.getByRole( 'button', { name: 'Run pause drill' } )
		.first()
		.click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Run a pause drill of Marketing?',
	} );
	await dialog.getByRole( 'button', { name: 'Run pause drill' } ).click();
	await expect(
		snackbar( page, /Pause drill of Marketing passed/ )
	).toBeVisible( { timeout: 30_000 } );

	// 6. Three read-only runs: the other plugin's hook falls due three times and runs read-only.
	const runs: RunRow[] = [];
	for ( let i = 0; i < 3; i++ ) {
		runs.push(
			JSON.parse(
				wpEval( 'e2e/fixtures/run-foreign-hook.php' )
			) as RunRow
		);
	}
	for ( const run of runs ) {
		expect( run ).toMatchObject( {
			automation: ID,
			status: 'succeeded',
			read_only: true,
		} );
	}

	// 7. Review them: each run is opened before it can be ticked.
	await page.goto( automationPage );
	await expect( panel.getByTestId( 'readiness-drill' ) ).toContainText(
		'passed and covered this automation'
	);
	await expect( missing ).toContainText(
		'Review at least 3 successful read-only runs (0 reviewed).'
	);
	for ( const run of runs ) {
		const item = panel.getByTestId( `readiness-run-${ run.id }` );
		const reviewed = item.getByRole( 'checkbox', { name: 'Reviewed' } );
		await expect( reviewed ).toBeDisabled();
		await item
			.getByRole( 'button', { name: `Open run #${ run.id }` } )
			.click();
		await expect( item ).toContainText( 'Records touched' );
		await reviewed.check();
	}
	await expect( panel.getByTestId( 'readiness-next' ) ).toHaveText(
		'Ready for Live.'
	);
	await capture( page, 'readiness-panel', { phone: true } );

	// 8. Take it live.
	await panel
		.getByLabel( 'Note (kept in the audit log)' )
		.fill( 'Three clean read-only sends' );
	await expect( stepUp ).toHaveText( 'Take live' );
	await stepUp.click();
	await expect( snackbar( page, `${ LABEL } is now Live.` ) ).toBeVisible();
	await expect( panel.locator( '[aria-current="step"]' ) ).toContainText(
		'Live'
	);
	await expect( panel.getByTestId( 'readiness-next' ) ).toHaveText(
		'Live: every step is done.'
	);

	// The audit log holds both mode changes, with the reviewed runs and the drill.
	const audit = (
		JSON.parse( wpEval( 'e2e/fixtures/audit.php' ) ) as AuditRow[]
	 ).filter( ( row ) => row.action === 'mode' );
	expect(
		audit.map( ( row ) => [
			row.scope,
			row.before_state,
			row.after_state,
			row.reason,
			row.actor_login,
		] )
	).toEqual( [
		[
			`automation:${ ID }`,
			'draft',
			'read_only',
			'Checklist complete',
			'admin',
		],
		[
			`automation:${ ID }`,
			'read_only',
			'live',
			'Three clean read-only sends',
			'admin',
		],
	] );
	const context = JSON.parse( audit[ 1 ]!.context ) as {
		reviewed_runs: number[];
		drill_id: number | null;
	};
	expect( [ ...context.reviewed_runs ].sort() ).toEqual(
		runs.map( ( run ) => run.id ).sort()
	);
	expect( context.drill_id ).toEqual( expect.any( Number ) );
} );

test.describe( 'over REST', () => {
	// Application password only: a login cookie without a nonce would count as logged out.
	test.use( { storageState: { cookies: [], origins: [] } } );

	test( 'the readiness routes answer what the admin app’s schemas read, and a skipped step is refused naming what is missing', async ( {
		request: plain,
	} ) => {
		const site = readSite();
		const base = `${ site.url }/wp-json/sophmate-safe-mode/v1`;
		const headers = {
			Authorization: `Basic ${ Buffer.from(
				`${ site.admin_user }:${ site.app_password }`
			).toString( 'base64' ) }`,
		};
		const request = {
			get: ( url: string ) => plain.get( url, { headers } ),
			post: ( url: string, options: { data: unknown } ) =>
				plain.post( url, { ...options, headers } ),
			fetch: ( url: string, options: { method: string } ) =>
				plain.fetch( url, { ...options, headers } ),
		};
		const created = await request.post( `${ base }/automations`, {
			data: {
				id: ID,
				label: LABEL,
				kind: 'workflow',
				category: 'marketing',
				owner: 'admin',
				cron_hooks: [ HOOK ],
			},
		} );
		expect( created.status() ).toBe( 201 );

		const readiness = automationReadinessSchema.parse(
			await (
				await request.get( `${ base }/automations/${ ID }/readiness` )
			).json()
		);
		expect( readiness ).toMatchObject( {
			mode: 'draft',
			next: 'read_only',
			candidates: [],
		} );
		const declared = ( await (
			await request.fetch( `${ base }/automations/${ ID }/readiness`, {
				method: 'OPTIONS',
			} )
		).json() ) as { schema: { properties: Record< string, unknown > } };
		for ( const key of Object.keys( automationReadinessSchema.shape ) ) {
			expect( Object.keys( declared.schema.properties ) ).toContain(
				key
			);
		}

		const skipped = await request.post(
			`${ base }/automations/${ ID }/mode`,
			{
				data: { mode: 'live' },
			}
		);
		expect( skipped.status() ).toBe( 409 );
		const refusal = ( await skipped.json() ) as {
			code: string;
			message: string;
			data: { missing: Array< { id: string; label: string } > };
		};
		expect( refusal.code ).toBe( 'sophmate_not_ready' );
		expect( refusal.data.missing.map( ( item ) => item.id ) ).toEqual(
			expect.arrayContaining( [
				'read_only_step',
				'checklist.trigger',
				'drill',
				'read_only_runs',
			] )
		);
		for ( const item of refusal.data.missing ) {
			expect( refusal.message ).toContain( item.label );
		}

		const down = await request.post( `${ base }/automations/${ ID }/mode`, {
			data: { mode: 'draft' },
		} );
		expect( modeChangeSchema.parse( await down.json() ) ).toMatchObject( {
			changed: false,
			mode: 'draft',
		} );
	} );
} );
