/**
 * Playwright global setup: logs in as the test site's admin once, through the
 * real wp-login.php form, and saves the cookies as the storage state every spec
 * starts from (playwright.config.ts `use.storageState`).
 */
import { chromium, type FullConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

import { readSite, storageStatePath } from './support/site';

export default async function globalSetup(
	config: FullConfig
): Promise< void > {
	const site = readSite();
	const use = config.projects[ 0 ]?.use ?? {};
	const browser = await chromium.launch( {
		...use.launchOptions,
		headless: true,
	} );
	try {
		const page = await browser.newPage( { baseURL: site.url } );
		await page.goto( '/wp-login.php' );
		await page.locator( '#user_login' ).fill( site.admin_user );
		await page.locator( '#user_pass' ).fill( site.admin_password );
		await page.locator( '#wp-submit' ).click();
		try {
			await page.waitForURL( /\/wp-admin\//, { timeout: 30_000 } );
		} catch {
			const error = await page
				.locator( '#login_error' )
				.textContent()
				.catch( () => null );
			throw new Error(
				`Logging in to ${ site.url } as ${
					site.admin_user
				} failed: ${ error?.trim() || `still at ${ page.url() }` }`
			);
		}
		fs.mkdirSync( path.dirname( storageStatePath() ), { recursive: true } );
		await page.context().storageState( { path: storageStatePath() } );
	} finally {
		await browser.close();
	}
}
