import { createRegistry } from '@wordpress/data';
import { describe, expect, it, vi } from 'vitest';

import {
	fetchStatsStart,
	receiveStats,
	receiveStatsError,
} from '../../../src/store/stats/actions';
import { initialState, reducer } from '../../../src/store/stats/reducer';
import {
	getStats,
	getStatsError,
	isFetchingStats,
} from '../../../src/store/stats/selectors';
import { statsKey, statsStore } from '../../../src/store/stats';
import type { ApiError } from '../../../src/api';
import { requestedRoutes, routeApiFetch } from '../support/api-fetch';
import { statsPayload } from '../support/stats-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const error: ApiError = Object.assign( new Error( 'Nope' ), {
	code: 'rest_forbidden',
	status: 403,
	data: null,
} ) as unknown as ApiError;

describe( 'stats reducer and selectors', () => {
	it( 'keeps one entry per window and category', () => {
		const day = statsKey( '24h' );
		const week = statsKey( '7d', 'marketing' );
		let state = reducer( initialState, fetchStatsStart( day, 1 ) );
		state = reducer( state, fetchStatsStart( week, 2 ) );
		expect( isFetchingStats( state, '24h' ) ).toBe( true );
		state = reducer( state, receiveStats( day, 1, statsPayload() ) );
		expect( getStats( state, '24h' )?.window ).toBe( '24h' );
		expect( isFetchingStats( state, '24h' ) ).toBe( false );
		expect( getStats( state, '7d', 'marketing' ) ).toBeNull();
		expect( isFetchingStats( state, '7d', 'marketing' ) ).toBe( true );
	} );

	it( 'ignores the answer of a superseded request for the same key', () => {
		const key = statsKey( '24h' );
		let state = reducer( initialState, fetchStatsStart( key, 1 ) );
		state = reducer( state, fetchStatsStart( key, 2 ) );
		const stale = reducer( state, receiveStats( key, 1, statsPayload() ) );
		expect( stale ).toBe( state );
		state = reducer( state, receiveStatsError( key, 2, error ) );
		expect( getStatsError( state, '24h' )?.code ).toBe( 'rest_forbidden' );
	} );

	it( 'keeps the last stats when a refresh fails and clears the error on success', () => {
		const key = statsKey( '24h' );
		let state = reducer( initialState, fetchStatsStart( key, 1 ) );
		state = reducer( state, receiveStats( key, 1, statsPayload() ) );
		state = reducer( state, fetchStatsStart( key, 2 ) );
		state = reducer( state, receiveStatsError( key, 2, error ) );
		expect( getStats( state, '24h' ) ).not.toBeNull();
		expect( getStatsError( state, '24h' ) ).not.toBeNull();
		state = reducer( state, fetchStatsStart( key, 3 ) );
		state = reducer( state, receiveStats( key, 3, statsPayload() ) );
		expect( getStatsError( state, '24h' ) ).toBeNull();
	} );
} );

describe( 'stats store thunks', () => {
	it( 'refreshStats loads a window/category from GET /stats', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/stats?window=7d&category=marketing':
				() => ( { ...statsPayload( '7d' ), category: 'marketing' } ),
		} );
		const registry = createRegistry();
		registry.register( statsStore );
		const stats = await registry
			.dispatch( statsStore )
			.refreshStats( '7d', 'marketing' );
		expect( stats?.runs_per_hour ).toHaveLength( 168 );
		expect(
			registry.select( statsStore ).getStats( '7d', 'marketing' )
				?.category
		).toBe( 'marketing' );
	} );

	it( 'a failed request resolves to null and records the error', async () => {
		routeApiFetch( {} );
		const registry = createRegistry();
		registry.register( statsStore );
		expect(
			await registry.dispatch( statsStore ).refreshStats( '24h' )
		).toBeNull();
		expect(
			registry.select( statsStore ).getStatsError( '24h' )?.code
		).toBe( 'rest_no_route' );
		expect( requestedRoutes() ).toContain(
			'GET /sophmate-safe-mode/v1/stats?window=24h'
		);
	} );
} );
