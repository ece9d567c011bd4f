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

	// Open the node, then one click on "Pause all automation" opens a dialog.
	await page.locator( '#wp-admin-bar-sophmate-safe-mode' ).hover();
	const pauseAll = adminBar.getByRole( 'link', {
		name: 'Pause all automation',
	} );
	await expect( pauseAll ).toBeVisible();
	await pauseAll.click();
	const dialog = page.getByRole( 'dialog', { name: 'Pause all automation' } );
	await expect( dialog ).toBeVisible();
	const reason = dialog.getByLabel( 'Reason' );
	await expect( reason ).toBeFocused();

	// The reason is required: blank text is refused in the dialog, nothing is paused.
	await reason.fill( '   ' );
	await dialog
		.getByRole( 'button', { name: 'Pause all automation' } )
		.click();
	await expect( dialog.getByRole( 'alert' ) ).toContainText(
		'A reason is required'
	);
	await expect( dialog ).toBeVisible();
	expect(
		( JSON.parse( wpEval( 'e2e/fixtures/safe-mode.php' ) ) as SafeMode )
			.mode
	).toBe( 'off' );

	await reason.fill( REASON );
	await dialog
		.getByRole( 'button', { name: 'Pause all automation' } )
		.click();

	// The page reloads by itself once the server has switched safe mode on.
	await expect( state ).toHaveText( 'Automation: SAFE MODE' );

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

test( 'cancelling the dialog, or pressing Escape, pauses nothing and gives focus back', async ( {
	page,
} ) => {
	await page.goto( '/wp-admin/' );
	const node = page.locator( '#wp-admin-bar-sophmate-safe-mode' );
	const pauseAll = page
		.locator( '#wpadminbar' )
		.getByRole( 'link', { name: 'Pause all automation' } );
	const dialog = page.getByRole( 'dialog', { name: 'Pause all automation' } );

	await node.hover();
	await pauseAll.click();
	await dialog.getByLabel( 'Reason' ).fill( 'not yet' );
	await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
	await expect( dialog ).toBeHidden();

	await node.hover();
	await pauseAll.click();
	await expect( dialog ).toBeVisible();
	await page.keyboard.press( 'Escape' );
	await expect( dialog ).toBeHidden();
	await expect( pauseAll ).toBeFocused();

	await expect(
		page.locator( '#wp-admin-bar-sophmate-safe-mode > .ab-item' )
	).toHaveText( 'Automation: running' );
	const safeMode = JSON.parse(
		wpEval( 'e2e/fixtures/safe-mode.php' )
	) as SafeMode;
	expect( safeMode.mode ).toBe( 'off' );
} );
