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

/**
 * A whole-page shot with wp-admin's fixed bar and menu where they belong: the
 * viewport is made as tall as the page for the shot (a `fullPage` shot would
 * paint them once, mid-page).
 *
 * @param page  Page.
 * @param file  Where to write the PNG.
 * @param width Viewport width.
 */
async function shoot( page: Page, file: string, width: number ) {
	const height = await page.evaluate(
		() => document.documentElement.scrollHeight
	);
	await page.setViewportSize( { width, height: Math.min( height, 6000 ) } );
	await page.screenshot( { path: file, animations: 'disabled' } );
	await page.setViewportSize( width === PHONE.width ? PHONE : DESKTOP );
}

async function settle( page: Page ): Promise< void > {
	await page.waitForLoadState( 'load' );
	await expect( page.locator( '.components-spinner' ) ).toHaveCount( 0 );
}

/**
 * Writes e2e/artifacts/<name>.png (and <name>-phone.png).
 *
 * @param page          Page showing the view.
 * @param name          File name without extension.
 * @param options       `phone`: also shoot at 375 px and check nothing overflows.
 * @param options.phone
 */
export async function capture(
	page: Page,
	name: string,
	options: { phone?: boolean } = {}
): Promise< void > {
	const before = page.viewportSize();
	await page.setViewportSize( DESKTOP );
	await settle( page );
	await shoot( page, path.join( ARTIFACTS, `${ name }.png` ), DESKTOP.width );
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
		await shoot(
			page,
			path.join( ARTIFACTS, `${ name }-phone.png` ),
			PHONE.width
		);
	}
	await page.setViewportSize( before ?? DESKTOP );
}
