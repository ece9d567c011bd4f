/**
 * What the cadence panel and the overview say about a review schedule: pure
 * functions, unit-tested in tests/js/cadence.test.ts.
 */
import { __, _n, sprintf } from '@wordpress/i18n';

import {
	REVIEW_ITEMS,
	type Cadence,
	type DueReasonKind,
	type EscalationProblem,
	type ReviewItem,
} from '../../api';

const DAY_MS = 86_400_000;

/** How soon a review is due; the UI says it in words and colours it. */
export type ReviewTone = 'none' | 'overdue' | 'soon' | 'scheduled';

/** Within this many days the next review is "soon". */
export const SOON_DAYS = 7;

export interface ReviewSummary {
	tone: ReviewTone;
	/** "Overdue by 3 days", "Due in 5 days", … (never colour alone). */
	text: string;
}

/**
 * Summary of a category's next review.
 *
 * @param next    next_review_at (ISO), or null when none is set.
 * @param overdue Whether the server says it is due now.
 * @param now     Milliseconds since the epoch.
 */
export function reviewSummary(
	next: string | null | undefined,
	overdue: boolean | undefined,
	now: number
): ReviewSummary {
	if ( ! next ) {
		return {
			tone: 'none',
			text: __( 'No review scheduled (never ran)', 'sophmate-safe-mode' ),
		};
	}
	const at = Date.parse( next );
	if ( overdue || at <= now ) {
		const days = Math.floor( ( now - at ) / DAY_MS );
		return {
			tone: 'overdue',
			text:
				days < 1
					? __( 'Review due now', 'sophmate-safe-mode' )
					: sprintf(
							/* translators: %d: whole days since the review became due. */
							_n(
								'Review overdue by %d day',
								'Review overdue by %d days',
								days,
								'sophmate-safe-mode'
							),
							days
						),
		};
	}
	const days = Math.ceil( ( at - now ) / DAY_MS );
	return {
		tone: days <= SOON_DAYS ? 'soon' : 'scheduled',
		text: sprintf(
			/* translators: %d: days until the next review. */
			_n(
				'Next review in %d day',
				'Next review in %d days',
				days,
				'sophmate-safe-mode'
			),
			days
		),
	};
}

/**
 * Why a review is due, in words.
 *
 * @param reason Reason kind from the server.
 */
export function dueReasonLabel( reason: DueReasonKind ): string {
	switch ( reason ) {
		case 'first_run':
			return __( 'First run', 'sophmate-safe-mode' );
		case 'failed_runs':
			return __( 'Failed runs', 'sophmate-safe-mode' );
		case 'provider_change':
			return __( 'Provider changed', 'sophmate-safe-mode' );
		case 'scheduled':
			return __( 'Regular review', 'sophmate-safe-mode' );
	}
}

/**
 * A checklist item of "Mark review done", in words.
 *
 * @param item Item id.
 */
export function reviewItemLabel( item: ReviewItem ): string {
	switch ( item ) {
		case 'runs':
			return __( 'Run history', 'sophmate-safe-mode' );
		case 'failed_steps':
			return __( 'Failed steps', 'sophmate-safe-mode' );
		case 'audit':
			return __( 'Audit records', 'sophmate-safe-mode' );
		case 'providers':
			return __( 'Provider status', 'sophmate-safe-mode' );
		case 'affected_records':
			return __( 'Affected records', 'sophmate-safe-mode' );
		case 'owners':
			return __( 'Owners and restart owner', 'sophmate-safe-mode' );
		case 'drill':
			return __( 'Pause drill', 'sophmate-safe-mode' );
	}
}

/**
 * An escalation problem, in words.
 *
 * @param problem Problem id.
 */
export function escalationLabel( problem: EscalationProblem ): string {
	switch ( problem ) {
		case 'overdue_review':
			return __( 'Review overdue', 'sophmate-safe-mode' );
		case 'ownerless':
			return __( 'No owner', 'sophmate-safe-mode' );
		case 'no_restart_owner':
			return __( 'Nobody can restart it', 'sophmate-safe-mode' );
		case 'unpausable':
			return __( 'Not proven pausable', 'sophmate-safe-mode' );
		case 'paused_scope_touched_records':
			return __(
				'Paused, but records were already changed',
				'sophmate-safe-mode'
			);
	}
}

/**
 * Checklist items the reviewer should look at first, given why the review is
 * due: failed runs → runs and failed steps, a provider change → providers,
 * every review → runs and audit. The reviewer can change them.
 *
 * @param cadence The category's cadence.
 */
export function suggestedItems( cadence: Cadence ): ReviewItem[] {
	const items = new Set< ReviewItem >( [ 'runs', 'audit' ] );
	for ( const reason of cadence.due_reasons ) {
		if ( reason.reason === 'failed_runs' ) {
			items.add( 'failed_steps' );
		}
		if ( reason.reason === 'provider_change' ) {
			items.add( 'providers' );
		}
	}
	for ( const escalation of cadence.escalations ) {
		if ( escalation.problem === 'paused_scope_touched_records' ) {
			items.add( 'affected_records' );
		}
		if (
			escalation.problem === 'ownerless' ||
			escalation.problem === 'no_restart_owner'
		) {
			items.add( 'owners' );
		}
		if ( escalation.problem === 'unpausable' ) {
			items.add( 'drill' );
		}
	}
	return REVIEW_ITEMS.filter( ( item ) => items.has( item ) );
}

/**
 * Whether the current user may mark the category's review done (the server
 * checks again): managers, the owner and the backup owner.
 *
 * @param who             The current user.
 * @param who.canManage   Has the manage capability.
 * @param who.userId      Current user id.
 * @param owners          The category's people.
 * @param owners.ownerId  Owner id, if known.
 * @param owners.backupId Backup owner id, if known.
 */
export function canMarkReviewDone(
	who: { canManage: boolean; userId: number },
	owners: { ownerId: number | null; backupId: number | null }
): boolean {
	if ( who.canManage ) {
		return true;
	}
	return (
		who.userId > 0 &&
		( owners.ownerId === who.userId || owners.backupId === who.userId )
	);
}

/**
 * Toggles a checklist item, keeping the server's order.
 *
 * @param selected Items checked now.
 * @param item     Item toggled.
 * @param checked  New state.
 */
export function toggleItem(
	selected: readonly ReviewItem[],
	item: ReviewItem,
	checked: boolean
): ReviewItem[] {
	const set = new Set( selected );
	if ( checked ) {
		set.add( item );
	} else {
		set.delete( item );
	}
	return REVIEW_ITEMS.filter( ( id ) => set.has( id ) );
}
