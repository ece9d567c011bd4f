/**
 * Drills store actions: the list load and running a drill.
 */
import {
	fetchDrills,
	runDrill as postDrill,
	toApiError,
	type ApiError,
	type DrillReport,
} from '../../api';
import type { MutationResult, StoreThunk } from '../thunk';
import { DRILLS_PER_PAGE } from './constants';
import type * as selectors from './selectors';
import type { DrillsAction } from './types';

type Thunk< R > = StoreThunk< R, DrillsAction, typeof selectors >;

export const fetchDrillsStart = (
	category: string,
	requestId: number
): DrillsAction => ( { type: 'FETCH_DRILLS_START', category, requestId } );

export const receiveDrills = (
	category: string,
	requestId: number,
	items: DrillReport[],
	total: number
): DrillsAction => ( {
	type: 'FETCH_DRILLS_SUCCESS',
	category,
	requestId,
	items,
	total,
} );

export const receiveDrillsError = (
	category: string,
	requestId: number,
	error: ApiError
): DrillsAction => ( {
	type: 'FETCH_DRILLS_FAILURE',
	category,
	requestId,
	error,
} );

/**
 * Loads (or reloads) the newest drills of a category.
 *
 * @param category Category slug.
 */
export const loadDrills =
	( category: string ): Thunk< void > =>
	async ( { dispatch, select } ) => {
		const requestId = select.getNextRequestId();
		dispatch( fetchDrillsStart( category, requestId ) );
		try {
			const page = await fetchDrills( category, 1, DRILLS_PER_PAGE );
			dispatch(
				receiveDrills( category, requestId, page.items, page.total )
			);
		} catch ( error ) {
			dispatch(
				receiveDrillsError( category, requestId, toApiError( error ) )
			);
		}
	};

/**
 * Runs a pause drill of a category. Resolves to its report (passed or failed
 * alike), or to the refusal (409 while one runs, 403, 404); never rejects.
 *
 * @param category Category slug.
 */
export const runDrill =
	( category: string ): Thunk< MutationResult< DrillReport > > =>
	async ( { dispatch } ) => {
		dispatch( { type: 'RUN_DRILL_START', category } );
		try {
			const report = await postDrill( category );
			dispatch( { type: 'RUN_DRILL_SUCCESS', category, report } );
			return { ok: true, value: report };
		} catch ( error ) {
			const apiError = toApiError( error );
			dispatch( {
				type: 'RUN_DRILL_FAILURE',
				category,
				error: apiError,
			} );
			return { ok: false, error: apiError };
		}
	};
