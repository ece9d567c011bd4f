import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegistryProvider } from '@wordpress/data';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { AuditTimeline, RecentRuns } from '../../../src/components/history';
import { runDuration } from '../../../src/components/history/duration';
import { runsStore } from '../../../src/store/runs';
import { apiFetchMock } from '../support/api-fetch';
import { createTestRegistry } from '../support/render';
import {
	auditEventPayload,
	failedRunPayload,
	rawResponse,
} from '../support/runs-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';

/*
 * The widgets need a registry (the Runs store must stay untouched) and
 * nothing else of the page.
 */
function renderWithStores( ui: ReactElement ) {
	const registry = createTestRegistry();
	const wrap = ( element: ReactElement ) => (
		<RegistryProvider value={ registry }>{ element }</RegistryProvider>
	);
	const result = render( wrap( ui ) );
	return {
		registry,
		rerender: ( next: ReactElement ) => result.rerender( wrap( next ) ),
	};
}

/** Text of the list's error notice, null when there is none. */
function errorText(): string | null {
	return (
		document.querySelector( '.sophmate-safe-mode__list-error' )
			?.textContent ?? null
	);
}

function paths(): string[] {
	return apiFetchMock.mock.calls.map( ( [ options ] ) => options.path ?? '' );
}

describe( 'RecentRuns', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=sophmate-safe-mode&view=category&slug=marketing'
		);
	} );

	it( 'asks for the latest runs of the scope and links each to its detail and the tab to the filtered list', async () => {
		apiFetchMock.mockResolvedValue(
			rawResponse(
				[
					failedRunPayload(),
					failedRunPayload( {
						id: 41,
						status: 'succeeded',
						failed_step: null,
						error: null,
						finished_at: '2026-11-25T20:02:05Z',
					} ),
				],
				{ 'X-WP-Total': '2', 'X-WP-TotalPages': '1' }
			)
		);
		const navigate = vi.fn();
		const user = userEvent.setup();
		renderWithStores(
			<RecentRuns
				category="marketing"
				limit={ 5 }
				navigate={ navigate }
			/>
		);

		const row = await screen.findByTestId( 'recent-run-42' );
		expect( paths() ).toEqual( [
			`${ NS }/runs?category=marketing&page=1&per_page=5`,
		] );
		expect(
			within( row ).getByText( 'demo-newsletter-playbook' )
		).toBeTruthy();
		expect( within( row ).getByText( 'Failed' ) ).toBeTruthy();
		expect( within( row ).getByText( 'send' ) ).toBeTruthy();
		expect( within( row ).getByText( '5 s' ) ).toBeTruthy();
		const other = screen.getByTestId( 'recent-run-41' );
		expect( within( other ).getByText( '2 min 5 s' ) ).toBeTruthy();

		await user.click( within( row ).getByRole( 'link', { name: '#42' } ) );
		expect( navigate ).toHaveBeenLastCalledWith( { view: 'run', id: 42 } );

		const seeAll = screen.getByRole( 'link', { name: 'See all runs' } );
		expect( seeAll.getAttribute( 'href' ) ).toBe(
			'/wp-admin/admin.php?page=sophmate-safe-mode&view=runs&category=marketing'
		);
		await user.click( seeAll );
		expect( navigate ).toHaveBeenLastCalledWith( {
			view: 'runs',
			filters: {
				category: 'marketing',
				automation: '',
				status: '',
				since: '',
				until: '',
			},
			page: 1,
		} );
	} );

	it( 'defaults to ten runs and filters by automation', async () => {
		apiFetchMock.mockResolvedValue(
			rawResponse( [], { 'X-WP-Total': '0', 'X-WP-TotalPages': '0' } )
		);
		renderWithStores(
			<RecentRuns automation="nightly-digest" navigate={ vi.fn() } />
		);
		expect(
			( await screen.findByTestId( 'recent-runs-empty' ) ).textContent
		).toBe( 'No runs yet.' );
		expect( paths() ).toEqual( [
			`${ NS }/runs?automation=nightly-digest&page=1&per_page=10`,
		] );
	} );

	it( 'shows the error and loads again on "Try again"', async () => {
		apiFetchMock.mockRejectedValueOnce( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			data: { status: 403 },
		} );
		apiFetchMock.mockResolvedValueOnce(
			rawResponse( [ failedRunPayload() ], { 'X-WP-Total': '1' } )
		);
		const user = userEvent.setup();
		renderWithStores(
			<RecentRuns category="marketing" navigate={ vi.fn() } />
		);

		await screen.findByRole( 'button', { name: 'Try again' } );
		expect( errorText() ).toContain(
			'The recent runs could not be loaded. Sorry, you are not allowed to do that.'
		);
		expect( screen.queryByTestId( 'recent-run-42' ) ).toBeNull();
		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );
		expect( await screen.findByTestId( 'recent-run-42' ) ).toBeTruthy();
		expect( errorText() ).toBeNull();
	} );

	it( 'shows a loading state until the answer arrives', async () => {
		let resolve: ( value: unknown ) => void = () => undefined;
		apiFetchMock.mockReturnValue(
			new Promise( ( done ) => {
				resolve = done;
			} )
		);
		renderWithStores(
			<RecentRuns category="marketing" navigate={ vi.fn() } />
		);
		expect( screen.getByRole( 'status' ).textContent ).toContain(
			'Loading'
		);
		resolve( rawResponse( [ failedRunPayload() ], { 'X-WP-Total': '1' } ) );
		expect( await screen.findByTestId( 'recent-run-42' ) ).toBeTruthy();
		expect( screen.queryByRole( 'status' ) ).toBeNull();
	} );

	it( 'leaves the Runs tab store alone', async () => {
		apiFetchMock.mockResolvedValue(
			rawResponse( [ failedRunPayload() ], { 'X-WP-Total': '1' } )
		);
		const { registry } = renderWithStores(
			<RecentRuns category="marketing" navigate={ vi.fn() } />
		);
		await screen.findByTestId( 'recent-run-42' );
		expect( registry.select( runsStore ).hasLoaded() ).toBe( false );
		expect( registry.select( runsStore ).getRuns() ).toEqual( [] );
	} );
} );

describe( 'AuditTimeline', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=sophmate-safe-mode&view=category&slug=marketing'
		);
	} );

	it( 'lists the events of the scope in order with who, what, before → after, why and where from', async () => {
		apiFetchMock.mockResolvedValue(
			rawResponse(
				[
					auditEventPayload( {
						id: 8,
						action: 'restart',
						before: 'paused',
						after: 'trial',
						reason: 'Fixed the SMTP credentials',
						context: { note: 'Only the digest, 3 runs' },
						source: 'cli',
						actor: null,
						created_at: '2026-11-25T22:00:00+00:00',
					} ),
					auditEventPayload(),
				],
				{ 'X-WP-Total': '2', 'X-WP-TotalPages': '1' }
			)
		);
		const navigate = vi.fn();
		const user = userEvent.setup();
		renderWithStores(
			<AuditTimeline scope="category:marketing" navigate={ navigate } />
		);

		const list = await screen.findByRole( 'list', {
			name: 'Audit events of category:marketing',
		} );
		expect( list.tagName ).toBe( 'OL' );
		expect( paths() ).toEqual( [
			`${ NS }/audit?scope=category%3Amarketing&page=1&per_page=10`,
		] );
		const items = within( list ).getAllByRole( 'listitem' );
		const [ first, second ] = items as [ HTMLElement, HTMLElement ];
		expect( items.map( ( item ) => item.dataset.testid ) ).toEqual( [
			'audit-timeline-event-8',
			'audit-timeline-event-7',
		] );
		expect( first.textContent ).toContain(
			'System: restart (paused → trial)'
		);
		expect( first.textContent ).toContain( 'Fixed the SMTP credentials' );
		expect( first.textContent ).toContain( 'Only the digest, 3 runs' );
		expect( first.textContent ).toContain( 'via WP-CLI' );
		expect(
			first.querySelector( 'time' )?.getAttribute( 'datetime' )
		).toBe( '2026-11-25T22:00:00+00:00' );
		expect( second.textContent ).toContain(
			'Ada Admin: pause (running → paused)'
		);
		expect( second.textContent ).toContain( 'Newsletter sent twice' );
		expect( second.textContent ).toContain( 'via admin screen' );

		const full = screen.getByRole( 'link', {
			name: 'See the full audit log',
		} );
		expect( full.getAttribute( 'href' ) ).toBe(
			'/wp-admin/admin.php?page=sophmate-safe-mode&view=audit&scope=category%3Amarketing'
		);
		await user.click( full );
		expect( navigate ).toHaveBeenCalledWith( {
			view: 'audit',
			filters: {
				scope: 'category:marketing',
				action: '',
				since: '',
				until: '',
			},
			page: 1,
		} );
	} );

	it( 'says so when the scope has no events, and asks for the limit given', async () => {
		apiFetchMock.mockResolvedValue(
			rawResponse( [], { 'X-WP-Total': '0' } )
		);
		renderWithStores(
			<AuditTimeline
				scope="automation:nightly-digest"
				limit={ 3 }
				navigate={ vi.fn() }
			/>
		);
		expect(
			await screen.findByTestId( 'audit-timeline-empty' )
		).toBeTruthy();
		expect( paths() ).toEqual( [
			`${ NS }/audit?scope=automation%3Anightly-digest&page=1&per_page=3`,
		] );
	} );

	it( 'shows the error with a retry', async () => {
		apiFetchMock.mockRejectedValueOnce( {
			code: 'rest_forbidden',
			message: 'Nope.',
			data: { status: 403 },
		} );
		apiFetchMock.mockResolvedValueOnce(
			rawResponse( [ auditEventPayload() ], { 'X-WP-Total': '1' } )
		);
		const user = userEvent.setup();
		renderWithStores(
			<AuditTimeline scope="category:marketing" navigate={ vi.fn() } />
		);
		await screen.findByRole( 'button', { name: 'Try again' } );
		expect( errorText() ).toContain(
			'The audit events could not be loaded. Nope.'
		);
		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );
		expect(
			await screen.findByTestId( 'audit-timeline-event-7' )
		).toBeTruthy();
	} );

	it( 'shows the new scope only, even when the old answer comes last', async () => {
		let resolveOld: ( value: unknown ) => void = () => undefined;
		apiFetchMock.mockImplementation( ( options ) =>
			options.path?.includes( 'marketing' )
				? new Promise( ( done ) => {
						resolveOld = done;
					} )
				: Promise.resolve(
						rawResponse(
							[
								auditEventPayload( {
									id: 9,
									scope: 'category:content',
								} ),
							],
							{
								'X-WP-Total': '1',
							}
						)
					)
		);
		const { rerender } = renderWithStores(
			<AuditTimeline scope="category:marketing" navigate={ vi.fn() } />
		);
		rerender(
			<AuditTimeline scope="category:content" navigate={ vi.fn() } />
		);
		expect(
			await screen.findByTestId( 'audit-timeline-event-9' )
		).toBeTruthy();
		resolveOld(
			rawResponse( [ auditEventPayload() ], { 'X-WP-Total': '1' } )
		);
		await waitFor( () =>
			expect(
				screen.queryByTestId( 'audit-timeline-event-7' )
			).toBeNull()
		);
		expect( screen.getByTestId( 'audit-timeline-event-9' ) ).toBeTruthy();
	} );
} );

describe( 'runDuration', () => {
	it( 'reads seconds, minutes and hours, and a dash while running', () => {
		expect(
			runDuration( '2026-11-25T20:00:00Z', '2026-11-25T20:00:04Z' )
		).toBe( '4 s' );
		expect(
			runDuration( '2026-11-25T20:00:00Z', '2026-11-25T21:03:00Z' )
		).toBe( '1 h 3 min' );
		expect( runDuration( '2026-11-25T20:00:00Z', null ) ).toBe( '—' );
	} );
} );
