import './history.scss';

import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import {
	EMPTY_RUN_FILTERS,
	fetchRuns,
	runsPath,
	type RunsQuery,
} from '../../api';
import type { Route } from '../../utils/route';
import { RouteLink } from '../ConsoleNav';
import { DataTable } from '../table/DataTable';
import { runColumns, type RunColumnId } from '../table/runColumns';
import { useLatestPage } from './useLatestPage';

export interface RecentRunsProps {
	/** Only runs of this category. */
	category?: string;
	/** Only runs of this automation. */
	automation?: string;
	/** How many runs to show (default 10). */
	limit?: number;
	navigate: ( route: Route ) => void;
}

/** The columns of the compact runs table. */
const COLUMNS: RunColumnId[] = [
	'id',
	'automation',
	'status',
	'started',
	'duration',
	'failed-step',
];

/**
 * The latest runs of a category or an automation, newest first, with a link
 * to the Runs tab filtered the same way.
 *
 * @param props Props.
 */
export function RecentRuns( props: RecentRunsProps ) {
	const { category = '', automation = '', limit = 10, navigate } = props;
	const query: RunsQuery = {
		...EMPTY_RUN_FILTERS,
		category,
		automation,
		page: 1,
		perPage: limit,
	};
	const { page, fetching, error, retry } = useLatestPage(
		runsPath( query ),
		() => fetchRuns( query )
	);
	const runs = page?.items ?? [];
	const columns = useMemo(
		() => runColumns( COLUMNS, navigate ),
		[ navigate ]
	);

	return (
		<div
			className="sophmate-safe-mode__recent-runs"
			data-testid="recent-runs"
		>
			<DataTable
				label={ __( 'Recent runs', 'sophmate-safe-mode' ) }
				columns={ columns }
				rows={ runs }
				getRowId={ ( run ) => String( run.id ) }
				testId="recent-runs-table"
				rowTestId={ ( run ) => `recent-run-${ run.id }` }
				loading={ page === null }
				fetching={ fetching }
				error={ error }
				onRetry={ retry }
				emptyMessage={ __( 'No runs yet.', 'sophmate-safe-mode' ) }
				errorMessage={ __(
					'The recent runs could not be loaded.',
					'sophmate-safe-mode'
				) }
				emptyTestId="recent-runs-empty"
				className="sophmate-safe-mode__compact-table"
			/>
			<p className="sophmate-safe-mode__see-all">
				<RouteLink
					to={ {
						view: 'runs',
						filters: { ...EMPTY_RUN_FILTERS, category, automation },
						page: 1,
					} }
					navigate={ navigate }
				>
					{ __( 'See all runs', 'sophmate-safe-mode' ) }
				</RouteLink>
			</p>
		</div>
	);
}
