/**
 * Human-readable, translatable labels for the API's enums.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	Acknowledgement,
	Actor,
	AutomationConfig,
	AutomationKind,
	AutomationMode,
	Effective,
	PausePolicy,
	SafeModeMode,
	SwitchState,
} from '../api';

export function stateLabel( state: SwitchState ): string {
	switch ( state ) {
		case 'running':
			return __( 'Running', 'sophmate-safe-mode' );
		case 'paused':
			return __( 'Paused', 'sophmate-safe-mode' );
		case 'trial':
			return __( 'Trial', 'sophmate-safe-mode' );
	}
}

export function effectiveLabel( effective: Effective ): string {
	switch ( effective ) {
		case 'run':
			return __( 'Runs', 'sophmate-safe-mode' );
		case 'read_only':
			return __( 'Read-only', 'sophmate-safe-mode' );
		case 'blocked':
			return __( 'Blocked', 'sophmate-safe-mode' );
	}
}

export function kindLabel( kind: AutomationKind ): string {
	switch ( kind ) {
		case 'workflow':
			return __( 'Workflow', 'sophmate-safe-mode' );
		case 'watcher':
			return __( 'Watcher', 'sophmate-safe-mode' );
		case 'agent':
			return __( 'Agent', 'sophmate-safe-mode' );
		case 'playbook':
			return __( 'Playbook', 'sophmate-safe-mode' );
		case 'custom_tool':
			return __( 'Custom tool', 'sophmate-safe-mode' );
	}
}

/** Readiness of an automation. */
export function modeLabel( mode: AutomationMode ): string {
	switch ( mode ) {
		case 'live':
			return __( 'Live', 'sophmate-safe-mode' );
		case 'read_only':
			return __( 'Read-only', 'sophmate-safe-mode' );
		case 'draft':
			return __( 'Draft (manual runs only)', 'sophmate-safe-mode' );
	}
}

export function originLabel( origin: AutomationConfig[ 'origin' ] ): string {
	return origin === 'admin'
		? __( 'Created in the admin', 'sophmate-safe-mode' )
		: __( 'Registered by code', 'sophmate-safe-mode' );
}

/**
 * The switch that decided an automation's effective decision, as the API
 * names it (`category:marketing`, `automation:shop-sync`), with words for the
 * site-wide ones.
 *
 * @param scope `decided_by` from GET /status.
 */
export function decidedByLabel( scope: string ): string {
	switch ( scope ) {
		case 'global':
			return __( 'safe mode', 'sophmate-safe-mode' );
		case 'emergency':
			return __( 'the last-resort switch', 'sophmate-safe-mode' );
		case 'readiness':
			return __( 'its mode', 'sophmate-safe-mode' );
		case 'trial':
			return __( 'the trial', 'sophmate-safe-mode' );
		case 'state':
			return __( 'unreadable switch state', 'sophmate-safe-mode' );
		default:
			return scope;
	}
}

export function safeModeLabel( mode: SafeModeMode ): string {
	switch ( mode ) {
		case 'off':
			return __( 'Off', 'sophmate-safe-mode' );
		case 'read_only':
			return __( 'Read-only', 'sophmate-safe-mode' );
		case 'paused':
			return __( 'Paused', 'sophmate-safe-mode' );
	}
}

/**
 * Display name of an actor; `null` is the system (breaker, update, constant).
 *
 * @param actor Actor from the API.
 */
export function actorName( actor: Actor ): string {
	if ( ! actor ) {
		return __( 'System', 'sophmate-safe-mode' );
	}
	return actor.name || actor.login;
}

/**
 * Where a pause came from, in words.
 *
 * @param source `admin`, `rest`, `cli`, `breaker`, `update`, `constant` or a
 *               value added later by the server.
 */
export function sourceLabel( source: string ): string {
	switch ( source ) {
		case 'admin':
			return __( 'admin screen', 'sophmate-safe-mode' );
		case 'rest':
			return __( 'REST API', 'sophmate-safe-mode' );
		case 'cli':
			return __( 'WP-CLI', 'sophmate-safe-mode' );
		case 'breaker':
			return __( 'circuit breaker', 'sophmate-safe-mode' );
		case 'update':
			return __( 'plugin update', 'sophmate-safe-mode' );
		case 'constant':
			return __( 'wp-config.php constant', 'sophmate-safe-mode' );
		case 'drill':
			return __( 'pause drill', 'sophmate-safe-mode' );
		default:
			return source;
	}
}

function runningPolicy( value: PausePolicy[ 'running' ] ): string {
	return value === 'finish'
		? __( 'finish', 'sophmate-safe-mode' )
		: __( 'stop at checkpoint', 'sophmate-safe-mode' );
}

function holdOrCancel( value: 'hold' | 'cancel' ): string {
	return value === 'hold'
		? __( 'hold', 'sophmate-safe-mode' )
		: __( 'cancel', 'sophmate-safe-mode' );
}

function scheduledPolicy( value: PausePolicy[ 'scheduled' ] ): string {
	return value === 'skip'
		? __( 'skip', 'sophmate-safe-mode' )
		: __( 'hold', 'sophmate-safe-mode' );
}

/**
 * One line describing what a pause does to each kind of work, e.g.
 * "Running jobs: finish · Queued: hold · Scheduled: skip · Retrying: hold".
 *
 * @param policy The category's pause policy.
 */
export function policySummary( policy: PausePolicy ): string {
	return sprintf(
		/* translators: 1: what happens to running jobs, 2: to queued jobs, 3: to scheduled events, 4: to retries. */
		__(
			'Running jobs: %1$s · Queued: %2$s · Scheduled: %3$s · Retrying: %4$s',
			'sophmate-safe-mode'
		),
		runningPolicy( policy.running ),
		holdOrCancel( policy.queued ),
		scheduledPolicy( policy.scheduled ),
		holdOrCancel( policy.retrying )
	);
}

/**
 * Checkbox label of each restart acknowledgement.
 *
 * @param acknowledgement Acknowledgement id.
 */
export function acknowledgementLabel(
	acknowledgement: Acknowledgement
): string {
	switch ( acknowledgement ) {
		case 'run_history':
			return __( 'Run history reviewed', 'sophmate-safe-mode' );
		case 'failed_steps':
			return __( 'Failed steps reviewed', 'sophmate-safe-mode' );
		case 'audit_records':
			return __( 'Audit records reviewed', 'sophmate-safe-mode' );
		case 'pending_approvals':
			return __( 'Pending approvals handled', 'sophmate-safe-mode' );
		case 'provider_status':
			return __( 'Provider status checked', 'sophmate-safe-mode' );
		case 'affected_records':
			return __( 'Affected records checked', 'sophmate-safe-mode' );
	}
}
