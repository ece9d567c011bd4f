import { __ } from '@wordpress/i18n';
import type { MouseEvent } from 'react';

import { EMPTY_AUDIT_FILTERS, EMPTY_RUN_FILTERS } from '../api';
import { routeToSearch, type Route } from '../utils/route';

/**
 * A link to a view of the page: a real href (bookmarkable, opens in a new
 * tab) that navigates in place on a plain click.
 *
 * @param props
 * @param props.to        Route.
 * @param props.navigate  navigate() of useRoute.
 * @param props.children  Link text.
 * @param props.className Class names.
 * @param props.current   Marks the current tab.
 */
export function RouteLink( {
	to,
	navigate,
	children,
	className,
	current = false,
}: {
	to: Route;
	navigate: ( route: Route ) => void;
	children: React.ReactNode;
	className?: string;
	current?: boolean;
} ) {
	const href = `${ window.location.pathname }${ routeToSearch(
		to,
		window.location.search
	) }`;
	const onClick = ( event: MouseEvent< HTMLAnchorElement > ) => {
		if (
			event.button !== 0 ||
			event.metaKey ||
			event.ctrlKey ||
			event.shiftKey ||
			event.altKey
		) {
			return;
		}
		event.preventDefault();
		navigate( to );
	};
	return (
		<a
			href={ href }
			onClick={ onClick }
			className={ className }
			aria-current={ current ? 'page' : undefined }
		>
			{ children }
		</a>
	);
}

/**
 * The tab bar: Overview, Runs, Audit log, Providers, Notifications, Configuration.
 *
 * @param props
 * @param props.route    Current route.
 * @param props.navigate navigate() of useRoute.
 */
export function ConsoleNav( {
	route,
	navigate,
}: {
	route: Route;
	navigate: ( route: Route ) => void;
} ) {
	const tabs: Array< { key: string; label: string; to: Route } > = [
		{
			key: 'overview',
			label: __( 'Overview', 'sophmate-safe-mode' ),
			to: { view: 'overview' },
		},
		{
			key: 'runs',
			label: __( 'Runs', 'sophmate-safe-mode' ),
			to: { view: 'runs', filters: EMPTY_RUN_FILTERS, page: 1 },
		},
		{
			key: 'audit',
			label: __( 'Audit log', 'sophmate-safe-mode' ),
			to: { view: 'audit', filters: EMPTY_AUDIT_FILTERS, page: 1 },
		},
		{
			key: 'providers',
			label: __( 'Providers', 'sophmate-safe-mode' ),
			to: { view: 'providers' },
		},
		{
			key: 'notifications',
			label: __( 'Notifications', 'sophmate-safe-mode' ),
			to: { view: 'notifications' },
		},
		{
			key: 'settings',
			label: __( 'Configuration', 'sophmate-safe-mode' ),
			to: { view: 'settings' },
		},
	];
	const active = route.view === 'run' ? 'runs' : route.view;
	return (
		<nav
			className="nav-tab-wrapper sophmate-safe-mode__tabs"
			aria-label={ __( 'Automation Safety views', 'sophmate-safe-mode' ) }
		>
			{ tabs.map( ( tab ) => (
				<RouteLink
					key={ tab.key }
					to={ tab.to }
					navigate={ navigate }
					current={ active === tab.key }
					className={ `nav-tab${
						active === tab.key ? ' nav-tab-active' : ''
					}` }
				>
					{ tab.label }
				</RouteLink>
			) ) }
		</nav>
	);
}
