/**
 * Optimistic changes to the GET /status snapshot: pure functions, no store.
 *
 * The visible snapshot is always "last confirmed server snapshot + the
 * changes still in flight", recomputed from scratch. That is what lets one
 * failed mutation be rolled back without undoing another one on a different
 * scope: nothing is ever restored from a saved copy that might predate it.
 *
 * Guesses are conservative: a change may make `effective` stricter (a pause
 * blocks at once) but never looser (a restart or promotion keeps the current
 * decision until the server says what it is now).
 */
import type {
	AutomationStatus,
	CategoryStatus,
	Effective,
	SafeModeMode,
	Status,
	SwitchState,
	SwitchTarget,
} from '../../api';

/** What a mutation is expected to change. */
export type Intent =
	| { kind: 'switch'; target: SwitchTarget; state: SwitchState }
	| { kind: 'safe-mode'; mode: SafeModeMode; reason: string };

export interface OptimisticChange {
	/** Unique per mutation (several may be in flight at once). */
	id: number;
	intent: Intent;
	/**
	 * Set once the server has accepted the change: the latest status request
	 * id at that moment. A snapshot from a later request already contains the
	 * change, so the change is dropped when one arrives.
	 */
	settledAfterRequest: number | null;
}

const STRICTNESS: Record< Effective, number > = {
	run: 0,
	read_only: 1,
	blocked: 2,
};

/**
 * The stricter of two decisions.
 *
 * @param a One decision.
 * @param b Another.
 */
export function stricter( a: Effective, b: Effective ): Effective {
	return STRICTNESS[ a ] >= STRICTNESS[ b ] ? a : b;
}

function blockAutomation(
	automation: AutomationStatus,
	decidedBy: string,
	effective: Effective
): AutomationStatus {
	const next = stricter( automation.effective, effective );
	if ( next === automation.effective ) {
		return automation;
	}
	return { ...automation, effective: next, decided_by: decidedBy };
}

function applySwitch(
	status: Status,
	target: SwitchTarget,
	state: SwitchState
): Status {
	const scope = `${ target.type }:${ target.id }`;
	const effective: Effective = state === 'paused' ? 'blocked' : 'run';
	if ( target.type === 'category' ) {
		return {
			...status,
			categories: status.categories.map( ( category ): CategoryStatus =>
				category.slug === target.id
					? {
							...category,
							state,
							paused: state === 'paused',
							effective: stricter(
								category.effective,
								effective
							),
						}
					: category
			),
			automations: status.automations.map( ( automation ) =>
				automation.category === target.id
					? blockAutomation( automation, scope, effective )
					: automation
			),
		};
	}
	return {
		...status,
		automations: status.automations.map( ( automation ) =>
			automation.id === target.id
				? {
						...blockAutomation( automation, scope, effective ),
						state,
						paused: state === 'paused',
					}
				: automation
		),
	};
}

const SAFE_MODE_EFFECTIVE: Record< SafeModeMode, Effective > = {
	paused: 'blocked',
	read_only: 'read_only',
	off: 'run',
};

function applySafeMode(
	status: Status,
	mode: SafeModeMode,
	reason: string
): Status {
	const effective = SAFE_MODE_EFFECTIVE[ mode ];
	return {
		...status,
		safe_mode: { ...status.safe_mode, mode, reason },
		categories: status.categories.map( ( category ) => {
			const next = stricter( category.effective, effective );
			return next === category.effective
				? category
				: { ...category, effective: next };
		} ),
		automations: status.automations.map( ( automation ) =>
			blockAutomation( automation, 'global', effective )
		),
	};
}

/**
 * The snapshot as it should look once `intent` has taken effect.
 *
 * @param status Snapshot to start from.
 * @param intent Expected change.
 */
export function applyIntent( status: Status, intent: Intent ): Status {
	return intent.kind === 'switch'
		? applySwitch( status, intent.target, intent.state )
		: applySafeMode( status, intent.mode, intent.reason );
}

/**
 * The confirmed snapshot with every change still in flight applied, in the
 * order they started. With no changes it is `confirmed` itself (same object).
 *
 * @param confirmed The last snapshot the server sent.
 * @param changes   Optimistic changes not yet reflected in it.
 */
export function visibleSnapshot(
	confirmed: Status | null,
	changes: readonly OptimisticChange[]
): Status | null {
	if ( ! confirmed ) {
		return null;
	}
	return changes.reduce(
		( status, change ) => applyIntent( status, change.intent ),
		confirmed
	);
}
