import { test, expect } from '@playwright/test';

import { capture } from './support/screenshots';
import { readSite, wpEval } from './support/site';

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
	wpEval( 'e2e/fixtures/statuspage.php', [ 'none' ] );
} );

test( 'an operator adds a provider with a status page, checks it, sees an outage reported, and finds the change in the audit log; the notifications and configuration tabs fit a phone', async ( {
	page,
} ) => {
	const statusUrl = `${ readSite().url }/wp-json/sophmate-dev/v1/statuspage`;
	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	const tabs = page.getByRole( 'navigation', {
		name: 'Automation Safety views',
	} );
	await tabs.getByRole( 'link', { name: 'Providers' } ).click();
	await expect( page ).toHaveURL( /view=providers/ );

	await page.getByTestId( 'provider-add' ).click();
	const dialog = page.getByRole( 'dialog' );
	await dialog.getByLabel( 'Slug' ).fill( 'mailer' );
	await dialog.getByLabel( 'Name' ).fill( 'Mailer API' );
	await dialog.getByLabel( 'Hosts' ).fill( 'api.mailer.test' );
	await dialog.getByLabel( 'Status URL' ).fill( statusUrl );
	await dialog.getByRole( 'button', { name: 'Add provider' } ).click();
	await expect( page.getByTestId( 'snackbar' ) ).toHaveText(
		'Provider Mailer API added.'
	);

	await page.getByTestId( 'provider-check-mailer' ).click();
	await expect( page.getByTestId( 'provider-status-mailer' ) ).toHaveText(
		/operational/i
	);

	// The status page now reports a major outage.
	wpEval( 'e2e/fixtures/statuspage.php', [ 'major' ] );
	await page.getByTestId( 'provider-check-mailer' ).click();
	await expect( page.getByTestId( 'provider-status-mailer' ) ).toHaveText(
		/outage/i
	);
	await expect(
		page.getByTestId( 'providers-view' ).getByText( 'Indicator major' )
	).toBeVisible();
	await capture( page, 'providers', { phone: true } );

	await tabs.getByRole( 'link', { name: 'Audit log' } ).click();
	await expect(
		page.getByRole( 'cell', { name: 'provider_status' } ).first()
	).toBeVisible();

	await tabs.getByRole( 'link', { name: 'Notifications' } ).click();
	await expect( page ).toHaveURL( /view=notifications/ );
	await capture( page, 'notifications', { phone: true } );

	await tabs.getByRole( 'link', { name: 'Configuration' } ).click();
	await expect( page ).toHaveURL( /view=settings/ );
	await capture( page, 'configuration', { phone: true } );
} );
