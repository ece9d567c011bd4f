/** Loopback-only network helpers: port checks and small HTTP requests. */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

/** Can we bind 127.0.0.1:port right now? */
export function isPortFree( port ) {
	return new Promise( ( resolve ) => {
		const server = net.createServer();
		server.unref();
		server.once( 'error', () => resolve( false ) );
		server.listen( { port, host: '127.0.0.1', exclusive: true }, () => {
			server.close( () => resolve( true ) );
		} );
	} );
}

/** The first free port from `start` upward, skipping `exclude`. */
export async function findFreePort( start, exclude = [] ) {
	for ( let port = start; port < start + 200; port++ ) {
		if ( ! exclude.includes( port ) && ( await isPortFree( port ) ) ) {
			return port;
		}
	}
	return null;
}

/** Does something accept TCP connections on 127.0.0.1:port? */
export function isPortOpen( port, timeoutMs = 500 ) {
	return new Promise( ( resolve ) => {
		const socket = net.connect( { port, host: '127.0.0.1' } );
		const done = ( value ) => {
			socket.destroy();
			resolve( value );
		};
		socket.setTimeout( timeoutMs, () => done( false ) );
		socket.once( 'connect', () => done( true ) );
		socket.once( 'error', () => done( false ) );
	} );
}

/**
 * A GET (or other) request; never rejects.
 *
 * @return {Promise<{ ok: boolean, status: number, body: string, error?: string }>}
 */
export function httpRequest( url, { method = 'GET', timeoutMs = 5000, auth, headers = {} } = {} ) {
	return new Promise( ( resolve ) => {
		const allHeaders = { ...headers };
		if ( auth ) {
			allHeaders.Authorization = `Basic ${ Buffer.from( auth ).toString( 'base64' ) }`;
		}
		const request = http.request( url, { method, headers: allHeaders }, ( response ) => {
			let body = '';
			response.setEncoding( 'utf8' );
			response.on( 'data', ( chunk ) => {
				if ( body.length < 2 * 1024 * 1024 ) {
					body += chunk;
				}
			} );
			response.on( 'end', () =>
				resolve( {
					ok: response.statusCode >= 200 && response.statusCode < 300,
					status: response.statusCode,
					body,
				} )
			);
			response.on( 'error', ( error ) =>
				resolve( { ok: false, status: 0, body, error: error.message } )
			);
		} );
		request.setTimeout( timeoutMs, () => {
			request.destroy( new Error( `no answer within ${ timeoutMs } ms` ) );
		} );
		request.on( 'error', ( error ) => resolve( { ok: false, status: 0, body: '', error: error.message } ) );
		request.end();
	} );
}

/**
 * Who listens on 127.0.0.1/0.0.0.0:port? Best effort from /proc (Linux); returns
 * e.g. "pid 123: nginx -g ..." or null when it cannot be told.
 */
export function describePortOwner( port ) {
	try {
		const hexPort = port.toString( 16 ).toUpperCase().padStart( 4, '0' );
		const inodes = new Set();
		for ( const file of [ '/proc/net/tcp', '/proc/net/tcp6' ] ) {
			if ( ! fs.existsSync( file ) ) {
				continue;
			}
			for ( const line of fs.readFileSync( file, 'utf8' ).split( '\n' ).slice( 1 ) ) {
				const cols = line.trim().split( /\s+/ );
				// local_address is cols[1] "0100007F:22B8", state cols[3] (0A = LISTEN), inode cols[9]
				if ( cols.length > 9 && cols[ 1 ].endsWith( `:${ hexPort }` ) && cols[ 3 ] === '0A' ) {
					inodes.add( cols[ 9 ] );
				}
			}
		}
		if ( inodes.size === 0 ) {
			return null;
		}
		for ( const entry of fs.readdirSync( '/proc' ) ) {
			if ( ! /^\d+$/.test( entry ) ) {
				continue;
			}
			let fds = [];
			try {
				fds = fs.readdirSync( `/proc/${ entry }/fd` );
			} catch {
				continue;
			}
			for ( const fd of fds ) {
				let link = '';
				try {
					link = fs.readlinkSync( `/proc/${ entry }/fd/${ fd }` );
				} catch {
					continue;
				}
				const match = /^socket:\[(\d+)\]$/.exec( link );
				if ( match && inodes.has( match[ 1 ] ) ) {
					const cmd = fs
						.readFileSync( `/proc/${ entry }/cmdline`, 'utf8' )
						.split( '\0' )
						.join( ' ' )
						.trim();
					return `pid ${ entry }: ${ cmd.slice( 0, 160 ) }`;
				}
			}
		}
	} catch {
		// best effort
	}
	return null;
}
