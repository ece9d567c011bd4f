/**
 * The restart review's rules that do not need React: which scope a route
 * names, the narrowest sensible trial by default, what a trial plan means in
 * plain words, and the request it becomes.
 */
import { __, _n, sprintf } from '@wordpress/i18n';

import type {
	Acknowledgement,
	RestartRequest,
	RestartScope,
	SwitchTarget,
} from '../api';
import type { Review } from '../api/review';

/** The largest trial the server accepts. */
export const MAX_TRIAL_RUNS = 10000;
/** "A few trial runs": enough to see the fix hold, few enough to be cheap if it does not. */
export const DEFAULT_TRIAL_RUNS = 3;

export interface TrialPlan {
	/** Automations allowed to run in the trial (a category's; empty for one automation). */
	automations: string[];
	/** As typed, so a half-typed number can be shown and explained. */
	maxRuns: string;
	readOnly: boolean;
}

export interface PlanContext {
	/** The scope's label, e.g. "Marketing". */
	label: string;
	kind: 'global' | 'category' | 'automation';
	/** A category's automations; empty otherwise. */
	automations: Array< { id: string; label: string } >;
}

/**
 * The API target of a review scope.
 *
 * @param scope `global`, `category:SLUG` or `automation:ID`.
 */
export function scopeTarget( scope: string ): SwitchTarget | 'global' {
	const [ kind, ...rest ] = scope.split( ':' );
	const id = rest.join( ':' );
	if ( ( kind === 'category' || kind === 'automation' ) && id !== '' ) {
		return { type: kind, id };
	}
	return 'global';
}

/**
 * The narrowest sensible trial: read-only, a few runs, and for a category
 * only the automations that failed in the review window (all of them when
 * none did), so the first runs after a restart test the fix and little else.
 *
 * @param review  The evidence.
 * @param context Scope label, kind and automations.
 */
export function defaultPlan( review: Review, context: PlanContext ): TrialPlan {
	const known = new Set( context.automations.map( ( a ) => a.id ) );
	const failed = [
		...new Set( review.failed_steps.map( ( f ) => f.automation ) ),
	].filter( ( id ) => known.has( id ) );
	let automations: string[] = [];
	if ( context.kind === 'category' ) {
		automations = failed.length ? failed : [ ...known ];
	}
	return {
		automations,
		maxRuns: String( DEFAULT_TRIAL_RUNS ),
		readOnly: true,
	};
}

/**
 * What is wrong with a plan, by field; empty when it can be sent.
 *
 * @param plan    The plan.
 * @param context Scope label, kind and automations.
 */
export function planProblems(
	plan: TrialPlan,
	context: PlanContext
): Partial< Record< 'automations' | 'maxRuns', string > > {
	const problems: Partial< Record< 'automations' | 'maxRuns', string > > = {};
	if ( context.kind !== 'global' ) {
		const runs = Number( plan.maxRuns.trim() );
		if (
			plan.maxRuns.trim() === '' ||
			! Number.isInteger( runs ) ||
			runs < 1 ||
			runs > MAX_TRIAL_RUNS
		) {
			problems.maxRuns = sprintf(
				/* translators: %d: the largest number of trial runs. */
				__(
					'Enter a whole number of trial runs from 1 to %d.',
					'sophmate-safe-mode'
				),
				MAX_TRIAL_RUNS
			);
		}
	}
	if (
		context.kind === 'category' &&
		context.automations.length > 0 &&
		plan.automations.length === 0
	) {
		problems.automations = __(
			'Pick at least one automation to run in the trial.',
			'sophmate-safe-mode'
		);
	}
	return problems;
}

function automationsSentence(
	chosen: PlanContext[ 'automations' ],
	context: PlanContext
): string {
	if ( chosen.length === 0 ) {
		return __( 'No automation is selected to run.', 'sophmate-safe-mode' );
	}
	if ( chosen.length === context.automations.length ) {
		return sprintf(
			/* translators: %s: category label. */
			__( 'Every automation of %s may run.', 'sophmate-safe-mode' ),
			context.label
		);
	}
	const others = context.automations.length - chosen.length;
	return sprintf(
		/* translators: 1: automation labels, 2: how many others wait. */
		_n(
			'Only %1$s may run; %2$d other automation waits until you promote.',
			'Only %1$s may run; %2$d other automations wait until you promote.',
			others,
			'sophmate-safe-mode'
		),
		chosen.map( ( a ) => a.label ).join( ', ' ),
		others
	);
}

/**
 * What will happen after the restart, in sentences, for the confirmation
 * summary.
 *
 * @param plan    The plan.
 * @param context Scope label, kind and automations.
 */
export function planSummary( plan: TrialPlan, context: PlanContext ): string[] {
	if ( context.kind === 'global' ) {
		return [
			__(
				'Safe mode turns off: every category and automation goes back to its own switch.',
				'sophmate-safe-mode'
			),
			__(
				'Categories and automations that are paused stay paused.',
				'sophmate-safe-mode'
			),
		];
	}
	const runs = Number( plan.maxRuns );
	const sentences: string[] = [];
	if ( context.kind === 'category' && context.automations.length ) {
		const chosen = context.automations.filter( ( a ) =>
			plan.automations.includes( a.id )
		);
		sentences.push( automationsSentence( chosen, context ) );
	}
	sentences.push(
		sprintf(
			/* translators: %d: number of trial runs. */
			_n(
				'At most %d run in all; anything due after that waits (held or skipped by the pause policy) until you promote.',
				'At most %d runs in all; anything due after that waits (held or skipped by the pause policy) until you promote.',
				runs,
				'sophmate-safe-mode'
			),
			runs
		),
		plan.readOnly
			? __(
					'Read-only: runs may read, every write and customer-facing action is refused and recorded.',
					'sophmate-safe-mode'
				)
			: __(
					'Runs may write: they change records and reach customers as usual.',
					'sophmate-safe-mode'
				),
		sprintf(
			/* translators: %s: category or automation label. */
			__(
				'The first failed run pauses %s again by itself. Promote it to running once at least one run succeeded and none failed.',
				'sophmate-safe-mode'
			),
			context.label
		)
	);
	return sentences;
}

/**
 * The body of POST …/restart for a reviewed plan.
 *
 * @param args
 * @param args.plan           The trial plan.
 * @param args.context        Scope label, kind and automations.
 * @param args.acknowledged   The six acknowledgements.
 * @param args.note           What was reviewed.
 * @param args.review         The evidence the operator read.
 * @param args.overrideReason Why to restart despite an outage ('' = none).
 */
export function restartRequest( args: {
	plan: TrialPlan;
	context: PlanContext;
	acknowledged: Acknowledgement[];
	note: string;
	review: Review;
	overrideReason: string;
} ): RestartRequest {
	const { plan, context } = args;
	const scope: RestartScope = {
		max_runs: Number( plan.maxRuns ),
		read_only: plan.readOnly,
	};
	if (
		context.kind === 'category' &&
		plan.automations.length < context.automations.length
	) {
		scope.automations = context.automations
			.map( ( a ) => a.id )
			.filter( ( id ) => plan.automations.includes( id ) );
	}
	return {
		acknowledged: args.acknowledged,
		note: args.note.trim(),
		scope,
		review_hash: args.review.snapshot.hash,
		...( args.overrideReason.trim()
			? { override_reason: args.overrideReason.trim() }
			: {} ),
	};
}

/**
 * Providers of the review that are in outage (a restart needs an override).
 *
 * @param review The evidence.
 */
export function providersInOutage( review: Review ): string[] {
	return review.providers
		.filter( ( p ) => p.status === 'outage' )
		.map( ( p ) => p.label || p.slug );
}
