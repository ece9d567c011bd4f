/**
 * Playwright config for the e2e user stories in e2e/*.spec.ts.
 *
 * Run through `npm test` (step "e2e"), which sets up the test site and exports
 * SOPHMATE_TEST_SITE (its site.json) and WP_BASE_URL. Browser: Debian's Chromium
 * (/usr/bin/chromium or CHROMIUM_BIN); `npx playwright install` is never needed.
 * Off-site hosts resolve to nothing, so gravatar & co. fail at once.
 * e2e/global-setup.ts logs in as the admin once; every spec starts logged in.
 */
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const root = __dirname;
const siteFile =
	process.env.SOPHMATE_TEST_SITE ||
	path.join( root, '.wp', 'test', 'site.json' );
const reportDir =
	process.env.SOPHMATE_REPORT_DIR || path.join( root, '.wp', 'test-reports' );

function baseUrl(): string | undefined {
	if ( process.env.WP_BASE_URL ) {
		return process.env.WP_BASE_URL;
	}
	try {
		return JSON.parse( fs.readFileSync( siteFile, 'utf8' ) ).url;
	} catch {
		return undefined;
	}
}

export default defineConfig( {
	testDir: 'e2e',
	testMatch: '**/*.spec.ts',
	globalSetup: './e2e/global-setup.ts',
	outputDir: path.join( reportDir, 'playwright-artifacts' ),
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !! process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [
		[ 'list' ],
		[ 'json', { outputFile: path.join( reportDir, 'playwright.json' ) } ],
	],
	use: {
		baseURL: baseUrl(),
		storageState: path.join(
			path.dirname( siteFile ),
			'storage-state.json'
		),
		headless: true,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		actionTimeout: 15_000,
		navigationTimeout: 30_000,
		launchOptions: {
			executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
				'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
				// npm test finds Chromium left behind by a killed run by this flag.
				...( process.env.SOPHMATE_E2E_MARKER
					? [ process.env.SOPHMATE_E2E_MARKER ]
					: [] ),
			],
		},
	},
	projects: [ { name: 'chromium', use: { browserName: 'chromium' } } ],
} );
