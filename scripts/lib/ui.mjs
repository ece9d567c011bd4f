/**
 * Console output and error handling shared by the scripts.
 *
 * An expected problem (missing tool, port in use, a timeout) is a UserError: the
 * scripts print its message (what is wrong, what to do) and exit non-zero, with no
 * stack trace. Anything else is a bug in the scripts and is printed in full.
 */

const useColor = process.stdout.isTTY && ! process.env.NO_COLOR;
const paint = ( code ) => ( text ) =>
	useColor ? `\x1b[${ code }m${ text }\x1b[0m` : String( text );

export const bold = paint( '1' );
export const dim = paint( '2' );
export const red = paint( '31' );
export const green = paint( '32' );
export const yellow = paint( '33' );
export const cyan = paint( '36' );

export class UserError extends Error {
	/**
	 * @param {string} message what is wrong and what to do about it
	 * @param {{ details?: string, exitCode?: number }} [options]
	 */
	constructor( message, { details = '', exitCode = 1 } = {} ) {
		super( message );
		this.name = 'UserError';
		this.details = details;
		this.exitCode = exitCode;
	}
}

export function info( message ) {
	process.stdout.write( `${ message }\n` );
}

export function step( message ) {
	process.stdout.write( `${ cyan( '›' ) } ${ message }\n` );
}

export function warn( message ) {
	process.stderr.write( `${ yellow( 'warning:' ) } ${ message }\n` );
}

export function printError( error ) {
	if ( error instanceof UserError ) {
		process.stderr.write( `\n${ red( bold( 'error:' ) ) } ${ error.message }\n` );
		if ( error.details ) {
			process.stderr.write( `${ error.details.replace( /\s+$/, '' ) }\n` );
		}
		return error.exitCode;
	}
	process.stderr.write(
		`\n${ red( bold( 'unexpected error (a bug in scripts/):' ) ) } ${
			error && error.stack ? error.stack : String( error )
		}\n`
	);
	return 1;
}

/** The last `lines` lines of a text, indented, for error details. */
export function tail( text, lines = 30 ) {
	const all = String( text || '' ).replace( /\s+$/, '' ).split( '\n' );
	return all
		.slice( -lines )
		.map( ( line ) => `    ${ line }` )
		.join( '\n' );
}

/**
 * Runs `main`, prints a UserError as a plain message and sets the exit code.
 *
 * @param {() => Promise<number|void>} main
 */
export async function runMain( main ) {
	try {
		const code = await main();
		process.exitCode = typeof code === 'number' ? code : 0;
	} catch ( error ) {
		process.exitCode = printError( error );
	}
}

export function seconds( startMs ) {
	return ( ( Date.now() - startMs ) / 1000 ).toFixed( 1 );
}
