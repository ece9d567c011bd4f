import { Button, ExternalLink } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { CategoryStatus, Switch } from '../api';
import { useBoot } from '../boot';
import { categoriesStore } from '../store/categories';
import { categoryScope, statusStore } from '../store/status';
import {
	actorName,
	effectiveLabel,
	policySummary,
	sourceLabel,
} from '../utils/labels';
import { useNotices } from './Notices';
import { PauseModal } from './PauseModal';
import { RestartModal } from './RestartModal';
import { StateBadge } from './StateBadge';
import { TimeStamp } from './TimeStamp';

function SwitchDetails( { details }: { details: Switch } ) {
	const trial = details.trial;
	return (
		<div className="sophmate-safe-mode__switch">
			{ details.reason && (
				<p className="sophmate-safe-mode__reason">{ details.reason }</p>
			) }
			<p className="sophmate-safe-mode__meta">
				{ sprintf(
					/* translators: 1: person (or "System"), 2: where the change came from, e.g. "admin screen". */
					__( 'By %1$s via %2$s,', 'sophmate-safe-mode' ),
					actorName( details.actor ),
					sourceLabel( details.source )
				) }{ ' ' }
				<TimeStamp iso={ details.since } />
			</p>
			{ details.incident_url && (
				<p className="sophmate-safe-mode__meta">
					<ExternalLink href={ details.incident_url }>
						{ __( 'Incident', 'sophmate-safe-mode' ) }
					</ExternalLink>
				</p>
			) }
			{ trial && (
				<p className="sophmate-safe-mode__meta">
					{ trial.max_runs === null
						? sprintf(
								/* translators: %d: number of trial runs so far. */
								__( 'Trial runs: %d', 'sophmate-safe-mode' ),
								trial.runs_used
							)
						: sprintf(
								/* translators: 1: trial runs so far, 2: allowed trial runs. */
								__(
									'Trial runs: %1$d of %2$d',
									'sophmate-safe-mode'
								),
								trial.runs_used,
								trial.max_runs
							) }
					{ trial.read_only &&
						` · ${ __( 'read-only', 'sophmate-safe-mode' ) }` }
				</p>
			) }
		</div>
	);
}

function PolicyCell( { slug }: { slug: string } ) {
	const { policy, loaded, error } = useSelect(
		( select ) => {
			const categories = select( categoriesStore );
			return {
				policy: categories.getPolicy( slug ),
				loaded: categories.hasLoaded(),
				error: categories.getError(),
			};
		},
		[ slug ]
	);
	if ( policy ) {
		return (
			<>
				<span className="sophmate-safe-mode__policy">
					{ policySummary( policy ) }
				</span>
				{ policy.cleanup_notes && (
					<p className="sophmate-safe-mode__meta">
						{ sprintf(
							/* translators: %s: free-text cleanup notes. */
							__( 'Cleanup: %s', 'sophmate-safe-mode' ),
							policy.cleanup_notes
						) }
					</p>
				) }
			</>
		);
	}
	if ( ! loaded && ! error ) {
		return (
			<span className="sophmate-safe-mode__meta">
				{ __( 'Loading…', 'sophmate-safe-mode' ) }
			</span>
		);
	}
	return (
		<span className="sophmate-safe-mode__meta">
			{ __( 'Policy not available', 'sophmate-safe-mode' ) }
		</span>
	);
}

type OpenModal = 'pause' | 'restart' | null;

/**
 * One category: state with who/why/since, effective decision, pause policy
 * and the actions the current user may take.
 *
 * @param props
 * @param props.category Category status from GET /status.
 */
export function CategoryRow( { category }: { category: CategoryStatus } ) {
	const { slug, label, state } = category;
	const { canManage, canPause } = useBoot();
	const { showNotice } = useNotices();
	const { promoteCategory } = useDispatch( statusStore );
	const pending = useSelect(
		( select ) =>
			select( statusStore ).getPendingOperation( categoryScope( slug ) ),
		[ slug ]
	);
	const [ openModal, setOpenModal ] = useState< OpenModal >( null );

	const mayPause = canPause || canManage;
	const isBusy = pending !== null;

	const onPromote = async () => {
		const result = await promoteCategory( slug );
		if ( result.ok ) {
			showNotice(
				'success',
				sprintf(
					/* translators: %s: category label. */
					__( '%s is running again.', 'sophmate-safe-mode' ),
					label
				)
			);
		} else {
			showNotice( 'error', result.error.message );
		}
	};

	return (
		<tr
			data-testid={ `category-row-${ slug }` }
			className={ `sophmate-safe-mode__row is-${ state }` }
		>
			<th scope="row">
				<strong>{ label }</strong>
				<br />
				<code>{ slug }</code>
				{ category.owner && (
					<p className="sophmate-safe-mode__meta">
						{ sprintf(
							/* translators: %s: owner's name. */
							__( 'Owner: %s', 'sophmate-safe-mode' ),
							actorName( category.owner )
						) }
					</p>
				) }
			</th>
			<td data-colname={ __( 'State', 'sophmate-safe-mode' ) }>
				<StateBadge
					state={ state }
					testId={ `category-state-${ slug }` }
				/>
				{ category.switch && state !== 'running' && (
					<SwitchDetails details={ category.switch } />
				) }
			</td>
			<td data-colname={ __( 'Effective', 'sophmate-safe-mode' ) }>
				<span
					className={ `sophmate-safe-mode__effective is-${ category.effective }` }
				>
					{ effectiveLabel( category.effective ) }
				</span>
			</td>
			<td data-colname={ __( 'Pause policy', 'sophmate-safe-mode' ) }>
				<PolicyCell slug={ slug } />
			</td>
			<td className="sophmate-safe-mode__actions">
				{ mayPause && state !== 'paused' && (
					<Button
						variant="secondary"
						isDestructive
						size="compact"
						aria-label={ sprintf(
							/* translators: %s: category label. */
							__( 'Pause %s', 'sophmate-safe-mode' ),
							label
						) }
						disabled={ isBusy }
						isBusy={ pending === 'pause' }
						onClick={ () => setOpenModal( 'pause' ) }
					>
						{ __( 'Pause', 'sophmate-safe-mode' ) }
					</Button>
				) }
				{ canManage && state === 'paused' && (
					<Button
						variant="secondary"
						size="compact"
						aria-label={ sprintf(
							/* translators: %s: category label. */
							__( 'Restart %s', 'sophmate-safe-mode' ),
							label
						) }
						disabled={ isBusy }
						isBusy={ pending === 'restart' }
						onClick={ () => setOpenModal( 'restart' ) }
					>
						{ __( 'Restart…', 'sophmate-safe-mode' ) }
					</Button>
				) }
				{ canManage && state === 'trial' && (
					<Button
						variant="primary"
						size="compact"
						aria-label={ sprintf(
							/* translators: %s: category label. */
							__( 'Promote %s', 'sophmate-safe-mode' ),
							label
						) }
						disabled={ isBusy }
						isBusy={ pending === 'promote' }
						onClick={ onPromote }
					>
						{ __( 'Promote to running', 'sophmate-safe-mode' ) }
					</Button>
				) }
				{ openModal === 'pause' && (
					<PauseModal
						slug={ slug }
						label={ label }
						onClose={ () => setOpenModal( null ) }
					/>
				) }
				{ openModal === 'restart' && (
					<RestartModal
						slug={ slug }
						label={ label }
						onClose={ () => setOpenModal( null ) }
					/>
				) }
			</td>
		</tr>
	);
}
