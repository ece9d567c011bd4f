import './drills.scss';

import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { useBoot } from '../../boot';
import { categoriesStore } from '../../store/categories';
import { drillsStore } from '../../store/drills';
import { statusStore } from '../../store/status';
import { failureMessage } from '../modal/useMutationForm';
import { useActionFeedback } from '../Snackbars';
import { TimeStamp } from '../TimeStamp';
import { DrillReportView } from './DrillReportView';
import { drillSummary, outcomeLabel } from './format';
import { RunDrillDialog } from './RunDrillDialog';
import { SectionError } from '../SectionError';

/**
 * The "Pause drill" section of a category page: the latest drill (outcome,
 * when, where), a button to run one (managers and the category's owners),
 * the report, and earlier drills.
 *
 * @param props
 * @param props.slug Category slug.
 */
export function DrillPanel( { slug }: { slug: string } ) {
	const { canManage, userId } = useBoot();
	const {
		drills,
		total,
		loaded,
		error,
		running,
		runError,
		owners,
		label,
		automations,
	} = useSelect(
		( select ) => {
			const store = select( drillsStore );
			const statuses = select( statusStore );
			statuses.getStatus(); // Resolves owner and label when the panel is alone on a page.
			const status = statuses.getCategoryStatus( slug );
			const config = select( categoriesStore ).getCategory( slug );
			return {
				drills: store.getDrills( slug ),
				total: store.getTotal( slug ),
				loaded: store.hasLoaded( slug ),
				error: store.getError( slug ),
				running: store.isRunning( slug ),
				runError: store.getRunError( slug ),
				owners: [
					status?.owner?.id ?? null,
					config?.owner_id ?? null,
					config?.backup_owner_id ?? null,
				],
				label: status?.label ?? slug,
				// null until the status is known: no false "no automations" warning.
				automations: statuses.hasLoaded()
					? statuses
							.getAutomationStatuses()
							.filter(
								( automation ) => automation.category === slug
							).length
					: null,
			};
		},
		[ slug ]
	);
	const { runDrill, loadDrills } = useDispatch( drillsStore );
	const { refreshStatus } = useDispatch( statusStore );
	const { confirm, fail } = useActionFeedback();
	const [ confirming, setConfirming ] = useState( false );
	const [ selectedId, setSelectedId ] = useState< number | null >( null );

	const canRun = canManage || owners.includes( userId );
	const latest = drills[ 0 ] ?? null;
	const shown = drills.find( ( drill ) => drill.id === selectedId ) ?? latest;
	const title = __( 'Pause drill', 'sophmate-safe-mode' );

	const run = async () => {
		const action = sprintf(
			/* translators: %s: category label. */
			__( 'Pause drill of %s', 'sophmate-safe-mode' ),
			label
		);
		const result = await runDrill( slug );
		if ( ! result.ok ) {
			fail( failureMessage( action, result.error ) );
			return;
		}
		setConfirming( false );
		setSelectedId( result.value.id );
		void refreshStatus();
		if ( result.value.outcome === 'passed' ) {
			confirm(
				sprintf(
					/* translators: 1: category label, 2: summary such as "4 of 4 bindings held". */
					__(
						'Pause drill of %1$s passed: %2$s.',
						'sophmate-safe-mode'
					),
					label,
					drillSummary( result.value )
				)
			);
		} else {
			fail(
				sprintf(
					/* translators: 1: category label, 2: why it failed. */
					__(
						'Pause drill of %1$s failed: %2$s',
						'sophmate-safe-mode'
					),
					label,
					result.value.failure_reason ?? ''
				)
			);
		}
	};

	let body;
	if ( error && ! loaded ) {
		body = (
			<SectionError
				message={ __(
					'Drills could not be loaded.',
					'sophmate-safe-mode'
				) }
				error={ error }
				onRetry={ () => void loadDrills( slug ) }
			/>
		);
	} else if ( ! loaded && ! latest ) {
		body = <p>{ __( 'Loading…', 'sophmate-safe-mode' ) }</p>;
	} else if ( ! latest ) {
		body = (
			<p data-testid="drill-none">
				{ __(
					'No pause drill has run for this category yet. A passed drill is required before its automations can go live.',
					'sophmate-safe-mode'
				) }
			</p>
		);
	} else {
		body = (
			<>
				<p data-testid="drill-latest">
					{ __( 'Latest drill:', 'sophmate-safe-mode' ) }{ ' ' }
					<span
						className={ `sophmate-drill__outcome is-${ latest.outcome }` }
					>
						{ outcomeLabel( latest.outcome ) }
					</span>{ ' ' }
					<TimeStamp
						iso={ latest.finished_at ?? latest.started_at }
					/>
					{ ', ' }
					{ sprintf(
						/* translators: %s: environment such as production or staging. */
						__( 'in %s', 'sophmate-safe-mode' ),
						latest.environment || '—'
					) }
				</p>
				{ shown && <DrillReportView report={ shown } /> }
				{ drills.length > 1 && (
					<div className="sophmate-drill__history">
						<h4>
							{ __( 'Earlier drills', 'sophmate-safe-mode' ) }
						</h4>
						<ul>
							{ drills.map( ( drill ) => (
								<li key={ drill.id }>
									<Button
										variant="link"
										onClick={ () =>
											setSelectedId( drill.id )
										}
										aria-pressed={ shown?.id === drill.id }
									>
										{ sprintf(
											/* translators: 1: drill number, 2: outcome, 3: environment. */
											__(
												'#%1$d %2$s (%3$s)',
												'sophmate-safe-mode'
											),
											drill.id,
											outcomeLabel( drill.outcome ),
											drill.environment || '—'
										) }
									</Button>{ ' ' }
									<TimeStamp
										iso={
											drill.finished_at ??
											drill.started_at
										}
									/>
								</li>
							) ) }
						</ul>
						{ total > drills.length && (
							<p className="sophmate-safe-mode__meta">
								{ sprintf(
									/* translators: 1: drills shown, 2: all drills. */
									__(
										'The newest %1$d of %2$d drills; wp sophmate drill list shows all.',
										'sophmate-safe-mode'
									),
									drills.length,
									total
								) }
							</p>
						) }
					</div>
				) }
			</>
		);
	}

	return (
		<section
			className="sophmate-category__section sophmate-drill"
			aria-labelledby="sophmate-drill-title"
			data-testid="drill-panel"
		>
			<div className="sophmate-drill__header">
				<h2 id="sophmate-drill-title">{ title }</h2>
				{ canRun && (
					<Button
						variant="secondary"
						onClick={ () => setConfirming( true ) }
						isBusy={ running }
						disabled={ running }
					>
						{ __( 'Run pause drill', 'sophmate-safe-mode' ) }
					</Button>
				) }
			</div>
			{ body }
			{ confirming && (
				<RunDrillDialog
					label={ label }
					automations={ automations }
					isRunning={ running }
					error={ runError }
					onRun={ () => void run() }
					onClose={ () => setConfirming( false ) }
				/>
			) }
		</section>
	);
}
