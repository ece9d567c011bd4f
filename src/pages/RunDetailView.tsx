import { Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { EMPTY_RUN_FILTERS, type AffectedRecord } from '../api';
import { useBoot } from '../boot';
import { RouteLink } from '../components/ConsoleNav';
import { ListState } from '../components/table/ListState';
import { TimeStamp } from '../components/TimeStamp';
import { runsStore } from '../store/runs';
import type { Route } from '../utils/route';
import { runStatusLabel, spendSummary } from '../utils/run-labels';

function RecordLink( {
	record,
	adminUrl,
}: {
	record: AffectedRecord;
	adminUrl: string;
} ) {
	const label = `${ record.type } #${ record.id }`;
	if ( record.type === 'post' && /^\d+$/.test( record.id ) ) {
		return (
			<a
				href={ `${ adminUrl.replace( /\/?$/, '/' ) }post.php?post=${ record.id }&action=edit` }
			>
				{ label }
			</a>
		);
	}
	return <>{ label }</>;
}

/**
 * One run (GET /runs/{id}), read-only.
 *
 * @param props
 * @param props.id       Run id.
 * @param props.navigate navigate() of useRoute.
 */
export function RunDetailView( {
	id,
	navigate,
}: {
	id: number;
	navigate: ( route: Route ) => void;
} ) {
	const { adminUrl } = useBoot();
	const { loadRun } = useDispatch( runsStore );
	const { run, error } = useSelect(
		( select ) => ( {
			run: select( runsStore ).getRun( id ),
			error: select( runsStore ).getRunError( id ),
		} ),
		[ id ]
	);
	useEffect( () => {
		void loadRun( id );
	}, [ loadRun, id ] );

	const back = (
		<p>
			<RouteLink
				to={ { view: 'runs', filters: EMPTY_RUN_FILTERS, page: 1 } }
				navigate={ navigate }
			>
				{ __( '← All runs', 'sophmate-safe-mode' ) }
			</RouteLink>
		</p>
	);

	if ( ! run ) {
		return (
			<div className="sophmate-safe-mode__run">
				{ back }
				<ListState
					loading
					error={ error }
					empty={ false }
					emptyMessage=""
					errorMessage={ __(
						'The run could not be loaded.',
						'sophmate-safe-mode'
					) }
					onRetry={ () => void loadRun( id ) }
				>
					{ null }
				</ListState>
			</div>
		);
	}

	const rows: Array< [ string, React.ReactNode ] > = [
		[ __( 'Automation', 'sophmate-safe-mode' ), run.automation ],
		[ __( 'Category', 'sophmate-safe-mode' ), run.category ],
		[ __( 'Trigger', 'sophmate-safe-mode' ), run.trigger ],
		[
			__( 'Status', 'sophmate-safe-mode' ),
			<span key="status" data-testid="run-status">
				{ runStatusLabel( run.status ) }
			</span>,
		],
		[
			__( 'Started', 'sophmate-safe-mode' ),
			<TimeStamp key="started" iso={ run.started_at } />,
		],
		[
			__( 'Finished', 'sophmate-safe-mode' ),
			run.finished_at ? (
				<TimeStamp key="finished" iso={ run.finished_at } />
			) : (
				'—'
			),
		],
		[ __( 'Attempt', 'sophmate-safe-mode' ), String( run.attempt ) ],
		[
			__( 'Read-only', 'sophmate-safe-mode' ),
			run.read_only
				? __( 'Yes', 'sophmate-safe-mode' )
				: __( 'No', 'sophmate-safe-mode' ),
		],
		[ __( 'Decided by', 'sophmate-safe-mode' ), run.decided_by || '—' ],
		[ __( 'Reason', 'sophmate-safe-mode' ), run.reason || '—' ],
		[ __( 'Spend', 'sophmate-safe-mode' ), spendSummary( run.spend ) ],
	];

	return (
		<div className="sophmate-safe-mode__run" data-testid="run-detail">
			{ back }
			<h2>
				{ sprintf(
					/* translators: %d: run id. */
					__( 'Run #%d', 'sophmate-safe-mode' ),
					run.id
				) }
			</h2>
			{ run.failed_step !== null || run.error !== null ? (
				<Notice status="error" isDismissible={ false }>
					<span data-testid="run-failure">
						{ sprintf(
							/* translators: 1: step name, 2: error message. */
							__(
								'Failed at step “%1$s”: %2$s',
								'sophmate-safe-mode'
							),
							run.failed_step ?? '—',
							run.error ?? ''
						) }
					</span>
				</Notice>
			) : null }
			<table className="widefat striped sophmate-safe-mode__run-facts">
				<tbody>
					{ rows.map( ( [ label, value ] ) => (
						<tr key={ label }>
							<th scope="row">{ label }</th>
							<td>{ value }</td>
						</tr>
					) ) }
				</tbody>
			</table>
			<h3>{ __( 'Steps', 'sophmate-safe-mode' ) }</h3>
			{ run.steps.length === 0 ? (
				<p>{ __( 'No steps recorded.', 'sophmate-safe-mode' ) }</p>
			) : (
				<ol data-testid="run-steps">
					{ run.steps.map( ( step, index ) => (
						<li key={ `${ step.name }-${ index }` }>
							{ step.name }
							{ step.name === run.failed_step
								? ` — ${ __( 'failed', 'sophmate-safe-mode' ) }`
								: '' }
						</li>
					) ) }
				</ol>
			) }
			<h3>{ __( 'Touched records', 'sophmate-safe-mode' ) }</h3>
			{ run.affected_records.length === 0 ? (
				<p>{ __( 'No records touched.', 'sophmate-safe-mode' ) }</p>
			) : (
				<ul data-testid="run-records">
					{ run.affected_records.map( ( record, index ) => (
						<li
							key={ `${ record.type }-${ record.id }-${ index }` }
						>
							<RecordLink
								record={ record }
								adminUrl={ adminUrl }
							/>{ ' ' }
							({ record.action })
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}
