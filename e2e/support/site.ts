/**
 * The test site, for e2e specs: its site.json (written by `npm test`) and a way to
 * run PHP inside its WordPress (scripts/wp/eval-file.php, our stand-in for
 * `wp eval-file`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The shape of .wp/<site>/site.json; see docs/development.md. */
export type Site = {
	site?: string;
	url: string;
	admin_url?: string;
	admin_user: string;
	admin_password: string;
	app_password: string;
	wp_path: string;
	php: string;
	db: {
		name: string;
		socket: string | null;
		user: string;
		host?: string;
	};
	log_dir: string;
	mail_log?: string;
	plugin_dir?: string;
};

/** The repository root. */
export const ROOT = path.resolve( __dirname, '..', '..' );

/** Path of the test site's site.json: SOPHMATE_TEST_SITE, else .wp/test/site.json. */
export function siteJsonPath(): string {
	return (
		process.env.SOPHMATE_TEST_SITE ||
		path.join( ROOT, '.wp', 'test', 'site.json' )
	);
}

/** Where the global setup keeps the logged-in admin's cookies. */
export function storageStatePath(): string {
	return path.join( path.dirname( siteJsonPath() ), 'storage-state.json' );
}

/**
 * Reads the test site's site.json.
 *
 * @return The site's URLs, logins and paths.
 */
export function readSite(): Site {
	const file = siteJsonPath();
	let site: Site;
	try {
		site = JSON.parse( fs.readFileSync( file, 'utf8' ) ) as Site;
	} catch ( error ) {
		throw new Error(
			`Cannot read the test site's site.json at ${ file }: ${
				( error as Error ).message
			}. Run the e2e suite through npm test (npm test -- --only=e2e).`
		);
	}
	if ( ! site.url || ! site.wp_path || ! site.php ) {
		throw new Error( `${ file } lacks url, wp_path or php: run npm test.` );
	}
	return site;
}

/**
 * Runs a PHP file inside the test site's WordPress, logged in as the admin, and
 * returns what it printed. Throws, with its output, when it exits non-zero.
 *
 * @param phpFile Path of the PHP file, relative to the repository root or absolute.
 * @param args    Extra arguments, available to the file as $args.
 * @return What the file printed.
 */
export function wpEval( phpFile: string, args: string[] = [] ): string {
	const site = readSite();
	const file = path.isAbsolute( phpFile )
		? phpFile
		: path.join( ROOT, phpFile );
	const result = spawnSync(
		site.php,
		[
			path.join( ROOT, 'scripts', 'wp', 'eval-file.php' ),
			site.wp_path,
			file,
			...args,
		],
		{ cwd: ROOT, encoding: 'utf8', timeout: 60_000 }
	);
	if ( result.error || result.status !== 0 ) {
		const why = result.error
			? result.error.message
			: `exit code ${ result.status }`;
		throw new Error(
			`wpEval( ${ phpFile } ) failed (${ why }):\n${ result.stdout || '' }\n${
				result.stderr || ''
			}`
		);
	}
	return result.stdout;
}
