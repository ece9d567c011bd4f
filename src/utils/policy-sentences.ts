/**
 * A category's pause policy in plain sentences: what an operator needs to
 * know before pressing Pause, in the words they would use in an incident.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { PausePolicy } from '../api';

export interface PolicyPeople {
	/** Display name of the policy's restart owner, null when none is set. */
	restartOwner: string | null;
	/** Display name of the category's owner, null when it has none. */
	owner: string | null;
}

/** The keys of the sentences, in the order they are read. */
export type PolicySentenceKey =
	'running' | 'queued' | 'scheduled' | 'retrying' | 'cleanup' | 'restart';

/**
 * One sentence per rule, e.g. "Running jobs finish.", "Queued jobs are
 * cancelled.", "Manual cleanup: check the mailing provider.", "Restarted by:
 * Ada Admin".
 *
 * @param policy The pause policy (as stored, or as being edited).
 * @param people Names of the restart owner and the owner.
 */
export function policySentences(
	policy: PausePolicy,
	people: PolicyPeople
): Array< { key: PolicySentenceKey; text: string } > {
	const cleanup = policy.cleanup_notes.trim();
	return [
		{
			key: 'running',
			text:
				policy.running === 'finish'
					? __( 'Running jobs finish.', 'sophmate-safe-mode' )
					: __(
							'Running jobs stop at their next checkpoint.',
							'sophmate-safe-mode'
						),
		},
		{
			key: 'queued',
			text:
				policy.queued === 'hold'
					? __(
							'Queued jobs are held and run after restart.',
							'sophmate-safe-mode'
						)
					: __( 'Queued jobs are cancelled.', 'sophmate-safe-mode' ),
		},
		{
			key: 'scheduled',
			text:
				policy.scheduled === 'skip'
					? __(
							'Scheduled runs during the pause are skipped.',
							'sophmate-safe-mode'
						)
					: __(
							'Scheduled runs during the pause are held; each runs once after restart.',
							'sophmate-safe-mode'
						),
		},
		{
			key: 'retrying',
			text:
				policy.retrying === 'hold'
					? __( 'Retries wait.', 'sophmate-safe-mode' )
					: __( 'Retries are cancelled.', 'sophmate-safe-mode' ),
		},
		{
			key: 'cleanup',
			text: cleanup
				? sprintf(
						/* translators: %s: what has to be cleaned up by hand. */
						__( 'Manual cleanup: %s', 'sophmate-safe-mode' ),
						cleanup
					)
				: __( 'No manual cleanup is recorded.', 'sophmate-safe-mode' ),
		},
		{ key: 'restart', text: restartSentence( policy, people ) },
	];
}

function restartSentence( policy: PausePolicy, people: PolicyPeople ): string {
	if ( policy.restart_owner_id !== null ) {
		return sprintf(
			/* translators: %s: display name of the person who restarts. */
			__( 'Restarted by: %s', 'sophmate-safe-mode' ),
			// A user id that is not among the owners still has to be named.
			people.restartOwner ??
				sprintf(
					/* translators: %d: user id. */
					__( 'user #%d', 'sophmate-safe-mode' ),
					policy.restart_owner_id
				)
		);
	}
	if ( people.owner !== null ) {
		return sprintf(
			/* translators: %s: display name of the category's owner. */
			__( 'Restarted by: %s (the owner)', 'sophmate-safe-mode' ),
			people.owner
		);
	}
	return __(
		'Restarted by: nobody is named; someone who manages automation has to.',
		'sophmate-safe-mode'
	);
}
