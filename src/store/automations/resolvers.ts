import type { AutomationConfig } from '../../api';
import type { StoreThunkArgs } from '../thunk';
import { loadAutomation, refreshAutomations } from './actions';
import type * as selectors from './selectors';
import type { AutomationsAction, AutomationsState } from './types';

type ResolverArgs = StoreThunkArgs< AutomationsAction, typeof selectors > & {
	resolveSelect: { getAutomations: () => Promise< AutomationConfig[] > };
};

/** Loads the automation configs the first time `getAutomations()` is selected. */
export const getAutomations =
	() =>
	async ( {
		dispatch,
	}: StoreThunkArgs<
		AutomationsAction,
		typeof selectors
	> ): Promise< void > => {
		await dispatch( refreshAutomations() );
	};

/**
 * Loads one automation the first time `getAutomation( id )` is selected and
 * the list does not have it. While the list is loading (the overview asks for
 * it before its rows select their automation), waits for it instead of
 * asking once per row.
 *
 * @param id Automation id.
 */
function fulfillAutomation( id: string ) {
	return async ( {
		dispatch,
		select,
		resolveSelect,
	}: ResolverArgs ): Promise< void > => {
		if ( select.isFetching() ) {
			const list = await resolveSelect.getAutomations();
			if ( list.some( ( item ) => item.id === id ) ) {
				return;
			}
		}
		await dispatch( loadAutomation( id ) );
	};
}

/*
 * A function resolver with an `isFulfilled` property (the form the store
 * types accept): automations already known (settled on their own or in
 * the list) are not asked for again.
 */
export const getAutomation = Object.assign( fulfillAutomation, {
	isFulfilled: ( state: AutomationsState, id: string ): boolean => {
		const entry = state.byId[ id ];
		if ( entry ) {
			return ! entry.isFetching;
		}
		return state.items?.some( ( item ) => item.id === id ) ?? false;
	},
} );
