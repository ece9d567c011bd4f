import './history.scss';

import { __ } from '@wordpress/i18n';

import {
	EMPTY_RUN_FILTERS,
	fetchRuns,
	runsPath,
	type RunsQuery,
} from '../../api';
import type { Route } from '../../utils/route';
import { runStatusLabel } from '../../utils/run-labels';
import { RouteLink } from '../ConsoleNav';
import { ListState } from '../table/ListState';
import { TimeStamp } from '../TimeStamp';
import { runDuration } from './duration';
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

	return (
		<div
			className="sophmate-safe-mode__recent-runs"
			aria-busy={ fetching }
			data-testid="recent-runs"
		>
			<ListState
				loading={ page === null }
				error={ error }
				empty={ runs.length === 0 }
				emptyMessage={ __( 'No runs yet.', 'sophmate-safe-mode' ) }
				errorMessage={ __(
					'The recent runs could not be loaded.',
					'sophmate-safe-mode'
				) }
				onRetry={ retry }
				emptyTestId="recent-runs-empty"
			>
				<table className="widefat striped sophmate-safe-mode__compact-table">
					<caption className="screen-reader-text">
						{ __( 'Recent runs', 'sophmate-safe-mode' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Run', 'sophmate-safe-mode' ) }
							</th>
							<th scope="col">
								{ __( 'Automation', 'sophmate-safe-mode' ) }
							</th>
							<th scope="col">
								{ __( 'Status', 'sophmate-safe-mode' ) }
							</th>
							<th scope="col">
								{ __( 'Started', 'sophmate-safe-mode' ) }
							</th>
							<th scope="col">
								{ __( 'Duration', 'sophmate-safe-mode' ) }
							</th>
							<th scope="col">
								{ __( 'Failed step', 'sophmate-safe-mode' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ runs.map( ( run ) => (
							<tr
								key={ run.id }
								data-testid={ `recent-run-${ run.id }` }
							>
								<td>
									<RouteLink
										to={ { view: 'run', id: run.id } }
										navigate={ navigate }
									>
										{ `#${ run.id }` }
									</RouteLink>
								</td>
								<td>{ run.automation }</td>
								<td>{ runStatusLabel( run.status ) }</td>
								<td>
									<TimeStamp iso={ run.started_at } />
								</td>
								<td>
									{ runDuration(
										run.started_at,
										run.finished_at
									) }
								</td>
								<td>{ run.failed_step ?? '—' }</td>
							</tr>
						) ) }
					</tbody>
				</table>
			</ListState>
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
