/**
 * Pure helpers of the readiness panel: the mode steps, where each missing
 * item is fixed, what a 409 `sophmate_not_ready` says is missing, and which
 * reviewed runs may be sent.
 */
import { __ } from '@wordpress/i18n';
import { z } from 'zod';

import type { ApiError, AutomationMode, Readiness } from '../../api';
import type { Route } from '../../utils/route';

export const MODE_STEPS: readonly AutomationMode[] = [
	'draft',
	'read_only',
	'live',
];

export type StepState = 'done' | 'current' | 'todo';

/**
 * Whether a step of draft → read-only → live is behind, at or ahead of the
 * automation's mode.
 *
 * @param mode Current mode.
 * @param step The step shown.
 */
export function stepState(
	mode: AutomationMode,
	step: AutomationMode
): StepState {
	const at = MODE_STEPS.indexOf( mode );
	const index = MODE_STEPS.indexOf( step );
	if ( index < at ) {
		return 'done';
	}
	return index === at ? 'current' : 'todo';
}

export interface MissingItem {
	id: string;
	label: string;
}

const missingSchema = z.object( {
	missing: z.array( z.object( { id: z.string(), label: z.string() } ) ),
} );

/**
 * The items a 409 `sophmate_not_ready` names in `data.missing`; empty for
 * any other error.
 *
 * @param error What the mode change rejected with.
 */
export function missingFromError( error: ApiError | null ): MissingItem[] {
	if ( ! error || error.code !== 'sophmate_not_ready' ) {
		return [];
	}
	const parsed = missingSchema.safeParse( error.data );
	return parsed.success ? parsed.data.missing : [];
}

/** Where on the automation page (an element id) or in the console a missing item is fixed. */
export type FixTarget =
	| { kind: 'anchor'; anchor: string; label: string }
	| { kind: 'route'; route: Route; label: string }
	| { kind: 'none' };

export const CHECKLIST_EDITOR_ID = 'sophmate-readiness-checklist';
export const REVIEW_RUNS_ID = 'sophmate-readiness-runs';

/**
 * Where to fix a missing item.
 *
 * @param itemId   Id of the missing item (`checklist.trigger`, `owner`, `drill` …).
 * @param category The automation's category (drills run there).
 */
export function fixTarget( itemId: string, category: string ): FixTarget {
	if ( itemId.startsWith( 'checklist.' ) ) {
		return {
			kind: 'anchor',
			anchor: `${ CHECKLIST_EDITOR_ID }-${ itemId.slice( 10 ) }`,
			label: __( 'Edit the checklist', 'sophmate-safe-mode' ),
		};
	}
	switch ( itemId ) {
		case 'owner':
		case 'owner_deleted':
		case 'owner_capability':
			return {
				kind: 'anchor',
				anchor: `${ CHECKLIST_EDITOR_ID }-owner`,
				label: __( 'Choose an owner', 'sophmate-safe-mode' ),
			};
		case 'drill':
		case 'drill_failed':
		case 'drill_coverage':
			return {
				kind: 'route',
				route: { view: 'category', slug: category },
				label: __(
					'Run a pause drill on the category page',
					'sophmate-safe-mode'
				),
			};
		case 'read_only_runs':
		case 'reviewed_runs':
			return {
				kind: 'anchor',
				anchor: REVIEW_RUNS_ID,
				label: __( 'Review read-only runs', 'sophmate-safe-mode' ),
			};
		default:
			return { kind: 'none' };
	}
}

export interface ModeAction {
	target: AutomationMode;
	label: string;
}

/**
 * The step up the panel offers: "Move to read-only" from a draft, "Take
 * live" from read-only, nothing once live or when code sets the mode.
 *
 * @param readiness The automation's readiness.
 */
export function nextAction( readiness: Readiness ): ModeAction | null {
	if ( readiness.mode_from_code || readiness.next === null ) {
		return null;
	}
	return readiness.next === 'read_only'
		? {
				target: 'read_only',
				label: __( 'Move to read-only', 'sophmate-safe-mode' ),
			}
		: { target: 'live', label: __( 'Take live', 'sophmate-safe-mode' ) };
}

/**
 * The run ids to send as reviewed: only those both opened and ticked, and
 * still among the candidates.
 *
 * @param candidates Ids of the succeeded read-only runs offered.
 * @param opened     Ids whose detail was opened.
 * @param ticked     Ids ticked "Reviewed".
 */
export function reviewedRuns(
	candidates: readonly number[],
	opened: ReadonlySet< number >,
	ticked: ReadonlySet< number >
): number[] {
	return candidates.filter( ( id ) => opened.has( id ) && ticked.has( id ) );
}

/**
 * Missing items that the runs the operator ticked already settle, so the
 * panel does not nag about reviews that are done and only need sending.
 *
 * @param missing  What the server says is missing.
 * @param reviewed How many runs are ticked as reviewed.
 * @param required How many the server requires.
 */
export function stillMissing(
	missing: readonly MissingItem[],
	reviewed: number,
	required: number
): MissingItem[] {
	return missing.filter(
		( item ) => ! ( item.id === 'reviewed_runs' && reviewed >= required )
	);
}

/**
 * The console page of a problem's scope (`category:SLUG`, `automation:ID`).
 *
 * @param scope Scope string.
 */
export function scopeRoute( scope: string ): Route | null {
	const match = /^(category|automation):(.+)$/.exec( scope );
	if ( ! match || ! match[ 2 ] ) {
		return null;
	}
	return match[ 1 ] === 'category'
		? { view: 'category', slug: match[ 2 ] }
		: { view: 'automation', id: match[ 2 ] };
}
