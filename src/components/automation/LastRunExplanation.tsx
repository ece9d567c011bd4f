import { Notice, Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import {
	EMPTY_AUDIT_FILTERS,
	EMPTY_RUN_FILTERS,
	fetchAudit,
	fetchRun,
	fetchRuns,
	type Run,
} from '../../api';
import { useBoot } from '../../boot';
import { statusStore } from '../../store/status';
import {
	explainRun,
	switchStory,
	type Bindings,
	type StepState,
} from '../../utils/explain-run';
import type { Route } from '../../utils/route';
import { runStatusLabel } from '../../utils/run-labels';
import { RouteLink } from '../ConsoleNav';
import { useAsync } from './useAsync';
import { SectionError } from '../SectionError';

/** How many audit events of the automation are read for its switch story. */
const AUDIT_EVENTS = 20;

/**
 * The newest run of an automation (GET /runs?automation=…&per_page=1), then
 * its detail (GET /runs/{id}) with steps and records; null when it never ran.
 *
 * @param automation Automation id.
 */
async function loadLastRun( automation: string ): Promise< Run | null > {
	const page = await fetchRuns( {
		...EMPTY_RUN_FILTERS,
		automation,
		page: 1,
		perPage: 1,
	} );
	const newest = page.items[ 0 ];
	return newest ? fetchRun( newest.id ) : null;
}

function stepStateLabel( state: StepState ): string {
	switch ( state ) {
		case 'done':
			return __( 'done', 'sophmate-safe-mode' );
		case 'failed':
			return __( 'failed', 'sophmate-safe-mode' );
		case 'running':
			return __( 'running', 'sophmate-safe-mode' );
		case 'waiting':
			return __( 'waiting for approval', 'sophmate-safe-mode' );
		case 'stopped':
			return __( 'stopped here', 'sophmate-safe-mode' );
	}
}

/**
 * What happened to the automation's switch (pause, restart, promotion), from
 * its audit events and its switch now. Shown even when it never ran.
 *
 * @param props
 * @param props.id Automation id.
 */
function SwitchStory( { id }: { id: string } ) {
	const scope = `automation:${ id }`;
	const current = useSelect(
		( select ) => {
			const status = select( statusStore ).getAutomationStatus( id );
			return status
				? { state: status.state, switch: status.switch }
				: null;
		},
		[ id ]
	);
	// Asked again when the switch changes (a pause or restart from this
	// page), so the story shows the new audit event, not only the switch.
	const audit = useAsync(
		`audit:${ scope }:${ current?.state ?? '' }:${
			current?.switch?.since ?? ''
		}`,
		() =>
			fetchAudit( {
				...EMPTY_AUDIT_FILTERS,
				scope,
				page: 1,
				perPage: AUDIT_EVENTS,
			} )
	);
	const story = switchStory( audit.value?.items ?? [], current );
	return (
		<>
			{ audit.error && (
				<SectionError
					message={ __(
						'Its audit events could not be loaded, so pauses and restarts may be missing.',
						'sophmate-safe-mode'
					) }
					error={ audit.error }
					onRetry={ audit.retry }
				/>
			) }
			{ story.length > 0 && (
				<ul
					className="sophmate-safe-mode__switch-story"
					data-testid="last-run-switch-story"
				>
					{ story.map( ( sentence, index ) => (
						<li key={ index }>{ sentence }</li>
					) ) }
				</ul>
			) }
		</>
	);
}

function Explanation( {
	run,
	bindings,
	navigate,
}: {
	run: Run;
	bindings?: Bindings;
	navigate: ( route: Route ) => void;
} ) {
	const { adminUrl } = useBoot();
	const explanation = explainRun( run, { bindings, adminUrl } );
	return (
		<>
			<p className="sophmate-safe-mode__run-summary">
				<span
					className={ `sophmate-safe-mode__run-badge is-${ run.status }` }
				>
					{ runStatusLabel( run.status ) }
				</span>{ ' ' }
				{ explanation.sentences
					.filter(
						( sentence ) => sentence !== explanation.failure?.text
					)
					.join( ' ' ) }
			</p>
			{ explanation.failure && (
				<Notice status="error" isDismissible={ false }>
					<span data-testid="last-run-failed-step">
						{ explanation.failure.text }
					</span>
				</Notice>
			) }
			{ explanation.steps.length > 0 && (
				<>
					<h4>{ __( 'Steps', 'sophmate-safe-mode' ) }</h4>
					<ol className="sophmate-safe-mode__steps">
						{ explanation.steps.map( ( step, index ) => (
							<li
								key={ `${ step.name }-${ index }` }
								className={ `is-${ step.state }` }
							>
								<strong>{ step.name }</strong> —{ ' ' }
								{ stepStateLabel( step.state ) }
								{ step.duration && ` (${ step.duration })` }
							</li>
						) ) }
					</ol>
				</>
			) }
			{ explanation.records.length > 0 && (
				<>
					<h4>{ __( 'Touched records', 'sophmate-safe-mode' ) }</h4>
					<ul data-testid="last-run-touched-records">
						{ explanation.records.map( ( record, index ) => (
							<li key={ `${ record.label }-${ index }` }>
								{ record.url ? (
									<a href={ record.url }>{ record.label }</a>
								) : (
									record.label
								) }{ ' ' }
								({ record.action })
							</li>
						) ) }
					</ul>
				</>
			) }
			<p>
				<RouteLink
					to={ { view: 'run', id: run.id } }
					navigate={ navigate }
				>
					{ sprintf(
						/* translators: %d: run id. */
						__( 'Open the full run #%d', 'sophmate-safe-mode' ),
						run.id
					) }
				</RouteLink>
			</p>
		</>
	);
}

/**
 * "Explain the last run": the newest run in sentences and a compact step
 * list, with its failure, spend, touched records and the pauses and
 * restarts around it.
 *
 * @param props
 * @param props.id       Automation id.
 * @param props.bindings Its bindings, when loaded (names the hook that ran).
 * @param props.navigate navigate() of useRoute.
 */
export function LastRunExplanation( {
	id,
	bindings,
	navigate,
}: {
	id: string;
	bindings?: Bindings;
	navigate: ( route: Route ) => void;
} ) {
	const last = useAsync( `last-run:${ id }`, () => loadLastRun( id ) );
	let body: React.ReactNode;
	if ( last.error ) {
		body = (
			<SectionError
				message={ __(
					'The last run could not be loaded.',
					'sophmate-safe-mode'
				) }
				error={ last.error }
				onRetry={ last.retry }
			/>
		);
	} else if ( last.value === undefined ) {
		body = (
			<p className="sophmate-safe-mode__loading" role="status">
				<Spinner />
				{ __( 'Loading…', 'sophmate-safe-mode' ) }
			</p>
		);
	} else if ( last.value === null ) {
		body = (
			<p>
				{ __(
					'This automation has not run yet.',
					'sophmate-safe-mode'
				) }
			</p>
		);
	} else {
		body = (
			<Explanation
				run={ last.value }
				bindings={ bindings }
				navigate={ navigate }
			/>
		);
	}
	return (
		<div data-testid="last-run-explanation">
			{ body }
			<SwitchStory id={ id } />
		</div>
	);
}
