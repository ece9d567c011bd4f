import { __ } from '@wordpress/i18n';

import type { Route } from '../utils/route';

/**
 * The page of one category (placeholder until the category page lands).
 *
 * @param props
 * @param props.slug     Category slug.
 * @param props.navigate navigate() of useRoute.
 */
export function CategoryView( {
	slug,
}: {
	slug: string;
	navigate: ( route: Route ) => void;
} ) {
	return (
		<h2>
			{ __( 'Category', 'sophmate-safe-mode' ) } { slug }
		</h2>
	);
}
