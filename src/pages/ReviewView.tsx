import { __ } from '@wordpress/i18n';

import type { Route } from '../utils/route';

/**
 * The restart review of a paused scope (placeholder until the review screen lands).
 *
 * @param props
 * @param props.scope    `global`, `category:SLUG` or `automation:ID`.
 * @param props.navigate navigate() of useRoute.
 */
export function ReviewView( {
	scope,
}: {
	scope: string;
	navigate: ( route: Route ) => void;
} ) {
	return (
		<h2>
			{ __( 'Restart review', 'sophmate-safe-mode' ) } { scope }
		</h2>
	);
}
