import './breakers.scss';

import { __, sprintf } from '@wordpress/i18n';

import { isTripSource, signalLabel, tripSignal } from './format';

/**
 * "Tripped: failure rate": marks a pause a breaker made (source `breaker` or
 * `update`). Renders nothing for any other source.
 *
 * @param props
 * @param props.source  Switch or audit source.
 * @param props.reason  The pause reason, shown as the badge's title.
 * @param props.context The switch's `trip` or the audit context `{ signal, … }`.
 * @param props.testId  Test id.
 */
export function TripBadge( {
	source,
	reason,
	context,
	testId,
}: {
	source: string | null | undefined;
	reason: string;
	context?: unknown;
	testId?: string;
} ) {
	if ( ! source || ! isTripSource( source ) ) {
		return null;
	}
	const signal = tripSignal( context, source );
	return (
		<span
			className={ `sophmate-breakers__trip is-${ source }` }
			data-testid={ testId }
			title={ reason }
		>
			{ sprintf(
				/* translators: %s: the signal that tripped, e.g. "failure rate". */
				__( 'Tripped: %s', 'sophmate-safe-mode' ),
				signalLabel( signal )
			) }
		</span>
	);
}
