/**
 * Process helpers: run a command, find and stop the process groups we started.
 *
 * Background services (mariadbd, php -S) are started detached, so each is the
 * leader of its own process group; stopping one means signalling the whole
 * group (php -S workers would otherwise keep the port). Before signalling, we
 * check on /proc that the group still runs the command we started, so a pid
 * recycled by the system is never killed.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

import { UserError, tail } from './ui.mjs';

export const sleep = ( ms ) => new Promise( ( resolve ) => setTimeout( resolve, ms ) );

/**
 * Runs a command to completion and captures its output.
 *
 * @return {{ status: number|null, signal: string|null, stdout: string, stderr: string, output: string, error?: Error }}
 */
export function run( command, args = [], options = {} ) {
	const result = spawnSync( command, args, {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		stdio: [ 'ignore', 'pipe', 'pipe' ],
		...options,
	} );
	const stdout = result.stdout || '';
	const stderr = result.stderr || '';
	return {
		status: result.status,
		signal: result.signal,
		stdout,
		stderr,
		output: `${ stdout }${ stderr }`,
		error: result.error,
	};
}

/**
 * Runs a command with its output shown to the user (and kept for error messages).
 * Resolves with the exit status; never rejects for a non-zero exit.
 *
 * @param {string}   command
 * @param {string[]} args
 * @param {object}   [options] spawn options plus `onChild(child)`, `timeoutMs`
 * @return {Promise<{ status: number, signal: string|null, output: string, timedOut: boolean }>}
 */
export function runStreaming( command, args = [], options = {} ) {
	const { onChild, timeoutMs, echo = true, ...spawnOptions } = options;
	return new Promise( ( resolve ) => {
		let output = '';
		let timedOut = false;
		let child;
		try {
			child = spawn( command, args, {
				stdio: [ 'ignore', 'pipe', 'pipe' ],
				...spawnOptions,
			} );
		} catch ( error ) {
			resolve( { status: 127, signal: null, output: String( error.message ), timedOut } );
			return;
		}
		if ( onChild ) {
			onChild( child );
		}
		const collect = ( stream, target ) => {
			if ( ! stream ) {
				return;
			}
			stream.on( 'data', ( chunk ) => {
				const text = chunk.toString();
				output += text;
				if ( output.length > 8 * 1024 * 1024 ) {
					output = output.slice( -4 * 1024 * 1024 );
				}
				if ( echo ) {
					target.write( text );
				}
			} );
		};
		collect( child.stdout, process.stdout );
		collect( child.stderr, process.stderr );
		let timer;
		if ( timeoutMs ) {
			timer = setTimeout( () => {
				timedOut = true;
				killTree( child );
			}, timeoutMs );
		}
		child.on( 'error', ( error ) => {
			output += `\n${ error.message }\n`;
		} );
		child.on( 'close', ( status, signal ) => {
			clearTimeout( timer );
			resolve( {
				status: status === null ? 1 : status,
				signal,
				output,
				timedOut,
			} );
		} );
	} );
}

/** Kills a child started with `detached: true` (its whole group) or a plain child. */
export function killTree( child, signal = 'SIGTERM' ) {
	if ( ! child || child.exitCode !== null || child.signalCode !== null ) {
		return;
	}
	try {
		process.kill( -child.pid, signal );
	} catch {
		try {
			child.kill( signal );
		} catch {
			// already gone
		}
	}
}

/** Is `command` executable (an absolute path, or found on PATH)? Returns its path or null. */
export function which( command, extraDirs = [] ) {
	if ( ! command ) {
		return null;
	}
	if ( command.includes( '/' ) ) {
		return isExecutable( command ) ? command : null;
	}
	const dirs = [ ...( process.env.PATH || '' ).split( ':' ), ...extraDirs ];
	for ( const dir of dirs ) {
		if ( dir && isExecutable( `${ dir }/${ command }` ) ) {
			return `${ dir }/${ command }`;
		}
	}
	return null;
}

function isExecutable( file ) {
	try {
		fs.accessSync( file, fs.constants.X_OK );
		return fs.statSync( file ).isFile();
	} catch {
		return false;
	}
}

/* ------------------------------------------------------------------ */
/* /proc inspection                                                    */
/* ------------------------------------------------------------------ */

const hasProc = fs.existsSync( '/proc/self/stat' );

/** @return {{ pid: number, pgid: number, state: string, cmdline: string }|null} */
export function processInfo( pid ) {
	if ( ! hasProc ) {
		return null;
	}
	try {
		const stat = fs.readFileSync( `/proc/${ pid }/stat`, 'utf8' );
		// pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
		const rest = stat.slice( stat.lastIndexOf( ')' ) + 2 ).split( ' ' );
		const cmdline = fs
			.readFileSync( `/proc/${ pid }/cmdline`, 'utf8' )
			.split( '\0' )
			.join( ' ' )
			.trim();
		return { pid, state: rest[ 0 ], pgid: Number( rest[ 2 ] ), cmdline };
	} catch {
		return null;
	}
}

/** Every live (non-zombie) process on the machine, from /proc. */
export function listProcesses() {
	if ( ! hasProc ) {
		return [];
	}
	const result = [];
	for ( const entry of fs.readdirSync( '/proc' ) ) {
		if ( ! /^\d+$/.test( entry ) ) {
			continue;
		}
		const proc = processInfo( Number( entry ) );
		if ( proc && proc.state !== 'Z' && proc.state !== 'X' ) {
			result.push( proc );
		}
	}
	return result;
}

/** Live members of a process group. */
export function groupMembers( pgid ) {
	if ( ! hasProc ) {
		try {
			process.kill( -pgid, 0 );
			return [ { pid: pgid, pgid, state: '?', cmdline: '' } ];
		} catch {
			return [];
		}
	}
	return listProcesses().filter( ( proc ) => proc.pgid === pgid );
}

/**
 * Is the group alive and running what we expect? `marker` is a string that the
 * command line of at least one member must contain (e.g. the data directory).
 */
export function isOurGroupAlive( pgid, marker ) {
	if ( ! pgid ) {
		return false;
	}
	const members = groupMembers( pgid );
	if ( members.length === 0 ) {
		return false;
	}
	if ( ! hasProc || ! marker ) {
		return true;
	}
	return members.some( ( proc ) => proc.cmdline.includes( marker ) );
}

/** Process groups (leaders' pgids) whose members' command lines contain `marker`. */
export function findGroupsByMarker( marker ) {
	const groups = new Set();
	for ( const proc of listProcesses() ) {
		if ( proc.pid !== process.pid && proc.cmdline.includes( marker ) ) {
			groups.add( proc.pgid );
		}
	}
	return [ ...groups ];
}

/**
 * Stops a process group: SIGTERM, wait up to `timeoutMs`, then SIGKILL.
 * Only when `marker` matches (see isOurGroupAlive). Resolves true when gone.
 */
export async function stopGroup( pgid, marker, { timeoutMs = 10000 } = {} ) {
	if ( ! isOurGroupAlive( pgid, marker ) ) {
		return true;
	}
	try {
		process.kill( -pgid, 'SIGTERM' );
	} catch {
		return true;
	}
	const deadline = Date.now() + timeoutMs;
	while ( Date.now() < deadline ) {
		if ( groupMembers( pgid ).length === 0 ) {
			return true;
		}
		await sleep( 100 );
	}
	try {
		process.kill( -pgid, 'SIGKILL' );
	} catch {
		return true;
	}
	const killDeadline = Date.now() + 3000;
	while ( Date.now() < killDeadline ) {
		if ( groupMembers( pgid ).length === 0 ) {
			return true;
		}
		await sleep( 100 );
	}
	return false;
}

/**
 * Waits until `check()` returns a truthy value, polling every `intervalMs`.
 * On timeout throws a UserError naming what was awaited and where to look.
 *
 * @param {() => any|Promise<any>} check
 * @param {{ timeoutMs: number, intervalMs?: number, what: string, logFile?: string, hint?: string, failFast?: () => string|null }} options
 */
export async function waitFor( check, options ) {
	const { timeoutMs, intervalMs = 100, what, logFile, hint, failFast } = options;
	const deadline = Date.now() + timeoutMs;
	for ( ;; ) {
		const value = await check();
		if ( value ) {
			return value;
		}
		const reason = failFast ? failFast() : null;
		if ( reason ) {
			throw new UserError( `${ what } failed: ${ reason }`, {
				details: logDetails( logFile, hint ),
			} );
		}
		if ( Date.now() >= deadline ) {
			throw new UserError(
				`Timed out after ${ Math.round( timeoutMs / 1000 ) } s waiting for ${ what }.`,
				{ details: logDetails( logFile, hint ) }
			);
		}
		await sleep( intervalMs );
	}
}

export function logDetails( logFile, hint ) {
	const parts = [];
	if ( logFile ) {
		let text = '';
		try {
			text = fs.readFileSync( logFile, 'utf8' );
		} catch {
			// no log yet
		}
		parts.push( `Log: ${ logFile }` );
		if ( text.trim() ) {
			parts.push( tail( text, 20 ) );
		}
	}
	if ( hint ) {
		parts.push( hint );
	}
	return parts.join( '\n' );
}
