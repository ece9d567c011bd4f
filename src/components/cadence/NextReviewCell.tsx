import './cadence.scss';

import type { CategoryStatus } from '../../api';
import { useNow } from '../../utils/time';
import { TimeStamp } from '../TimeStamp';
import { reviewSummary } from './cadence';

/**
 * The overview's "Next review" cell: when the category's review is due, from
 * GET /status (no extra request), overdue in words and in colour.
 *
 * @param props
 * @param props.category Category status from GET /status.
 */
export function NextReviewCell( { category }: { category: CategoryStatus } ) {
	const now = useNow();
	if ( category.next_review_at === undefined ) {
		return null; // A server without review cadence: nothing to say.
	}
	const summary = reviewSummary(
		category.next_review_at,
		category.review_overdue,
		now
	);
	return (
		<div data-testid={ `category-next-review-${ category.slug }` }>
			<span
				className={ `sophmate-cadence__summary is-${ summary.tone }` }
				data-tone={ summary.tone }
			>
				{ summary.text }
			</span>
			{ category.next_review_at && (
				<p className="sophmate-safe-mode__meta">
					<TimeStamp iso={ category.next_review_at } />
				</p>
			) }
		</div>
	);
}
