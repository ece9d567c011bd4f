import { test, expect } from '@playwright/test';

import { capture } from './support/screenshots';
import { wpEval } from './support/site';

type Seeded = { succeeded: number; failed: number; post: number };

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
} );

test( 'an operator finds a failing automation from the overview, opens its last run, and sees the failed step and the records it touched', async ( {
	page,
} ) => {
	const output = wpEval( 'e2e/fixtures/failing-automation.php' );
	const seeded = JSON.parse(
		output.slice( output.indexOf( '{' ) )
	) as Seeded;

	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	const row = page.getByTestId( 'automation-row-e2e-order-sync' );
	await expect( row ).toContainText( 'Failed' );
	await capture( page, 'overview', { phone: true } );

	await row.getByRole( 'link', { name: 'E2E order sync' } ).click();
	await expect( page ).toHaveURL( /view=automation&id=e2e-order-sync/ );
	const explanation = page.getByTestId( 'last-run-explanation' );
	await expect( page.getByTestId( 'last-run-failed-step' ) ).toContainText(
		'push order'
	);
	await expect( page.getByTestId( 'last-run-failed-step' ) ).toContainText(
		'Shop API answered 502 Bad Gateway'
	);
	await expect(
		page
			.getByTestId( 'last-run-touched-records' )
			.locator( `a[href*="post.php?post=${ seeded.post }&action=edit"]` )
	).toBeVisible();
	await expect( page.getByTestId( 'automation-checklist' ) ).toBeVisible();
	await capture( page, 'automation', { phone: true } );

	await explanation.getByRole( 'link', { name: /full run/i } ).click();
	await expect( page ).toHaveURL(
		new RegExp( `view=run&id=${ seeded.failed }` )
	);
	await expect( page.getByTestId( 'run-failure' ) ).toContainText(
		'push order'
	);
	await expect( page.getByTestId( 'run-failure' ) ).toContainText(
		'Shop API answered 502 Bad Gateway'
	);
	const record = page.locator(
		`a[href*="post.php?post=${ seeded.post }&action=edit"]`
	);
	await expect( record ).toBeVisible();
	await capture( page, 'run-detail', { phone: true } );

	// The touched record opens in wp-admin: the operator can check what changed.
	await record.click();
	await expect( page ).toHaveURL(
		new RegExp( `post.php\\?post=${ seeded.post }&action=edit` )
	);
	await page.goBack();
	await expect( page.getByTestId( 'run-failure' ) ).toBeVisible();

	// Back twice returns to the automation page, then the overview.
	await page.goBack();
	await expect( page ).toHaveURL( /view=automation&id=e2e-order-sync/ );
	await page.goBack();
	await expect(
		page.getByTestId( 'automation-row-e2e-order-sync' )
	).toBeVisible();
} );
