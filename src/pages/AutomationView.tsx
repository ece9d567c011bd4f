import { __ } from '@wordpress/i18n';

import type { Route } from '../utils/route';

/**
 * The page of one automation (placeholder until the automation page lands).
 *
 * @param props
 * @param props.id       Automation id.
 * @param props.navigate navigate() of useRoute.
 */
export function AutomationView( {
	id,
}: {
	id: string;
	navigate: ( route: Route ) => void;
} ) {
	return (
		<h2>
			{ __( 'Automation', 'sophmate-safe-mode' ) } { id }
		</h2>
	);
}
