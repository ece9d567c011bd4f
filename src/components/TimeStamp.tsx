import { __, sprintf } from '@wordpress/i18n';

import { formatAbsolute, formatRelative, useNow } from '../utils/time';

/**
 * "5 minutes ago (Nov 25, 2025, 8:51 PM)" in a <time> element.
 *
 * @param props
 * @param props.iso ISO 8601 date-time.
 */
export function TimeStamp( { iso }: { iso: string } ) {
	const now = useNow();
	return (
		<time dateTime={ iso } className="sophmate-safe-mode__time">
			{ sprintf(
				/* translators: 1: relative time like "5 minutes ago", 2: date and time. */
				__( '%1$s (%2$s)', 'sophmate-safe-mode' ),
				formatRelative( iso, now ),
				formatAbsolute( iso )
			) }
		</time>
	);
}
