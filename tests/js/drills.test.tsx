import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { drillReportSchema, type DrillReport } from '../../src/api/drills';
import { DrillReportView } from '../../src/components/drills/DrillReportView';
import {
	bindingsByAutomation,
	bindingVerdict,
	drillSummary,
} from '../../src/components/drills/format';
import { initialState, reducer } from '../../src/store/drills/reducer';
import { getLatestDrill, getTotal } from '../../src/store/drills/selectors';

/** A report as POST /drills answers it (the PHP side is pinned by DrillTest.php). */
function report( overrides: Partial< DrillReport > = {} ): DrillReport {
	return drillReportSchema.parse( {
		id: 3,
		category: 'marketing',
		category_label: 'Marketing',
		outcome: 'failed',
		environment: 'staging',
		started_at: '2026-11-25T12:00:00Z',
		finished_at: '2026-11-25T12:00:02Z',
		actor: { id: 1, login: 'admin', name: 'Ada Admin' },
		automations: [ 'newsletter' ],
		prior_state: 'paused',
		restored_state: 'paused',
		state_restored: true,
		bindings: [
			{
				automation: 'newsletter',
				type: 'cooperative',
				target: 'newsletter',
				exercised: true,
				passed: true,
				detail: 'decide() and start_run() refused',
			},
			{
				automation: 'newsletter',
				type: 'cron',
				target: 'acme_send',
				exercised: true,
				passed: false,
				detail: 'The hook’s callbacks were called',
			},
			{
				automation: 'newsletter',
				type: 'rest',
				target: '/acme/v1/(?P<id>[a-f]{32})',
				exercised: false,
				passed: null,
				detail: 'Not exercised: the route pattern has parts no sample path can fill',
			},
		],
		summary: { total: 3, passed: 1, failed: 1, not_exercised: 1 },
		paused_immediately: [
			'New runs of 1 automation(s) are refused: newsletter.',
		],
		would_finish: [],
		needs_cleanup: [ 'Check the CRM import' ],
		restart: {
			owner: { id: 1, login: 'admin', name: 'Ada Admin' },
			owners: [ { id: 1, login: 'admin', name: 'Ada Admin' } ],
			detail: 'Ada Admin restarts this category after a real pause (restart owner).',
		},
		failure_reason:
			'1 binding(s) were not held by the pause: cron acme_send of newsletter.',
		review_url:
			'https://example.test/wp-admin/admin.php?page=sophmate-safe-mode&view=category&slug=marketing',
		...overrides,
	} );
}

describe( 'drill report', () => {
	it( 'names what held, what got through and what could not be exercised', () => {
		const r = report();
		expect( r.bindings.map( bindingVerdict ) ).toEqual( [
			'held',
			'got_through',
			'not_exercised',
		] );
		expect( drillSummary( r ) ).toBe(
			'1 of 3 bindings held, 1 got through, 1 not exercised'
		);
		expect( bindingsByAutomation( r ) ).toHaveLength( 1 );
	} );

	it( 'renders the outcome, the reason, each binding and the policy sections', () => {
		render( <DrillReportView report={ report() } /> );
		const view = screen.getByTestId( 'drill-report' );
		expect( view.dataset.outcome ).toBe( 'failed' );
		expect(
			within( view ).getByText( /Drill #3 in staging/ )
		).toBeTruthy();
		expect(
			within( view ).getByText( /cron acme_send of newsletter/ )
		).toBeTruthy();
		const bindings = within( view ).getAllByTestId( 'drill-binding' );
		expect( bindings.map( ( li ) => li.className ) ).toEqual( [
			'sophmate-drill__binding is-held',
			'sophmate-drill__binding is-got_through',
			'sophmate-drill__binding is-not_exercised',
		] );
		expect( bindings[ 1 ]?.textContent ).toContain( 'Got through' );
		expect(
			within( view ).getByText( 'Check the CRM import' )
		).toBeTruthy();
		expect(
			within( view ).getByText( /Ada Admin restarts this category/ )
		).toBeTruthy();
		expect(
			within( view ).getByText( /Nothing: runs in progress stop/ )
		).toBeTruthy();
		expect(
			within( view ).getByText( 'State before: Paused. After: Paused.' )
		).toBeTruthy();
	} );

	it( 'the store puts a drill just run on top and counts it once', () => {
		const older = report( { id: 2, outcome: 'passed' } );
		let state = reducer( initialState, {
			type: 'FETCH_DRILLS_START',
			category: 'marketing',
			requestId: 1,
		} );
		state = reducer( state, {
			type: 'FETCH_DRILLS_SUCCESS',
			category: 'marketing',
			requestId: 1,
			items: [ older ],
			total: 1,
		} );
		const newer = report();
		state = reducer( state, {
			type: 'RUN_DRILL_SUCCESS',
			category: 'marketing',
			report: newer,
		} );
		expect( getLatestDrill( state, 'marketing' )?.id ).toBe( 3 );
		expect( getTotal( state, 'marketing' ) ).toBe( 2 );
		// A late answer of a superseded list request changes nothing.
		const late = reducer( state, {
			type: 'FETCH_DRILLS_SUCCESS',
			category: 'marketing',
			requestId: 0,
			items: [],
			total: 0,
		} );
		expect( late ).toBe( state );
	} );
} );
