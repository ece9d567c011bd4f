import { Button, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { ApiError } from '../api';

/**
 * A part of a page that could not be loaded: what, the server's reason, and
 * a way to try again, said the same way in every panel.
 *
 * @param props
 * @param props.message What could not be loaded, e.g. "Drills could not be loaded."
 * @param props.error   The failed request's error.
 * @param props.onRetry Loads it again.
 */
export function SectionError( {
	message,
	error,
	onRetry,
}: {
	message: string;
	error: ApiError;
	onRetry: () => void;
} ) {
	return (
		// An alert, so a screen reader hears that part of the page is missing.
		<div role="alert">
			<Notice status="error" isDismissible={ false }>
				{ message } { error.message }{ ' ' }
				<Button variant="link" onClick={ onRetry }>
					{ __( 'Try again', 'sophmate-safe-mode' ) }
				</Button>
			</Notice>
		</div>
	);
}
