import type { Provider } from '../../api';
import type { ProvidersAction, ProvidersState } from './types';

export const initialState: ProvidersState = {
	items: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
	pending: {},
};

function upsert( items: Provider[] | null, provider: Provider ): Provider[] {
	const list = items ?? [];
	return list.some( ( item ) => item.slug === provider.slug )
		? list.map( ( item ) =>
				item.slug === provider.slug ? provider : item
			)
		: [ ...list, provider ];
}

/**
 * Providers store reducer; ignores responses of superseded requests, so a slow
 * old answer cannot replace a newer list.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: ProvidersState = initialState,
	action: ProvidersAction
): ProvidersState {
	switch ( action.type ) {
		case 'FETCH_PROVIDERS_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_PROVIDERS_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.items,
				isFetching: false,
				error: null,
			};
		case 'FETCH_PROVIDERS_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
		case 'PROVIDER_OPERATION_START':
			return {
				...state,
				pending: {
					...state.pending,
					[ action.slug ]: action.operation,
				},
			};
		case 'PROVIDER_OPERATION_END': {
			const { [ action.slug ]: _done, ...pending } = state.pending;
			return { ...state, pending };
		}
		case 'RECEIVE_PROVIDER':
			return { ...state, items: upsert( state.items, action.provider ) };
		case 'REMOVE_PROVIDER':
			return {
				...state,
				items:
					state.items?.filter(
						( item ) => item.slug !== action.slug
					) ?? null,
			};
		default:
			return state;
	}
}
