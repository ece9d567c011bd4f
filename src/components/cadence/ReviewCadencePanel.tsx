import './cadence.scss';

import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { useBoot } from '../../boot';
import { cadenceStore } from '../../store/cadence';
import { categoriesStore } from '../../store/categories';
import { statusStore } from '../../store/status';
import { actorName } from '../../utils/labels';
import type { Route } from '../../utils/route';
import { useNow } from '../../utils/time';
import { RouteLink } from '../ConsoleNav';
import { TimeStamp } from '../TimeStamp';
import {
	canMarkReviewDone,
	dueReasonLabel,
	escalationLabel,
	reviewItemLabel,
	reviewSummary,
} from './cadence';
import { MarkReviewDoneModal } from './MarkReviewDoneModal';
import { SectionError } from '../SectionError';

/**
 * The category page's "Review cadence" panel: when the next review is due and
 * why, the last review (who, when, note, what was reviewed), what is being
 * escalated for this category, and "Mark review done".
 *
 * @param props
 * @param props.slug     Category slug.
 * @param props.navigate navigate() of useRoute.
 */
export function ReviewCadencePanel( {
	slug,
	navigate,
}: {
	slug: string;
	navigate: ( route: Route ) => void;
} ) {
	const { canManage, userId } = useBoot();
	const now = useNow();
	const [ isOpen, setIsOpen ] = useState( false );
	const { cadence, error, label, ownerId, backupId } = useSelect(
		( select ) => {
			const status = select( statusStore ).getCategoryStatus( slug );
			const config = select( categoriesStore ).getCategory( slug );
			return {
				cadence: select( cadenceStore ).getCadence( slug ),
				error: select( cadenceStore ).getCadenceError( slug ),
				label: status?.label ?? slug,
				ownerId: config?.owner_id ?? status?.owner?.id ?? null,
				backupId: config?.backup_owner_id ?? null,
			};
		},
		[ slug ]
	);
	const { refreshCadence } = useDispatch( cadenceStore );

	let body;
	if ( cadence === null && error ) {
		body = (
			<SectionError
				message={ __(
					'The review cadence could not be loaded.',
					'sophmate-safe-mode'
				) }
				error={ error }
				onRetry={ () => void refreshCadence( slug ) }
			/>
		);
	} else if ( cadence === null ) {
		body = <p>{ __( 'Loading…', 'sophmate-safe-mode' ) }</p>;
	} else {
		const summary = reviewSummary(
			cadence.next_review_at,
			cadence.overdue,
			now
		);
		const last = cadence.last_review;
		body = (
			<>
				<dl className="sophmate-category__facts">
					<dt>{ __( 'Next review', 'sophmate-safe-mode' ) }</dt>
					<dd>
						<span
							className={ `sophmate-cadence__summary is-${ summary.tone }` }
							data-testid="cadence-summary"
							data-tone={ summary.tone }
						>
							{ summary.text }
						</span>
						{ cadence.next_review_at && (
							<>
								{ ' · ' }
								<TimeStamp iso={ cadence.next_review_at } />
							</>
						) }
						<br />
						<span className="sophmate-safe-mode__meta">
							{ sprintf(
								/* translators: %d: days between regular reviews. */
								__(
									'Regular reviews every %d days.',
									'sophmate-safe-mode'
								),
								cadence.review_every_days
							) }
						</span>
					</dd>
					<dt>{ __( 'Why it is due', 'sophmate-safe-mode' ) }</dt>
					<dd>
						{ cadence.due_reasons.length === 0 ? (
							__( 'Nothing is due yet.', 'sophmate-safe-mode' )
						) : (
							<ul
								className="sophmate-cadence__reasons"
								data-testid="cadence-reasons"
							>
								{ cadence.due_reasons.map( ( reason ) => (
									<li
										key={ `${ reason.reason }-${ reason.at }` }
										data-reason={ reason.reason }
									>
										<strong>
											{ dueReasonLabel( reason.reason ) }
										</strong>{ ' ' }
										<TimeStamp iso={ reason.at } />
										<br />
										{ reason.detail }
									</li>
								) ) }
							</ul>
						) }
					</dd>
					<dt>{ __( 'Last review', 'sophmate-safe-mode' ) }</dt>
					<dd data-testid="cadence-last-review">
						{ last === null ? (
							__( 'Never reviewed.', 'sophmate-safe-mode' )
						) : (
							<>
								{ sprintf(
									/* translators: %s: reviewer's name. */
									__( 'By %s', 'sophmate-safe-mode' ),
									last.actor
										? actorName( last.actor )
										: __( 'system', 'sophmate-safe-mode' )
								) }{ ' ' }
								<TimeStamp iso={ last.at } />
								<p className="sophmate-cadence__note">
									{ last.note }
								</p>
								{ last.reviewed.length > 0 && (
									<p className="sophmate-safe-mode__meta">
										{ sprintf(
											/* translators: %s: list of what was reviewed. */
											__(
												'Reviewed: %s',
												'sophmate-safe-mode'
											),
											last.reviewed
												.map( reviewItemLabel )
												.join( ', ' )
										) }
									</p>
								) }
							</>
						) }
					</dd>
				</dl>
				<h3>{ __( 'Escalations', 'sophmate-safe-mode' ) }</h3>
				{ cadence.escalations.length === 0 ? (
					<p data-testid="cadence-no-escalations">
						{ __(
							'Nothing is being escalated for this category.',
							'sophmate-safe-mode'
						) }
					</p>
				) : (
					<ul
						className="sophmate-cadence__escalations"
						data-testid="cadence-escalations"
					>
						{ cadence.escalations.map( ( escalation ) => (
							<li
								key={ `${ escalation.problem }-${
									escalation.scope ?? ''
								}` }
								data-problem={ escalation.problem }
							>
								<strong>
									{ escalationLabel( escalation.problem ) }
								</strong>{ ' ' }
								<span className="sophmate-safe-mode__meta">
									{ __( 'since', 'sophmate-safe-mode' ) }{ ' ' }
									<TimeStamp iso={ escalation.since } />
								</span>
								<br />
								{ escalation.detail }
								{ escalation.scope !== null && (
									<>
										{ ' ' }
										<RouteLink
											to={ {
												view: 'review',
												scope: escalation.scope,
											} }
											navigate={ navigate }
										>
											{ __(
												'Open the restart review',
												'sophmate-safe-mode'
											) }
										</RouteLink>
									</>
								) }
							</li>
						) ) }
					</ul>
				) }
				{ canMarkReviewDone(
					{ canManage, userId },
					{ ownerId, backupId }
				) && (
					<Button
						variant={ cadence.overdue ? 'primary' : 'secondary' }
						onClick={ () => setIsOpen( true ) }
						data-testid="cadence-mark-done"
					>
						{ __( 'Mark review done', 'sophmate-safe-mode' ) }
					</Button>
				) }
				{ isOpen && (
					<MarkReviewDoneModal
						cadence={ cadence }
						label={ label }
						onClose={ () => setIsOpen( false ) }
					/>
				) }
			</>
		);
	}

	return (
		<section
			className="sophmate-category__section sophmate-cadence"
			aria-labelledby="sophmate-cadence-title"
			data-testid="cadence-panel"
		>
			<h2 id="sophmate-cadence-title">
				{ __( 'Review cadence', 'sophmate-safe-mode' ) }
			</h2>
			{ body }
		</section>
	);
}
