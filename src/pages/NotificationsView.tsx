import { __ } from '@wordpress/i18n';

import type { Route } from '../utils/route';

/**
 * Placeholder while the view is being built.
 *
 * @param props
 * @param props.navigate navigate() of useRoute.
 */
export function NotificationsView( props: {
	navigate: ( route: Route ) => void;
} ) {
	void props;
	return <p>{ __( 'Coming soon.', 'sophmate-safe-mode' ) }</p>;
}
