import { test, expect } from '@playwright/test';
import { wpEval } from './support/site';

type AuditRow = {
	action: string;
	scope: string;
	before_state: string;
	after_state: string;
	reason: string;
	actor_login: string;
	source: string;
};

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
} );

test( 'an admin pauses marketing with a reason, reloads, and sees it paused; the audit holds who and why', async ( {
	page,
} ) => {
	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	await expect(
		page.getByRole( 'heading', { name: 'Automation Safety' } ).first()
	).toBeVisible();

	const row = page.getByTestId( 'category-row-marketing' );
	await expect(
		page.getByTestId( 'category-state-marketing' )
	).toContainText( 'Running' );

	await row.getByRole( 'button', { name: 'Pause Marketing' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'Pause Marketing' } );
	await expect( dialog ).toBeVisible();
	const submit = dialog.getByRole( 'button', { name: 'Pause', exact: true } );
	await expect( submit ).toBeDisabled();
	await dialog.getByLabel( 'Reason' ).fill( 'Newsletter went out twice' );
	await submit.click();

	await expect(
		page.getByTestId( 'category-state-marketing' )
	).toContainText( 'Paused' );

	await page.reload();
	await expect(
		page.getByTestId( 'category-state-marketing' )
	).toContainText( 'Paused' );
	await expect( page.getByTestId( 'category-row-marketing' ) ).toContainText(
		'Newsletter went out twice'
	);
	await expect( page.getByTestId( 'category-state-content' ) ).toContainText(
		'Running'
	);

	const audit = JSON.parse(
		wpEval( 'e2e/fixtures/audit.php' )
	) as AuditRow[];
	expect( audit ).toHaveLength( 1 );
	expect( audit[ 0 ] ).toMatchObject( {
		action: 'pause',
		scope: 'category:marketing',
		before_state: 'running',
		after_state: 'paused',
		reason: 'Newsletter went out twice',
		actor_login: 'admin',
		source: 'admin',
	} );
} );
