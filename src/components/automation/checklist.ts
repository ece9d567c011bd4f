/**
 * The production checklist of an automation: the six texts registered with
 * it plus two facts the plugin knows itself (owner, kill switch).
 */
import { __, sprintf } from '@wordpress/i18n';

import type { AutomationConfig } from '../../api';
import { actorName } from '../../utils/labels';

export interface ChecklistItem {
	key: string;
	label: string;
	done: boolean;
	/** What is in place, or what is missing and how to fix it. */
	text: string;
}

function text( config: AutomationConfig, key: string ): string {
	const value = config.checklist[ key ];
	return typeof value === 'string' ? value.trim() : '';
}

function retryText( config: AutomationConfig ): string {
	const registered = text( config, 'retry' );
	if ( registered ) {
		return registered;
	}
	if ( config.retry ) {
		return sprintf(
			/* translators: 1: number of attempts, 2: seconds between attempts. */
			__( 'Up to %1$d attempts, %2$d s apart.', 'sophmate-safe-mode' ),
			config.retry.max_attempts,
			config.retry.backoff_seconds
		);
	}
	return '';
}

/**
 * Where pausing this automation actually stops it: a kill switch is only
 * real when something it runs through is gated.
 *
 * @param config Automation config.
 */
function killSwitchText( config: AutomationConfig ): string {
	const planes: string[] = [];
	if ( config.origin === 'code' ) {
		planes.push(
			__( 'its code asks before each run', 'sophmate-safe-mode' )
		);
	}
	if ( config.cron_hooks.length ) {
		planes.push( __( 'its cron hooks are held', 'sophmate-safe-mode' ) );
	}
	if ( config.rest_routes.length ) {
		planes.push( __( 'its REST routes answer 503', 'sophmate-safe-mode' ) );
	}
	if ( config.providers.length ) {
		planes.push(
			__( 'its calls to providers are refused', 'sophmate-safe-mode' )
		);
	}
	if ( ! planes.length ) {
		return '';
	}
	return sprintf(
		/* translators: %s: comma-separated list of what a pause stops. */
		__( 'Pause here: %s.', 'sophmate-safe-mode' ),
		planes.join( ', ' )
	);
}

/**
 * The eight items, in the order of the production checklist.
 *
 * @param config Automation config (GET /automations/{id}).
 */
export function checklistItems( config: AutomationConfig ): ChecklistItem[] {
	const missing: string = __(
		'Not described yet: add it to the automation’s checklist.',
		'sophmate-safe-mode'
	);
	const item = (
		key: string,
		label: string,
		value: string,
		whenMissing: string = missing
	): ChecklistItem => ( {
		key,
		label,
		done: value !== '',
		text: value || whenMissing,
	} );
	return [
		item(
			'trigger',
			__( 'Trigger', 'sophmate-safe-mode' ),
			text( config, 'trigger' )
		),
		item(
			'owner',
			__( 'Owner', 'sophmate-safe-mode' ),
			config.owner ? actorName( config.owner ) : '',
			__(
				'No owner: nobody is accountable for it.',
				'sophmate-safe-mode'
			)
		),
		item(
			'input_data',
			__( 'Input data', 'sophmate-safe-mode' ),
			text( config, 'input_data' )
		),
		item(
			'output',
			__( 'Output', 'sophmate-safe-mode' ),
			text( config, 'output' )
		),
		item(
			'approval',
			__( 'Approval requirement', 'sophmate-safe-mode' ),
			text( config, 'approval' )
		),
		item(
			'retry',
			__( 'Retry behaviour', 'sophmate-safe-mode' ),
			retryText( config )
		),
		item(
			'failure_notification',
			__( 'Failure notification', 'sophmate-safe-mode' ),
			text( config, 'failure_notification' )
		),
		item(
			'kill_switch',
			__( 'Kill switch', 'sophmate-safe-mode' ),
			killSwitchText( config ),
			__(
				'Nothing to stop: bind a cron hook, REST route or provider.',
				'sophmate-safe-mode'
			)
		),
	];
}
