import './readiness.scss';

import { Button, Notice, Spinner, TextControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	changeMode,
	fetchReadiness,
	toApiError,
	type ApiError,
	type AutomationConfig,
	type AutomationMode,
	type AutomationReadiness,
} from '../../api';
import { useBoot } from '../../boot';
import { automationsStore } from '../../store/automations';
import { statusStore } from '../../store/status';
import { modeLabel } from '../../utils/labels';
import type { Route } from '../../utils/route';
import { useAsync } from '../automation/useAsync';
import { RouteLink } from '../ConsoleNav';
import { useActionFeedback } from '../Snackbars';
import { TimeStamp } from '../TimeStamp';
import {
	MODE_STEPS,
	REVIEW_RUNS_ID,
	fixTarget,
	missingFromError,
	nextAction,
	reviewedRuns,
	stepState,
	stillMissing,
	type MissingItem,
} from './readiness';
import { RunReviewItem } from './RunReviewItem';
import { SectionError } from '../SectionError';

type Navigate = ( route: Route ) => void;

function MissingList( {
	items,
	category,
	navigate,
	testId,
}: {
	items: MissingItem[];
	category: string;
	navigate: Navigate;
	testId: string;
} ) {
	return (
		<ul className="sophmate-readiness__missing" data-testid={ testId }>
			{ items.map( ( item ) => {
				const target = fixTarget( item.id, category );
				return (
					<li key={ item.id } data-missing={ item.id }>
						{ item.label }{ ' ' }
						{ target.kind === 'anchor' && (
							<a href={ `#${ target.anchor }` }>
								{ target.label }
							</a>
						) }
						{ target.kind === 'route' && (
							<RouteLink
								to={ target.route }
								navigate={ navigate }
							>
								{ target.label }
							</RouteLink>
						) }
					</li>
				);
			} ) }
		</ul>
	);
}

function Steps( { mode }: { mode: AutomationMode } ) {
	return (
		<ol className="sophmate-readiness__steps" data-testid="readiness-steps">
			{ MODE_STEPS.map( ( step ) => {
				const state = stepState( mode, step );
				return (
					<li
						key={ step }
						className={ `is-${ state }` }
						aria-current={
							state === 'current' ? 'step' : undefined
						}
					>
						{ modeLabel( step ) }
					</li>
				);
			} ) }
		</ol>
	);
}

function DrillStatus( {
	readiness,
	category,
	navigate,
}: {
	readiness: AutomationReadiness;
	category: string;
	navigate: Navigate;
} ) {
	const drill = readiness.drill;
	let text: string;
	if ( ! drill ) {
		text = __(
			'No pause drill has run for this category yet.',
			'sophmate-safe-mode'
		);
	} else if ( ! drill.passed ) {
		text = sprintf(
			/* translators: 1: drill id, 2: environment. */
			__(
				'The last pause drill (#%1$d, %2$s) failed.',
				'sophmate-safe-mode'
			),
			drill.id,
			drill.environment
		);
	} else if ( ! drill.covers ) {
		text = sprintf(
			/* translators: 1: drill id, 2: environment. */
			__(
				'The last pause drill (#%1$d, %2$s) passed but did not cover this automation.',
				'sophmate-safe-mode'
			),
			drill.id,
			drill.environment
		);
	} else {
		text = sprintf(
			/* translators: 1: drill id, 2: environment. */
			__(
				'The last pause drill (#%1$d, %2$s) passed and covered this automation.',
				'sophmate-safe-mode'
			),
			drill.id,
			drill.environment
		);
	}
	return (
		<p data-testid="readiness-drill">
			{ text } { drill && <TimeStamp iso={ drill.finished_at } /> }{ ' ' }
			<RouteLink
				to={ { view: 'category', slug: category } }
				navigate={ navigate }
			>
				{ __( 'Pause drills of the category', 'sophmate-safe-mode' ) }
			</RouteLink>
		</p>
	);
}

/**
 * The readiness panel of an automation: draft → read-only → live as steps,
 * what is missing for the next one (each linked to where it is fixed), the
 * category's pause drill, the succeeded read-only runs to review, and the
 * button to take the step (the server's 409 is shown inline).
 *
 * @param props
 * @param props.config   The automation (GET /automations/{id}).
 * @param props.navigate navigate() of useRoute.
 */
export function ReadinessPanel( {
	config,
	navigate,
}: {
	config: AutomationConfig;
	navigate: Navigate;
} ) {
	const { canManage } = useBoot();
	const { loadAutomation } = useDispatch( automationsStore );
	const { refreshStatus } = useDispatch( statusStore );
	const { confirm, fail } = useActionFeedback();
	// Reload whenever what readiness depends on changes on this page.
	const key = JSON.stringify( [
		config.id,
		config.mode,
		config.owner_id,
		config.checklist,
	] );
	const { value, error, retry } = useAsync( key, () =>
		fetchReadiness( config.id )
	);
	const [ opened, setOpened ] = useState< Set< number > >( () => new Set() );
	const [ ticked, setTicked ] = useState< Set< number > >( () => new Set() );
	const [ note, setNote ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ refusal, setRefusal ] = useState< ApiError | null >( null );

	if ( error && ! value ) {
		return (
			<SectionError
				message={ __(
					'Readiness could not be loaded.',
					'sophmate-safe-mode'
				) }
				error={ error }
				onRetry={ retry }
			/>
		);
	}
	if ( ! value ) {
		return (
			<p role="status">
				<Spinner />
				{ __( 'Loading…', 'sophmate-safe-mode' ) }
			</p>
		);
	}

	const readiness = value;
	const candidateIds = readiness.candidates.map( ( run ) => run.id );
	const reviewed = reviewedRuns( candidateIds, opened, ticked );
	const required = readiness.read_only_runs.required;
	const missing = stillMissing(
		readiness.missing,
		reviewed.length,
		required
	);
	const action = nextAction( readiness );
	const refused = missingFromError( refusal );

	const send = async ( target: AutomationMode ) => {
		setBusy( true );
		setRefusal( null );
		try {
			const result = await changeMode( config.id, {
				mode: target,
				...( target === 'live' ? { reviewed_runs: reviewed } : {} ),
				...( note.trim() ? { note: note.trim() } : {} ),
			} );
			confirm(
				sprintf(
					/* translators: 1: automation label, 2: mode. */
					__( '%1$s is now %2$s.', 'sophmate-safe-mode' ),
					config.label,
					modeLabel( result.mode )
				)
			);
			setNote( '' );
			void loadAutomation( config.id );
			void refreshStatus();
		} catch ( failure ) {
			const apiError = toApiError( failure );
			setRefusal( apiError );
			fail( apiError.message );
		} finally {
			setBusy( false );
		}
	};

	const DOWN: Record< AutomationMode, AutomationMode | null > = {
		live: 'read_only',
		read_only: 'draft',
		draft: null,
	};
	const down = DOWN[ readiness.mode ];

	return (
		<div className="sophmate-readiness" data-testid="readiness-panel">
			<Steps mode={ readiness.mode } />
			{ readiness.mode_from_code && (
				<Notice status="info" isDismissible={ false }>
					{ __(
						'This automation is registered by code: its mode is set where it is registered. What it lacks is still shown here.',
						'sophmate-safe-mode'
					) }
				</Notice>
			) }
			{ readiness.next === null ? (
				<p data-testid="readiness-next">
					{ __( 'Live: every step is done.', 'sophmate-safe-mode' ) }
				</p>
			) : (
				<>
					<p data-testid="readiness-next">
						{ missing.length
							? sprintf(
									/* translators: %s: next mode. */
									__(
										'Missing before %s:',
										'sophmate-safe-mode'
									),
									modeLabel( readiness.next )
								)
							: sprintf(
									/* translators: %s: next mode. */
									__( 'Ready for %s.', 'sophmate-safe-mode' ),
									modeLabel( readiness.next )
								) }
					</p>
					{ missing.length > 0 && (
						<MissingList
							items={ missing }
							category={ config.category }
							navigate={ navigate }
							testId="readiness-missing"
						/>
					) }
				</>
			) }
			<DrillStatus
				readiness={ readiness }
				category={ config.category }
				navigate={ navigate }
			/>
			<div id={ REVIEW_RUNS_ID } tabIndex={ -1 }>
				<h4>
					{ sprintf(
						/* translators: 1: succeeded read-only runs, 2: required. */
						__(
							'Successful read-only runs: %1$d of %2$d needed',
							'sophmate-safe-mode'
						),
						readiness.read_only_runs.succeeded,
						required
					) }
				</h4>
				{ readiness.candidates.length === 0 ? (
					<p data-testid="readiness-runs-empty">
						{ readiness.mode === 'draft'
							? __(
									'None yet: read-only runs start once it is moved to read-only.',
									'sophmate-safe-mode'
								)
							: __(
									'None yet: its next runs will run read-only and show up here.',
									'sophmate-safe-mode'
								) }
					</p>
				) : (
					<>
						<p className="sophmate-readiness__hint">
							{ sprintf(
								/* translators: 1: runs reviewed, 2: runs required. */
								__(
									'Open each run, read what it did, then tick it reviewed. %1$d of %2$d reviewed.',
									'sophmate-safe-mode'
								),
								reviewed.length,
								required
							) }
						</p>
						<ul
							className="sophmate-readiness__runs"
							data-testid="readiness-runs"
						>
							{ readiness.candidates.map( ( candidate ) => (
								<RunReviewItem
									key={ candidate.id }
									candidate={ candidate }
									opened={ opened.has( candidate.id ) }
									ticked={ ticked.has( candidate.id ) }
									onOpen={ () =>
										setOpened( ( previous ) =>
											new Set( previous ).add(
												candidate.id
											)
										)
									}
									onTick={ ( on ) =>
										setTicked( ( previous ) => {
											const next = new Set( previous );
											if ( on ) {
												next.add( candidate.id );
											} else {
												next.delete( candidate.id );
											}
											return next;
										} )
									}
									navigate={ navigate }
									disabled={ busy || ! canManage }
								/>
							) ) }
						</ul>
					</>
				) }
			</div>
			{ canManage && ! readiness.mode_from_code && (
				<div className="sophmate-readiness__actions">
					<TextControl
						label={ __(
							'Note (kept in the audit log)',
							'sophmate-safe-mode'
						) }
						value={ note }
						onChange={ setNote }
						disabled={ busy }
						__nextHasNoMarginBottom
					/>
					{ refusal && (
						<Notice status="error" isDismissible={ false }>
							<span data-testid="readiness-refusal">
								{ refused.length
									? __(
											'The server refused: these are still missing.',
											'sophmate-safe-mode'
										)
									: refusal.message }
							</span>
							{ refused.length > 0 && (
								<MissingList
									items={ refused }
									category={ config.category }
									navigate={ navigate }
									testId="readiness-refused"
								/>
							) }
						</Notice>
					) }
					<div className="sophmate-readiness__buttons">
						{ action && (
							<Button
								variant="primary"
								onClick={ () => void send( action.target ) }
								isBusy={ busy }
								disabled={ busy }
								data-testid="readiness-step-up"
							>
								{ action.label }
							</Button>
						) }
						{ down && (
							<Button
								variant="secondary"
								onClick={ () => void send( down ) }
								disabled={ busy }
								data-testid="readiness-step-down"
							>
								{ sprintf(
									/* translators: %s: mode. */
									__( 'Back to %s', 'sophmate-safe-mode' ),
									modeLabel( down )
								) }
							</Button>
						) }
					</div>
				</div>
			) }
		</div>
	);
}
