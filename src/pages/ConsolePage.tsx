import { __ } from '@wordpress/i18n';

import { ConsoleNav } from '../components/ConsoleNav';
import { useRoute, type Route } from '../utils/route';
import { AuditView } from './AuditView';
import { AutomationSafetyPage } from './AutomationSafetyPage';
import { RunDetailView } from './RunDetailView';
import { RunsView } from './RunsView';

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
	}
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
				<AutomationSafetyPage />
			) : (
				<div className="sophmate-safe-mode">
					<h1 className="wp-heading-inline">
						{ __( 'Automation Safety', 'sophmate-safe-mode' ) }
					</h1>
					<hr className="wp-header-end" />
					<OtherView route={ route } navigate={ navigate } />
				</div>
			) }
		</>
	);
}
