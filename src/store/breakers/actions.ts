/**
 * Breakers store actions: load, save (PATCH /categories/{slug} with
 * `breakers`) and the dry run.
 */
import { toApiError, type ApiError } from '../../api';
import {
	fetchCategoryBreakers,
	saveCategoryBreakers,
	simulateBreakers as postSimulation,
	withBreakerDefaults,
	type BreakersConfig,
	type CategoryBreakers,
	type Simulation,
} from '../../api/breakers';
import type { MutationResult, StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { BreakersAction } from './types';

type Thunk< R > = StoreThunk< R, BreakersAction, typeof selectors >;

export const fetchBreakersStart = (
	slug: string,
	requestId: number
): BreakersAction => ( { type: 'FETCH_BREAKERS_START', slug, requestId } );

export const receiveBreakers = (
	slug: string,
	requestId: number,
	value: CategoryBreakers
): BreakersAction => ( {
	type: 'FETCH_BREAKERS_SUCCESS',
	slug,
	requestId,
	value,
} );

export const receiveBreakersError = (
	slug: string,
	requestId: number,
	error: ApiError
): BreakersAction => ( {
	type: 'FETCH_BREAKERS_FAILURE',
	slug,
	requestId,
	error,
} );

export const clearSimulation = ( slug: string ): BreakersAction => ( {
	type: 'CLEAR_SIMULATION',
	slug,
} );

/**
 * Loads (or reloads) the breaker settings and state of a category.
 *
 * @param slug Category slug.
 */
export const loadBreakers =
	( slug: string ): Thunk< void > =>
	async ( { dispatch, select } ) => {
		const requestId = select.getNextRequestId();
		dispatch( fetchBreakersStart( slug, requestId ) );
		try {
			const value = await fetchCategoryBreakers( slug );
			dispatch( receiveBreakers( slug, requestId, value ) );
		} catch ( error ) {
			dispatch(
				receiveBreakersError( slug, requestId, toApiError( error ) )
			);
		}
	};

/**
 * Saves the breaker settings of a category. Resolves to the settings as
 * saved, or to the refusal (a 400 naming the field); never rejects.
 *
 * @param slug     Category slug.
 * @param breakers The full settings.
 */
export const saveBreakers =
	(
		slug: string,
		breakers: BreakersConfig
	): Thunk< MutationResult< CategoryBreakers > > =>
	async ( { dispatch } ) => {
		dispatch( { type: 'SAVE_BREAKERS_START', slug } );
		try {
			const saved = await saveCategoryBreakers( slug, breakers );
			const value: CategoryBreakers = {
				slug: saved.slug,
				label: saved.label,
				config: withBreakerDefaults(
					saved.breaker_state?.config ?? saved.breakers
				),
				state: saved.breaker_state ?? null,
			};
			dispatch( { type: 'SAVE_BREAKERS_SUCCESS', slug, value } );
			return { ok: true, value };
		} catch ( error ) {
			dispatch( { type: 'SAVE_BREAKERS_FAILURE', slug } );
			return { ok: false, error: toApiError( error ) };
		}
	};

/**
 * Dry run of draft settings over the category's run history. Nothing is
 * saved or paused. Never rejects.
 *
 * @param slug     Category slug.
 * @param breakers Draft settings.
 */
export const simulateBreakers =
	(
		slug: string,
		breakers: BreakersConfig
	): Thunk< MutationResult< Simulation > > =>
	async ( { dispatch } ) => {
		dispatch( { type: 'SIMULATE_BREAKERS_START', slug } );
		try {
			const simulation = await postSimulation( slug, breakers );
			dispatch( {
				type: 'SIMULATE_BREAKERS_SUCCESS',
				slug,
				simulation,
			} );
			return { ok: true, value: simulation };
		} catch ( error ) {
			const apiError = toApiError( error );
			dispatch( {
				type: 'SIMULATE_BREAKERS_FAILURE',
				slug,
				error: apiError,
			} );
			return { ok: false, error: apiError };
		}
	};
