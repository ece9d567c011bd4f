/**
 * Every column a table of runs can show, defined once: the Runs tab and the
 * compact RecentRuns widget pick the ones they need, in their order.
 */
import { __ } from '@wordpress/i18n';

import type { Run } from '../../api';
import type { Route } from '../../utils/route';
import { runStatusLabel, spendSummary } from '../../utils/run-labels';
import { RouteLink } from '../ConsoleNav';
import { runDuration } from '../history/duration';
import { TimeStamp } from '../TimeStamp';
import type { DataTableColumn } from './DataTable';

export type RunColumnId =
	| 'id'
	| 'automation'
	| 'category'
	| 'status'
	| 'started'
	| 'duration'
	| 'failed-step'
	| 'spend';

/**
 * The named columns, in the order asked for.
 *
 * @param ids      Which columns.
 * @param navigate navigate() of useRoute, for the link to a run.
 */
export function runColumns(
	ids: RunColumnId[],
	navigate: ( route: Route ) => void
): Array< DataTableColumn< Run > > {
	const all: Record< RunColumnId, DataTableColumn< Run > > = {
		id: {
			id: 'id',
			header: __( 'Run', 'sophmate-safe-mode' ),
			cell: ( run ) => (
				<RouteLink
					to={ { view: 'run', id: run.id } }
					navigate={ navigate }
				>
					{ `#${ run.id }` }
				</RouteLink>
			),
		},
		automation: {
			id: 'automation',
			header: __( 'Automation', 'sophmate-safe-mode' ),
			cell: ( run ) => run.automation,
		},
		category: {
			id: 'category',
			header: __( 'Category', 'sophmate-safe-mode' ),
			cell: ( run ) => run.category,
		},
		status: {
			id: 'status',
			header: __( 'Status', 'sophmate-safe-mode' ),
			cell: ( run ) => runStatusLabel( run.status ),
		},
		started: {
			id: 'started',
			header: __( 'Started', 'sophmate-safe-mode' ),
			cell: ( run ) => <TimeStamp iso={ run.started_at } />,
		},
		duration: {
			id: 'duration',
			header: __( 'Duration', 'sophmate-safe-mode' ),
			cell: ( run ) => runDuration( run.started_at, run.finished_at ),
		},
		'failed-step': {
			id: 'failed-step',
			header: __( 'Failed step', 'sophmate-safe-mode' ),
			cell: ( run ) => run.failed_step ?? '—',
		},
		spend: {
			id: 'spend',
			header: __( 'Spend', 'sophmate-safe-mode' ),
			cell: ( run ) => spendSummary( run.spend ),
		},
	};
	return ids.map( ( id ) => all[ id ] );
}
