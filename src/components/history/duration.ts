import { __, sprintf } from '@wordpress/i18n';

/**
 * How long a run took, e.g. "4 s", "2 min 5 s", "1 h 3 min"; an em dash
 * while it has not finished (or the times cannot be read).
 *
 * @param startedAt  ISO 8601 start.
 * @param finishedAt ISO 8601 end, null while running.
 */
export function runDuration(
	startedAt: string,
	finishedAt: string | null
): string {
	if ( finishedAt === null ) {
		return '—';
	}
	const ms = Date.parse( finishedAt ) - Date.parse( startedAt );
	if ( ! Number.isFinite( ms ) || ms < 0 ) {
		return '—';
	}
	const seconds = Math.round( ms / 1000 );
	if ( seconds < 60 ) {
		/* translators: %d: seconds. */
		return sprintf( __( '%d s', 'sophmate-safe-mode' ), seconds );
	}
	const minutes = Math.floor( seconds / 60 );
	if ( minutes < 60 ) {
		return sprintf(
			/* translators: 1: minutes, 2: seconds. */
			__( '%1$d min %2$d s', 'sophmate-safe-mode' ),
			minutes,
			seconds % 60
		);
	}
	return sprintf(
		/* translators: 1: hours, 2: minutes. */
		__( '%1$d h %2$d min', 'sophmate-safe-mode' ),
		Math.floor( minutes / 60 ),
		minutes % 60
	);
}
