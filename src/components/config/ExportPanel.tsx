import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { fetchConfig, toApiError } from '../../api';
import { useActionFeedback } from '../Snackbars';
import { configFileName } from './configDiff';
import { downloadText } from '../../utils/download';

/** "Export configuration": downloads this site's configuration as JSON. */
export function ExportPanel() {
	const [ busy, setBusy ] = useState( false );
	const { confirm, fail } = useActionFeedback();

	const onExport = () => {
		setBusy( true );
		fetchConfig()
			.then( ( doc ) => {
				const name = configFileName( doc );
				downloadText(
					JSON.stringify( doc, null, 2 ),
					name,
					'application/json'
				);
				confirm(
					sprintf(
						/* translators: %s: file name */
						__(
							'Configuration exported as %s.',
							'sophmate-safe-mode'
						),
						name
					)
				);
			} )
			.catch( ( e: unknown ) => fail( toApiError( e ).message ) )
			.finally( () => setBusy( false ) );
	};

	return (
		<section
			className="sophmate-config__section"
			aria-labelledby="sophmate-config-export"
		>
			<h2 id="sophmate-config-export">
				{ __( 'Export configuration', 'sophmate-safe-mode' ) }
			</h2>
			<p>
				{ __(
					'Categories with their owners, pause policies, breakers, review cadence, providers and notification targets; automations created in the admin with their checklists and bindings; providers (hosts and status URL); settings. Secrets (webhook signing secret, anything named secret, password or token) and provider status are never exported.',
					'sophmate-safe-mode'
				) }
			</p>
			<Button
				variant="primary"
				onClick={ onExport }
				isBusy={ busy }
				disabled={ busy }
			>
				{ __( 'Export configuration', 'sophmate-safe-mode' ) }
			</Button>
		</section>
	);
}
