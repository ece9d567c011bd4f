/**
 * Stats store actions: plain action creators and the refresh thunk.
 */
import { toApiError, type ApiError } from '../../api';
import { fetchStats, type Stats, type StatsWindow } from '../../api/stats';
import type { StoreThunk } from '../thunk';
import { statsKey } from './constants';
import type * as selectors from './selectors';
import type { StatsAction } from './types';

type Thunk< R > = StoreThunk< R, StatsAction, typeof selectors >;

export const fetchStatsStart = (
	key: string,
	requestId: number
): StatsAction => ( { type: 'FETCH_STATS_START', key, requestId } );

export const receiveStats = (
	key: string,
	requestId: number,
	stats: Stats
): StatsAction => ( { type: 'FETCH_STATS_SUCCESS', key, requestId, stats } );

export const receiveStatsError = (
	key: string,
	requestId: number,
	error: ApiError
): StatsAction => ( { type: 'FETCH_STATS_FAILURE', key, requestId, error } );

/**
 * Loads GET /stats for a window and category. Resolves to the stats, or null
 * when the request failed (the error is then in `getStatsError()`).
 *
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export const refreshStats =
	(
		window: StatsWindow,
		category: string | null = null
	): Thunk< Stats | null > =>
	async ( { dispatch, select } ) => {
		const key = statsKey( window, category );
		const requestId = select.getNextRequestId();
		dispatch( fetchStatsStart( key, requestId ) );
		try {
			const stats = await fetchStats( window, category );
			dispatch( receiveStats( key, requestId, stats ) );
			return stats;
		} catch ( error ) {
			dispatch(
				receiveStatsError( key, requestId, toApiError( error ) )
			);
			return null;
		}
	};
