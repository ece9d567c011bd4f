import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

import { useBoot } from '../boot';
import { AutomationTable } from '../components/AutomationTable';
import { CategoryTable } from '../components/CategoryTable';
import { OverviewCharts } from '../components/charts/OverviewCharts';
import { NoticeList } from '../components/Notices';
import { OwnershipProblems } from '../components/readiness';
import { SafeModePanel } from '../components/SafeModePanel';
import { automationsStore } from '../store/automations';
import { categoriesStore } from '../store/categories';
import { cronHooksStore } from '../store/cron-hooks';
import { statusStore } from '../store/status';
import type { Route } from '../utils/route';

function PageBody( { navigate }: { navigate: ( route: Route ) => void } ) {
	const { canManage } = useBoot();
	const { loaded, fetching, fetchError } = useSelect( ( select ) => {
		const store = select( statusStore );
		// Selecting the snapshot triggers its resolver on first render.
		store.getStatus();
		return {
			loaded: store.hasLoaded(),
			fetching: store.isFetching(),
			fetchError: store.getFetchError(),
		};
	}, [] );
	const { refreshStatus } = useDispatch( statusStore );
	const { refreshCategories } = useDispatch( categoriesStore );
	const { refreshAutomations } = useDispatch( automationsStore );
	const { refreshCronHooks } = useDispatch( cronHooksStore );

	const refresh = () => {
		void refreshStatus();
		void refreshCategories();
		void refreshAutomations();
		if ( canManage ) {
			// Only managers see the cron-hook form that uses them.
			void refreshCronHooks();
		}
	};

	return (
		<>
			<div className="sophmate-safe-mode__header">
				<h1 className="wp-heading-inline">
					{ __( 'Automation Safety', 'sophmate-safe-mode' ) }
				</h1>
				<Button
					variant="secondary"
					size="compact"
					onClick={ refresh }
					disabled={ fetching }
					isBusy={ fetching }
				>
					{ __( 'Refresh', 'sophmate-safe-mode' ) }
				</Button>
				{ fetching && loaded && <Spinner /> }
			</div>
			<hr className="wp-header-end" />
			<NoticeList />
			{ fetchError && (
				<Notice status="error" isDismissible={ false }>
					{ loaded
						? __(
								'The status could not be refreshed; what you see may be out of date.',
								'sophmate-safe-mode'
							)
						: __(
								'The status could not be loaded.',
								'sophmate-safe-mode'
							) }{ ' ' }
					{ fetchError.message }
				</Notice>
			) }
			{ ! loaded && ! fetchError && (
				<p className="sophmate-safe-mode__loading">
					<Spinner />
					{ __( 'Loading…', 'sophmate-safe-mode' ) }
				</p>
			) }
			{ loaded && (
				<>
					<SafeModePanel />
					<OwnershipProblems navigate={ navigate } />
					<CategoryTable navigate={ navigate } />
					<OverviewCharts />
					<AutomationTable navigate={ navigate } />
				</>
			) }
		</>
	);
}

/**
 * The "Automation Safety" overview.
 *
 * @param props
 * @param props.navigate navigate() of useRoute (rows link to their pages).
 */
export function AutomationSafetyPage( {
	navigate,
}: {
	navigate: ( route: Route ) => void;
} ) {
	return (
		<div className="sophmate-safe-mode">
			<PageBody navigate={ navigate } />
		</div>
	);
}
