/**
 * Review store actions: plain action creators and the load thunk.
 */
import { toApiError, type ApiError } from '../../api';
import { fetchReview, type Review } from '../../api/review';
import { scopeTarget } from '../../utils/review';
import type { StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { ReviewAction } from './types';

type Thunk< R > = StoreThunk< R, ReviewAction, typeof selectors >;

export const fetchReviewStart = (
	scope: string,
	requestId: number
): ReviewAction => ( { type: 'FETCH_REVIEW_START', scope, requestId } );

export const receiveReview = (
	scope: string,
	requestId: number,
	review: Review
): ReviewAction => ( {
	type: 'FETCH_REVIEW_SUCCESS',
	scope,
	requestId,
	review,
} );

export const receiveReviewError = (
	scope: string,
	requestId: number,
	error: ApiError
): ReviewAction => ( {
	type: 'FETCH_REVIEW_FAILURE',
	scope,
	requestId,
	error,
} );

/**
 * Loads (or reloads) the review of a scope. Resolves to the review, or null
 * when the request failed (the error is then in `getError( scope )`).
 *
 * @param scope `global`, `category:SLUG` or `automation:ID`.
 */
export const loadReview =
	( scope: string ): Thunk< Review | null > =>
	async ( { dispatch, select } ) => {
		const requestId = select.getNextRequestId();
		dispatch( fetchReviewStart( scope, requestId ) );
		try {
			const review = await fetchReview( scopeTarget( scope ) );
			dispatch( receiveReview( scope, requestId, review ) );
			return review;
		} catch ( error ) {
			dispatch(
				receiveReviewError( scope, requestId, toApiError( error ) )
			);
			return null;
		}
	};
