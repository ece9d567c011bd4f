import { __ } from '@wordpress/i18n';

import type { RunStatus } from '../api';

/**
 * Translated label of a run status.
 *
 * @param status Run status.
 */
export function runStatusLabel( status: RunStatus ): string {
	const labels: Record< RunStatus, string > = {
		queued: __( 'Queued', 'sophmate-safe-mode' ),
		running: __( 'Running', 'sophmate-safe-mode' ),
		succeeded: __( 'Succeeded', 'sophmate-safe-mode' ),
		failed: __( 'Failed', 'sophmate-safe-mode' ),
		skipped: __( 'Skipped', 'sophmate-safe-mode' ),
		held: __( 'Held', 'sophmate-safe-mode' ),
		cancelled: __( 'Cancelled', 'sophmate-safe-mode' ),
		awaiting_approval: __( 'Awaiting approval', 'sophmate-safe-mode' ),
	};
	return labels[ status ];
}

/**
 * "0.12 USD, 300 tokens", or an em dash for no spend.
 *
 * @param spend Amount per unit.
 */
export function spendSummary( spend: Record< string, number > ): string {
	const parts = Object.entries( spend ).map(
		( [ unit, amount ] ) => `${ amount } ${ unit }`
	);
	return parts.length ? parts.join( ', ' ) : '—';
}
