import { describe, expect, it } from 'vitest';

import {
	automationConfigListSchema,
	createdAutomationSchema,
	cronHookListSchema,
	statusSchema,
} from '../../../src/api';
import { statusPayload } from '../support/fixtures';

/** Copied from the dev site's GET /automations (a demo automation). */
const REAL_AUTOMATION = {
	id: 'demo-order-digest',
	label: 'Daily order digest',
	kind: 'workflow',
	category: 'commerce',
	owner_id: 1,
	mode: 'live',
	cron_hooks: [],
	rest_routes: [],
	providers: [],
	checklist: {
		trigger: 'WP-Cron every 2 minutes',
		input_data: 'Published posts (stand-in for orders)',
		output: 'Option sophmate_demo_order_digest',
		approval: 'None',
		retry: 'Next schedule',
		failure_notification: 'Admin email',
	},
	origin: 'code',
	retry: null,
	owner: { id: 1, login: 'admin', name: 'admin' },
	state: 'running',
	effective: 'run',
	decided_by: '',
	reason: '',
};

/** The shape of a 201 from POST /automations binding a hook with nothing scheduled. */
const REAL_CREATED = {
	...REAL_AUTOMATION,
	id: 'acme_newsletter_send',
	label: 'Acme newsletter send',
	category: 'marketing',
	cron_hooks: [ 'acme_newsletter_send' ],
	checklist: [],
	origin: 'admin',
	retry: { max_attempts: 3, backoff_seconds: 120 },
	warnings: [
		'No event of the cron hook "acme_newsletter_send" is scheduled right now; it will be governed once one is.',
	],
};

/** Copied from the dev site's GET /cron-hooks. */
const REAL_CRON_HOOKS = [
	{
		hook: 'delete_expired_transients',
		next_run: '2026-11-26T22:03:13Z',
		schedule: 'daily',
		events: 1,
		automations: [],
	},
	{
		hook: 'sophmate_demo_demo_content_watcher',
		next_run: '2026-11-25T22:09:21Z',
		schedule: 'sophmate_demo_every_two_minutes',
		events: 1,
		automations: [],
	},
	{
		hook: 'acme_newsletter_send',
		next_run: '2026-11-25T23:09:21Z',
		schedule: null,
		events: 2,
		automations: [ 'acme_newsletter_send' ],
	},
];

describe( 'automationConfigListSchema (GET /automations)', () => {
	it( 'accepts a real item with its checklist, bindings and decision', () => {
		const [ parsed ] = automationConfigListSchema.parse( [
			REAL_AUTOMATION,
		] );

		expect( parsed?.origin ).toBe( 'code' );
		expect( parsed?.checklist.trigger ).toBe( 'WP-Cron every 2 minutes' );
		expect( parsed?.retry ).toBeNull();
	} );

	it( 'rejects an unknown origin and names the field', () => {
		const result = automationConfigListSchema.safeParse( [
			{ ...REAL_AUTOMATION, origin: 'plugin' },
		] );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [ 0, 'origin' ] );
	} );
} );

describe( 'createdAutomationSchema (POST /automations)', () => {
	it( 'accepts the automation with warnings, PHP’s [] checklist and a retry policy', () => {
		const parsed = createdAutomationSchema.parse( REAL_CREATED );

		expect( parsed.warnings ).toHaveLength( 1 );
		expect( parsed.checklist ).toEqual( {} );
		expect( parsed.retry ).toEqual( {
			max_attempts: 3,
			backoff_seconds: 120,
		} );
		expect( parsed.cron_hooks ).toEqual( [ 'acme_newsletter_send' ] );
	} );

	it( 'requires the warnings list', () => {
		const { warnings: _dropped, ...withoutWarnings } = REAL_CREATED;

		const result = createdAutomationSchema.safeParse( withoutWarnings );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [ 'warnings' ] );
	} );

	it( 'rejects a retry policy with a non-integer attempt count', () => {
		const result = createdAutomationSchema.safeParse( {
			...REAL_CREATED,
			retry: { max_attempts: '3', backoff_seconds: 120 },
		} );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [
			'retry',
			'max_attempts',
		] );
	} );
} );

describe( 'cronHookListSchema (GET /cron-hooks)', () => {
	it( 'accepts real hooks, recurring and single, bound and unbound', () => {
		const parsed = cronHookListSchema.parse( REAL_CRON_HOOKS );

		expect( parsed.map( ( hook ) => hook.schedule ) ).toEqual( [
			'daily',
			'sophmate_demo_every_two_minutes',
			null,
		] );
		expect( parsed[ 2 ]?.automations ).toEqual( [
			'acme_newsletter_send',
		] );
	} );

	it( 'rejects a next run that is a Unix timestamp instead of ISO 8601', () => {
		const result = cronHookListSchema.safeParse( [
			{ ...REAL_CRON_HOOKS[ 0 ], next_run: 1764194593 },
		] );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [ 0, 'next_run' ] );
	} );

	it( 'rejects a missing list of bound automations', () => {
		const { automations: _dropped, ...hook } = REAL_CRON_HOOKS[ 0 ]!;

		const result = cronHookListSchema.safeParse( [ hook ] );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [
			0,
			'automations',
		] );
	} );
} );

describe( 'statusSchema automations[]', () => {
	it( 'reads an automation’s own pause with its paused flag and deciding switch', () => {
		const parsed = statusSchema.parse( statusPayload() );
		const shop = parsed.automations.find( ( a ) => a.id === 'shop_sync' );

		expect( shop ).toMatchObject( {
			state: 'paused',
			paused: true,
			effective: 'blocked',
			decided_by: 'automation:shop_sync',
		} );
		expect( shop?.switch?.reason ).toBe( 'Orders imported twice' );
	} );

	it( 'rejects an unknown automation mode', () => {
		const payload = statusPayload() as unknown as {
			automations: Array< Record< string, unknown > >;
		};
		payload.automations[ 0 ] = {
			...payload.automations[ 0 ],
			mode: 'paused',
		};

		const result = statusSchema.safeParse( payload );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [
			'automations',
			0,
			'mode',
		] );
	} );
} );
