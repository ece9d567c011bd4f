import type { DrillsAction, DrillsEntry, DrillsState } from './types';

export const initialState: DrillsState = {
	entries: {},
	latestRequestId: 0,
};

export const emptyEntry: DrillsEntry = {
	items: [],
	total: 0,
	hasLoaded: false,
	isFetching: false,
	error: null,
	requestId: 0,
	isRunning: false,
	runError: null,
};

function patch(
	state: DrillsState,
	category: string,
	change: Partial< DrillsEntry >
): DrillsState {
	const entry = state.entries[ category ] ?? emptyEntry;
	return {
		...state,
		entries: { ...state.entries, [ category ]: { ...entry, ...change } },
	};
}

/**
 * Drills store reducer: one entry per category. A list answer that a newer
 * request superseded is ignored; a drill just run goes on top of the list at
 * once, so its report shows without waiting for a reload.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: DrillsState = initialState,
	action: DrillsAction
): DrillsState {
	switch ( action.type ) {
		case 'FETCH_DRILLS_START':
			return {
				...patch( state, action.category, {
					isFetching: true,
					requestId: action.requestId,
				} ),
				latestRequestId: Math.max(
					state.latestRequestId,
					action.requestId
				),
			};
		case 'FETCH_DRILLS_SUCCESS':
		case 'FETCH_DRILLS_FAILURE': {
			const entry = state.entries[ action.category ];
			if ( ! entry || entry.requestId !== action.requestId ) {
				return state;
			}
			return action.type === 'FETCH_DRILLS_SUCCESS'
				? patch( state, action.category, {
						isFetching: false,
						hasLoaded: true,
						error: null,
						items: action.items,
						total: action.total,
					} )
				: patch( state, action.category, {
						isFetching: false,
						error: action.error,
					} );
		}
		case 'RUN_DRILL_START':
			return patch( state, action.category, {
				isRunning: true,
				runError: null,
			} );
		case 'RUN_DRILL_SUCCESS': {
			const entry = state.entries[ action.category ] ?? emptyEntry;
			const others = entry.items.filter(
				( item ) => item.id !== action.report.id
			);
			return patch( state, action.category, {
				isRunning: false,
				items: [ action.report, ...others ],
				total:
					entry.total +
					( others.length === entry.items.length ? 1 : 0 ),
			} );
		}
		case 'RUN_DRILL_FAILURE':
			return patch( state, action.category, {
				isRunning: false,
				runError: action.error,
			} );
		default:
			return state;
	}
}
