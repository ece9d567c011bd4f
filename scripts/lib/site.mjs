/**
 * A local WordPress site with the plugin active: the one abstraction behind
 * `npm start` (site "dev") and `npm test` (site "test").
 *
 * .wp/<name>/
 *   wordpress/      a copy of WordPress (cp -rL of WP_CORE_DIR) with our wp-config.php,
 *                   the plugin symlinked in and the development mu-plugin
 *   mysql-data/     the throwaway MariaDB's data directory (absent with SOPHMATE_DB_HOST)
 *   logs/           debug.log (WordPress), php-server.log (php -S), mariadb.log, mail.jsonl
 *   run/            mariadb.json, php.json (pid and process group of what we started),
 *                   mysqld.sock (unless the path is too long: then /tmp/sophmate-<hash>.sock)
 *   config.json     salts (kept across starts so logins survive)
 *   installed.json  written after a complete install; holds the application password
 *   site.json       the site's facts for scripts and tests (see docs/development.md)
 */
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { describePortOwner, findFreePort, httpRequest, isPortFree } from './net.mjs';
import { PLUGIN_FILE, PLUGIN_SLUG, ROOT, WP_HOME, WP_SCRIPTS } from './paths.mjs';
import {
	findGroupsByMarker,
	isOurGroupAlive,
	logDetails,
	run,
	sleep,
	stopGroup,
	waitFor,
} from './proc.mjs';
import { UserError, tail } from './ui.mjs';

const SALT_KEYS = [
	'AUTH_KEY',
	'SECURE_AUTH_KEY',
	'LOGGED_IN_KEY',
	'NONCE_KEY',
	'AUTH_SALT',
	'SECURE_AUTH_SALT',
	'LOGGED_IN_SALT',
	'NONCE_SALT',
];

export const ADMIN = {
	user: 'admin',
	password: 'password',
	email: 'admin@example.test',
};

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function readJson( file ) {
	try {
		return JSON.parse( fs.readFileSync( file, 'utf8' ) );
	} catch {
		return null;
	}
}

function writeJson( file, data ) {
	fs.mkdirSync( path.dirname( file ), { recursive: true } );
	const tmp = `${ file }.${ process.pid }.tmp`;
	fs.writeFileSync( tmp, `${ JSON.stringify( data, null, 2 ) }\n` );
	fs.renameSync( tmp, file );
}

function writeIfChanged( file, content ) {
	let current = null;
	try {
		current = fs.readFileSync( file, 'utf8' );
	} catch {
		// new file
	}
	if ( current !== content ) {
		fs.writeFileSync( file, content );
		return true;
	}
	return false;
}

const phpString = ( value ) => `'${ String( value ).replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;

export class Site {
	/**
	 * @param {string} name  "dev" or "test"
	 * @param {object} tools from resolveTools()
	 * @param {{ port?: number, demo?: boolean, title?: string, portEnv?: string, multisite?: boolean }} [options]
	 *        multisite: a subdirectory multisite network (install() sets it up in two passes)
	 */
	constructor( name, tools, { port = 0, demo = false, title = '', portEnv = '', multisite = false } = {} ) {
		this.name = name;
		this.multisite = multisite;
		this.tools = tools;
		this.port = port;
		this.demo = demo;
		this.title = title || `SophMate Safe Mode (${ name })`;
		this.portEnv = portEnv;
		this.dir = path.join( WP_HOME, name );
		this.wpPath = path.join( this.dir, 'wordpress' );
		this.dataDir = path.join( this.dir, 'mysql-data' );
		this.logDir = path.join( this.dir, 'logs' );
		this.runDir = path.join( this.dir, 'run' );
		this.siteJsonPath = path.join( this.dir, 'site.json' );
		this.installedPath = path.join( this.dir, 'installed.json' );
		this.router = path.join( WP_SCRIPTS, 'router.php' );
		let socket = path.join( this.runDir, 'mysqld.sock' );
		if ( socket.length > 100 ) {
			const hash = crypto.createHash( 'sha1' ).update( this.dir ).digest( 'hex' ).slice( 0, 12 );
			socket = `/tmp/sophmate-${ hash }-${ name }.sock`;
		}
		this.socket = socket;
	}

	get url() {
		return `http://127.0.0.1:${ this.port }`;
	}

	get logs() {
		return {
			debug: path.join( this.logDir, 'debug.log' ),
			server: path.join( this.logDir, 'php-server.log' ),
			mariadb: path.join( this.logDir, 'mariadb.log' ),
			mail: path.join( this.logDir, 'mail.jsonl' ),
		};
	}

	/** Connection settings for wp-config.php and db.php. */
	get db() {
		const external = this.tools.externalDb;
		if ( external ) {
			return {
				host: external.host,
				user: external.user,
				password: external.password,
				name: `sophmate_${ this.name }`,
				socket: null,
				external: true,
			};
		}
		return {
			host: `localhost:${ this.socket }`,
			user: 'root',
			password: '',
			name: 'wordpress',
			socket: this.socket,
			external: false,
		};
	}

	/* -------------------------------------------------------------- */
	/* run state                                                       */
	/* -------------------------------------------------------------- */

	markers() {
		return {
			mariadb: `--datadir=${ this.dataDir }`,
			php: `-t ${ this.wpPath } ${ this.router }`,
		};
	}

	readRun( kind ) {
		return readJson( path.join( this.runDir, `${ kind }.json` ) );
	}

	writeRun( kind, data ) {
		writeJson( path.join( this.runDir, `${ kind }.json` ), data );
	}

	clearRun( kind ) {
		fs.rmSync( path.join( this.runDir, `${ kind }.json` ), { force: true } );
	}

	/** Is the recorded process group of `kind` alive and ours? Cleans a stale record. */
	alive( kind ) {
		const record = this.readRun( kind );
		if ( ! record ) {
			return null;
		}
		if ( isOurGroupAlive( record.pgid, this.markers()[ kind ] ) ) {
			return record;
		}
		this.clearRun( kind );
		return null;
	}

	/** Processes running from this site's directories that no run record knows about. */
	orphans( kind ) {
		const record = this.readRun( kind );
		return findGroupsByMarker( this.markers()[ kind ] ).filter( ( pgid ) => ! record || pgid !== record.pgid );
	}

	/* -------------------------------------------------------------- */
	/* database                                                        */
	/* -------------------------------------------------------------- */

	dbCall( action ) {
		const { host, user, password, name } = this.db;
		const result = run( this.tools.php, [
			path.join( WP_SCRIPTS, 'db.php' ),
			action,
			JSON.stringify( { host, user, password, name, prefix: 'wp_' } ),
		] );
		let data = null;
		try {
			data = JSON.parse( result.stdout.trim().split( '\n' ).pop() );
		} catch {
			// reported below
		}
		if ( ! data ) {
			return { ok: false, error: result.output.trim() || `db.php ${ action } failed` };
		}
		return { ok: result.status === 0, ...data };
	}

	pingDb() {
		if ( this.tools.externalDb ) {
			return this.dbCall( 'ping' ).ok;
		}
		const result = run(
			this.tools.mariadb.admin,
			[ '--no-defaults', `--socket=${ this.socket }`, '-uroot', '--connect-timeout=2', 'ping' ],
			{ timeout: 5000 }
		);
		return result.status === 0;
	}

	/**
	 * Starts the throwaway MariaDB (or checks the external server).
	 *
	 * @return {Promise<{ reused: boolean, initialized: boolean }>}
	 */
	async startDatabase() {
		const db = this.db;
		if ( db.external ) {
			const ping = this.dbCall( 'ping' );
			if ( ! ping.ok ) {
				throw new UserError(
					`Cannot connect to the database server SOPHMATE_DB_HOST=${ db.host } as ${ db.user }: ${ ping.error }`,
					{ details: 'Check SOPHMATE_DB_HOST, SOPHMATE_DB_USER and SOPHMATE_DB_PASSWORD, or unset SOPHMATE_DB_HOST to use a throwaway MariaDB.' }
				);
			}
			return { reused: true, initialized: false };
		}
		fs.mkdirSync( this.runDir, { recursive: true } );
		fs.mkdirSync( this.logDir, { recursive: true } );
		const marker = this.markers().mariadb;

		const record = this.alive( 'mariadb' );
		if ( record ) {
			await waitFor( () => this.pingDb(), {
				timeoutMs: 20000,
				intervalMs: 200,
				what: `the running MariaDB (pid ${ record.pid }) to answer on ${ this.socket }`,
				logFile: this.logs.mariadb,
				hint: `Stop it with: npm run stop${ this.name === 'dev' ? '' : ` -- --site=${ this.name }` }`,
			} );
			return { reused: true, initialized: false };
		}
		// A mariadbd on our data directory that no record knows (its pid file was lost):
		// it is ours, so stop it rather than fight it for the data directory's lock.
		for ( const pgid of this.orphans( 'mariadb' ) ) {
			await stopGroup( pgid, marker, { timeoutMs: 30000 } );
		}

		let initialized = false;
		const initMarker = path.join( this.dataDir, '.sophmate-initialized' );
		if ( ! fs.existsSync( initMarker ) ) {
			// Never initialized, or an earlier mariadb-install-db did not finish.
			fs.rmSync( this.dataDir, { recursive: true, force: true } );
			fs.mkdirSync( this.dataDir, { recursive: true } );
			const args = [
				'--no-defaults',
				`--datadir=${ this.dataDir }`,
				'--auth-root-authentication-method=normal',
				'--skip-test-db',
			];
			if ( isRoot() ) {
				args.push( '--user=root' );
			}
			const baseDir = path.dirname( path.dirname( this.tools.mariadb.mariadbd ) );
			if ( baseDir !== '/usr' ) {
				args.push( `--basedir=${ baseDir }` );
			}
			const result = run( this.tools.mariadb.installDb, args, { timeout: 120000 } );
			if ( result.status !== 0 ) {
				throw new UserError( 'mariadb-install-db failed to create the data directory.', {
					details: `${ this.dataDir }\n${ tail( result.output ) }`,
				} );
			}
			fs.writeFileSync( initMarker, new Date().toISOString() );
			initialized = true;
		}

		fs.rmSync( this.socket, { force: true } );
		const args = [
			'--no-defaults',
			`--datadir=${ this.dataDir }`,
			`--socket=${ this.socket }`,
			'--skip-networking',
			`--pid-file=${ path.join( this.runDir, 'mariadbd.pid' ) }`,
			`--log-error=${ this.logs.mariadb }`,
			'--skip-name-resolve',
			'--skip-log-bin',
			'--innodb-buffer-pool-size=64M',
			'--innodb-flush-log-at-trx-commit=0',
			'--innodb-doublewrite=0',
			'--character-set-server=utf8mb4',
			'--collation-server=utf8mb4_unicode_ci',
		];
		if ( isRoot() ) {
			args.push( '--user=root' );
		}
		const log = fs.openSync( this.logs.mariadb, 'a' );
		const child = spawn( this.tools.mariadb.mariadbd, args, {
			detached: true,
			stdio: [ 'ignore', log, log ],
			cwd: this.dir,
		} );
		fs.closeSync( log );
		let exited = null;
		child.on( 'exit', ( code, signal ) => {
			exited = signal || `exit code ${ code }`;
		} );
		child.on( 'error', ( error ) => {
			exited = error.message;
		} );
		if ( child.pid ) {
			this.writeRun( 'mariadb', {
				pid: child.pid,
				pgid: child.pid,
				socket: this.socket,
				datadir: this.dataDir,
				started_at: new Date().toISOString(),
			} );
		}
		child.unref();
		await waitFor( () => this.pingDb(), {
			timeoutMs: 30000,
			intervalMs: 100,
			what: 'MariaDB to start',
			logFile: this.logs.mariadb,
			failFast: () => ( exited ? `mariadbd exited (${ exited })` : null ),
		} );
		return { reused: false, initialized };
	}

	/** { exists, installed, tables } of the site's database. */
	databaseStatus() {
		const status = this.dbCall( 'status' );
		if ( ! status.ok ) {
			throw new UserError( `Cannot read the database status: ${ status.error }`, {
				details: logDetails( this.db.external ? null : this.logs.mariadb ),
			} );
		}
		return status;
	}

	/** Drops and creates the site's database (a half-finished install, or the test site). */
	recreateDatabase() {
		const result = this.dbCall( 'recreate' );
		if ( ! result.ok ) {
			throw new UserError( `Cannot create the database ${ this.db.name }: ${ result.error }` );
		}
	}

	/* -------------------------------------------------------------- */
	/* WordPress files                                                 */
	/* -------------------------------------------------------------- */

	siteConfig() {
		const file = path.join( this.dir, 'config.json' );
		let config = readJson( file );
		if ( ! config || ! config.salts || SALT_KEYS.some( ( key ) => ! config.salts[ key ] ) ) {
			const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~';
			const salt = () =>
				Array.from( crypto.randomBytes( 64 ), ( byte ) => alphabet[ byte % alphabet.length ] ).join( '' );
			config = { salts: Object.fromEntries( SALT_KEYS.map( ( key ) => [ key, salt() ] ) ) };
			writeJson( file, config );
		}
		return config;
	}

	wpConfig() {
		const db = this.db;
		const { salts } = this.siteConfig();
		const lines = [
			'<?php',
			'/**',
			` * wp-config.php of the local "${ this.name }" site, written by scripts/lib/site.mjs on every`,
			' * start: edit that file, not this one. Works on its own (no environment variables).',
			' */',
			'',
			`define( 'DB_NAME', ${ phpString( db.name ) } );`,
			`define( 'DB_USER', ${ phpString( db.user ) } );`,
			`define( 'DB_PASSWORD', ${ phpString( db.password ) } );`,
			`define( 'DB_HOST', ${ phpString( db.host ) } );`,
			"define( 'DB_CHARSET', 'utf8mb4' );",
			"define( 'DB_COLLATE', '' );",
			'',
			...SALT_KEYS.map( ( key ) => `define( '${ key }', ${ phpString( salts[ key ] ) } );` ),
			'',
			"$table_prefix = 'wp_';",
			'',
			"define( 'WP_ENVIRONMENT_TYPE', 'local' );",
			"define( 'WP_DEBUG', true );",
			`define( 'WP_DEBUG_LOG', ${ phpString( this.logs.debug ) } );`,
			"define( 'WP_DEBUG_DISPLAY', false );",
			"define( 'WP_HTTP_BLOCK_EXTERNAL', true ); // localhost and the site itself stay allowed",
			"define( 'AUTOMATIC_UPDATER_DISABLED', true );",
			"define( 'WP_AUTO_UPDATE_CORE', false );",
			"// CLI helpers (eval-file.php, the PHPUnit bootstrap) define it as true first: no loopback cron from them.",
			"defined( 'DISABLE_WP_CRON' ) || define( 'DISABLE_WP_CRON', false );",
			'',
			'// Read by the development mu-plugin (wp-content/mu-plugins/sophmate-dev.php).',
			`define( 'SOPHMATE_DEV_SITE', ${ phpString( this.name ) } );`,
			`define( 'SOPHMATE_DEV_LOG_DIR', ${ phpString( this.logDir ) } );`,
		];
		if ( this.demo ) {
			lines.push( '', '// Dev site only: load the demo automations.', "define( 'SOPHMATE_SAFE_MODE_DEMO', true );" );
		}
		if ( this.multisite ) {
			// scripts/wp/install.php defines SOPHMATE_NETWORK_SETUP for its first pass, which
			// installs WordPress and the network tables while the site still loads as a single site.
			lines.push(
				'',
				'// A subdirectory multisite network (tests/php/multisite).',
				"define( 'WP_ALLOW_MULTISITE', true );",
				"if ( ! defined( 'SOPHMATE_NETWORK_SETUP' ) ) {",
				"\tdefine( 'MULTISITE', true );",
				"\tdefine( 'SUBDOMAIN_INSTALL', false );",
				`\tdefine( 'DOMAIN_CURRENT_SITE', ${ phpString( `127.0.0.1:${ this.port }` ) } );`,
				"\tdefine( 'PATH_CURRENT_SITE', '/' );",
				"\tdefine( 'SITE_ID_CURRENT_SITE', 1 );",
				"\tdefine( 'BLOG_ID_CURRENT_SITE', 1 );",
				'}'
			);
		}
		lines.push(
			'',
			"if ( ! defined( 'ABSPATH' ) ) {",
			"\tdefine( 'ABSPATH', __DIR__ . '/' );",
			'}',
			"require_once ABSPATH . 'wp-settings.php';",
			''
		);
		return lines.join( '\n' );
	}

	/** Copies WordPress (once), writes wp-config.php, links the plugin, installs the mu-plugin. */
	prepareFiles() {
		fs.mkdirSync( this.logDir, { recursive: true } );
		fs.mkdirSync( this.runDir, { recursive: true } );
		const copied = path.join( this.wpPath, '.sophmate-core' );
		if ( ! fs.existsSync( copied ) || ! fs.existsSync( path.join( this.wpPath, 'wp-settings.php' ) ) ) {
			fs.rmSync( this.wpPath, { recursive: true, force: true } );
			const result = run( 'cp', [ '-rL', this.tools.wpCore, this.wpPath ] );
			if ( result.status !== 0 ) {
				fs.rmSync( this.wpPath, { recursive: true, force: true } );
				fs.cpSync( this.tools.wpCore, this.wpPath, { recursive: true, dereference: true } );
			}
			for ( const file of [ 'wp-config.php', '.htaccess' ] ) {
				fs.rmSync( path.join( this.wpPath, file ), { force: true } );
			}
			fs.writeFileSync( copied, `${ this.tools.wpCore }\n` );
		}
		writeIfChanged( path.join( this.wpPath, 'wp-config.php' ), this.wpConfig() );

		const plugins = path.join( this.wpPath, 'wp-content', 'plugins' );
		fs.mkdirSync( plugins, { recursive: true } );
		const link = path.join( plugins, PLUGIN_SLUG );
		let target = null;
		try {
			target = fs.readlinkSync( link );
		} catch {
			// missing, or not a link
		}
		if ( target !== ROOT ) {
			fs.rmSync( link, { recursive: true, force: true } );
			fs.symlinkSync( ROOT, link );
		}

		const mu = path.join( this.wpPath, 'wp-content', 'mu-plugins' );
		fs.mkdirSync( mu, { recursive: true } );
		writeIfChanged( path.join( mu, 'sophmate-dev.php' ), fs.readFileSync( path.join( WP_SCRIPTS, 'mu-plugin.php' ), 'utf8' ) );
	}

	/**
	 * Installs WordPress if needed and makes sure of the admin, the plugin and an
	 * application password (scripts/wp/install.php).
	 */
	install( { resetAdmin = false, extra = {} } = {} ) {
		const previous = readJson( this.installedPath );
		const config = {
			...extra,
			url: this.url,
			title: this.title,
			admin_user: ADMIN.user,
			admin_password: ADMIN.password,
			admin_email: ADMIN.email,
			reset_admin: resetAdmin || ! previous,
			app_password: previous?.app_password || null,
			app_password_name: `sophmate-${ this.name }-scripts`,
			plugin: PLUGIN_FILE,
		};
		const result = run( this.tools.php, [ path.join( WP_SCRIPTS, 'install.php' ), this.wpPath, JSON.stringify( config ) ], {
			cwd: ROOT,
			timeout: 120000,
		} );
		let data = null;
		try {
			data = JSON.parse(
				result.stdout
					.trim()
					.split( '\n' )
					.filter( ( line ) => line.startsWith( '{' ) )
					.pop()
			);
		} catch {
			// reported below
		}
		if ( result.status !== 0 || ! data || ! data.ok ) {
			throw new UserError( `Installing WordPress for the ${ this.name } site failed${ data?.error ? `: ${ data.error }` : '.' }`, {
				details: `${ tail( `${ result.stderr }\n${ data ? '' : result.stdout }` ) }\nWordPress log: ${ this.logs.debug }`,
			} );
		}
		return data;
	}

	markInstalled( data ) {
		writeJson( this.installedPath, {
			installed_at: new Date().toISOString(),
			app_password: data.app_password,
			wp_version: data.wp_version,
		} );
	}

	/* -------------------------------------------------------------- */
	/* web server                                                      */
	/* -------------------------------------------------------------- */

	/** Throws a clear UserError when the site's port is taken by a program that is not this site's php -S. */
	async checkPort() {
		if ( this.alive( 'php' ) || ( await isPortFree( this.port ) ) ) {
			return;
		}
		const owner = describePortOwner( this.port );
		const free = await findFreePort( this.port + 1 );
		throw new UserError(
			`Port ${ this.port } on 127.0.0.1 is in use by another program${ owner ? ` (${ owner })` : '' }.`,
			{
				details: this.portEnv
					? `Stop that program, or use another port: ${ this.portEnv }=${ free || this.port + 1 } npm start`
					: 'Stop that program and run again.',
			}
		);
	}

	/**
	 * Starts `php -S` (4 workers, own process group), or finds it running.
	 *
	 * @return {Promise<{ reused: boolean }>}
	 */
	async startServer() {
		const marker = this.markers().php;
		const record = this.alive( 'php' );
		if ( record ) {
			this.port = record.port;
			return { reused: true };
		}
		for ( const pgid of this.orphans( 'php' ) ) {
			await stopGroup( pgid, marker );
		}
		await this.checkPort();
		fs.mkdirSync( this.logDir, { recursive: true } );
		const log = fs.openSync( this.logs.server, 'a' );
		const child = spawn(
			this.tools.php,
			[ '-d', 'display_errors=0', '-d', 'log_errors=1', '-S', `127.0.0.1:${ this.port }`, '-t', this.wpPath, this.router ],
			{
				detached: true,
				stdio: [ 'ignore', log, log ],
				cwd: this.wpPath,
				env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
			}
		);
		fs.closeSync( log );
		let exited = null;
		child.on( 'exit', ( code, signal ) => {
			exited = signal || `exit code ${ code }`;
		} );
		child.on( 'error', ( error ) => {
			exited = error.message;
		} );
		if ( child.pid ) {
			this.writeRun( 'php', {
				pid: child.pid,
				pgid: child.pid,
				port: this.port,
				url: this.url,
				started_at: new Date().toISOString(),
			} );
		}
		child.unref();
		this.serverExited = () => exited;
		return { reused: false };
	}

	/**
	 * Waits until GET /wp-json/ answers 200 (a booted WordPress).
	 *
	 * @return {Promise<{ namespaces: string[] }>}
	 */
	async waitForHttp( timeoutMs = 20000 ) {
		let last = null;
		const response = await waitFor(
			async () => {
				last = await httpRequest( `${ this.url }/wp-json/`, { timeoutMs: 5000 } );
				return last.ok ? last : null;
			},
			{
				timeoutMs,
				intervalMs: 150,
				what: `WordPress to answer at ${ this.url }/wp-json/`,
				logFile: this.logs.server,
				hint: `Last answer: ${ last ? last.status || last.error : 'none' }. WordPress log: ${ this.logs.debug }`,
				failFast: () => {
					const exited = this.serverExited ? this.serverExited() : null;
					return exited ? `php -S exited (${ exited })` : null;
				},
			}
		).catch( ( error ) => {
			if ( error instanceof UserError && last ) {
				error.details = `${ error.details }\nLast answer: ${ last.status ? `HTTP ${ last.status } ${ last.body.slice( 0, 300 ) }` : last.error }`;
			}
			throw error;
		} );
		let namespaces = [];
		try {
			namespaces = JSON.parse( response.body ).namespaces || [];
		} catch {
			// not JSON: reported by the caller via the empty list
		}
		return { namespaces };
	}

	/** Runs a PHP file inside the site's WordPress (scripts/wp/eval-file.php). */
	evalFile( file, args = [] ) {
		return run( this.tools.php, [ path.join( WP_SCRIPTS, 'eval-file.php' ), this.wpPath, file, ...args ], {
			cwd: ROOT,
			timeout: 60000,
		} );
	}

	/**
	 * Runs real WP-Cron once: takes the cron lock with a fresh key and requests
	 * /wp-cron.php?doing_wp_cron=<key>, which runs every due event before answering.
	 */
	async runCron() {
		const lock = this.evalFile( path.join( WP_SCRIPTS, 'tasks', 'cron-lock.php' ) );
		const key = lock.stdout.trim();
		if ( lock.status !== 0 || ! key ) {
			return { ok: false, error: lock.output.trim() };
		}
		const response = await httpRequest( `${ this.url }/wp-cron.php?doing_wp_cron=${ encodeURIComponent( key ) }`, {
			timeoutMs: 60000,
		} );
		return { ok: response.ok, error: response.ok ? '' : response.error || `HTTP ${ response.status }` };
	}

	/* -------------------------------------------------------------- */
	/* site.json                                                       */
	/* -------------------------------------------------------------- */

	siteJson( appPassword ) {
		const db = this.db;
		return {
			site: this.name,
			url: this.url,
			admin_url: `${ this.url }/wp-admin/`,
			admin_user: ADMIN.user,
			admin_password: ADMIN.password,
			app_password: appPassword,
			wp_path: this.wpPath,
			php: this.tools.php,
			db: db.external
				? { name: db.name, socket: null, host: db.host, user: db.user }
				: { name: db.name, socket: db.socket, user: db.user },
			log_dir: this.logDir,
			mail_log: this.logs.mail,
			plugin_dir: ROOT,
		};
	}

	writeSiteJson( data, extraPaths = [] ) {
		for ( const file of [ this.siteJsonPath, ...extraPaths ] ) {
			writeJson( file, data );
		}
	}

	/* -------------------------------------------------------------- */
	/* stop and wipe                                                   */
	/* -------------------------------------------------------------- */

	/** @return {boolean} whether anything is running (per records or /proc) */
	isAnythingRunning() {
		return !! ( this.alive( 'php' ) || this.alive( 'mariadb' ) || this.orphans( 'php' ).length || this.orphans( 'mariadb' ).length );
	}

	/**
	 * Stops exactly what this site started: the php -S process group and the
	 * mariadbd (recorded, or found running from this site's data directory).
	 *
	 * @return {Promise<string[]>} what was stopped
	 */
	async stop() {
		const stopped = [];
		const markers = this.markers();
		for ( const kind of [ 'php', 'mariadb' ] ) {
			const record = this.readRun( kind );
			const groups = new Set( this.orphans( kind ) );
			if ( record && isOurGroupAlive( record.pgid, markers[ kind ] ) ) {
				groups.add( record.pgid );
			}
			for ( const pgid of groups ) {
				const gone = await stopGroup( pgid, markers[ kind ], { timeoutMs: kind === 'mariadb' ? 30000 : 5000 } );
				if ( ! gone ) {
					throw new UserError( `Could not stop ${ kind === 'php' ? 'php -S' : 'mariadbd' } (process group ${ pgid }).`, {
						details: `Try: kill -9 -- -${ pgid }`,
					} );
				}
				stopped.push( `${ kind === 'php' ? 'php -S' : 'mariadbd' } (process group ${ pgid })` );
			}
			this.clearRun( kind );
		}
		if ( ! this.db.external ) {
			fs.rmSync( this.socket, { force: true } );
		}
		fs.rmSync( path.join( this.runDir, 'mariadbd.pid' ), { force: true } );
		return stopped;
	}

	/**
	 * Stops only this site's MariaDB (SIGTERM, as an orderly server shutdown), leaving php -S up:
	 * the fault tests take the database away under a running site. startDatabase() brings it back.
	 */
	async stopDatabase() {
		const marker = this.markers().mariadb;
		const record = this.readRun( 'mariadb' );
		const groups = new Set( this.orphans( 'mariadb' ) );
		if ( record && isOurGroupAlive( record.pgid, marker ) ) {
			groups.add( record.pgid );
		}
		for ( const pgid of groups ) {
			if ( ! ( await stopGroup( pgid, marker, { timeoutMs: 30000 } ) ) ) {
				throw new UserError( `Could not stop mariadbd (process group ${ pgid }).` );
			}
		}
		this.clearRun( 'mariadb' );
		return groups.size;
	}

	/** Deletes .wp/<name> (stop first). */
	async wipe() {
		await this.stop();
		if ( this.db.external && fs.existsSync( this.dir ) ) {
			this.dbCall( 'drop' );
		}
		// A few retries: mariadbd may still be closing files.
		for ( let attempt = 0; attempt < 5; attempt++ ) {
			try {
				fs.rmSync( this.dir, { recursive: true, force: true } );
				return;
			} catch ( error ) {
				if ( attempt === 4 ) {
					throw new UserError( `Cannot delete ${ this.dir }: ${ error.message }` );
				}
				await sleep( 300 );
			}
		}
	}
}
