import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';

import type { Acknowledgement } from '../api';
import type { Review } from '../api/review';
import { RouteLink } from '../components/ConsoleNav';
import { TimeStamp } from '../components/TimeStamp';
import { useMutationForm } from '../components/modal/useMutationForm';
import {
	AffectedRecordsEvidence,
	AuditEvidence,
	FailedStepsEvidence,
	PendingApprovalsEvidence,
	ProviderEvidence,
	RunHistoryEvidence,
} from '../components/review/Evidence';
import { ReviewSection } from '../components/review/ReviewSection';
import { TrialPlanForm } from '../components/review/TrialPlanForm';
import '../components/review/review.scss';
import { reviewStore } from '../store/review';
import { statusStore, type MutationResult } from '../store/status';
import {
	defaultPlan,
	planProblems,
	planSummary,
	providersInOutage,
	restartRequest,
	scopeTarget,
	type PlanContext,
	type TrialPlan,
} from '../utils/review';
import type { Route } from '../utils/route';

type Navigate = ( route: Route ) => void;

/**
 * The scope's label, kind and automations, from the status snapshot.
 *
 * @param scope `global`, `category:SLUG` or `automation:ID`.
 */
function usePlanContext( scope: string ): PlanContext {
	return useSelect(
		( select ) => {
			const target = scopeTarget( scope );
			const store = select( statusStore );
			store.getStatus();
			if ( target === 'global' ) {
				return {
					label: __( 'Safe mode', 'sophmate-safe-mode' ),
					kind: 'global' as const,
					automations: [],
				};
			}
			if ( target.type === 'automation' ) {
				return {
					label:
						store.getAutomationStatus( target.id )?.label ??
						target.id,
					kind: 'automation' as const,
					automations: [],
				};
			}
			return {
				label: store.getCategoryStatus( target.id )?.label ?? target.id,
				kind: 'category' as const,
				automations: store
					.getCategoryAutomations( target.id )
					.map( ( a ) => ( { id: a.id, label: a.label } ) ),
			};
		},
		[ scope ]
	);
}

/** Where to go after a restart: the scope's own page. */
function scopeRoute( scope: string ): Route {
	const target = scopeTarget( scope );
	if ( target === 'global' ) {
		return { view: 'overview' };
	}
	return target.type === 'category'
		? { view: 'category', slug: target.id }
		: { view: 'automation', id: target.id };
}

function evidenceOf(
	id: Acknowledgement,
	review: Review,
	navigate: Navigate
): ReactNode {
	switch ( id ) {
		case 'run_history':
			return (
				<RunHistoryEvidence review={ review } navigate={ navigate } />
			);
		case 'failed_steps':
			return (
				<FailedStepsEvidence review={ review } navigate={ navigate } />
			);
		case 'audit_records':
			return <AuditEvidence review={ review } navigate={ navigate } />;
		case 'pending_approvals':
			return (
				<PendingApprovalsEvidence
					review={ review }
					navigate={ navigate }
				/>
			);
		case 'provider_status':
			return <ProviderEvidence review={ review } />;
		case 'affected_records':
			return (
				<AffectedRecordsEvidence
					review={ review }
					navigate={ navigate }
				/>
			);
	}
}

function ReviewForm( {
	scope,
	review,
	context,
	navigate,
	onReload,
}: {
	scope: string;
	review: Review;
	context: PlanContext;
	navigate: Navigate;
	onReload: () => void;
} ) {
	const { restartSwitch, setSafeMode } = useDispatch( statusStore );
	const [ opened, setOpened ] = useState< Set< string > >( () => new Set() );
	const [ acked, setAcked ] = useState< Set< Acknowledgement > >(
		() => new Set()
	);
	const [ plan, setPlan ] = useState< TrialPlan >( () =>
		defaultPlan( review, context )
	);
	const [ note, setNote ] = useState( '' );
	const [ overrideReason, setOverrideReason ] = useState( '' );

	const outage = providersInOutage( review );
	const problems = planProblems( plan, context );
	const allAcked = review.checks.every( ( check ) => acked.has( check.id ) );
	const missingOverride = outage.length > 0 && overrideReason.trim() === '';
	const isValid =
		allAcked &&
		note.trim() !== '' &&
		Object.keys( problems ).length === 0 &&
		! missingOverride;
	const action =
		context.kind === 'global'
			? __( 'Turn safe mode off', 'sophmate-safe-mode' )
			: sprintf(
					/* translators: %s: category or automation label. */
					__( 'Restart %s in trial', 'sophmate-safe-mode' ),
					context.label
				);
	const acknowledged = review.checks.map( ( check ) => check.id );
	const body = restartRequest( {
		plan,
		context,
		acknowledged,
		note,
		review,
		overrideReason,
	} );

	const form = useMutationForm< unknown >( {
		isValid,
		run: async (): Promise< MutationResult< unknown > > => {
			const target = scopeTarget( scope );
			if ( target === 'global' ) {
				return setSafeMode( {
					mode: 'off',
					reason: '',
					acknowledged,
					note: body.note,
					review_hash: body.review_hash,
					...( body.override_reason
						? { override_reason: body.override_reason }
						: {} ),
				} );
			}
			return restartSwitch( target, body );
		},
		confirmation: () =>
			context.kind === 'global'
				? __( 'Safe mode is off.', 'sophmate-safe-mode' )
				: sprintf(
						/* translators: %s: category or automation label. */
						__(
							'%s restarted in trial. Promote it once the trial runs are clean.',
							'sophmate-safe-mode'
						),
						context.label
					),
		action,
		onDone: () => navigate( scopeRoute( scope ) ),
	} );

	const open = ( id: string ) =>
		setOpened( ( previous ) => new Set( previous ).add( id ) );
	const acknowledge = ( id: Acknowledgement, on: boolean ) =>
		setAcked( ( previous ) => {
			const next = new Set( previous );
			if ( on ) {
				next.add( id );
			} else {
				next.delete( id );
			}
			return next;
		} );

	const attention = review.checks.filter( ( check ) => ! check.ok ).length;
	const blockers = [
		! allAcked &&
			sprintf(
				/* translators: 1: acknowledged items, 2: all items. */
				__( '%1$d of %2$d items reviewed.', 'sophmate-safe-mode' ),
				acked.size,
				review.checks.length
			),
		note.trim() === '' &&
			__( 'Write a review note.', 'sophmate-safe-mode' ),
		missingOverride &&
			__(
				'Say why restarting during the outage is right.',
				'sophmate-safe-mode'
			),
		...Object.values( problems ),
	].filter( ( text ): text is string => typeof text === 'string' );

	return (
		<form onSubmit={ form.onSubmit } noValidate>
			<p
				className="sophmate-review__checks-summary"
				data-testid="review-attention"
			>
				{ attention === 0
					? __(
							'Nothing in the evidence needs attention.',
							'sophmate-safe-mode'
						)
					: sprintf(
							/* translators: %d: number of review items. */
							__(
								'%d of the six items need attention. Open each one, read it, then tick it.',
								'sophmate-safe-mode'
							),
							attention
						) }{ ' ' }
				<Button variant="link" onClick={ onReload }>
					{ __( 'Reload the evidence', 'sophmate-safe-mode' ) }
				</Button>
			</p>
			{ outage.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: provider names. */
						__(
							'In outage: %s. Restarting now will most likely fail again; wait for recovery, or give a reason to restart anyway.',
							'sophmate-safe-mode'
						),
						outage.join( ', ' )
					) }
				</Notice>
			) }
			{ review.checks.map( ( check, index ) => (
				<ReviewSection
					key={ check.id }
					check={ check }
					index={ index + 1 }
					opened={ opened.has( check.id ) }
					acknowledged={ acked.has( check.id ) }
					onOpen={ () => open( check.id ) }
					onAcknowledge={ ( on ) => acknowledge( check.id, on ) }
				>
					{ evidenceOf( check.id, review, navigate ) }
				</ReviewSection>
			) ) }

			<h3>
				{ context.kind === 'global'
					? __( 'Turning safe mode off', 'sophmate-safe-mode' )
					: __( 'Restart scope', 'sophmate-safe-mode' ) }
			</h3>
			<TrialPlanForm
				plan={ plan }
				context={ context }
				problems={ problems }
				onChange={ setPlan }
				note={ note }
				onNote={ setNote }
				outage={ outage }
				overrideReason={ overrideReason }
				onOverrideReason={ setOverrideReason }
			/>
			<div
				className="sophmate-review__summary"
				data-testid="review-summary"
			>
				<h3>{ __( 'What runs next', 'sophmate-safe-mode' ) }</h3>
				<ul>
					{ planSummary( plan, context ).map( ( sentence ) => (
						<li key={ sentence }>{ sentence }</li>
					) ) }
				</ul>
			</div>
			{ form.error && (
				<Notice status="error" isDismissible={ false }>
					{ form.error.message }
				</Notice>
			) }
			<div className="sophmate-review__actions">
				<Button
					variant="primary"
					type="submit"
					disabled={ ! form.canSubmit }
					isBusy={ form.isSubmitting }
					aria-describedby="review-blockers"
					data-testid="review-submit"
				>
					{ action }
				</Button>
				<RouteLink to={ scopeRoute( scope ) } navigate={ navigate }>
					{ __( 'Cancel', 'sophmate-safe-mode' ) }
				</RouteLink>
			</div>
			<p
				id="review-blockers"
				className="sophmate-review__blockers"
				aria-live="polite"
			>
				{ blockers.join( ' ' ) }
			</p>
		</form>
	);
}

/**
 * The restart review of a paused scope: the six items with their evidence,
 * the narrow trial to restart into, and what will run next.
 *
 * @param props
 * @param props.scope    `global`, `category:SLUG` or `automation:ID`.
 * @param props.navigate navigate() of useRoute.
 */
export function ReviewView( {
	scope,
	navigate,
}: {
	scope: string;
	navigate: Navigate;
} ) {
	const { loadReview } = useDispatch( reviewStore );
	const { review, fetching, error } = useSelect(
		( select ) => ( {
			review: select( reviewStore ).getReview( scope ),
			fetching: select( reviewStore ).isFetching( scope ),
			error: select( reviewStore ).getError( scope ),
		} ),
		[ scope ]
	);
	const context = usePlanContext( scope );
	// The default trial is built from the scope's automations: wait for them.
	// …unless the status cannot be loaded: then the review still works, with ids for labels.
	const statusLoaded = useSelect(
		( select ) =>
			select( statusStore ).hasLoaded() ||
			select( statusStore ).getFetchError() !== null,
		[]
	);
	useEffect( () => {
		void loadReview( scope );
	}, [ scope, loadReview ] );
	// A new snapshot resets what was ticked: the operator reviews what is there now.
	const formKey = useMemo( () => review?.snapshot.hash ?? '', [ review ] );

	return (
		<div className="sophmate-review" data-testid="review-page">
			<h2>
				{ sprintf(
					/* translators: %s: category, automation or "Safe mode". */
					__( 'Restart review: %s', 'sophmate-safe-mode' ),
					context.label
				) }
			</h2>
			{ review && (
				<p>
					{ sprintf(
						/* translators: %s: state, e.g. paused. */
						__( 'State: %s', 'sophmate-safe-mode' ),
						review.state
					) }
					{ review.since && (
						<>
							{ ' · ' }
							{ __( 'since', 'sophmate-safe-mode' ) }{ ' ' }
							<TimeStamp iso={ review.since } />
						</>
					) }
					{ ' · ' }
					{ __( 'evidence from', 'sophmate-safe-mode' ) }{ ' ' }
					<TimeStamp iso={ review.window_start } />
				</p>
			) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.code === 'sophmate_not_paused'
						? __(
								'This scope is not paused, so there is nothing to review before a restart.',
								'sophmate-safe-mode'
							)
						: error.message }{ ' ' }
					<RouteLink to={ scopeRoute( scope ) } navigate={ navigate }>
						{ __( 'Back', 'sophmate-safe-mode' ) }
					</RouteLink>
				</Notice>
			) }
			{ ( fetching || ! review || ! statusLoaded ) && ! error && (
				<p className="sophmate-safe-mode__loading" role="status">
					<Spinner />
					{ review
						? __( 'Reloading the evidence…', 'sophmate-safe-mode' )
						: __(
								'Gathering the evidence…',
								'sophmate-safe-mode'
							) }
				</p>
			) }
			{ review && statusLoaded && (
				<ReviewForm
					key={ formKey }
					scope={ scope }
					review={ review }
					context={ context }
					navigate={ navigate }
					onReload={ () => void loadReview( scope ) }
				/>
			) }
		</div>
	);
}
