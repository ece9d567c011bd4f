/**
 * Two web nodes and a shared persistent object cache, on one machine (npm run test:scale and
 * npm run bench -- --only=load):
 *
 *   node A   php -S 127.0.0.1:8894 (the "scale" Site's own server, 4 workers)
 *   node B   a second php -S 127.0.0.1:8895, its own process group, same WordPress directory
 *   MariaDB  the Site's throwaway instance, shared by both nodes (one database)
 *   Redis    redis-server 127.0.0.1:6391 in .wp/scale/redis (no persistence), used by both nodes
 *            through tests/fixtures/object-cache/object-cache.php
 *
 * Everything lives in .wp/scale, is wiped before a run and stopped after it (stop(), or
 * killSync() from an exit handler); it never touches the dev or test site.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';

import { isPortFree } from './net.mjs';
import { ROOT } from './paths.mjs';
import {
	findGroupsByMarker,
	isOurGroupAlive,
	stopGroup,
	waitFor,
	which,
} from './proc.mjs';
import { Site } from './site.mjs';
import { UserError } from './ui.mjs';

export const DROP_IN = path.join(
	ROOT,
	'tests',
	'fixtures',
	'object-cache',
	'object-cache.php'
);
export const PROBE_PLUGIN = path.join(
	ROOT,
	'tests',
	'scale',
	'scale-mu-plugin.php'
);

/**
 * One Redis command over RESP; resolves the raw reply text. Never rejects.
 * @param {number}   port      Redis port on 127.0.0.1
 * @param {string[]} args      command and arguments
 * @param {number}   timeoutMs give up after
 */
export function redisCommand( port, args, timeoutMs = 2000 ) {
	return new Promise( ( resolve ) => {
		const socket = net.createConnection( { host: '127.0.0.1', port } );
		let reply = '';
		const done = ( value ) => {
			socket.destroy();
			resolve( value );
		};
		socket.setTimeout( timeoutMs, () => done( null ) );
		socket.on( 'error', () => done( null ) );
		socket.on( 'connect', () => {
			socket.write(
				`*${ args.length }\r\n${ args.map( ( a ) => `$${ Buffer.byteLength( String( a ) ) }\r\n${ a }\r\n` ).join( '' ) }`
			);
		} );
		socket.on( 'data', ( chunk ) => {
			reply += chunk.toString();
			if ( reply.endsWith( '\r\n' ) ) {
				done( reply.trim() );
			}
		} );
	} );
}

export class ScaleCluster {
	/**
	 * @param {Object}                                                                tools     from resolveTools(); needs tools.redisServer
	 * @param {{ name?: string, portA?: number, portB?: number, redisPort?: number }} [options]
	 */
	constructor(
		tools,
		{ name = 'scale', portA = 8894, portB = 8895, redisPort = 6391 } = {}
	) {
		this.tools = tools;
		this.site = new Site( name, tools, {
			port: portA,
			demo: false,
			title: `SophMate Safe Mode (${ name })`,
		} );
		this.portB = portB;
		this.redisPort = redisPort;
		this.redisDir = path.join( this.site.dir, 'redis' );
		// redis-server rewrites its command line to this title: how stop() recognises our instance.
		this.redisMarker = `sophmate-scale:${ this.redisDir }`;
		this.nodeB = null;
		this.redis = null;
		this.appPassword = '';
	}

	get urls() {
		return [ this.site.url, `http://127.0.0.1:${ this.portB }` ];
	}

	get auth() {
		return (
			'Basic ' +
			Buffer.from( `admin:${ this.appPassword }` ).toString( 'base64' )
		);
	}

	/**
	 * Wipes .wp/<name>, installs WordPress, then starts Redis and both nodes with the drop-in.
	 * @param {(message: string) => void} log progress lines
	 */
	async start( log = () => {} ) {
		const redisServer =
			this.tools.redisServer ||
			which( 'redis-server', [ '/usr/sbin', '/usr/bin' ] );
		if ( ! redisServer ) {
			throw new UserError(
				'redis-server is missing (Debian: redis-server).'
			);
		}
		// Leftovers of an interrupted run are ours: stop them before checking the ports.
		await this.stop();
		for ( const port of [ this.site.port, this.portB, this.redisPort ] ) {
			if ( ! ( await isPortFree( port ) ) ) {
				throw new UserError(
					`Port ${ port } on 127.0.0.1 is in use by another program: the scale test needs 8894, 8895 and 6391.`
				);
			}
		}
		log(
			`Wiping ${ path.relative( ROOT, this.site.dir ) }, fresh MariaDB, installing WordPress…`
		);
		await this.site.wipe();
		await this.site.startDatabase();
		this.site.prepareFiles();
		this.site.recreateDatabase();
		const install = this.site.install( { resetAdmin: true } );
		if ( install.activation_error || ! install.plugin_active ) {
			throw new UserError(
				`The plugin is not active on the scale site: ${ install.activation_error || 'not activated' }`
			);
		}
		this.site.markInstalled( install );
		this.appPassword = install.app_password;

		log( `Starting redis-server on 127.0.0.1:${ this.redisPort }…` );
		await this.startRedis( redisServer );
		// Both nodes (and any PHP helper run from here) find Redis through these.
		process.env.SOPHMATE_REDIS_HOST = '127.0.0.1';
		process.env.SOPHMATE_REDIS_PORT = String( this.redisPort );
		const content = path.join( this.site.wpPath, 'wp-content' );
		fs.copyFileSync( DROP_IN, path.join( content, 'object-cache.php' ) );
		fs.copyFileSync(
			PROBE_PLUGIN,
			path.join( content, 'mu-plugins', 'sophmate-scale-probes.php' )
		);

		log(
			`Starting node A (${ this.urls[ 0 ] }) and node B (${ this.urls[ 1 ] })…`
		);
		await this.site.startServer();
		this.startNodeB();
		await this.site.waitForHttp( 30000 );
		await waitFor(
			async () =>
				(
					await fetch( `${ this.urls[ 1 ] }/wp-json/` ).catch(
						() => null
					)
				)?.ok,
			{
				timeoutMs: 30000,
				intervalMs: 150,
				what: `node B to answer at ${ this.urls[ 1 ] }/wp-json/`,
				logFile: this.nodeBLog,
			}
		);
		this.site.writeSiteJson( this.site.siteJson( this.appPassword ) );
	}

	async startRedis( redisServer ) {
		fs.mkdirSync( this.redisDir, { recursive: true } );
		const logFile = path.join( this.redisDir, 'redis.log' );
		const child = spawn(
			redisServer,
			[
				'--port',
				String( this.redisPort ),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				this.redisDir,
				'--logfile',
				logFile,
				'--daemonize',
				'no',
				'--proc-title-template',
				`{title} {listen-addr} ${ this.redisMarker }`,
			],
			{ detached: true, stdio: 'ignore', cwd: this.redisDir }
		);
		child.unref();
		this.redis = { pgid: child.pid };
		this.site.writeRun( 'redis', {
			pid: child.pid,
			pgid: child.pid,
			port: this.redisPort,
		} );
		await waitFor(
			async () =>
				( await redisCommand( this.redisPort, [ 'PING' ] ) ) ===
				'+PONG',
			{
				timeoutMs: 10000,
				what: `redis-server on port ${ this.redisPort }`,
				logFile,
			}
		);
	}

	startNodeB() {
		this.nodeBLog = path.join( this.site.logDir, 'php-server-b.log' );
		const log = fs.openSync( this.nodeBLog, 'a' );
		const child = spawn(
			this.tools.php,
			[
				'-d',
				'display_errors=0',
				'-d',
				'log_errors=1',
				'-S',
				`127.0.0.1:${ this.portB }`,
				'-t',
				this.site.wpPath,
				this.site.router,
			],
			{
				detached: true,
				stdio: [ 'ignore', log, log ],
				cwd: this.site.wpPath,
				env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
			}
		);
		fs.closeSync( log );
		child.unref();
		this.nodeB = { pgid: child.pid };
		this.site.writeRun( 'php-b', {
			pid: child.pid,
			pgid: child.pid,
			port: this.portB,
		} );
	}

	/** Stops node B, Redis, then node A and MariaDB (Site.stop()); safe to call twice. */
	async stop() {
		const stopped = [];
		const phpMarker = this.site.markers().php;
		const nodeB = this.site.readRun( 'php-b' );
		if ( nodeB && isOurGroupAlive( nodeB.pgid, phpMarker ) ) {
			await stopGroup( nodeB.pgid, phpMarker, { timeoutMs: 5000 } );
			stopped.push( `node B (process group ${ nodeB.pgid })` );
		}
		this.site.clearRun( 'php-b' );
		const redisGroups = new Set( findGroupsByMarker( this.redisMarker ) );
		const redis = this.site.readRun( 'redis' );
		if ( redis && isOurGroupAlive( redis.pgid, this.redisMarker ) ) {
			redisGroups.add( redis.pgid );
		}
		for ( const pgid of redisGroups ) {
			await stopGroup( pgid, this.redisMarker, { timeoutMs: 5000 } );
			stopped.push( `redis-server (process group ${ pgid })` );
		}
		this.site.clearRun( 'redis' );
		// Node A and MariaDB; Site.stop() also finds a node B that lost its record (same command line).
		stopped.push( ...( await this.site.stop() ) );
		this.nodeB = null;
		this.redis = null;
		return stopped;
	}

	/** Last resort from an exit handler: signal every recorded group, synchronously. */
	killSync() {
		for ( const kind of [ 'php-b', 'redis', 'php', 'mariadb' ] ) {
			const record = this.site.readRun( kind );
			if ( record && record.pgid ) {
				try {
					process.kill( -record.pgid, 'SIGTERM' );
				} catch {
					// gone
				}
			}
		}
	}
}
