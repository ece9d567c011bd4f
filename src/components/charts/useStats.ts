import { useSelect } from '@wordpress/data';

import type { StatsWindow } from '../../api/stats';
import { statsStore } from '../../store/stats';

/**
 * GET /stats for a window and category through the stats store (loaded on
 * first use).
 *
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export function useStats( window: StatsWindow, category: string | null ) {
	return useSelect(
		( select ) => {
			const store = select( statsStore );
			return {
				stats: store.getStats( window, category ),
				fetching: store.isFetchingStats( window, category ),
				error: store.getStatsError( window, category ),
			};
		},
		[ window, category ]
	);
}
