import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { API_NAMESPACE } from './api';
import { BootProvider, type BootResult } from './boot';
import { ConsolePage } from './pages/ConsolePage';

function BootError( { message }: { message: string } ) {
	return (
		<div className="sophmate-safe-mode">
			<h1>{ __( 'Automation Safety', 'sophmate-safe-mode' ) }</h1>
			<Notice status="error" isDismissible={ false }>
				{ message }
			</Notice>
		</div>
	);
}

/**
 * Root component: validates the boot data, then renders the page.
 *
 * @param props
 * @param props.boot Result of parsing `window.sophmateSafeModeBoot`.
 */
export function App( { boot }: { boot: BootResult } ) {
	if ( ! boot.ok ) {
		return (
			<BootError
				message={ sprintf(
					/* translators: %s: technical details. */
					__(
						'The Automation Safety screen could not start because its settings are missing or invalid (%s). Reload the page; if this persists, check for JavaScript or PHP errors.',
						'sophmate-safe-mode'
					),
					boot.message
				) }
			/>
		);
	}
	if ( boot.boot.namespace !== API_NAMESPACE ) {
		return (
			<BootError
				message={ sprintf(
					/* translators: 1: API namespace the screen needs, 2: namespace the server offers. */
					__(
						'This screen needs the REST API %1$s but the server offers %2$s. Clear caches and reload; the plugin files may be out of sync.',
						'sophmate-safe-mode'
					),
					API_NAMESPACE,
					boot.boot.namespace
				) }
			/>
		);
	}
	return (
		<BootProvider value={ boot.boot }>
			<ConsolePage />
		</BootProvider>
	);
}
