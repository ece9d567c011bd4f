import { pageLocale } from '../../utils/time';

/**
 * A number in the page's locale ("1,234").
 *
 * @param value Number.
 */
export function formatNumber( value: number ): string {
	return new Intl.NumberFormat( pageLocale(), {
		maximumFractionDigits: 6,
	} ).format( value );
}

/**
 * An hour of the chart ("14:00", or "Tue 14:00" in the 7 day window).
 *
 * @param iso     ISO date-time of the hour.
 * @param withDay Whether to include the weekday.
 */
export function formatHour( iso: string, withDay: boolean ): string {
	return new Intl.DateTimeFormat( pageLocale(), {
		...( withDay ? { weekday: 'short' as const } : {} ),
		hour: '2-digit',
		minute: '2-digit',
	} ).format( new Date( iso ) );
}

/**
 * A day of the spend chart ("Nov 25").
 *
 * @param day `YYYY-MM-DD` (UTC day).
 */
export function formatDay( day: string ): string {
	return new Intl.DateTimeFormat( pageLocale(), {
		month: 'short',
		day: 'numeric',
		timeZone: 'UTC',
	} ).format( new Date( `${ day }T00:00:00Z` ) );
}
