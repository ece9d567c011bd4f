import { test, expect, type Page } from '@playwright/test';

import { readSite, wpEval } from './support/site';

/*
 * Access control from a browser: a logged-in subscriber or editor (no
 * sophmate_* capability) has no menu entry, is refused the page, and every read
 * route answers 403 with nothing but an error code and message, even with a
 * valid REST nonce. Anonymous requests answer 401.
 */
const NS = '/wp-json/sophmate-safe-mode/v1';

const READ_ROUTES = [
	'/status',
	'/categories',
	'/categories/marketing',
	'/automations',
	'/runs',
	'/runs/1',
	'/audit',
	'/audit?format=csv',
	'/audit/verify',
	'/providers',
	'/stats',
	'/cron-hooks',
];

/** Keys that would leak data if they showed up in an error body. */
const DATA_KEYS = [
	'categories',
	'automations',
	'safe_mode',
	'items',
	'owner_id',
	'reason',
	'actor',
	'runs',
];

test.use( { storageState: { cookies: [], origins: [] } } );

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
} );

async function logIn( page: Page, login: string, password: string ) {
	await page.goto( '/wp-login.php' );
	await page.locator( '#user_login' ).fill( login );
	await page.locator( '#user_pass' ).fill( password );
	await page.locator( '#wp-submit' ).click();
	await page.waitForURL( /\/wp-admin\// );
}

for ( const role of [ 'subscriber', 'editor' ] ) {
	test( `a logged-in ${ role } cannot open the console or read any of its routes`, async ( {
		page,
	} ) => {
		const login = `e2e-${ role }`;
		const password = `Pw-${ role }-7f3c9a!`;
		wpEval( 'e2e/fixtures/user.php', [ login, role, password ] );
		await logIn( page, login, password );

		await expect(
			page.locator( '#adminmenu a[href*="page=sophmate-safe-mode"]' )
		).toHaveCount( 0 );
		await expect(
			page.locator( '#wp-admin-bar-sophmate-safe-mode' )
		).toHaveCount( 0 );

		const response = await page.goto(
			'/wp-admin/admin.php?page=sophmate-safe-mode'
		);
		expect( response?.status() ).toBe( 403 );
		await expect( page.locator( 'body' ) ).toContainText(
			'Sorry, you are not allowed to access this page.'
		);
		await expect( page.locator( '#sophmate-safe-mode-root' ) ).toHaveCount(
			0
		);

		// A valid nonce proves the 403s are about capabilities, not CSRF.
		const nonce = await page.evaluate( async () => {
			const answer = await fetch(
				'/wp-admin/admin-ajax.php?action=rest-nonce',
				{ credentials: 'same-origin' }
			);
			return answer.text();
		} );
		expect( nonce ).toMatch( /^[0-9a-f]{10}$/ );

		for ( const route of READ_ROUTES ) {
			const answer = await page.request.get( `${ NS }${ route }`, {
				headers: { 'X-WP-Nonce': nonce },
			} );
			expect( answer.status(), route ).toBe( 403 );
			const body = ( await answer.json() ) as Record< string, unknown >;
			expect( Object.keys( body ).sort(), route ).toEqual( [
				'code',
				'data',
				'message',
			] );
			expect( String( body.code ), route ).toMatch(
				/^(rest_forbidden|sophmate_forbidden)/
			);
			const text = JSON.stringify( body );
			for ( const key of DATA_KEYS ) {
				expect( text, `${ route } leaks "${ key }"` ).not.toContain(
					`"${ key }"`
				);
			}
		}

		const pause = await page.request.post(
			`${ NS }/categories/marketing/pause`,
			{
				headers: { 'X-WP-Nonce': nonce },
				data: { reason: 'not mine to pause' },
			}
		);
		expect( pause.status() ).toBe( 403 );
		const state = JSON.parse(
			wpEval( 'e2e/fixtures/status.php' ).replace( /^[^{]*/, '' )
		) as { categories: Array< { slug: string; state: string } > };
		expect(
			state.categories.find( ( c ) => c.slug === 'marketing' )?.state
		).toBe( 'running' );
	} );
}

test( 'anonymous requests get 401 and no data', async ( { request } ) => {
	const site = readSite();
	for ( const route of READ_ROUTES ) {
		const answer = await request.get( `${ site.url }${ NS }${ route }` );
		expect( answer.status(), route ).toBe( 401 );
		const text = await answer.text();
		for ( const key of DATA_KEYS ) {
			expect( text, `${ route } leaks "${ key }"` ).not.toContain(
				`"${ key }"`
			);
		}
	}
} );
