import { test, expect } from '@playwright/test';

/*
 * Lazy views bring their own stylesheet. On a right-to-left site (WordPress
 * prints <html dir="rtl">) webpack's runtime must load the mirrored
 * `<chunk>-rtl.css`, as WordPress does for the entry's stylesheet.
 */
test( 'a right-to-left site loads the right-to-left stylesheet of a lazy view, a left-to-right site the normal one', async ( {
	page,
} ) => {
	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	const tabs = page.getByRole( 'navigation', {
		name: 'Automation Safety views',
	} );

	await tabs.getByRole( 'link', { name: 'Runs' } ).click();
	await expect( page.locator( 'link[href*="/build/runs.css"]' ) ).toHaveCount(
		1
	);
	await expect(
		page.locator( 'link[href*="/build/runs-rtl.css"]' )
	).toHaveCount( 0 );

	// The same document, switched to right-to-left before the next view loads.
	await page.evaluate( () => {
		document.documentElement.dir = 'rtl';
	} );
	await tabs.getByRole( 'link', { name: 'Audit log' } ).click();
	const rtl = page.locator( 'link[href*="/build/audit-rtl.css"]' );
	await expect( rtl ).toHaveCount( 1 );
	await expect(
		page.locator( 'link[href*="/build/audit.css"]' )
	).toHaveCount( 0 );
	// The stylesheet really loaded (a wrong name would never fire load).
	expect(
		await rtl.evaluate(
			( link ) => ( link as HTMLLinkElement ).sheet !== null
		)
	).toBe( true );
} );
