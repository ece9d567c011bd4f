import { Spinner } from '@wordpress/components';
import { Suspense, lazy } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { ConsoleNav } from '../components/ConsoleNav';
import { Snackbars } from '../components/Snackbars';
import { useRoute, type Route } from '../utils/route';
import { AutomationSafetyPage } from './AutomationSafetyPage';

/*
 * Every view but the overview is its own chunk: the overview is what an
 * operator opens in a hurry, so its bundle carries nothing else.
 */
const RunsView = lazy( () =>
	import( /* webpackChunkName: "runs" */ './RunsView' ).then( ( m ) => ( {
		default: m.RunsView,
	} ) )
);
const RunDetailView = lazy( () =>
	import( /* webpackChunkName: "run" */ './RunDetailView' ).then( ( m ) => ( {
		default: m.RunDetailView,
	} ) )
);
const AuditView = lazy( () =>
	import( /* webpackChunkName: "audit" */ './AuditView' ).then( ( m ) => ( {
		default: m.AuditView,
	} ) )
);
const CategoryView = lazy( () =>
	import( /* webpackChunkName: "category" */ './CategoryView' ).then(
		( m ) => ( { default: m.CategoryView } )
	)
);
const AutomationView = lazy( () =>
	import( /* webpackChunkName: "automation" */ './AutomationView' ).then(
		( m ) => ( { default: m.AutomationView } )
	)
);
const ReviewView = lazy( () =>
	import( /* webpackChunkName: "review" */ './ReviewView' ).then( ( m ) => ( {
		default: m.ReviewView,
	} ) )
);

const ProvidersView = lazy( () =>
	import( /* webpackChunkName: "providers" */ './ProvidersView' ).then(
		( m ) => ( { default: m.ProvidersView } )
	)
);
const NotificationsView = lazy( () =>
	import(
		/* webpackChunkName: "notifications" */ './NotificationsView'
	).then( ( m ) => ( { default: m.NotificationsView } ) )
);
const SettingsView = lazy( () =>
	import( /* webpackChunkName: "settings" */ './SettingsView' ).then(
		( m ) => ( { default: m.SettingsView } )
	)
);

function OtherView( {
	route,
	navigate,
}: {
	route: Exclude< Route, { view: 'overview' } >;
	navigate: ( route: Route ) => void;
} ) {
	switch ( route.view ) {
		case 'runs':
			return (
				<RunsView
					filters={ route.filters }
					page={ route.page }
					navigate={ navigate }
				/>
			);
		case 'run':
			return <RunDetailView id={ route.id } navigate={ navigate } />;
		case 'audit':
			return (
				<AuditView
					filters={ route.filters }
					page={ route.page }
					navigate={ navigate }
				/>
			);
		case 'category':
			return <CategoryView slug={ route.slug } navigate={ navigate } />;
		case 'automation':
			return <AutomationView id={ route.id } navigate={ navigate } />;
		case 'review':
			return <ReviewView scope={ route.scope } navigate={ navigate } />;
		case 'providers':
			return <ProvidersView navigate={ navigate } />;
		case 'notifications':
			return <NotificationsView navigate={ navigate } />;
		case 'settings':
			return <SettingsView navigate={ navigate } />;
	}
}

function ViewLoading() {
	return (
		<p className="sophmate-safe-mode__loading" role="status">
			<Spinner />
			{ __( 'Loading…', 'sophmate-safe-mode' ) }
		</p>
	);
}

/**
 * The operator console: a tab bar (Overview, Runs, Audit log) over the views
 * of the page, each kept in the URL (see utils/route.ts).
 */
export function ConsolePage() {
	const [ route, navigate ] = useRoute();
	return (
		<>
			<ConsoleNav route={ route } navigate={ navigate } />
			{ route.view === 'overview' ? (
				<AutomationSafetyPage navigate={ navigate } />
			) : (
				<div className="sophmate-safe-mode">
					<h1 className="wp-heading-inline">
						{ __( 'Automation Safety', 'sophmate-safe-mode' ) }
					</h1>
					<hr className="wp-header-end" />
					<Suspense fallback={ <ViewLoading /> }>
						<OtherView route={ route } navigate={ navigate } />
					</Suspense>
				</div>
			) }
			{ /* Once for every view, so a confirmation survives navigation. */ }
			<Snackbars />
		</>
	);
}
