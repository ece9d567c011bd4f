import {
	fetchCadence,
	fetchReviews,
	markReviewDone as postReviewDone,
	toApiError,
	type Cadence,
	type ReviewDone,
} from '../../api';
import type { MutationResult, StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { CadenceAction } from './types';

type Thunk< R > = StoreThunk< R, CadenceAction, typeof selectors >;

export const receiveCadence = ( cadence: Cadence ): CadenceAction => ( {
	type: 'RECEIVE_CADENCE',
	cadence,
} );

export const receiveCadenceList = ( items: Cadence[] ): CadenceAction => ( {
	type: 'RECEIVE_CADENCE_LIST',
	items,
} );

/**
 * Loads GET /categories/{slug}/cadence; never rejects (the error is then in
 * `getCadenceError()`).
 *
 * @param slug Category slug.
 */
export const refreshCadence =
	( slug: string ): Thunk< Cadence | null > =>
	async ( { dispatch } ) => {
		try {
			const cadence = await fetchCadence( slug );
			dispatch( receiveCadence( cadence ) );
			return cadence;
		} catch ( error ) {
			dispatch( {
				type: 'CADENCE_ERROR',
				slug,
				error: toApiError( error ),
			} );
			return null;
		}
	};

/** Loads GET /reviews; never rejects. */
export const refreshReviews =
	(): Thunk< Cadence[] | null > =>
	async ( { dispatch } ) => {
		try {
			const items = await fetchReviews();
			dispatch( receiveCadenceList( items ) );
			return items;
		} catch ( error ) {
			dispatch( {
				type: 'CADENCE_LIST_ERROR',
				error: toApiError( error ),
			} );
			return null;
		}
	};

/**
 * POST /categories/{slug}/reviews; the answer replaces the category's
 * cadence. Resolves to the new cadence or the server's refusal.
 *
 * @param slug Category slug.
 * @param body Note and what was reviewed.
 */
export const markReviewDone =
	( slug: string, body: ReviewDone ): Thunk< MutationResult< Cadence > > =>
	async ( { dispatch } ) => {
		dispatch( { type: 'MARK_REVIEW_START', slug } );
		try {
			const cadence = await postReviewDone( slug, body );
			dispatch( receiveCadence( cadence ) );
			return { ok: true, value: cadence };
		} catch ( error ) {
			return { ok: false, error: toApiError( error ) };
		} finally {
			dispatch( { type: 'MARK_REVIEW_END', slug } );
		}
	};
