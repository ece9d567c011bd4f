/** Tiny --flag / --key=value parser (no dependencies). */
import { UserError } from './ui.mjs';

/**
 * @param {string[]} argv    process.argv.slice( 2 )
 * @param {Record<string, 'boolean'|'string'>} spec
 * @param {string} usage     shown for an unknown option
 */
export function parseArgs( argv, spec, usage ) {
	const options = {};
	for ( const arg of argv ) {
		const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec( arg );
		if ( ! match || ! spec[ match[ 1 ] ] ) {
			throw new UserError( `Unknown option: ${ arg }`, { details: usage, exitCode: 2 } );
		}
		const [ , key, value ] = match;
		if ( spec[ key ] === 'boolean' ) {
			if ( value !== undefined ) {
				throw new UserError( `--${ key } takes no value`, { details: usage, exitCode: 2 } );
			}
			options[ key ] = true;
		} else {
			if ( value === undefined || value === '' ) {
				throw new UserError( `--${ key } needs a value (--${ key }=…)`, { details: usage, exitCode: 2 } );
			}
			options[ key ] = value;
		}
	}
	return options;
}

/** A TCP port from an environment variable, or the default. */
export function portFromEnv( name, fallback ) {
	const raw = process.env[ name ];
	if ( raw === undefined || raw === '' ) {
		return fallback;
	}
	const port = Number( raw );
	if ( ! Number.isInteger( port ) || port < 1024 || port > 65535 ) {
		throw new UserError( `${ name }=${ raw } is not a usable port (1024–65535).`, { exitCode: 2 } );
	}
	return port;
}
