import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import type { AutomationStatus } from '../api';
import { automationsStore } from '../store/automations';
import { statusStore } from '../store/status';
import type { Route } from '../utils/route';
import {
	actorName,
	decidedByLabel,
	effectiveLabel,
	kindLabel,
	modeLabel,
	originLabel,
} from '../utils/labels';
import { RouteLink } from './ConsoleNav';
import { LastRun } from './LastRun';
import { OwnerlessFlag } from './OwnerlessFlag';
import { StateBadge } from './StateBadge';
import { TripBadge } from './breakers/TripBadge';
import { SwitchActions } from './SwitchActions';
import { SwitchDetails } from './SwitchDetails';

/**
 * Where an automation comes from and what it is bound to, from GET
 * /automations. Nothing while that is loading or unavailable: the row is
 * complete without it.
 *
 * @param props
 * @param props.id Automation id.
 */
function Bindings( { id }: { id: string } ) {
	// From the list the table loads once: `getAutomation( id )` would fetch
	// each row's automation on its own while that list is still on its way.
	const config = useSelect(
		( select ) =>
			select( automationsStore )
				.getAutomations()
				.find( ( automation ) => automation.id === id ) ?? null,
		[ id ]
	);
	if ( ! config ) {
		return null;
	}
	return (
		<>
			{ config.cron_hooks.length > 0 && (
				<p className="sophmate-safe-mode__meta">
					{ sprintf(
						/* translators: %s: comma-separated WP-Cron hook names. */
						__( 'Cron hooks: %s', 'sophmate-safe-mode' ),
						config.cron_hooks.join( ', ' )
					) }
				</p>
			) }
			<p className="sophmate-safe-mode__meta">
				{ originLabel( config.origin ) }
			</p>
		</>
	);
}

/**
 * The effective decision for an automation and the switch that decided it,
 * e.g. "Blocked by category:marketing" with the reason below.
 *
 * @param props
 * @param props.automation Automation status from GET /status.
 */
function EffectiveCell( { automation }: { automation: AutomationStatus } ) {
	const { effective, decided_by: decidedBy, reason } = automation;
	return (
		<>
			<span
				className={ `sophmate-safe-mode__effective is-${ effective }` }
			>
				{ decidedBy
					? sprintf(
							/* translators: 1: "Runs", "Read-only" or "Blocked", 2: the deciding switch, e.g. "category:marketing" or "safe mode". */
							__( '%1$s by %2$s', 'sophmate-safe-mode' ),
							effectiveLabel( effective ),
							decidedByLabel( decidedBy )
						)
					: effectiveLabel( effective ) }
			</span>
			{ reason && (
				<p className="sophmate-safe-mode__reason sophmate-safe-mode__meta">
					{ reason }
				</p>
			) }
		</>
	);
}

/**
 * One automation: what it is, who owns it, its own switch (with who/why/
 * since), the effective decision with the switch that decided it, and the
 * pause / restart / promote actions the current user may take.
 *
 * @param props
 * @param props.automation Automation status from GET /status.
 * @param props.navigate   navigate() of useRoute (the label links to the automation's page).
 */
export function AutomationRow( {
	automation,
	navigate,
}: {
	automation: AutomationStatus;
	navigate: ( route: Route ) => void;
} ) {
	const { id, label, state } = automation;
	const categoryLabel = useSelect(
		( select ) =>
			select( statusStore ).getCategoryStatus( automation.category )
				?.label ?? automation.category,
		[ automation.category ]
	);
	return (
		<tr
			data-testid={ `automation-row-${ id }` }
			className={ `sophmate-safe-mode__row is-${ state }` }
		>
			<th scope="row">
				<strong>
					<RouteLink
						to={ { view: 'automation', id } }
						navigate={ navigate }
					>
						{ label }
					</RouteLink>
				</strong>
				<br />
				<code>{ id }</code>
				<Bindings id={ id } />
			</th>
			<td data-colname={ __( 'Kind', 'sophmate-safe-mode' ) }>
				{ kindLabel( automation.kind ) }
			</td>
			<td data-colname={ __( 'Category', 'sophmate-safe-mode' ) }>
				{ categoryLabel }
			</td>
			<td data-colname={ __( 'Owner', 'sophmate-safe-mode' ) }>
				{ automation.owner && ! automation.ownerless ? (
					actorName( automation.owner )
				) : (
					<OwnerlessFlag testId={ `automation-ownerless-${ id }` } />
				) }
			</td>
			<td data-colname={ __( 'Mode', 'sophmate-safe-mode' ) }>
				{ modeLabel( automation.mode ) }
			</td>
			<td data-colname={ __( 'Last run', 'sophmate-safe-mode' ) }>
				{ automation.last_run ? (
					<LastRun
						lastRun={ automation.last_run }
						navigate={ navigate }
						testId={ `automation-last-run-${ id }` }
					/>
				) : (
					<span className="sophmate-safe-mode__meta">
						{ automation.last_run === null
							? __( 'No runs yet', 'sophmate-safe-mode' )
							: '—' }
					</span>
				) }
			</td>
			<td
				className="sophmate-safe-mode__state-cell"
				data-colname={ __( 'State', 'sophmate-safe-mode' ) }
			>
				<StateBadge
					state={ state }
					testId={ `automation-state-${ id }` }
				/>
				{ automation.switch && state === 'paused' && (
					<TripBadge
						source={ automation.switch.source }
						reason={ automation.switch.reason }
						context={ automation.switch.trip }
						testId={ `automation-trip-${ id }` }
					/>
				) }
				{ automation.switch && state !== 'running' && (
					<SwitchDetails details={ automation.switch } />
				) }
			</td>
			<td data-colname={ __( 'Effective', 'sophmate-safe-mode' ) }>
				<EffectiveCell automation={ automation } />
			</td>
			<td className="sophmate-safe-mode__actions">
				<SwitchActions
					target={ { type: 'automation', id } }
					label={ label }
					state={ state }
					details={ automation.switch }
				/>
			</td>
		</tr>
	);
}
