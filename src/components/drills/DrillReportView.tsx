import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { DrillReport } from '../../api';
import { actorName, stateLabel } from '../../utils/labels';
import { TimeStamp } from '../TimeStamp';
import {
	bindingsByAutomation,
	bindingTypeLabel,
	bindingVerdict,
	drillSummary,
	outcomeLabel,
	verdictLabel,
} from './format';

/**
 * A list section of the report, left out when empty unless it has an empty text.
 *
 * @param props
 * @param props.title Heading.
 * @param props.items Lines.
 * @param props.empty Text when there are none (omit to hide the section).
 */
function ReportList( {
	title,
	items,
	empty,
}: {
	title: string;
	items: string[];
	empty?: string;
} ) {
	if ( items.length === 0 && empty === undefined ) {
		return null;
	}
	return (
		<div className="sophmate-drill__list">
			<h4>{ title }</h4>
			{ items.length === 0 ? (
				<p className="sophmate-safe-mode__meta">{ empty }</p>
			) : (
				<ul>
					{ items.map( ( item, index ) => (
						<li key={ index }>{ item }</li>
					) ) }
				</ul>
			) }
		</div>
	);
}

/**
 * One pause drill report: the outcome and why, each binding with what
 * happened to it, what the policy says pauses, finishes and needs cleanup,
 * and who restarts.
 *
 * @param props
 * @param props.report Drill report.
 */
export function DrillReportView( { report }: { report: DrillReport } ) {
	const stateText =
		report.prior_state && report.restored_state
			? sprintf(
					/* translators: 1: state before the drill, 2: state after it. */
					__(
						'State before: %1$s. After: %2$s.',
						'sophmate-safe-mode'
					),
					stateLabel( report.prior_state ),
					stateLabel( report.restored_state )
				)
			: null;
	return (
		<div
			className="sophmate-drill__report"
			data-testid="drill-report"
			data-outcome={ report.outcome }
		>
			<p className="sophmate-drill__headline">
				<span
					className={ `sophmate-drill__outcome is-${ report.outcome }` }
				>
					{ outcomeLabel( report.outcome ) }
				</span>{ ' ' }
				{ sprintf(
					/* translators: 1: drill number, 2: environment (production, staging…). */
					__( 'Drill #%1$d in %2$s', 'sophmate-safe-mode' ),
					report.id,
					report.environment || '—'
				) }
				{ ', ' }
				<TimeStamp iso={ report.finished_at ?? report.started_at } />
				{ report.actor &&
					sprintf(
						/* translators: %s: who ran the drill. */
						__( ', by %s', 'sophmate-safe-mode' ),
						actorName( report.actor )
					) }
			</p>
			<p>{ drillSummary( report ) }</p>
			{ report.failure_reason && (
				<Notice status="error" isDismissible={ false }>
					{ report.failure_reason }
				</Notice>
			) }
			{ stateText && (
				<p
					className={
						report.state_restored
							? 'sophmate-safe-mode__meta'
							: 'sophmate-drill__warning'
					}
				>
					{ stateText }
				</p>
			) }
			<h4>{ __( 'Bindings', 'sophmate-safe-mode' ) }</h4>
			{ report.bindings.length === 0 ? (
				<p className="sophmate-safe-mode__meta">
					{ __(
						'No bindings were exercised.',
						'sophmate-safe-mode'
					) }
				</p>
			) : (
				bindingsByAutomation( report ).map( ( group ) => (
					<div
						key={ group.automation }
						className="sophmate-drill__group"
					>
						<h5>{ group.automation }</h5>
						<ul className="sophmate-drill__bindings">
							{ group.bindings.map( ( binding ) => {
								const verdict = bindingVerdict( binding );
								return (
									<li
										key={ `${ binding.type }|${ binding.target }` }
										className={ `sophmate-drill__binding is-${ verdict }` }
										data-testid="drill-binding"
									>
										<span className="sophmate-drill__verdict">
											{ verdictLabel( verdict ) }
										</span>{ ' ' }
										<strong>
											{ bindingTypeLabel( binding.type ) }
										</strong>{ ' ' }
										<code>{ binding.target }</code>
										<br />
										<span className="sophmate-safe-mode__meta">
											{ binding.detail }
										</span>
									</li>
								);
							} ) }
						</ul>
					</div>
				) )
			) }
			<ReportList
				title={ __( 'Paused immediately', 'sophmate-safe-mode' ) }
				items={ report.paused_immediately }
			/>
			<ReportList
				title={ __( 'Would finish', 'sophmate-safe-mode' ) }
				items={ report.would_finish }
				empty={ __(
					'Nothing: runs in progress stop at their next checkpoint.',
					'sophmate-safe-mode'
				) }
			/>
			<ReportList
				title={ __( 'Needs manual cleanup', 'sophmate-safe-mode' ) }
				items={ report.needs_cleanup }
				empty={ __(
					'The pause policy names no cleanup.',
					'sophmate-safe-mode'
				) }
			/>
			<div className="sophmate-drill__list">
				<h4>{ __( 'Who restarts', 'sophmate-safe-mode' ) }</h4>
				<p>{ report.restart.detail }</p>
			</div>
		</div>
	);
}
