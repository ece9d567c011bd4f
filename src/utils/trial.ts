/**
 * A trial in words: its progress ("2 of 5 trial runs, all succeeded") and why
 * it cannot be promoted yet, from the counts GET /status carries.
 */
import { __, _n, sprintf } from '@wordpress/i18n';

import type { Trial } from '../api';

/**
 * "2 of 5 trial runs, all succeeded", "3 trial runs, 1 failed", "No trial run
 * yet (at most 5)".
 *
 * @param trial The switch's trial.
 */
export function trialProgress( trial: Trial ): string {
	const used = trial.runs_used ?? 0;
	if ( used === 0 ) {
		return trial.max_runs === null
			? __( 'No trial run yet.', 'sophmate-safe-mode' )
			: sprintf(
					/* translators: %d: allowed trial runs. */
					__(
						'No trial run yet (at most %d).',
						'sophmate-safe-mode'
					),
					trial.max_runs
				);
	}
	const runs =
		trial.max_runs === null
			? sprintf(
					/* translators: %d: trial runs so far. */
					_n(
						'%d trial run',
						'%d trial runs',
						used,
						'sophmate-safe-mode'
					),
					used
				)
			: sprintf(
					/* translators: 1: trial runs so far, 2: allowed trial runs. */
					__( '%1$d of %2$d trial runs', 'sophmate-safe-mode' ),
					used,
					trial.max_runs
				);
	if ( trial.succeeded === undefined || trial.failed === undefined ) {
		return runs;
	}
	if ( trial.failed > 0 ) {
		return sprintf(
			/* translators: 1: "2 of 5 trial runs", 2: failed runs. */
			__( '%1$s, %2$d failed', 'sophmate-safe-mode' ),
			runs,
			trial.failed
		);
	}
	const unfinished = used - trial.succeeded;
	return unfinished > 0
		? sprintf(
				/* translators: 1: "2 of 5 trial runs", 2: succeeded runs, 3: runs still going. */
				__(
					'%1$s: %2$d succeeded, %3$d not finished',
					'sophmate-safe-mode'
				),
				runs,
				trial.succeeded,
				unfinished
			)
		: sprintf(
				/* translators: %s: "2 of 5 trial runs". */
				__( '%s, all succeeded', 'sophmate-safe-mode' ),
				runs
			);
}

/**
 * Why Promote is not possible yet, or null when it is (or when the counts are
 * unknown and the server must decide).
 *
 * @param trial The switch's trial.
 */
export function promoteBlocker( trial: Trial ): string | null {
	if ( trial.succeeded === undefined || trial.failed === undefined ) {
		return null;
	}
	if ( trial.failed > 0 ) {
		return __(
			'A trial run failed: review again before restarting.',
			'sophmate-safe-mode'
		);
	}
	if ( trial.succeeded === 0 ) {
		return __(
			'Promote becomes possible after one successful trial run.',
			'sophmate-safe-mode'
		);
	}
	return null;
}
