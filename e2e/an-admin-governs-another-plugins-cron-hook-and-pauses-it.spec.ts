import { test, expect } from '@playwright/test';

import {
	createdAutomationSchema,
	cronHookListSchema,
	statusSchema,
} from '../src/api/schemas';
import { wpEval } from './support/site';

const HOOK = 'acme_newsletter_send';
const ID = 'acme_newsletter_send';
const LABEL = 'Acme newsletter send';

type AuditRow = {
	action: string;
	scope: string;
	reason: string;
	actor_login: string;
	source: string;
};

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
	// A plugin that has never heard of SophMate schedules its newsletter hourly.
	wpEval( 'e2e/fixtures/schedule-foreign-hook.php' );
} );

test( 'an admin governs another plugin’s cron hook from the admin, pauses that automation alone, and it stays paused', async ( {
	page,
} ) => {
	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	await expect(
		page.getByRole( 'heading', { name: 'Automation Safety' } ).first()
	).toBeVisible();
	await expect( page.getByTestId( 'automations-empty' ) ).toContainText(
		'No automations are governed yet.'
	);

	// Govern a cron hook: pick the other plugin's hook, choose Marketing.
	const form = page.getByRole( 'form', { name: 'Govern a cron hook' } );
	const submit = form.getByRole( 'button', { name: 'Govern this hook' } );
	const hookSelect = form.getByLabel( 'Cron hook' );
	await expect(
		hookSelect.locator( 'option', { hasText: HOOK } )
	).toHaveCount( 1 );
	await expect( submit ).toBeDisabled();
	await hookSelect.selectOption( HOOK );
	await expect( form ).toContainText( 'Schedule: hourly' );
	await expect( form.getByLabel( 'Automation id' ) ).toHaveValue( ID );
	await expect( form.getByLabel( 'Label' ) ).toHaveValue( LABEL );
	await form.getByLabel( 'Category' ).selectOption( { label: 'Marketing' } );
	await expect( submit ).toBeEnabled();

	const created = page.waitForResponse(
		( response ) =>
			response.request().method() === 'POST' &&
			decodeURIComponent( response.url() ).includes(
				'/sophmate-safe-mode/v1/automations'
			)
	);
	await submit.click();
	const answer = await created;
	expect( answer.status() ).toBe( 201 );
	// The live 201 body matches the app's zod schema (contract check).
	const automation = createdAutomationSchema.parse( await answer.json() );
	expect( automation ).toMatchObject( {
		id: ID,
		category: 'marketing',
		origin: 'admin',
		cron_hooks: [ HOOK ],
		owner: { login: 'admin' },
		warnings: [],
	} );

	await expect(
		page
			.locator( '.sophmate-safe-mode__snackbars' )
			.getByText( `“${ LABEL }” now governs the cron hook ${ HOOK }.` )
	).toBeVisible();
	const row = page.getByTestId( `automation-row-${ ID }` );
	const state = page.getByTestId( `automation-state-${ ID }` );
	await expect( state ).toHaveText( 'Running' );
	await expect( row ).toContainText( 'Marketing' );
	await expect( row ).toContainText( `Cron hooks: ${ HOOK }` );
	// Bound now, so no longer offered.
	await expect(
		hookSelect.locator( 'option', { hasText: HOOK } )
	).toHaveCount( 0 );

	// Pause this automation alone, with a reason.
	await row.getByRole( 'button', { name: `Pause ${ LABEL }` } ).click();
	const dialog = page.getByRole( 'dialog', { name: `Pause ${ LABEL }` } );
	const pause = dialog.getByRole( 'button', { name: 'Pause', exact: true } );
	await expect( pause ).toBeDisabled();
	await dialog
		.getByLabel( 'Reason' )
		.fill( 'Newsletter vendor double-sends' );
	await pause.click();
	await expect( state ).toHaveText( 'Paused' );

	await page.reload();
	await expect( state ).toHaveText( 'Paused' );
	await expect( row ).toContainText( 'Newsletter vendor double-sends' );
	await expect( row ).toContainText( `Blocked by automation:${ ID }` );
	// Only the automation is paused, not its category.
	await expect(
		page.getByTestId( 'category-state-marketing' )
	).toContainText( 'Running' );

	// The server agrees: the status report has it paused …
	const status = statusSchema.parse(
		JSON.parse( wpEval( 'e2e/fixtures/status.php' ) )
	);
	expect( status.automations.find( ( a ) => a.id === ID ) ).toMatchObject( {
		state: 'paused',
		paused: true,
		effective: 'blocked',
		decided_by: `automation:${ ID }`,
		category: 'marketing',
	} );

	// … GET /cron-hooks shows the hook bound to it …
	const hooks = cronHookListSchema.parse(
		await page.evaluate( () =>
			(
				window as unknown as {
					wp: {
						apiFetch: ( options: {
							path: string;
						} ) => Promise< unknown >;
					};
				}
			 ).wp.apiFetch( { path: '/sophmate-safe-mode/v1/cron-hooks' } )
		)
	);
	expect( hooks.find( ( hook ) => hook.hook === HOOK ) ).toMatchObject( {
		schedule: 'hourly',
		events: 1,
		automations: [ ID ],
	} );

	// … and the audit log holds the creation and the pause, by the admin.
	const audit = JSON.parse(
		wpEval( 'e2e/fixtures/audit.php' )
	) as AuditRow[];
	expect( audit.map( ( entry ) => [ entry.action, entry.scope ] ) ).toEqual( [
		[ 'automation_created', `automation:${ ID }` ],
		[ 'pause', `automation:${ ID }` ],
	] );
	expect( audit[ 1 ] ).toMatchObject( {
		reason: 'Newsletter vendor double-sends',
		actor_login: 'admin',
		source: 'admin',
	} );
} );
