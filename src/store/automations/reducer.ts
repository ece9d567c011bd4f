import type {
	AutomationEntry,
	AutomationsAction,
	AutomationsState,
} from './types';

export const initialState: AutomationsState = {
	items: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
	byId: {},
};

const EMPTY_ENTRY: AutomationEntry = {
	item: null,
	error: null,
	isFetching: false,
	latestRequestId: 0,
};

/**
 * Entries loaded one by one, refreshed from a newer list so a page never
 * shows an older answer than the overview.
 *
 * @param byId  Entries by id.
 * @param items The list that just arrived.
 */
function refreshEntries(
	byId: AutomationsState[ 'byId' ],
	items: AutomationsState[ 'items' ]
): AutomationsState[ 'byId' ] {
	let next = byId;
	for ( const item of items ?? [] ) {
		const entry = byId[ item.id ];
		if ( entry?.item ) {
			next = { ...next, [ item.id ]: { ...entry, item } };
		}
	}
	return next;
}

/**
 * Automations store reducer; ignores responses of superseded requests.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: AutomationsState = initialState,
	action: AutomationsAction
): AutomationsState {
	switch ( action.type ) {
		case 'FETCH_AUTOMATIONS_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_AUTOMATIONS_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.automations,
				isFetching: false,
				error: null,
				byId: refreshEntries( state.byId, action.automations ),
			};
		case 'FETCH_AUTOMATIONS_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
		case 'FETCH_AUTOMATION_START': {
			const entry = state.byId[ action.id ] ?? EMPTY_ENTRY;
			return {
				...state,
				byId: {
					...state.byId,
					[ action.id ]: {
						...entry,
						isFetching: true,
						latestRequestId: entry.latestRequestId + 1,
					},
				},
			};
		}
		case 'FETCH_AUTOMATION_SUCCESS':
		case 'FETCH_AUTOMATION_FAILURE': {
			const entry = state.byId[ action.id ];
			if ( ! entry || action.requestId !== entry.latestRequestId ) {
				return state;
			}
			const settled: AutomationEntry =
				action.type === 'FETCH_AUTOMATION_SUCCESS'
					? {
							...entry,
							item: action.automation,
							error: null,
							isFetching: false,
						}
					: {
							...entry,
							// A 404 means it is gone; anything else keeps the last answer on screen.
							item:
								action.error.status === 404 ? null : entry.item,
							error: action.error,
							isFetching: false,
						};
			return {
				...state,
				byId: { ...state.byId, [ action.id ]: settled },
			};
		}
		default:
			return state;
	}
}
