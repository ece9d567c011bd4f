import { describe, expect, it } from 'vitest';

import { ApiError } from '../../src/api';
import {
	BREAKER_DEFAULTS,
	breakersConfigSchema,
	breakerStateSchema,
	simulationSchema,
	withBreakerDefaults,
} from '../../src/api/breakers';
import {
	breakerFieldOf,
	breakerFormValues,
	breakersFromForm,
	breakerServerErrors,
	validateBreakerForm,
} from '../../src/components/breakers/form';
import {
	contextSignal,
	formatMinutes,
	tripSignal,
	signalLabel,
} from '../../src/components/breakers/format';

describe( 'breaker schemas', () => {
	it( 'fills every missing kind and field with the defaults, PHP [] included', () => {
		expect(
			withBreakerDefaults( breakersConfigSchema.parse( [] ) )
		).toEqual( BREAKER_DEFAULTS );
		const partial = breakersConfigSchema.parse( {
			failures: { consecutive: null, window_runs: 30 },
			spend: {
				enabled: true,
				budgets: [ { unit: 'tokens', per_day: 1e6 } ],
			},
		} );
		const config = withBreakerDefaults( partial );
		expect( config.failures ).toEqual( {
			enabled: true,
			consecutive: null,
			rate_percent: 50,
			window_runs: 30,
			min_runs: 10,
		} );
		expect( config.spend.budgets ).toEqual( [
			{ unit: 'tokens', per_hour: null, per_day: 1e6 },
		] );
	} );

	it( 'reads a kind stored in an older free-form shape as its defaults', () => {
		const config = withBreakerDefaults(
			breakersConfigSchema.parse( { failures: 3 } )
		);
		expect( config.failures ).toEqual( BREAKER_DEFAULTS.failures );
	} );

	it( 'parses breaker_state and a simulation with fields missing', () => {
		const state = breakerStateSchema.parse( {
			failures: { consecutive: 2, recent_runs: 12, rate_percent: 25 },
			spend: [ { unit: 'usd', last_hour: '1.5', per_hour: 5 } ],
			last_trip: null,
		} );
		expect( state.failures?.threshold ).toBeUndefined();
		expect( state.spend?.[ 0 ]?.last_hour ).toBe( 1.5 );
		expect( breakerStateSchema.parse( [] ) ).toEqual( {} );
		const simulation = simulationSchema.parse( {
			trips: [ { at: '2026-11-25T14:02:00Z', reason: 'x' } ],
		} );
		expect( simulation ).toEqual( {
			trips: [
				{
					at: '2026-11-25T14:02:00Z',
					reason: 'x',
					scope: '',
					signal: '',
					now: false,
				},
			],
			runs_considered: 0,
			since: null,
			truncated: false,
		} );
	} );
} );

describe( 'breaker form', () => {
	it( 'round-trips the defaults, an empty trigger meaning null', () => {
		const values = breakerFormValues( BREAKER_DEFAULTS );
		expect( validateBreakerForm( values ) ).toEqual( {} );
		expect( breakersFromForm( values ) ).toEqual( BREAKER_DEFAULTS );
		values.failures.consecutive = '';
		values.spend.budgets = [
			{ unit: 'usd', per_hour: '0.5', per_day: '' },
		];
		const body = breakersFromForm( values );
		expect( body.failures.consecutive ).toBeNull();
		expect( body.spend.budgets ).toEqual( [
			{ unit: 'usd', per_hour: 0.5, per_day: null },
		] );
	} );

	it( 'checks what the server checks, naming each field', () => {
		const values = breakerFormValues( BREAKER_DEFAULTS );
		values.failures.rate_percent = '150';
		values.failures.window_runs = '5';
		values.failures.min_runs = '10';
		values.spend.enabled = true;
		values.spend.budgets = [
			{ unit: 'usd', per_hour: '', per_day: '' },
			{ unit: 'USD', per_hour: '-1', per_day: '' },
			{ unit: 'not a unit', per_hour: '1', per_day: '' },
		];
		values.stale_context.max_age_minutes = '0';
		values.customer_impact.window_minutes = '1441';
		const errors = validateBreakerForm( values );
		expect( Object.keys( errors ).sort() ).toEqual( [
			'customer_impact.window_minutes',
			'failures.min_runs',
			'failures.rate_percent',
			'spend.budgets.0.per_hour',
			'spend.budgets.1.per_hour',
			'spend.budgets.1.unit',
			'spend.budgets.2.unit',
			'stale_context.max_age_minutes',
		] );
		expect( errors[ 'failures.min_runs' ] ).toContain( 'window' );
		expect( errors[ 'spend.budgets.1.unit' ] ).toContain(
			'budget already'
		);

		values.spend.budgets = [];
		expect( validateBreakerForm( values ).spend ).toContain(
			'Add a budget'
		);
	} );

	it( 'maps the server messages to their fields', () => {
		expect(
			breakerFieldOf(
				'breakers.failures.min_runs must not be more than window_runs (5)'
			)
		).toBe( 'failures.min_runs' );
		expect(
			breakerFieldOf( 'breakers.spend.budgets[1].unit must be …' )
		).toBe( 'spend.budgets.1.unit' );
		expect(
			breakerFieldOf(
				'breakers.spend.budgets[0] needs per_hour, per_day or both.'
			)
		).toBe( 'spend.budgets.0.per_hour' );
		expect(
			breakerFieldOf( 'breakers.spend.budgets needs at least one' )
		).toBe( 'spend' );
		expect(
			breakerFieldOf( 'breakers.nonsense is not a kind' )
		).toBeNull();

		const refused = new ApiError( {
			code: 'sophmate_invalid_breakers',
			message:
				'breakers.customer_impact.window_minutes must be a whole number from 1 to 1440.',
			status: 400,
			data: {
				status: 400,
				field: 'breakers.customer_impact.window_minutes',
			},
		} );
		expect( breakerServerErrors( refused ) ).toEqual( {
			fields: { 'customer_impact.window_minutes': refused.message },
			form: null,
		} );
		const forbidden = new ApiError( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			status: 403,
			data: { status: 403 },
		} );
		expect( breakerServerErrors( forbidden ) ).toEqual( {
			fields: {},
			form: forbidden.message,
		} );
	} );
} );

describe( 'trip signals', () => {
	it( 'names the signal from the switch trip or the audit context', () => {
		expect( contextSignal( { signal: 'spend', value: 5.2 } ) ).toBe(
			'spend'
		);
		expect( contextSignal( { breaker: 'customer_impact' } ) ).toBe(
			'customer_impact'
		);
		expect( contextSignal( [] ) ).toBeNull();
		expect(
			signalLabel(
				tripSignal(
					{ signal: 'failure_rate', value: 60, threshold: 50 },
					'breaker'
				)
			)
		).toBe( 'failure rate' );
		expect(
			signalLabel( tripSignal( { signal: 'trial' }, 'breaker' ) )
		).toBe( 'failed trial run' );
		// A pause stored before switches carried their trip: the source alone.
		expect( tripSignal( null, 'update' ) ).toBe( 'update' );
		expect( tripSignal( undefined, 'breaker' ) ).toBe( 'breaker' );
		expect( formatMinutes( 190 ) ).toBe( '3h 10m' );
		expect( formatMinutes( 45 ) ).toBe( '45 min' );
	} );
} );
