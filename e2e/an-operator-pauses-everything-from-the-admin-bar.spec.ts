import { test, expect } from '@playwright/test';
import { wpEval } from './support/site';

type SafeMode = {
	mode: string;
	reason: string;
	actor: { id: number; login: string; name: string } | null;
	source: string | null;
	since: string | null;
};

const REASON = 'Card testing attack on checkout';

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
} );

test( 'an operator pauses everything from the admin bar on the Dashboard with a reason, and every screen then shows safe mode', async ( {
	page,
} ) => {
	await page.goto( '/wp-admin/' );
	const adminBar = page.locator( '#wpadminbar' );
	const state = page.locator( '#wp-admin-bar-sophmate-safe-mode > .ab-item' );
	await expect( state ).toHaveText( 'Automation: running' );
	await expect( page.locator( '[data-sophmate-notice]' ) ).toHaveCount( 0 );

	// The reason is required: an empty answer asks again instead of pausing.
	const prompts: string[] = [];
	page.on( 'dialog', async ( dialog ) => {
		expect( dialog.type() ).toBe( 'prompt' );
		prompts.push( dialog.message() );
		await dialog.accept( prompts.length === 1 ? '   ' : REASON );
	} );

	// Open the node, then one click on "Pause all automation".
	await page.locator( '#wp-admin-bar-sophmate-safe-mode' ).hover();
	const pauseAll = adminBar.getByRole( 'link', {
		name: 'Pause all automation',
	} );
	await expect( pauseAll ).toBeVisible();
	await pauseAll.click();

	// The page reloads by itself once the server has switched safe mode on.
	await expect( state ).toHaveText( 'Automation: SAFE MODE' );
	expect( prompts ).toHaveLength( 2 );
	expect( prompts[ 0 ] ).toContain( 'The reason is required' );
	expect( prompts[ 1 ] ).toContain( 'A reason is required' );

	const notice = page.locator( '[data-sophmate-notice="paused"]' );
	await expect( notice ).toContainText(
		'Safe mode (everything): paused, nothing runs'
	);
	await expect( notice ).toContainText( REASON );
	await expect(
		notice.getByRole( 'link', { name: 'Open Automation Safety' } )
	).toHaveAttribute( 'href', /admin\.php\?page=sophmate-safe-mode$/ );

	// Nothing is left to pause, and the node still leads to the Automation Safety page.
	await page.locator( '#wp-admin-bar-sophmate-safe-mode' ).hover();
	await expect(
		adminBar.getByRole( 'link', { name: 'Pause all automation' } )
	).toHaveCount( 0 );
	await expect(
		adminBar.getByRole( 'link', { name: 'Open Automation Safety' } )
	).toBeVisible();

	const safeMode = JSON.parse(
		wpEval( 'e2e/fixtures/safe-mode.php' )
	) as SafeMode;
	expect( safeMode ).toMatchObject( {
		mode: 'paused',
		reason: REASON,
		actor: { login: 'admin' },
		source: 'admin',
	} );

	// Every other screen says so too, and the Plugins screen warns before the brakes come off.
	await page.goto( '/wp-admin/plugins.php' );
	await expect( state ).toHaveText( 'Automation: SAFE MODE' );
	await expect(
		page.locator( '.sophmate-safe-mode-plugin-warning' )
	).toContainText( 'Deactivating SophMate Safe Mode removes the brakes' );
} );

test( 'cancelling the reason prompt pauses nothing', async ( { page } ) => {
	await page.goto( '/wp-admin/' );
	page.on( 'dialog', ( dialog ) => dialog.dismiss() );
	await page.locator( '#wp-admin-bar-sophmate-safe-mode' ).hover();
	await page
		.locator( '#wpadminbar' )
		.getByRole( 'link', { name: 'Pause all automation' } )
		.click();

	await expect(
		page.locator( '#wp-admin-bar-sophmate-safe-mode > .ab-item' )
	).toHaveText( 'Automation: running' );
	const safeMode = JSON.parse(
		wpEval( 'e2e/fixtures/safe-mode.php' )
	) as SafeMode;
	expect( safeMode.mode ).toBe( 'off' );
} );
