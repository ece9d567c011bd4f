/**
 * Screenshots of the console written by the e2e run into e2e/artifacts/ (the
 * README and the operator guide show them). Each page is shot at desktop width
 * (1280 px) and, with `phone`, at phone width (375 px), where the page must not
 * scroll sideways: an overflow fails the story, because a console that needs
 * horizontal scrolling on a phone is not usable in an incident.
 */
import path from 'node:path';

import { expect, type Page } from '@playwright/test';

import { ROOT } from './site';

export const ARTIFACTS = path.join( ROOT, 'e2e', 'artifacts' );

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

async function settle( page: Page ): Promise< void > {
	await page.waitForLoadState( 'networkidle' );
	await expect( page.locator( '.components-spinner' ) ).toHaveCount( 0 );
}

/**
 * Writes e2e/artifacts/<name>.png (and <name>-phone.png).
 *
 * @param page    Page showing the view.
 * @param name    File name without extension.
 * @param options `phone`: also shoot at 375 px and check nothing overflows.
 */
export async function capture(
	page: Page,
	name: string,
	options: { phone?: boolean } = {}
): Promise< void > {
	const before = page.viewportSize();
	await page.setViewportSize( DESKTOP );
	await settle( page );
	await page.screenshot( {
		path: path.join( ARTIFACTS, `${ name }.png` ),
		fullPage: true,
		animations: 'disabled',
	} );
	if ( options.phone ) {
		await page.setViewportSize( PHONE );
		await settle( page );
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(
			overflow,
			`${ name } scrolls sideways by ${ overflow }px at 375 px`
		).toBeLessThanOrEqual( 1 );
		await page.screenshot( {
			path: path.join( ARTIFACTS, `${ name }-phone.png` ),
			fullPage: true,
			animations: 'disabled',
		} );
	}
	await page.setViewportSize( before ?? DESKTOP );
}
