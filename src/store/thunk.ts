/**
 * Minimal typing for @wordpress/data thunks.
 *
 * `ThunkArgs< typeof store >` from @wordpress/data would make each store's
 * type depend on its own actions (a circular type). Thunks here are typed
 * against the store's plain action union and its selectors instead, which is
 * all they use.
 */
import type { ApiError } from '../api';

export type CurriedSelectors< Selectors > = {
	[ K in keyof Selectors ]: Selectors[ K ] extends (
		state: never,
		...args: infer P
	) => infer R
		? ( ...args: P ) => R
		: never;
};

export interface StoreThunkArgs< Action, Selectors > {
	dispatch: {
		( action: Action ): Action;
		< R >( thunk: ( args: StoreThunkArgs< Action, Selectors > ) => R ): R;
	};
	select: CurriedSelectors< Selectors >;
}

export type StoreThunk< R, Action, Selectors > = (
	args: StoreThunkArgs< Action, Selectors >
) => Promise< R >;

/**
 * What every mutation thunk resolves to: it never rejects, so components just
 * branch on `ok`.
 */
export type MutationResult< T > =
	{ ok: true; value: T } | { ok: false; error: ApiError };
