/**
 * Finds (and on Debian as root, installs) the system tools the dev and test sites need.
 *
 * Debian + root: every missing package of the list below is installed with
 * `apt-get update` (once) and `apt-get install -y --no-install-recommends`.
 * Anywhere else nothing is installed: a missing tool is reported with the package
 * that provides it on Debian and the environment variable that points at an
 * existing copy instead.
 *
 * Environment variables (all optional):
 *   PHP_BIN              PHP 8.1+ CLI with mysqli, mbstring, xml (default: php on PATH)
 *   WP_CORE_DIR          a WordPress copy to install from (default: /usr/share/wordpress)
 *   MARIADB_BIN_DIR      directory with mariadbd, mariadb-install-db, mariadb-admin, mariadb
 *   SOPHMATE_DB_HOST     use an existing MySQL/MariaDB server instead of a throwaway one
 *   SOPHMATE_DB_USER     its user (default root), needs CREATE/DROP DATABASE
 *   SOPHMATE_DB_PASSWORD its password (default empty)
 *   COMPOSER_BIN, PHPUNIT_BIN, PHPCS_BIN, CHROMIUM_BIN
 */
import fs from 'node:fs';

import { run, which } from './proc.mjs';
import { UserError, step, tail } from './ui.mjs';

const SBIN = [ '/usr/sbin', '/usr/local/sbin', '/sbin' ];

/** PHP extensions we need, by the Debian package that provides each. */
const PHP_EXTENSIONS = [
	{ ext: 'mysqli', pkg: 'php-mysql', required: true },
	{ ext: 'mbstring', pkg: 'php-mbstring', required: true },
	{ ext: 'dom', pkg: 'php-xml', required: true },
	{ ext: 'xml', pkg: 'php-xml', required: true },
	{ ext: 'curl', pkg: 'php-curl', required: false },
	{ ext: 'gd', pkg: 'php-gd', required: false },
	{ ext: 'intl', pkg: 'php-intl', required: false },
	{ ext: 'zip', pkg: 'php-zip', required: false },
];

export function externalDb() {
	const host = process.env.SOPHMATE_DB_HOST;
	if ( ! host ) {
		return null;
	}
	return {
		host,
		user: process.env.SOPHMATE_DB_USER || 'root',
		password: process.env.SOPHMATE_DB_PASSWORD || '',
	};
}

/** The Debian packages a command needs, minus those replaced by environment variables. */
function packagesFor( { forTests, scale } ) {
	const pkgs = [];
	if ( ! process.env.PHP_BIN ) {
		pkgs.push( 'php-cli', 'php-mysql', 'php-xml', 'php-mbstring', 'php-curl', 'php-gd', 'php-intl', 'php-zip' );
	}
	if ( ! externalDb() && ! process.env.MARIADB_BIN_DIR ) {
		pkgs.push( 'mariadb-server', 'mariadb-client' );
	}
	if ( ! process.env.WP_CORE_DIR ) {
		pkgs.push( 'wordpress' );
	}
	if ( ! process.env.COMPOSER_BIN ) {
		pkgs.push( 'composer' );
	}
	if ( forTests ) {
		if ( ! process.env.PHPUNIT_BIN ) {
			pkgs.push( 'phpunit' );
		}
		if ( ! process.env.PHPCS_BIN ) {
			pkgs.push( 'php-codesniffer' );
		}
		if ( ! process.env.CHROMIUM_BIN ) {
			pkgs.push( 'chromium' );
		}
	}
	if ( scale ) {
		// npm run test:scale only: a shared persistent object cache for the two web nodes.
		pkgs.push( 'redis-server', 'php-redis' );
	}
	return pkgs;
}

function isDebian() {
	return fs.existsSync( '/etc/debian_version' ) && !! which( 'dpkg-query' ) && !! which( 'apt-get' );
}

function isRoot() {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Debian packages from `pkgs` that are not installed. */
function missingPackages( pkgs ) {
	const result = run( 'dpkg-query', [ '-W', '-f=${Package} ${Status}\n', ...pkgs ] );
	const installed = new Set();
	for ( const line of result.stdout.split( '\n' ) ) {
		const [ name, ...status ] = line.trim().split( ' ' );
		if ( name && status.join( ' ' ) === 'install ok installed' ) {
			installed.add( name.split( ':' )[ 0 ] );
		}
	}
	return pkgs.filter( ( pkg ) => ! installed.has( pkg ) );
}

function aptInstall( pkgs ) {
	step( `Installing Debian packages: ${ pkgs.join( ' ' ) }` );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// Keep package maintainer scripts from starting system services (apache2,
	// the system MariaDB): we run our own throwaway instances.
	const policy = '/usr/sbin/policy-rc.d';
	let wrotePolicy = false;
	if ( ! fs.existsSync( policy ) ) {
		try {
			fs.writeFileSync( policy, '#!/bin/sh\n# written by sophmate scripts during apt-get install\nexit 101\n', { mode: 0o755 } );
			wrotePolicy = true;
		} catch {
			// not fatal
		}
	}
	try {
		const update = run( 'apt-get', [ 'update' ], { env, stdio: [ 'ignore', 'pipe', 'pipe' ] } );
		if ( update.status !== 0 ) {
			throw new UserError( 'apt-get update failed: cannot install the missing Debian packages.', {
				details: `${ tail( update.output ) }\nInstall them yourself: apt-get install ${ pkgs.join( ' ' ) }`,
			} );
		}
		const install = run( 'apt-get', [ 'install', '-y', '--no-install-recommends', ...pkgs ], {
			env,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		if ( install.status !== 0 ) {
			throw new UserError( `apt-get install failed for: ${ pkgs.join( ' ' ) }`, {
				details: tail( install.output ),
			} );
		}
	} finally {
		if ( wrotePolicy ) {
			fs.rmSync( policy, { force: true } );
		}
	}
}

function findMariadb() {
	const dir = process.env.MARIADB_BIN_DIR;
	const find = ( names ) => {
		for ( const name of names ) {
			const found = dir ? which( `${ dir }/${ name }` ) : which( name, SBIN );
			if ( found ) {
				return found;
			}
		}
		return null;
	};
	return {
		mariadbd: find( [ 'mariadbd', 'mysqld' ] ),
		installDb: find( [ 'mariadb-install-db', 'mysql_install_db' ] ),
		admin: find( [ 'mariadb-admin', 'mysqladmin' ] ),
		client: find( [ 'mariadb', 'mysql' ] ),
	};
}

/**
 * Resolves every tool; installs missing Debian packages when it can.
 *
 * @param {{ forTests?: boolean, scale?: boolean }} options  scale: also Redis and php-redis (npm run test:scale)
 */
export function resolveTools( { forTests = false, scale = false } = {} ) {
	let installed = false;
	if ( isDebian() && isRoot() ) {
		const missing = missingPackages( packagesFor( { forTests, scale } ) );
		if ( missing.length ) {
			aptInstall( missing );
			installed = true;
		}
	}
	return checkTools( { forTests, scale, installed } );
}

function checkTools( { forTests, scale = false, installed } ) {
	const problems = [];
	const tools = { externalDb: externalDb() };

	tools.php = which( process.env.PHP_BIN || 'php' );
	if ( ! tools.php ) {
		problems.push(
			process.env.PHP_BIN
				? `PHP_BIN=${ process.env.PHP_BIN } is not an executable file.`
				: 'PHP 8.1+ CLI (Debian: php-cli) — or set PHP_BIN=/path/to/php'
		);
	} else {
		const probe = run( tools.php, [ '-r', 'echo PHP_VERSION, "\\n", implode(",", array_map("strtolower", get_loaded_extensions()));' ] );
		const [ version = '', extList = '' ] = probe.stdout.split( '\n' );
		const exts = new Set( extList.split( ',' ) );
		tools.phpVersion = version.trim();
		if ( probe.status !== 0 || ! /^\d+\.\d+/.test( tools.phpVersion ) ) {
			problems.push( `${ tools.php } does not run: ${ probe.output.trim() }` );
		} else {
			const [ major, minor ] = tools.phpVersion.split( '.' ).map( Number );
			if ( major < 8 || ( major === 8 && minor < 1 ) ) {
				problems.push( `PHP 8.1 or newer is needed; ${ tools.php } is ${ tools.phpVersion } — set PHP_BIN to a newer PHP.` );
			}
			for ( const { ext, pkg, required } of PHP_EXTENSIONS ) {
				if ( required && ! exts.has( ext ) ) {
					problems.push( `PHP extension "${ ext }" for ${ tools.php } (Debian: ${ pkg })` );
				}
			}
			if ( scale && ! exts.has( 'redis' ) ) {
				problems.push( `PHP extension "redis" for ${ tools.php } (Debian: php-redis)` );
			}
		}
	}

	tools.wpCore = process.env.WP_CORE_DIR || '/usr/share/wordpress';
	if ( ! fs.existsSync( `${ tools.wpCore }/wp-settings.php` ) ) {
		problems.push(
			process.env.WP_CORE_DIR
				? `WP_CORE_DIR=${ tools.wpCore } is not a WordPress copy (no wp-settings.php).`
				: 'WordPress (Debian: wordpress, giving /usr/share/wordpress) — or set WP_CORE_DIR to an unpacked WordPress'
		);
	}

	if ( ! tools.externalDb ) {
		tools.mariadb = findMariadb();
		const missing = Object.entries( tools.mariadb )
			.filter( ( [ , file ] ) => ! file )
			.map( ( [ key ] ) => ( { mariadbd: 'mariadbd', installDb: 'mariadb-install-db', admin: 'mariadb-admin', client: 'mariadb' }[ key ] ) );
		if ( missing.length ) {
			problems.push(
				`MariaDB programs ${ missing.join( ', ' ) } (Debian: mariadb-server mariadb-client) — or set MARIADB_BIN_DIR to the directory holding them, or SOPHMATE_DB_HOST/SOPHMATE_DB_USER/SOPHMATE_DB_PASSWORD to use an existing MySQL/MariaDB server`
			);
		}
	}

	tools.composer = which( process.env.COMPOSER_BIN || 'composer' );
	if ( ! tools.composer ) {
		problems.push( 'Composer 2 (Debian: composer) — or set COMPOSER_BIN=/path/to/composer' );
	}

	if ( forTests ) {
		tools.phpunit = which( process.env.PHPUNIT_BIN || 'phpunit' );
		if ( ! tools.phpunit ) {
			problems.push( 'PHPUnit 9.6 (Debian: phpunit) — or set PHPUNIT_BIN=/path/to/phpunit' );
		}
		tools.phpcs = which( process.env.PHPCS_BIN || 'phpcs' );
		if ( ! tools.phpcs ) {
			problems.push( 'PHP_CodeSniffer 3 (Debian: php-codesniffer) — or set PHPCS_BIN=/path/to/phpcs' );
		}
		tools.chromium = which( process.env.CHROMIUM_BIN || '/usr/bin/chromium' );
		if ( ! tools.chromium ) {
			problems.push( 'Chromium (Debian: chromium, giving /usr/bin/chromium) — or set CHROMIUM_BIN=/path/to/chrome' );
		}
	}

	if ( scale ) {
		tools.redisServer = which( process.env.REDIS_SERVER_BIN || 'redis-server', [ '/usr/bin', ...SBIN ] );
		if ( ! tools.redisServer ) {
			problems.push( 'Redis (Debian: redis-server) — or set REDIS_SERVER_BIN=/path/to/redis-server' );
		}
	}

	if ( problems.length ) {
		const why = ! isDebian()
			? 'This is not a Debian system, so nothing was installed automatically.'
			: ! isRoot()
				? 'Not running as root, so the Debian packages were not installed automatically (run as root, or install them with sudo apt-get install).'
				: installed
					? 'They are still missing after apt-get install.'
					: 'The Debian packages are installed: fix the environment variables named above (they replace the packages), or unset them.';
		throw new UserError( 'Some tools are missing:', {
			details: `${ problems.map( ( p ) => `  - ${ p }` ).join( '\n' ) }\n${ why }\nSee docs/development.md ("Without Debian or root").`,
		} );
	}
	return tools;
}
