import fs from 'node:fs';

import { test, expect } from '@playwright/test';
import { capture } from './support/screenshots';
import { wpEval } from './support/site';

type Seeded = { succeeded: number; failed: number; other: number };

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
} );

test( 'an operator filters runs to failed marketing runs, opens one, reloads with the filters kept, exports the audit log and verifies it', async ( {
	page,
} ) => {
	const output = wpEval( 'e2e/fixtures/seed-runs.php' );
	const seeded = JSON.parse(
		output.slice( output.indexOf( '{' ) )
	) as Seeded;

	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	await page
		.getByRole( 'navigation', { name: 'Automation Safety views' } )
		.getByRole( 'link', { name: 'Runs' } )
		.click();
	await expect( page ).toHaveURL( /view=runs/ );
	await expect(
		page.getByTestId( `run-row-${ seeded.other }` )
	).toBeVisible();

	await page.getByLabel( 'Category' ).selectOption( 'marketing' );
	await page.getByLabel( 'Status' ).selectOption( 'failed' );
	await expect( page ).toHaveURL( /category=marketing/ );
	await expect( page ).toHaveURL( /status=failed/ );
	await expect(
		page.getByTestId( `run-row-${ seeded.failed }` )
	).toBeVisible();
	await expect(
		page.getByTestId( `run-row-${ seeded.succeeded }` )
	).toHaveCount( 0 );
	await expect( page.getByTestId( `run-row-${ seeded.other }` ) ).toHaveCount(
		0
	);

	await page.reload();
	await expect( page.getByLabel( 'Category' ) ).toHaveValue( 'marketing' );
	await expect( page.getByLabel( 'Status' ) ).toHaveValue( 'failed' );
	await expect(
		page.getByTestId( `run-row-${ seeded.failed }` )
	).toBeVisible();
	await expect( page.getByTestId( `run-row-${ seeded.other }` ) ).toHaveCount(
		0
	);

	await page
		.getByRole( 'link', { name: `#${ seeded.failed }`, exact: true } )
		.click();
	await expect( page ).toHaveURL(
		new RegExp( `view=run&id=${ seeded.failed }` )
	);
	await expect( page.getByTestId( 'run-failure' ) ).toContainText(
		'Failed at step “send”: SMTP refused the newsletter'
	);

	await page.goBack();
	await expect( page ).toHaveURL( /status=failed/ );
	await expect(
		page.getByTestId( `run-row-${ seeded.failed }` )
	).toBeVisible();
	await capture( page, 'runs', { phone: true } );

	await page
		.getByRole( 'navigation', { name: 'Automation Safety views' } )
		.getByRole( 'link', { name: 'Audit log' } )
		.click();
	await page.getByLabel( 'Scope' ).fill( 'category:support' );
	await page.getByRole( 'button', { name: 'Apply' } ).click();
	await expect( page ).toHaveURL( /scope=category%3Asupport/ );
	await expect(
		page.getByRole( 'cell', { name: 'E2E audit export' } )
	).toBeVisible();

	const downloadPromise = page.waitForEvent( 'download' );
	await page.getByRole( 'button', { name: 'Export CSV' } ).click();
	const download = await downloadPromise;
	expect( download.suggestedFilename() ).toBe( 'sophmate-audit.csv' );
	const csv = fs.readFileSync( ( await download.path() ) as string, 'utf8' );
	const lines = csv.trim().split( '\n' );
	expect( lines[ 0 ] ).toContain( 'id,created_at,action,scope' );
	expect( lines ).toHaveLength( 2 );
	expect( lines[ 1 ] ).toContain( 'category:support' );
	expect( lines[ 1 ] ).toContain( 'E2E audit export' );

	await page.getByRole( 'button', { name: 'Verify integrity' } ).click();
	await expect( page.getByTestId( 'audit-verification' ) ).toContainText(
		'The audit log is intact'
	);
	await capture( page, 'audit', { phone: true } );
} );
