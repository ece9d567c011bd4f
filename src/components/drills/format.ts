/**
 * Words for a pause drill report: pure, so the report reads the same in the
 * panel, the history and the tests.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	DrillBinding,
	DrillBindingType,
	DrillOutcome,
	DrillReport,
} from '../../api';

export type BindingVerdict = 'held' | 'got_through' | 'not_exercised';

/**
 * What happened to one binding.
 *
 * @param binding Binding of the report.
 */
export function bindingVerdict( binding: DrillBinding ): BindingVerdict {
	if ( binding.passed === null ) {
		return 'not_exercised';
	}
	return binding.passed ? 'held' : 'got_through';
}

/**
 * Translated verdict of a binding.
 *
 * @param verdict Verdict.
 */
export function verdictLabel( verdict: BindingVerdict ): string {
	switch ( verdict ) {
		case 'held':
			return __( 'Held', 'sophmate-safe-mode' );
		case 'got_through':
			return __( 'Got through', 'sophmate-safe-mode' );
		case 'not_exercised':
			return __( 'Not exercised', 'sophmate-safe-mode' );
	}
}

/**
 * Translated kind of binding.
 *
 * @param type Binding type.
 */
export function bindingTypeLabel( type: DrillBindingType ): string {
	switch ( type ) {
		case 'cooperative':
			return __( 'Gate (decide / start_run)', 'sophmate-safe-mode' );
		case 'cron':
			return __( 'Cron hook', 'sophmate-safe-mode' );
		case 'rest':
			return __( 'Inbound route', 'sophmate-safe-mode' );
		case 'provider':
			return __( 'Provider', 'sophmate-safe-mode' );
		case 'read_only':
			return __( 'Read-only refusals', 'sophmate-safe-mode' );
	}
}

/**
 * Translated outcome.
 *
 * @param outcome Drill outcome.
 */
export function outcomeLabel( outcome: DrillOutcome ): string {
	switch ( outcome ) {
		case 'passed':
			return __( 'Passed', 'sophmate-safe-mode' );
		case 'failed':
			return __( 'Failed', 'sophmate-safe-mode' );
		case 'running':
			return __( 'Running', 'sophmate-safe-mode' );
	}
}

/**
 * One line that says how the drill went, e.g. "4 of 5 bindings held, 1 not
 * exercised".
 *
 * @param report Drill report.
 */
export function drillSummary( report: DrillReport ): string {
	const { total, passed, failed, not_exercised: skipped } = report.summary;
	if ( report.outcome === 'running' ) {
		return __( 'The drill has not finished.', 'sophmate-safe-mode' );
	}
	const parts: string[] = [
		sprintf(
			/* translators: 1: bindings that held, 2: all bindings. */
			__( '%1$d of %2$d bindings held', 'sophmate-safe-mode' ),
			passed,
			total
		),
	];
	if ( failed > 0 ) {
		parts.push(
			sprintf(
				/* translators: %d: bindings the pause did not hold. */
				__( '%d got through', 'sophmate-safe-mode' ),
				failed
			)
		);
	}
	if ( skipped > 0 ) {
		parts.push(
			sprintf(
				/* translators: %d: bindings that could not be exercised. */
				__( '%d not exercised', 'sophmate-safe-mode' ),
				skipped
			)
		);
	}
	return parts.join( ', ' );
}

/**
 * Bindings grouped by automation, in report order, for a readable list.
 *
 * @param report Drill report.
 */
export function bindingsByAutomation(
	report: DrillReport
): Array< { automation: string; bindings: DrillBinding[] } > {
	const groups: Array< { automation: string; bindings: DrillBinding[] } > =
		[];
	for ( const binding of report.bindings ) {
		const last = groups[ groups.length - 1 ];
		if ( last && last.automation === binding.automation ) {
			last.bindings.push( binding );
		} else {
			groups.push( {
				automation: binding.automation,
				bindings: [ binding ],
			} );
		}
	}
	return groups;
}
