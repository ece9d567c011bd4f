/**
 * Boot data printed by the PHP admin page as `window.sophmateSafeModeBoot`.
 */
import { z } from 'zod';
import { createContext, useContext } from '@wordpress/element';

export const bootSchema = z.object( {
	namespace: z.string().min( 1 ),
	canManage: z.boolean(),
	canPause: z.boolean(),
	userId: z.number().int(),
	adminUrl: z.string(),
} );

export type Boot = z.infer< typeof bootSchema >;

declare global {
	interface Window {
		sophmateSafeModeBoot?: unknown;
	}
}

export type BootResult =
	{ ok: true; boot: Boot } | { ok: false; message: string };

/**
 * Parses the boot object; never throws.
 *
 * @param value Usually `window.sophmateSafeModeBoot`.
 */
export function parseBoot( value: unknown ): BootResult {
	const parsed = bootSchema.safeParse( value );
	if ( parsed.success ) {
		return { ok: true, boot: parsed.data };
	}
	return {
		ok: false,
		message: parsed.error.issues
			.map(
				( issue ) =>
					`${ issue.path.map( String ).join( '.' ) || '(root)' }: ${
						issue.message
					}`
			)
			.join( '; ' ),
	};
}

const BootContext = createContext< Boot | null >( null );

export const BootProvider = BootContext.Provider;

/** The boot data; components are always rendered inside a BootProvider. */
export function useBoot(): Boot {
	const boot = useContext( BootContext );
	if ( ! boot ) {
		throw new Error( 'useBoot() must be used inside <BootProvider>.' );
	}
	return boot;
}
