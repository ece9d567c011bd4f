import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Status } from '../../../src/api';
import { AutomationTable } from '../../../src/components/AutomationTable';
import { CategoryTable } from '../../../src/components/CategoryTable';
import { statusStore } from '../../../src/store/status';
import type { Route } from '../../../src/utils/route';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import {
	automationConfigPayload,
	categoryConfigPayload,
	cronHooksPayload,
	statusPayload,
} from '../support/fixtures';
import { createTestRegistry, renderWithStores } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

/** The status fixture as a server with the overview fields answers it. */
function overviewStatus(): Status {
	const status = statusPayload();
	const [ marketing, content, commerce ] = status.categories;
	Object.assign( marketing!, {
		ownerless: false,
		last_run: {
			id: 812,
			status: 'failed',
			started_at: new Date( Date.now() - 5 * 60e3 ).toISOString(),
			automation: 'newsletter-digest',
		},
		runs_24h: 40,
		failed_24h: 3,
		spend_24h: { tokens: 1234 },
	} );
	Object.assign( content!, {
		ownerless: true,
		last_run: null,
		runs_24h: 0,
		failed_24h: 0,
		spend_24h: [],
	} );
	Object.assign( commerce!, {
		ownerless: false,
		last_run: {
			status: 'succeeded',
			started_at: new Date( Date.now() - 2 * 3600e3 ).toISOString(),
			automation: 'refund-sync',
		},
		runs_24h: 12,
		failed_24h: 0,
		spend_24h: { USD: 0.12, tokens: 300 },
	} );
	status.automations.forEach( ( automation ) => {
		automation.ownerless = automation.owner === null;
	} );
	return status;
}

async function renderOverview(
	status: () => unknown,
	navigate: ( route: Route ) => void = vi.fn()
) {
	routeApiFetch( {
		'GET /sophmate-safe-mode/v1/status': status,
		'GET /sophmate-safe-mode/v1/categories?per_page=100': () =>
			categoryConfigPayload(),
		'GET /sophmate-safe-mode/v1/automations?per_page=200': () =>
			automationConfigPayload(),
		'GET /sophmate-safe-mode/v1/cron-hooks': () => cronHooksPayload(),
	} );
	const registry = createTestRegistry();
	await registry.dispatch( statusStore ).refreshStatus();
	renderWithStores(
		<>
			<CategoryTable navigate={ navigate } />
			<AutomationTable navigate={ navigate } />
		</>,
		{ registry }
	);
}

describe( 'overview columns', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'links each category and automation label to its page, in the console', async () => {
		const navigate = vi.fn();
		const user = userEvent.setup();
		await renderOverview( overviewStatus, navigate );

		const marketing = within(
			screen.getByTestId( 'category-row-marketing' )
		).getByRole( 'link', { name: 'Marketing' } );
		const digest = within(
			screen.getByTestId( 'automation-row-newsletter-digest' )
		).getByRole( 'link', { name: 'Newsletter digest' } );

		expect( marketing.getAttribute( 'href' ) ).toContain(
			'view=category&slug=marketing'
		);
		expect( digest.getAttribute( 'href' ) ).toContain(
			'view=automation&id=newsletter-digest'
		);
		await user.click( digest );
		expect( navigate ).toHaveBeenCalledWith( {
			view: 'automation',
			id: 'newsletter-digest',
		} );
	} );

	it( 'links the last run to its detail when the server gives its id', async () => {
		const navigate = vi.fn();
		const user = userEvent.setup();
		await renderOverview( overviewStatus, navigate );

		const run = within(
			screen.getByTestId( 'category-activity-marketing' )
		).getByRole( 'link' );
		expect( run.getAttribute( 'href' ) ).toContain( 'view=run&id=812' );
		expect( run.textContent ).toContain( 'Failed' );
		await user.click( run );
		expect( navigate ).toHaveBeenCalledWith( { view: 'run', id: 812 } );
		// Commerce's last run comes without an id (an older server): no link.
		expect(
			within(
				screen.getByTestId( 'category-activity-commerce' )
			).queryByRole( 'link' )
		).toBeNull();
	} );

	it( 'a category row shows its last run, failures and spend of the last 24 hours', async () => {
		await renderOverview( overviewStatus );
		const activity = screen.getByTestId( 'category-activity-marketing' );
		expect( activity.textContent ).toContain( 'Failed' );
		expect( activity.textContent ).toContain( '5 minutes ago' );
		expect( activity.textContent ).toContain( 'newsletter-digest' );
		expect( activity.textContent ).toContain(
			'3 failed of 40 · 1,234 tokens'
		);
		expect(
			screen.getByTestId( 'category-activity-commerce' ).textContent
		).toContain( '0 failed of 12 · 0.12 USD · 300 tokens' );
		expect(
			screen.getByTestId( 'category-activity-content' ).textContent
		).toContain( 'No runs yet' );
		expect(
			screen.getByRole( 'columnheader', {
				name: 'Recent runs (24 hours)',
			} )
		).toBeTruthy();
	} );

	it( 'flags ownerless categories and automations with "No owner"', async () => {
		await renderOverview( overviewStatus );
		expect(
			screen.getByTestId( 'category-ownerless-content' ).textContent
		).toBe( 'No owner' );
		expect(
			screen.queryByTestId( 'category-ownerless-marketing' )
		).toBeNull();
		expect(
			within(
				screen.getByTestId( 'automation-row-refund-sync' )
			).getByTestId( 'automation-ownerless-refund-sync' ).textContent
		).toBe( 'No owner' );
		expect(
			screen.queryByTestId( 'automation-ownerless-newsletter-digest' )
		).toBeNull();
	} );

	it( 'keeps the existing row test ids and buttons, and shows a dash for an older server', async () => {
		await renderOverview( () => statusPayload() );
		expect(
			screen.getByTestId( 'category-state-marketing' ).textContent
		).toBe( 'Paused' );
		expect(
			screen.getByRole( 'link', { name: 'Restart Marketing' } )
		).toBeTruthy();
		expect(
			screen.queryByTestId( 'category-activity-marketing' )
		).toBeNull();
		expect(
			within( screen.getByTestId( 'category-row-marketing' ) ).getByText(
				'—'
			)
		).toBeTruthy();
	} );
} );
