/**
 * Error normalisation for everything that goes through `src/api/`.
 *
 * apiFetch rejects with whatever the server sent (a WordPress REST error
 * `{ code, message, data: { status } }`), with its own `{ code, message }`
 * objects for network and JSON failures, or with a plain Error. Everything is
 * turned into one typed `ApiError` so the stores and components only ever deal
 * with `{ code, message, status, data }`.
 */
import { z } from 'zod';
import { __, sprintf } from '@wordpress/i18n';

export type ApiErrorData = Readonly< Record< string, unknown > >;

export interface ApiErrorShape {
	/** Machine-readable code, e.g. `sophmate_review_incomplete`. */
	code: string;
	/** Human-readable, already translated by the server where it came from. */
	message: string;
	/** HTTP status, or null when no response was received. */
	status: number | null;
	/** The error's `data` object (without assumptions about its shape). */
	data: ApiErrorData;
}

export class ApiError extends Error implements ApiErrorShape {
	readonly code: string;
	readonly status: number | null;
	readonly data: ApiErrorData;

	constructor( { code, message, status, data }: ApiErrorShape ) {
		super( message );
		this.name = 'ApiError';
		this.code = code;
		this.status = status;
		this.data = data;
	}
}

/** Codes the client invents (the server's codes are `sophmate_…`/`rest_…`). */
export const CLIENT_ERROR_CODES = {
	invalidResponse: 'sophmate_invalid_response',
	unknown: 'sophmate_unknown_error',
} as const;

const restErrorSchema = z.object( {
	code: z.string().min( 1 ),
	message: z.string(),
	data: z.unknown().optional(),
} );

const dataWithStatusSchema = z.object( {
	status: z.number().int().optional(),
} );

function toData( value: unknown ): ApiErrorData {
	if ( value && typeof value === 'object' && ! Array.isArray( value ) ) {
		return value as ApiErrorData;
	}
	return {};
}

/**
 * Turns anything apiFetch (or our own code) can throw into an ApiError.
 *
 * @param error The rejection value.
 */
export function toApiError( error: unknown ): ApiError {
	if ( error instanceof ApiError ) {
		return error;
	}

	const rest = restErrorSchema.safeParse( error );
	if ( rest.success ) {
		const data = toData( rest.data.data );
		const withStatus = dataWithStatusSchema.safeParse( data );
		return new ApiError( {
			code: rest.data.code,
			message:
				rest.data.message ||
				__( 'The request failed.', 'sophmate-safe-mode' ),
			status:
				withStatus.success && withStatus.data.status !== undefined
					? withStatus.data.status
					: null,
			data,
		} );
	}

	if ( error instanceof Error ) {
		return new ApiError( {
			code: CLIENT_ERROR_CODES.unknown,
			message: error.message,
			status: null,
			data: {},
		} );
	}

	return new ApiError( {
		code: CLIENT_ERROR_CODES.unknown,
		message: __( 'An unknown error occurred.', 'sophmate-safe-mode' ),
		status: null,
		data: {},
	} );
}

function formatPath( path: ReadonlyArray< PropertyKey > ): string {
	if ( path.length === 0 ) {
		return '(root)';
	}
	return path.reduce< string >( ( out, key ) => {
		if ( typeof key === 'number' ) {
			return `${ out }[${ key }]`;
		}
		return out ? `${ out }.${ String( key ) }` : String( key );
	}, '' );
}

/**
 * Builds the error for a response that does not match its zod schema. The
 * message names the route and the first offending fields, so a contract drift
 * between PHP and TypeScript is obvious from the notice alone.
 *
 * @param route    The request path.
 * @param zodError The validation error.
 */
export function invalidResponseError(
	route: string,
	zodError: z.ZodError
): ApiError {
	const details = zodError.issues
		.slice( 0, 3 )
		.map( ( issue ) => `${ formatPath( issue.path ) }: ${ issue.message }` )
		.join( '; ' );
	return new ApiError( {
		code: CLIENT_ERROR_CODES.invalidResponse,
		message: sprintf(
			/* translators: 1: REST route, 2: list of invalid fields. */
			__(
				'The server sent an unexpected response for %1$s (%2$s).',
				'sophmate-safe-mode'
			),
			route,
			details
		),
		status: null,
		data: {
			issues: zodError.issues.map( ( issue ) => ( {
				path: formatPath( issue.path ),
				message: issue.message,
			} ) ),
		},
	} );
}

const missingSchema = z.object( { missing: z.array( z.string() ) } );

/**
 * The acknowledgements a 422 `sophmate_review_incomplete` says are missing.
 *
 * @param error An ApiError.
 */
export function missingAcknowledgements( error: ApiError ): string[] {
	const parsed = missingSchema.safeParse( error.data );
	return parsed.success ? parsed.data.missing : [];
}

const paramsSchema = z.object( {
	params: z.record( z.string(), z.string() ),
} );

/**
 * Per-field messages of a 400 `sophmate_invalid_param` (WordPress' argument
 * validation puts them in `data.params`, keyed by parameter name).
 *
 * @param error An ApiError.
 */
export function invalidParams( error: ApiError ): Record< string, string > {
	const parsed = paramsSchema.safeParse( error.data );
	return parsed.success ? parsed.data.params : {};
}

/**
 * Splits a refused write into messages for form fields and one for the form:
 * WordPress' `data.params` go under the parameter they name, a
 * `sophmate_invalid_<name>` error under `<name>`, as far as `fieldOf` knows
 * the field; everything else is said above the form.
 *
 * @param error   The ApiError of the write.
 * @param fieldOf The form field a parameter (and its message) belongs to, or null.
 */
export function placeServerErrors< F extends string >(
	error: ApiError,
	fieldOf: ( name: string, message: string ) => F | null
): { fields: Partial< Record< F, string > >; form: string | null } {
	const fields: Partial< Record< F, string > > = {};
	const unplaced: string[] = [];
	const params = invalidParams( error );
	const named: Array< [ string, string ] > = Object.keys( params ).length
		? Object.entries( params )
		: [
				[
					/^sophmate_invalid_(.+)$/.exec( error.code )?.[ 1 ] ?? '',
					error.message,
				],
			];
	named.forEach( ( [ name, message ] ) => {
		const field = name ? fieldOf( name, message ) : null;
		if ( field ) {
			fields[ field ] = message;
		} else {
			unplaced.push( message );
		}
	} );
	return { fields, form: unplaced.length ? unplaced.join( ' ' ) : null };
}
