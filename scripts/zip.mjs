#!/usr/bin/env node
/**
 * npm run zip
 *
 * An installable plugin zip, dist/sophmate-safe-mode-<version>.zip, holding one folder
 * sophmate-safe-mode/ with the plugin's runtime files only: plugin.php, uninstall.php, php/
 * (without the development-only demo automations), the built admin bundle (build/), the admin-bar
 * assets (assets/), a production autoloader (composer dump-autoload --no-dev
 * --classmap-authoritative, generated in a staging copy so the working tree keeps its dev
 * autoloader) and README.md. No tests, sources, node_modules or configs.
 */
import fs from 'node:fs';
import path from 'node:path';

import { buildAdmin, ensureNodeModules } from './lib/bootstrap.mjs';
import { ROOT, WP_HOME, PLUGIN_SLUG } from './lib/paths.mjs';
import { resolveTools } from './lib/prereqs.mjs';
import { run } from './lib/proc.mjs';
import { UserError, info, runMain, step } from './lib/ui.mjs';

const INCLUDE = [ 'plugin.php', 'uninstall.php', 'composer.json', 'README.md', 'php', 'build', 'assets' ];
const EXCLUDE = [ /^php\/Demo(\/|$)/, /\.map$/, /^build\/\.sophmate/ ];

function copyTree( from, to, relative = '' ) {
	for ( const entry of fs.readdirSync( path.join( from, relative ), { withFileTypes: true } ) ) {
		const rel = path.posix.join( relative, entry.name );
		if ( EXCLUDE.some( ( pattern ) => pattern.test( rel ) ) ) {
			continue;
		}
		if ( entry.isDirectory() ) {
			fs.mkdirSync( path.join( to, rel ), { recursive: true } );
			copyTree( from, to, rel );
		} else {
			fs.copyFileSync( path.join( from, rel ), path.join( to, rel ) );
		}
	}
}

await runMain( async () => {
	const tools = resolveTools( { forTests: false } );
	step( 'Admin bundle' );
	await ensureNodeModules();
	const build = await buildAdmin();
	if ( ! build.ok ) {
		throw new UserError( 'npm run build failed (output above); no zip was made.' );
	}

	step( 'Staging' );
	const version = /Version:\s*([0-9.]+)/.exec( fs.readFileSync( path.join( ROOT, 'plugin.php' ), 'utf8' ) )?.[ 1 ] || '0.0.0';
	const staging = path.join( WP_HOME, 'zip' );
	const pluginDir = path.join( staging, PLUGIN_SLUG );
	fs.rmSync( staging, { recursive: true, force: true } );
	fs.mkdirSync( pluginDir, { recursive: true } );
	for ( const item of INCLUDE ) {
		const source = path.join( ROOT, item );
		if ( ! fs.existsSync( source ) ) {
			throw new UserError( `${ item } is missing; cannot make a complete zip.` );
		}
		if ( fs.statSync( source ).isDirectory() ) {
			fs.mkdirSync( path.join( pluginDir, item ), { recursive: true } );
			copyTree( ROOT, pluginDir, item );
		} else {
			fs.copyFileSync( source, path.join( pluginDir, item ) );
		}
	}
	const dump = run( tools.composer, [ 'dump-autoload', '--no-dev', '--classmap-authoritative', '--no-interaction', '--quiet' ], { cwd: pluginDir } );
	if ( dump.status !== 0 ) {
		throw new UserError( `composer dump-autoload failed in the staging copy:\n${ dump.output }` );
	}

	step( 'Zip' );
	const dist = path.join( ROOT, 'dist' );
	fs.mkdirSync( dist, { recursive: true } );
	const zipFile = path.join( dist, `${ PLUGIN_SLUG }-${ version }.zip` );
	fs.rmSync( zipFile, { force: true } );
	// PHP's ZipArchive: php-zip is already a requirement, so no extra tool is needed.
	const php = `
		$zip = new ZipArchive();
		if ($zip->open($argv[1], ZipArchive::CREATE | ZipArchive::OVERWRITE) !== true) { fwrite(STDERR, "cannot write $argv[1]\\n"); exit(1); }
		$base = $argv[2];
		$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($base . '/' . $argv[3], FilesystemIterator::SKIP_DOTS));
		$n = 0;
		foreach ($it as $file) { $zip->addFile($file->getPathname(), substr($file->getPathname(), strlen($base) + 1)); $n++; }
		$zip->close();
		echo $n;`;
	const zipped = run( tools.php, [ '-r', php, zipFile, staging, PLUGIN_SLUG ] );
	if ( zipped.status !== 0 ) {
		throw new UserError( `Could not write the zip:\n${ zipped.output }` );
	}
	const kb = Math.round( fs.statSync( zipFile ).size / 1024 );
	info( `${ path.relative( ROOT, zipFile ) }: ${ zipped.stdout.trim() } files, ${ kb } KiB. Install it from Plugins → Add New → Upload Plugin.` );
} );
