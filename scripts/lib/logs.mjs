/** Reading the sites' PHP logs for problems that come from the plugin. */
import fs from 'node:fs';

import { ROOT } from './paths.mjs';

const PROBLEM = /PHP (Warning|Notice|Deprecated|Fatal|Parse)/;

/**
 * One entry per "[date] …" line plus its continuation lines (stack traces).
 *
 * @param {string} file
 * @param {number} [fromByte] start reading here (to look only at what a run appended)
 */
export function logEntries( file, fromByte = 0 ) {
	let text = '';
	try {
		const fd = fs.openSync( file, 'r' );
		try {
			const size = fs.fstatSync( fd ).size;
			const buffer = Buffer.alloc( Math.max( 0, size - fromByte ) );
			fs.readSync( fd, buffer, 0, buffer.length, fromByte );
			text = buffer.toString( 'utf8' );
		} finally {
			fs.closeSync( fd );
		}
	} catch {
		return [];
	}
	const entries = [];
	for ( const line of text.split( '\n' ) ) {
		if ( /^\[/.test( line ) || entries.length === 0 ) {
			entries.push( [ line ] );
		} else {
			entries[ entries.length - 1 ].push( line );
		}
	}
	return entries;
}

export function fileSize( file ) {
	try {
		return fs.statSync( file ).size;
	} catch {
		return 0;
	}
}

/** Does this text point into the plugin (and not into the WordPress copies under .wp/)? */
export function mentionsPlugin( text ) {
	if ( text.includes( 'wp-content/plugins/sophmate-safe-mode' ) ) {
		return true;
	}
	// PHP reports the plugin's files by their real path, inside the repository.
	const prefix = `${ ROOT }/`;
	let at = text.indexOf( prefix );
	while ( at !== -1 ) {
		const rest = text.slice( at + prefix.length );
		if ( ! rest.startsWith( '.wp/' ) && ! rest.startsWith( 'node_modules/' ) ) {
			return true;
		}
		at = text.indexOf( prefix, at + 1 );
	}
	return /sophmate-safe-mode/.test( text.replace( /\S*\.wp\/\S*/g, '' ) );
}

/**
 * PHP warnings, notices, deprecations and errors that mention the plugin.
 *
 * @param {string[]} files
 * @param {Record<string, number>} [from] byte offsets per file
 * @return {{ file: string, text: string }[]}
 */
export function pluginProblems( files, from = {} ) {
	const found = [];
	for ( const file of files ) {
		for ( const entry of logEntries( file, from[ file ] || 0 ) ) {
			if ( PROBLEM.test( entry[ 0 ] ) && mentionsPlugin( entry.join( '\n' ) ) ) {
				found.push( { file, text: entry.slice( 0, 6 ).join( '\n' ).trimEnd() } );
			}
		}
	}
	return found;
}
