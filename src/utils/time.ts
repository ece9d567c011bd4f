/**
 * Date formatting with the browser's Intl APIs in the admin's locale.
 */
import { useEffect, useState } from '@wordpress/element';

/** The page language WordPress prints on <html lang="…">, if any. */
export function pageLocale(): string | undefined {
	const lang =
		typeof document === 'undefined'
			? ''
			: document.documentElement.lang.trim();
	return lang || undefined;
}

const UNITS: ReadonlyArray< [ Intl.RelativeTimeFormatUnit, number ] > = [
	[ 'year', 365 * 24 * 3600 ],
	[ 'month', 30 * 24 * 3600 ],
	[ 'week', 7 * 24 * 3600 ],
	[ 'day', 24 * 3600 ],
	[ 'hour', 3600 ],
	[ 'minute', 60 ],
	[ 'second', 1 ],
];

/**
 * "5 minutes ago", "yesterday", "now" …
 *
 * @param iso    ISO 8601 date-time.
 * @param now    Reference time in ms.
 * @param locale BCP 47 locale.
 */
export function formatRelative(
	iso: string,
	now: number,
	locale: string | undefined = pageLocale()
): string {
	const then = Date.parse( iso );
	if ( Number.isNaN( then ) ) {
		return iso;
	}
	const seconds = Math.round( ( then - now ) / 1000 );
	const format = new Intl.RelativeTimeFormat( locale, { numeric: 'auto' } );
	for ( const [ unit, size ] of UNITS ) {
		if ( Math.abs( seconds ) >= size || unit === 'second' ) {
			return format.format( Math.round( seconds / size ), unit );
		}
	}
	return iso;
}

/**
 * Absolute local date and time, e.g. "Nov 25, 2025, 8:51 PM".
 *
 * @param iso    ISO 8601 date-time.
 * @param locale BCP 47 locale.
 */
export function formatAbsolute(
	iso: string,
	locale: string | undefined = pageLocale()
): string {
	const then = Date.parse( iso );
	if ( Number.isNaN( then ) ) {
		return iso;
	}
	return new Intl.DateTimeFormat( locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
	} ).format( then );
}

/**
 * The current time, re-rendering every `intervalMs`.
 *
 * @param intervalMs Tick interval.
 */
export function useNow( intervalMs = 30_000 ): number {
	const [ now, setNow ] = useState( () => Date.now() );
	useEffect( () => {
		const timer = window.setInterval(
			() => setNow( Date.now() ),
			intervalMs
		);
		return () => window.clearInterval( timer );
	}, [ intervalMs ] );
	return now;
}
