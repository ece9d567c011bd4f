/**
 * Suggestions for an automation that governs a cron hook.
 */
import { IDENTIFIER_MAX_LENGTH, IDENTIFIER_PATTERN } from '../api';

/**
 * An automation id derived from a hook name: lowercase, only `a-z 0-9 _ -`
 * (anything else becomes `-`), starting with a letter or digit, at most 64
 * characters. `Acme\Newsletter::send` → `acme-newsletter-send`. Empty when
 * nothing usable is left.
 *
 * @param hook Cron hook name.
 */
export function idFromHook( hook: string ): string {
	return hook
		.toLowerCase()
		.replace( /[^a-z0-9_-]+/g, '-' )
		.replace( /^[_-]+/, '' )
		.slice( 0, IDENTIFIER_MAX_LENGTH )
		.replace( /[_-]+$/, '' );
}

/**
 * A readable label derived from a hook name: separators become spaces, the
 * first letter is capitalised. `acme_newsletter_send` → `Acme newsletter send`.
 *
 * @param hook Cron hook name.
 */
export function labelFromHook( hook: string ): string {
	const words = hook
		.replace( /[_\-.:/\\]+/g, ' ' )
		.replace( /\s+/g, ' ' )
		.trim();
	return words.charAt( 0 ).toUpperCase() + words.slice( 1 );
}

/**
 * Whether a string is a valid automation id.
 *
 * @param id Candidate id.
 */
export function isValidId( id: string ): boolean {
	return IDENTIFIER_PATTERN.test( id );
}
