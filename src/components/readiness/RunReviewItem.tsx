import {
	Button,
	CheckboxControl,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	fetchRun,
	toApiError,
	type ApiError,
	type ReadinessCandidate,
	type Run,
} from '../../api';
import type { Route } from '../../utils/route';
import { RouteLink } from '../ConsoleNav';
import { TimeStamp } from '../TimeStamp';

/**
 * One succeeded read-only run to review before going live. Its "Reviewed"
 * box can only be ticked once its detail was opened: a review is reading
 * what the run did, not clicking.
 *
 * @param props
 * @param props.candidate The run.
 * @param props.opened    Whether its detail was opened.
 * @param props.ticked    Whether it is ticked reviewed.
 * @param props.onOpen    Called the first time the detail opens.
 * @param props.onTick    Called when the box changes.
 * @param props.navigate  navigate() of useRoute.
 * @param props.disabled  While a mode change is being sent.
 */
export function RunReviewItem( {
	candidate,
	opened,
	ticked,
	onOpen,
	onTick,
	navigate,
	disabled,
}: {
	candidate: ReadinessCandidate;
	opened: boolean;
	ticked: boolean;
	onOpen: () => void;
	onTick: ( ticked: boolean ) => void;
	navigate: ( route: Route ) => void;
	disabled: boolean;
} ) {
	const [ expanded, setExpanded ] = useState( false );
	const [ run, setRun ] = useState< Run | null >( null );
	const [ error, setError ] = useState< ApiError | null >( null );

	const toggle = () => {
		const next = ! expanded;
		setExpanded( next );
		if ( next && ! run ) {
			setError( null );
			fetchRun( candidate.id ).then(
				( loaded ) => {
					setRun( loaded );
					onOpen();
				},
				( failure: unknown ) => setError( toApiError( failure ) )
			);
		}
	};
	const detailId = `sophmate-readiness-run-${ candidate.id }`;

	return (
		<li
			className="sophmate-readiness__run"
			data-testid={ `readiness-run-${ candidate.id }` }
		>
			<div className="sophmate-readiness__run-line">
				<Button
					variant="link"
					onClick={ toggle }
					aria-expanded={ expanded }
					aria-controls={ detailId }
				>
					{ expanded
						? sprintf(
								/* translators: %d: run id. */
								__( 'Close run #%d', 'sophmate-safe-mode' ),
								candidate.id
							)
						: sprintf(
								/* translators: %d: run id. */
								__( 'Open run #%d', 'sophmate-safe-mode' ),
								candidate.id
							) }
				</Button>{ ' ' }
				<TimeStamp iso={ candidate.started_at } />{ ' ' }
				<span className="sophmate-readiness__run-facts">
					{ sprintf(
						/* translators: 1: trigger, 2: steps, 3: records. */
						__(
							'%1$s · %2$d steps · %3$d records touched',
							'sophmate-safe-mode'
						),
						candidate.trigger,
						candidate.steps,
						candidate.affected_records
					) }
				</span>
				<CheckboxControl
					label={ __( 'Reviewed', 'sophmate-safe-mode' ) }
					checked={ ticked }
					onChange={ onTick }
					disabled={ ! opened || disabled }
					help={
						opened
							? undefined
							: __( 'Open the run first.', 'sophmate-safe-mode' )
					}
					__nextHasNoMarginBottom
				/>
			</div>
			{ expanded && (
				<div id={ detailId } className="sophmate-readiness__run-detail">
					{ error && (
						<Notice status="error" isDismissible={ false }>
							{ error.message }
						</Notice>
					) }
					{ ! run && ! error && <Spinner /> }
					{ run && (
						<>
							<p>
								{ run.reason ||
									__(
										'Ran read-only: writes were refused.',
										'sophmate-safe-mode'
									) }
							</p>
							<h5>{ __( 'Steps', 'sophmate-safe-mode' ) }</h5>
							{ run.steps.length ? (
								<ol>
									{ run.steps.map( ( step, index ) => (
										<li key={ index }>{ step.name }</li>
									) ) }
								</ol>
							) : (
								<p>
									{ __(
										'No steps recorded.',
										'sophmate-safe-mode'
									) }
								</p>
							) }
							<h5>
								{ __(
									'Records touched',
									'sophmate-safe-mode'
								) }
							</h5>
							{ run.affected_records.length ? (
								<ul>
									{ run.affected_records.map(
										( record, index ) => (
											<li key={ index }>
												{ `${ record.action } ${ record.type } #${ record.id }` }
											</li>
										)
									) }
								</ul>
							) : (
								<p>{ __( 'None.', 'sophmate-safe-mode' ) }</p>
							) }
							<RouteLink
								to={ { view: 'run', id: candidate.id } }
								navigate={ navigate }
							>
								{ __( 'Full run page', 'sophmate-safe-mode' ) }
							</RouteLink>
						</>
					) }
				</div>
			) }
		</li>
	);
}
