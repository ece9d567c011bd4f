import { test, expect, type Page } from '@playwright/test';
import { wpEval } from './support/site';

/*
 * Every text an operator types can hold markup. Each payload would set
 * window.__sophmateXss (or add an element) if any screen rendered it as HTML.
 * No emoji here: WordPress' wp-emoji swaps them for <img> elements, so they are
 * not in the text the assertions read (HostileTextTest covers them in PHP).
 */
const REASON =
	'<img src=x onerror="window.__sophmateXss=1"><script>window.__sophmateXss=2</script> "dbl" \'sgl\' & Ünïcødé 支付 עברית';
const LABEL = '<b onmouseover="window.__sophmateXss=3">Mkt</b> "Ops" ✓';
const NOTE =
	'<iframe srcdoc="<script>parent.__sophmateXss=4</script>"></iframe> refund \'both\' & check ✓';
const WEBHOOK =
	'https://hooks.example.test/h?a="><img/src=x/onerror=window.__sophmateXss=5>';
const SAFE_MODE_REASON =
	'<svg onload="window.__sophmateXss=6"></svg> card testing';

type AuditRow = { action: string; reason: string };

/**
 * Nothing ran and no injected element exists on the page.
 * @param page
 * @param where
 */
async function expectNoInjection( page: Page, where: string ) {
	const found = await page.evaluate( () => ( {
		flag: ( window as unknown as { __sophmateXss?: number } ).__sophmateXss,
		handlers: Array.from(
			document.querySelectorAll(
				'[onerror], [onmouseover], [onload], iframe[srcdoc]'
			)
		)
			.map( ( el ) => el.outerHTML )
			.filter( ( html ) => html.includes( '__sophmateXss' ) ),
		scripts: Array.from( document.scripts )
			.map( ( s ) => ( s.textContent || '' ).trim() )
			.filter( ( text ) => text.startsWith( 'window.__sophmateXss' ) ),
	} ) );
	expect( found, where ).toEqual( {
		flag: undefined,
		handlers: [],
		scripts: [],
	} );
}

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
	wpEval( 'e2e/fixtures/hostile-text.php', [
		JSON.stringify( { label: LABEL, note: NOTE, webhook: WEBHOOK } ),
	] );
} );

test( 'an operator pauses with a reason full of markup and every screen shows it as text, running nothing', async ( {
	page,
} ) => {
	const app = '/wp-admin/admin.php?page=sophmate-safe-mode';
	await page.goto( app );
	const row = page.getByTestId( 'category-row-marketing' );
	await expect( row ).toContainText( LABEL );
	await expectNoInjection( page, 'overview with a hostile label' );

	await row.getByRole( 'button', { name: `Pause ${ LABEL }` } ).click();
	const dialog = page.getByRole( 'dialog' );
	await dialog.getByLabel( 'Reason' ).fill( REASON );
	await dialog.getByRole( 'button', { name: 'Pause', exact: true } ).click();
	await expect(
		page.getByTestId( 'category-state-marketing' )
	).toContainText( 'Paused' );
	await expect( row ).toContainText( REASON );
	await expectNoInjection( page, 'overview after the pause' );

	// Stored exactly as typed.
	const audit = JSON.parse(
		wpEval( 'e2e/fixtures/audit.php' )
	) as AuditRow[];
	expect( audit.find( ( r ) => r.action === 'pause' )?.reason ).toBe(
		REASON
	);

	// A full page load: the PHP-rendered notice names the pause and its reason.
	await page.reload();
	const notice = page.locator( '[data-sophmate-notice]' ).first();
	await expect( notice ).toContainText( REASON );
	await expectNoInjection( page, 'admin notice' );

	await page.goto( `${ app }&view=category&slug=marketing` );
	await expect( page.getByText( NOTE ).first() ).toBeVisible();
	await expectNoInjection( page, 'category page' );

	await page.goto( `${ app }&view=audit` );
	await expect(
		page.getByRole( 'cell', { name: REASON } ).first()
	).toBeVisible();
	await expectNoInjection( page, 'audit log' );

	await page.goto( `${ app }&view=notifications` );
	await expect( page.getByText( WEBHOOK ).first() ).toBeVisible();
	await expectNoInjection( page, 'notifications' );

	// Safe mode's reason appears in the admin bar on every screen.
	wpEval( 'e2e/fixtures/pause.php', [ 'global', SAFE_MODE_REASON ] );
	await page.goto( '/wp-admin/' );
	await page.locator( '#wp-admin-bar-sophmate-safe-mode' ).hover();
	await expect( page.locator( '#wpadminbar' ) ).toContainText(
		`Safe mode: ${ SAFE_MODE_REASON }`
	);
	await expectNoInjection( page, 'admin bar and dashboard notices' );
} );
