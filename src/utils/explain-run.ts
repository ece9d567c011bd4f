/**
 * "Explain the last run": turns a run (GET /runs/{id}), the automation's
 * bindings and its audit events into sentences an operator reads at a glance.
 * Pure functions (dates through an injectable formatter), so every wording
 * rule is unit-tested without rendering.
 */
import { __, _n, sprintf } from '@wordpress/i18n';

import type {
	AffectedRecord,
	AuditEvent,
	Run,
	Switch,
	SwitchState,
} from '../api';
import { actorName, decidedByLabel } from './labels';
import { spendSummary } from './run-labels';
import { formatAbsolute } from './time';

export type StepState = 'done' | 'failed' | 'running' | 'waiting' | 'stopped';

export interface ExplainedStep {
	name: string;
	/** When the step began; null for a failed step the run never recorded. */
	at: string | null;
	state: StepState;
	/** "3 seconds" until the next step (or the end), null when unknown. */
	duration: string | null;
}

export interface ExplainedRecord {
	type: string;
	id: string;
	action: string;
	/** "post #17" */
	label: string;
	/** wp-admin edit screen, null when there is none for the type. */
	url: string | null;
}

export interface RunExplanation {
	/** In reading order: how it started and took, how it ended, cost, records. */
	sentences: string[];
	steps: ExplainedStep[];
	/** Set when the run failed: the step (if known) and the error message. */
	failure: { step: string | null; error: string; text: string } | null;
	records: ExplainedRecord[];
}

export interface Bindings {
	cron_hooks: string[];
	rest_routes: string[];
}

export type DateFormatter = ( iso: string ) => string;

export interface ExplainOptions {
	/** The automation's bindings, to name the hook or route that started it. */
	bindings?: Bindings;
	/** wp-admin URL (boot data), for the touched records' edit links. */
	adminUrl?: string;
	formatDate?: DateFormatter;
}

/**
 * "5 seconds", "2 minutes 5 seconds", "1 hour 3 minutes".
 *
 * @param ms Milliseconds (negative or not finite: null).
 */
export function formatSpan( ms: number ): string | null {
	if ( ! Number.isFinite( ms ) || ms < 0 ) {
		return null;
	}
	const seconds = Math.round( ms / 1000 );
	const secondsText = ( n: number ) =>
		/* translators: %d: number of seconds. */
		sprintf( _n( '%d second', '%d seconds', n, 'sophmate-safe-mode' ), n );
	const minutesText = ( n: number ) =>
		/* translators: %d: number of minutes. */
		sprintf( _n( '%d minute', '%d minutes', n, 'sophmate-safe-mode' ), n );
	if ( seconds < 60 ) {
		return secondsText( seconds );
	}
	const minutes = Math.floor( seconds / 60 );
	if ( minutes < 60 ) {
		return seconds % 60 === 0
			? minutesText( minutes )
			: `${ minutesText( minutes ) } ${ secondsText( seconds % 60 ) }`;
	}
	const hours = Math.floor( minutes / 60 );
	const hoursText = sprintf(
		/* translators: %d: number of hours. */
		_n( '%d hour', '%d hours', hours, 'sophmate-safe-mode' ),
		hours
	);
	return minutes % 60 === 0
		? hoursText
		: `${ hoursText } ${ minutesText( minutes % 60 ) }`;
}

function span( from: string, to: string | null ): string | null {
	return to === null
		? null
		: formatSpan( Date.parse( to ) - Date.parse( from ) );
}

/**
 * "by WP-Cron (hook “shop_sync”)": what started the run, named as precisely
 * as the bindings allow (a run records the trigger, not the hook or route).
 *
 * @param trigger  `cron`, `rest`, `webhook`, `manual`, `api` or anything else.
 * @param bindings The automation's bindings.
 */
export function triggerPhrase( trigger: string, bindings?: Bindings ): string {
	const hooks = bindings?.cron_hooks ?? [];
	const routes = bindings?.rest_routes ?? [];
	switch ( trigger ) {
		case 'cron':
			if ( hooks.length === 1 ) {
				return sprintf(
					/* translators: %s: WP-Cron hook name. */
					__( 'by WP-Cron (hook “%s”)', 'sophmate-safe-mode' ),
					hooks.join( '' )
				);
			}
			if ( hooks.length > 1 ) {
				return sprintf(
					/* translators: %s: comma-separated WP-Cron hook names. */
					__(
						'by WP-Cron (one of the hooks %s)',
						'sophmate-safe-mode'
					),
					hooks.join( ', ' )
				);
			}
			return __( 'by WP-Cron', 'sophmate-safe-mode' );
		case 'rest':
		case 'webhook':
			if ( routes.length === 1 ) {
				return sprintf(
					/* translators: %s: REST route, e.g. /acme/v1/hook. */
					__( 'by a request to %s', 'sophmate-safe-mode' ),
					routes.join( '' )
				);
			}
			return trigger === 'webhook'
				? __( 'by a webhook', 'sophmate-safe-mode' )
				: __( 'by a REST request', 'sophmate-safe-mode' );
		case 'manual':
			return __( 'by hand', 'sophmate-safe-mode' );
		case 'api':
			return __( 'by its own code', 'sophmate-safe-mode' );
		default:
			return sprintf(
				/* translators: %s: trigger recorded with the run. */
				__( 'by “%s”', 'sophmate-safe-mode' ),
				trigger
			);
	}
}

/**
 * The wp-admin screen that edits a touched record, when there is one for its
 * type and the id is numeric.
 *
 * @param record   Touched record.
 * @param adminUrl wp-admin URL.
 */
export function recordEditUrl(
	record: Pick< AffectedRecord, 'type' | 'id' >,
	adminUrl: string
): string | null {
	if ( ! adminUrl || ! /^\d+$/.test( record.id ) ) {
		return null;
	}
	const base = adminUrl.replace( /\/?$/, '/' );
	switch ( record.type ) {
		case 'post':
		case 'page':
		case 'attachment':
			return `${ base }post.php?post=${ record.id }&action=edit`;
		case 'comment':
			return `${ base }comment.php?action=editcomment&c=${ record.id }`;
		case 'user':
			return `${ base }user-edit.php?user_id=${ record.id }`;
		default:
			return null;
	}
}

/**
 * The state of each step: the failed one, the one still going or waiting,
 * the one a cancelled run stopped at; all before it are done. A failed step
 * the run never recorded as started is added at the end.
 *
 * @param run Run.
 */
export function explainSteps( run: Run ): ExplainedStep[] {
	const last = run.steps.length - 1;
	const failedIndex =
		run.failed_step === null
			? -1
			: run.steps
					.map( ( step ) => step.name )
					.lastIndexOf( run.failed_step );
	const stateOfLast = (): StepState => {
		switch ( run.status ) {
			case 'failed':
				// Failed without naming a step: it broke in the last one.
				return run.failed_step === null ? 'failed' : 'done';
			case 'running':
				return 'running';
			case 'awaiting_approval':
				return 'waiting';
			case 'cancelled':
			case 'held':
				return 'stopped';
			default:
				return 'done';
		}
	};
	const steps: ExplainedStep[] = run.steps.map( ( step, index ) => {
		let state: StepState = 'done';
		if ( index === failedIndex ) {
			state = 'failed';
		} else if ( index === last && failedIndex === -1 ) {
			state = stateOfLast();
		}
		const next = run.steps[ index + 1 ]?.at ?? run.finished_at;
		return {
			name: step.name,
			at: step.at,
			state,
			duration: span( step.at, next ?? null ),
		};
	} );
	if ( run.failed_step !== null && failedIndex === -1 ) {
		steps.push( {
			name: run.failed_step,
			at: null,
			state: 'failed',
			duration: null,
		} );
	}
	return steps;
}

function failureOf( run: Run ): RunExplanation[ 'failure' ] {
	if ( run.status !== 'failed' && run.failed_step === null ) {
		return null;
	}
	const error = run.error ?? '';
	let text: string;
	if ( run.failed_step !== null ) {
		text = error
			? sprintf(
					/* translators: 1: step name, 2: error message. */
					__(
						'It failed at step “%1$s”: %2$s',
						'sophmate-safe-mode'
					),
					run.failed_step,
					error
				)
			: sprintf(
					/* translators: %s: step name. */
					__( 'It failed at step “%s”.', 'sophmate-safe-mode' ),
					run.failed_step
				);
	} else {
		text = error
			? sprintf(
					/* translators: %s: error message. */
					__( 'It failed: %s', 'sophmate-safe-mode' ),
					error
				)
			: __( 'It failed without an error message.', 'sophmate-safe-mode' );
	}
	return { step: run.failed_step, error, text };
}

function decisionText( run: Run ): string {
	if ( ! run.reason ) {
		return '';
	}
	return run.decided_by
		? sprintf(
				/* translators: 1: reason, 2: the switch that decided, e.g. "category:marketing". */
				__( '%1$s (decided by %2$s)', 'sophmate-safe-mode' ),
				run.reason,
				decidedByLabel( run.decided_by )
			)
		: run.reason;
}

/*
 * Sentences that say why a run did not (fully) run: `%s` is the recorded
 * reason and the switch that decided.
 */
function notRunSentence( run: Run ): string {
	const why = decisionText( run );
	switch ( run.status ) {
		case 'skipped':
			return why
				? sprintf(
						/* translators: %s: why it did not run. */
						__( 'It did not run: %s.', 'sophmate-safe-mode' ),
						why
					)
				: __( 'It did not run.', 'sophmate-safe-mode' );
		case 'held':
			return why
				? sprintf(
						/* translators: %s: why it is held. */
						__(
							'It is held until a restart: %s.',
							'sophmate-safe-mode'
						),
						why
					)
				: __( 'It is held until a restart.', 'sophmate-safe-mode' );
		default:
			return why
				? sprintf(
						/* translators: %s: why it was cancelled. */
						__( 'It was cancelled: %s.', 'sophmate-safe-mode' ),
						why
					)
				: __( 'It was cancelled.', 'sophmate-safe-mode' );
	}
}

function outcomeSentence(
	run: Run,
	failure: RunExplanation[ 'failure' ]
): string {
	switch ( run.status ) {
		case 'failed':
			return failure?.text ?? '';
		case 'succeeded':
			return __( 'It succeeded.', 'sophmate-safe-mode' );
		case 'skipped':
		case 'held':
		case 'cancelled':
			return notRunSentence( run );
		case 'awaiting_approval':
			return __( 'It is waiting for approval.', 'sophmate-safe-mode' );
		case 'running':
			return __( 'It is still running.', 'sophmate-safe-mode' );
		case 'queued':
			return __( 'It is queued.', 'sophmate-safe-mode' );
	}
}

/**
 * Sentences, steps, failure and records of one run.
 *
 * @param run     The run (GET /runs/{id}).
 * @param options Bindings, wp-admin URL, date formatter.
 */
export function explainRun(
	run: Run,
	options: ExplainOptions = {}
): RunExplanation {
	const formatDate = options.formatDate ?? formatAbsolute;
	const trigger = triggerPhrase( run.trigger, options.bindings );
	const took = span( run.started_at, run.finished_at );
	const sentences: string[] = [
		took === null
			? sprintf(
					/* translators: 1: what started it ("by WP-Cron"), 2: date and time. */
					__(
						'Started %1$s on %2$s; it has not finished.',
						'sophmate-safe-mode'
					),
					trigger,
					formatDate( run.started_at )
				)
			: sprintf(
					/* translators: 1: what started it ("by WP-Cron"), 2: date and time, 3: duration ("5 seconds"). */
					__(
						'Started %1$s on %2$s; it took %3$s.',
						'sophmate-safe-mode'
					),
					trigger,
					formatDate( run.started_at ),
					took
				),
	];
	if ( run.attempt > 1 ) {
		sentences.push(
			sprintf(
				/* translators: %d: attempt number. */
				__( 'This was attempt %d.', 'sophmate-safe-mode' ),
				run.attempt
			)
		);
	}
	if ( run.read_only ) {
		sentences.push(
			__( 'It ran read-only: writes were refused.', 'sophmate-safe-mode' )
		);
	}
	const failure = failureOf( run );
	sentences.push( outcomeSentence( run, failure ) );
	sentences.push(
		Object.keys( run.spend ).length === 0
			? __( 'It recorded no spend.', 'sophmate-safe-mode' )
			: sprintf(
					/* translators: %s: amounts with units, e.g. "0.12 USD, 300 tokens". */
					__( 'It spent %s.', 'sophmate-safe-mode' ),
					spendSummary( run.spend )
				)
	);
	const count = run.affected_records.length;
	sentences.push(
		count === 0
			? __( 'It touched no records.', 'sophmate-safe-mode' )
			: sprintf(
					/* translators: %d: number of records. */
					_n(
						'It touched %d record.',
						'It touched %d records.',
						count,
						'sophmate-safe-mode'
					),
					count
				)
	);
	return {
		sentences,
		steps: explainSteps( run ),
		failure,
		records: run.affected_records.map( ( record ) => ( {
			type: record.type,
			id: record.id,
			action: record.action,
			label: `${ record.type } #${ record.id }`,
			url: recordEditUrl( record, options.adminUrl ?? '' ),
		} ) ),
	};
}

/** The automation's switch now (status store), if known. */
export interface CurrentSwitch {
	state: SwitchState;
	switch: Switch | null;
}

const SWITCH_ACTIONS = [ 'pause', 'restart', 'promote' ];

function who( actor: AuditEvent[ 'actor' ], source: string ): string {
	return source === 'breaker' && ! actor
		? __( 'the circuit breaker', 'sophmate-safe-mode' )
		: actorName( actor );
}

function contextNote( context: unknown ): string {
	if ( typeof context === 'object' && context !== null ) {
		const note = ( context as { note?: unknown } ).note;
		if ( typeof note === 'string' ) {
			return note;
		}
	}
	return '';
}

function pausedSentence( by: string, when: string, reason: string ): string {
	return reason
		? sprintf(
				/* translators: 1: who, 2: date and time, 3: reason. */
				__( 'Paused by %1$s on %2$s: %3$s', 'sophmate-safe-mode' ),
				by,
				when,
				reason
			)
		: sprintf(
				/* translators: 1: who, 2: date and time. */
				__( 'Paused by %1$s on %2$s.', 'sophmate-safe-mode' ),
				by,
				when
			);
}

function restartedSentence( by: string, when: string, note: string ): string {
	return note
		? sprintf(
				/* translators: 1: who, 2: date and time, 3: restart note. */
				__( 'Restarted by %1$s on %2$s: %3$s', 'sophmate-safe-mode' ),
				by,
				when,
				note
			)
		: sprintf(
				/* translators: 1: who, 2: date and time. */
				__( 'Restarted by %1$s on %2$s.', 'sophmate-safe-mode' ),
				by,
				when
			);
}

function eventSentence( event: AuditEvent, formatDate: DateFormatter ) {
	const by = who( event.actor, event.source );
	const when = formatDate( event.created_at );
	switch ( event.action ) {
		case 'pause':
			return pausedSentence( by, when, event.reason );
		case 'restart':
			return restartedSentence(
				by,
				when,
				event.reason || contextNote( event.context )
			);
		default:
			return sprintf(
				/* translators: 1: who, 2: date and time. */
				__(
					'Promoted to running by %1$s on %2$s.',
					'sophmate-safe-mode'
				),
				by,
				when
			);
	}
}

/**
 * The latest pause of the automation and what followed it (restart,
 * promotion), oldest first, then where it stands now. Only the automation's
 * own switch: a category or safe mode that holds it is the effective
 * decision's job. When the audit page did not reach the current pause or
 * restart (or failed to load), the current switch fills it in.
 *
 * @param events     Audit events of `automation:<id>`, any order.
 * @param current    Its switch now, null when unknown.
 * @param formatDate Date formatter.
 */
export function switchStory(
	events: AuditEvent[],
	current: CurrentSwitch | null,
	formatDate: DateFormatter = formatAbsolute
): string[] {
	const changes = events
		.filter( ( event ) => SWITCH_ACTIONS.includes( event.action ) )
		.sort(
			( a, b ) =>
				Date.parse( a.created_at ) - Date.parse( b.created_at ) ||
				a.id - b.id
		);
	const lastPause = changes
		.map( ( event ) => event.action )
		.lastIndexOf( 'pause' );
	const cycle = lastPause === -1 ? [] : changes.slice( lastPause );
	const sentences = cycle.map( ( event ) =>
		eventSentence( event, formatDate )
	);
	const lastAction = cycle[ cycle.length - 1 ]?.action;
	const record = current?.switch ?? null;

	if ( current?.state === 'paused' && lastAction !== 'pause' && record ) {
		sentences.push(
			pausedSentence(
				who( record.actor, record.source ),
				formatDate( record.since ),
				record.reason
			)
		);
	}
	if ( current?.state === 'trial' && lastAction !== 'restart' && record ) {
		sentences.push(
			restartedSentence(
				who( record.actor, record.source ),
				formatDate( record.since ),
				record.reason || record.trial?.note || ''
			)
		);
	}
	if ( current?.state === 'paused' ) {
		sentences.push( __( 'It is paused now.', 'sophmate-safe-mode' ) );
	} else if ( current?.state === 'trial' ) {
		sentences.push(
			__(
				'It is on trial now: promote it once a trial run succeeds.',
				'sophmate-safe-mode'
			)
		);
	} else if ( current?.state === 'running' && sentences.length > 0 ) {
		sentences.push( __( 'It is running now.', 'sophmate-safe-mode' ) );
	}
	return sentences;
}
