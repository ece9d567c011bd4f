/**
 * Project bootstrap shared by `npm start` and `npm test`: npm dependencies,
 * Composer's autoloader, the admin bundle.
 *
 * Each step is skipped when its output is up to date, so a warm start is fast:
 * - npm ci      runs when node_modules is missing, when package-lock.json is newer
 *               than node_modules/.package-lock.json (npm writes that file on every
 *               install), or when a tool we call is missing from node_modules/.bin.
 * - composer    `composer dump-autoload --dev` runs when vendor/autoload.php is missing or
 *               composer.json or the generated PSR-4 map changed since the last run (hash in
 *               .wp/.composer-stamp). PSR-4 needs no re-dump when classes are added.
 * - build       `npm run build` runs when the hash of src/, package.json,
 *               package-lock.json, webpack.config.js and tsconfig.json differs from
 *               the one recorded in .wp/.build-stamp after the last build (the stamps live in
 *               .wp/ so that nothing of ours lands in build/ or vendor/, which ship).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { ROOT, WP_HOME } from './paths.mjs';
import { run, runStreaming } from './proc.mjs';
import { UserError, step, tail } from './ui.mjs';

const NODE_TOOLS = [ 'wp-scripts', 'tsc', 'vitest', 'playwright' ];

function mtime( file ) {
	try {
		return fs.statSync( file ).mtimeMs;
	} catch {
		return 0;
	}
}

/** Why node_modules must be (re)installed, or null. */
export function nodeModulesStaleReason() {
	const lock = path.join( ROOT, 'package-lock.json' );
	const nm = path.join( ROOT, 'node_modules' );
	if ( ! fs.existsSync( nm ) ) {
		return 'node_modules is missing';
	}
	const installed = path.join( nm, '.package-lock.json' );
	if ( ! fs.existsSync( installed ) ) {
		return 'node_modules was not installed by npm (no node_modules/.package-lock.json)';
	}
	if ( mtime( lock ) > mtime( installed ) + 1000 ) {
		return 'package-lock.json is newer than node_modules';
	}
	const missing = NODE_TOOLS.filter( ( tool ) => ! fs.existsSync( path.join( nm, '.bin', tool ) ) );
	if ( missing.length ) {
		return `node_modules/.bin lacks ${ missing.join( ', ' ) }`;
	}
	return null;
}

export async function ensureNodeModules() {
	const reason = nodeModulesStaleReason();
	if ( ! reason ) {
		return false;
	}
	step( `npm ci (${ reason })` );
	const result = await runStreaming( 'npm', [ 'ci', '--no-audit', '--no-fund' ], {
		cwd: ROOT,
		env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
	} );
	if ( result.status !== 0 ) {
		throw new UserError( 'npm ci failed (output above).', {
			details: 'Check that the npm registry is reachable and package-lock.json is valid, then run npm ci by hand.',
		} );
	}
	return true;
}

function hashFiles( files ) {
	const hash = crypto.createHash( 'sha256' );
	for ( const file of files ) {
		hash.update( path.relative( ROOT, file ) );
		hash.update( '\0' );
		try {
			hash.update( fs.readFileSync( file ) );
		} catch {
			hash.update( 'missing' );
		}
		hash.update( '\0' );
	}
	return hash.digest( 'hex' );
}

function listFiles( dir ) {
	const out = [];
	const walk = ( current ) => {
		let entries = [];
		try {
			entries = fs.readdirSync( current, { withFileTypes: true } );
		} catch {
			return;
		}
		for ( const entry of entries.sort( ( a, b ) => a.name.localeCompare( b.name ) ) ) {
			const full = path.join( current, entry.name );
			if ( entry.isDirectory() ) {
				walk( full );
			} else if ( entry.isFile() ) {
				out.push( full );
			}
		}
	};
	walk( dir );
	return out;
}

export function ensureAutoload( tools ) {
	const stampFile = path.join( WP_HOME, '.composer-stamp' );
	// composer.json and the generated PSR-4 map: a dump without --dev elsewhere (a release
	// zip) changes the map, and the tests need the autoload-dev namespace back.
	const stamp = () => hashFiles( [ path.join( ROOT, 'composer.json' ), path.join( ROOT, 'vendor', 'composer', 'autoload_psr4.php' ) ] );
	const autoload = path.join( ROOT, 'vendor', 'autoload.php' );
	if ( fs.existsSync( autoload ) && readText( stampFile ) === stamp() ) {
		return false;
	}
	step( 'composer dump-autoload --dev' );
	// --dev: without an earlier `composer install`, Composer would infer --no-dev and leave
	// out the SophMate\SafeMode\Tests namespace.
	const result = run( tools.php, [ tools.composer, 'dump-autoload', '--dev', '--no-interaction', '--no-scripts' ], {
		cwd: ROOT,
		env: { ...process.env, COMPOSER_ALLOW_SUPERUSER: '1', COMPOSER_NO_AUDIT: '1' },
	} );
	if ( result.status !== 0 || ! fs.existsSync( autoload ) ) {
		throw new UserError( 'composer dump-autoload failed.', { details: tail( result.output ) } );
	}
	fs.mkdirSync( WP_HOME, { recursive: true } );
	fs.writeFileSync( stampFile, stamp() );
	return true;
}

function buildInputsHash() {
	const files = [
		...listFiles( path.join( ROOT, 'src' ) ),
		...[ 'package.json', 'package-lock.json', 'webpack.config.js', 'tsconfig.json', 'babel.config.js', '.browserslistrc' ].map(
			( name ) => path.join( ROOT, name )
		),
	];
	return hashFiles( files );
}

/**
 * Builds the admin bundle unless build/ is up to date.
 *
 * @param {{ force?: boolean, echo?: boolean }} [options]
 * @return {Promise<{ built: boolean, ok: boolean, output: string, skippedReason?: string }>}
 */
export async function buildAdmin( { force = false } = {} ) {
	const stampFile = path.join( WP_HOME, '.build-stamp' );
	const hash = buildInputsHash();
	const outputs = [ 'index.js', 'index.asset.php' ].map( ( name ) => path.join( ROOT, 'build', name ) );
	if ( ! force && readText( stampFile ) === hash && outputs.every( ( file ) => fs.existsSync( file ) ) ) {
		return { built: false, ok: true, output: '', skippedReason: 'build/ is up to date with src/' };
	}
	step( 'npm run build (admin bundle → build/)' );
	const result = await runStreaming( 'npm', [ 'run', '--silent', 'build' ], { cwd: ROOT } );
	if ( result.status !== 0 ) {
		return { built: true, ok: false, output: result.output };
	}
	fs.mkdirSync( WP_HOME, { recursive: true } );
	fs.writeFileSync( stampFile, hash );
	return { built: true, ok: true, output: result.output };
}

function readText( file ) {
	try {
		return fs.readFileSync( file, 'utf8' ).trim();
	} catch {
		return null;
	}
}
