import { Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	fetchConfigEnvironment,
	toApiError,
	type ApiError,
	type ConfigEnvironment,
} from '../../api';

/**
 * Which site this is, large: importing into production by mistake is the
 * error this screen must make hard.
 *
 * @param props
 * @param props.onLoad Called with the environment once known.
 */
export function EnvironmentBanner( {
	onLoad,
}: {
	onLoad?: ( env: ConfigEnvironment ) => void;
} ) {
	const [ env, setEnv ] = useState< ConfigEnvironment | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );

	useEffect( () => {
		let live = true;
		fetchConfigEnvironment().then(
			( value ) => {
				if ( live ) {
					setEnv( value );
					onLoad?.( value );
				}
			},
			( e: unknown ) => live && setError( toApiError( e ) )
		);
		return () => {
			live = false;
		};
	}, [ onLoad ] );

	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error.message }
			</Notice>
		);
	}
	if ( ! env ) {
		return <Spinner />;
	}
	return (
		<div
			className={ `sophmate-config__environment is-${ env.environment }` }
			data-testid="config-environment"
		>
			<span>{ __( 'This site is', 'sophmate-safe-mode' ) }</span>
			<strong className="sophmate-config__environment-type">
				{ env.environment }
			</strong>
			<span className="sophmate-config__site">
				{ sprintf(
					/* translators: %s: the site's home URL */
					__( '(%s)', 'sophmate-safe-mode' ),
					env.site
				) }
			</span>
		</div>
	);
}
