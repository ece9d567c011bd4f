/**
 * Turns the change list of POST /config/import into what the Configuration
 * tab shows: groups per kind of thing, values as short readable text, and
 * the download file name.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	ConfigChange,
	ConfigChangeKind,
	ConfigDocument,
	ConfigError,
} from '../../api/config';

export type ConfigType = ConfigChange[ 'type' ];

export interface ConfigGroup {
	type: ConfigType;
	label: string;
	/** Added, changed and skipped items: the ones worth reading. */
	items: ConfigChange[];
	unchanged: number;
	/** Ids the site has and the file does not: kept as they are. */
	notInFile: string[];
}

const TYPE_ORDER: ConfigType[] = [
	'category',
	'automation',
	'provider',
	'notifications',
	'settings',
];

const SHOWN: ConfigChangeKind[] = [ 'added', 'changed', 'skipped' ];

/**
 * A translated name for each kind of configured thing.
 *
 * @param type Change type.
 */
export function typeLabel( type: ConfigType ): string {
	switch ( type ) {
		case 'category':
			return __( 'Categories', 'sophmate-safe-mode' );
		case 'automation':
			return __( 'Automations', 'sophmate-safe-mode' );
		case 'provider':
			return __( 'Providers', 'sophmate-safe-mode' );
		case 'notifications':
			return __( 'Notification targets', 'sophmate-safe-mode' );
		case 'settings':
			return __( 'Settings', 'sophmate-safe-mode' );
	}
}

/**
 * A translated word for each change kind.
 *
 * @param change Change kind.
 */
export function changeLabel( change: ConfigChangeKind ): string {
	switch ( change ) {
		case 'added':
			return __( 'Added', 'sophmate-safe-mode' );
		case 'changed':
			return __( 'Changed', 'sophmate-safe-mode' );
		case 'unchanged':
			return __( 'Unchanged', 'sophmate-safe-mode' );
		case 'skipped':
			return __(
				'Differs, not applied (registered by code)',
				'sophmate-safe-mode'
			);
		case 'not_in_file':
			return __( 'Not in the file, kept', 'sophmate-safe-mode' );
	}
}

/**
 * Groups changes by type (categories first), keeping only what an operator
 * needs to read and counting the rest. Types with nothing at all are left out.
 *
 * @param changes `changes` of the import result.
 */
export function groupChanges( changes: ConfigChange[] ): ConfigGroup[] {
	return TYPE_ORDER.map( ( type ) => {
		const ofType = changes.filter( ( c ) => c.type === type );
		return {
			type,
			label: typeLabel( type ),
			items: ofType.filter( ( c ) => SHOWN.includes( c.change ) ),
			unchanged: ofType.filter( ( c ) => c.change === 'unchanged' )
				.length,
			notInFile: ofType
				.filter( ( c ) => c.change === 'not_in_file' )
				.map( ( c ) => c.id ),
		};
	} ).filter(
		( group ) =>
			group.items.length > 0 ||
			group.unchanged > 0 ||
			group.notInFile.length > 0
	);
}

/** Whether applying would write anything. */
export function hasWrites( changes: ConfigChange[] ): boolean {
	return changes.some(
		( c ) => c.change === 'added' || c.change === 'changed'
	);
}

function isOwner( value: object ): value is { login: string; email: string } {
	return (
		'login' in value &&
		'email' in value &&
		typeof ( value as { login: unknown } ).login === 'string'
	);
}

/**
 * A field value as short text: owners as login (email), lists joined,
 * nothing as an em dash.
 *
 * @param value A `from` or `to` of a changed field.
 */
export function formatValue( value: unknown ): string {
	if ( value === null || value === undefined || value === '' ) {
		return '—';
	}
	if ( Array.isArray( value ) ) {
		return value.length === 0
			? __( '(none)', 'sophmate-safe-mode' )
			: value.map( formatValue ).join( ', ' );
	}
	if ( typeof value === 'object' ) {
		if ( isOwner( value ) ) {
			return `${ value.login } (${ value.email })`;
		}
		return JSON.stringify( value );
	}
	if ( typeof value === 'boolean' ) {
		return value
			? __( 'yes', 'sophmate-safe-mode' )
			: __( 'no', 'sophmate-safe-mode' );
	}
	return String( value );
}

/**
 * The errors of a refused file, in file order, as "path: message" lines.
 *
 * @param errors `data.errors` of the 400 answer.
 */
export function errorLines( errors: ConfigError[] ): string[] {
	return errors.map( ( e ) =>
		e.path === '' ? e.message : `${ e.path }: ${ e.message }`
	);
}

/**
 * One line for the snackbar and the confirm dialog.
 *
 * @param summary `summary` of the import result.
 */
export function summaryText( summary: Record< string, number > ): string {
	return sprintf(
		/* translators: 1: added, 2: changed, 3: unchanged, 4: kept items */
		__(
			'%1$d added, %2$d changed, %3$d unchanged, %4$d kept (not in the file)',
			'sophmate-safe-mode'
		),
		summary.added ?? 0,
		summary.changed ?? 0,
		summary.unchanged ?? 0,
		summary.not_in_file ?? 0
	);
}

/**
 * sophmate-config-<host>-<environment>-<date>.json, like the server's
 * Content-Disposition name.
 *
 * @param doc The exported document.
 */
export function configFileName( doc: ConfigDocument ): string {
	let host = '';
	try {
		host = new URL( doc.site ).hostname;
	} catch {
		host = '';
	}
	const clean = ( part: string ) =>
		part
			.toLowerCase()
			.replace( /[^a-z0-9.]+/g, '-' )
			.replace( /^-+|-+$/g, '' );
	return (
		[
			'sophmate-config',
			host || 'site',
			doc.environment,
			doc.exported_at.slice( 0, 10 ),
		]
			.map( clean )
			.filter( ( p ) => p !== '' )
			.join( '-' ) + '.json'
	);
}

/**
 * Reads pasted or uploaded text as JSON; a failure is a message, not a throw.
 *
 * @param text File or textarea contents.
 */
export function parseConfigText(
	text: string
): { ok: true; value: unknown } | { ok: false; message: string } {
	if ( text.trim() === '' ) {
		return {
			ok: false,
			message: __(
				'Choose a file or paste the exported JSON.',
				'sophmate-safe-mode'
			),
		};
	}
	try {
		return { ok: true, value: JSON.parse( text ) as unknown };
	} catch ( error ) {
		return {
			ok: false,
			message: sprintf(
				/* translators: %s: the JSON parser's message */
				__( 'This is not valid JSON: %s', 'sophmate-safe-mode' ),
				error instanceof Error ? error.message : String( error )
			),
		};
	}
}
