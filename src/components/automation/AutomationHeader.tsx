import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import type { AutomationConfig, AutomationStatus } from '../../api';
import { statusStore } from '../../store/status';
import {
	actorName,
	decidedByLabel,
	effectiveLabel,
	kindLabel,
	modeLabel,
} from '../../utils/labels';
import type { Route } from '../../utils/route';
import { RouteLink } from '../ConsoleNav';
import { OwnerlessFlag } from '../OwnerlessFlag';
import { StateBadge } from '../StateBadge';
import { SwitchActions } from '../SwitchActions';
import { SwitchDetails } from '../SwitchDetails';

/** What both GET /status and GET /automations/{id} say about an automation. */
export type AutomationSummary = Pick<
	AutomationStatus & AutomationConfig,
	| 'id'
	| 'label'
	| 'kind'
	| 'category'
	| 'owner'
	| 'mode'
	| 'state'
	| 'effective'
	| 'decided_by'
	| 'reason'
>;

/**
 * Who and what the automation is, its switch and what it may do right now,
 * with the pause / restart / promote actions.
 *
 * @param props
 * @param props.automation Status (fresher: follows pauses) or config.
 * @param props.status     The status entry, for the switch details.
 * @param props.navigate   navigate() of useRoute.
 */
export function AutomationHeader( {
	automation,
	status,
	navigate,
}: {
	automation: AutomationSummary;
	status: AutomationStatus | null;
	navigate: ( route: Route ) => void;
} ) {
	const categoryLabel = useSelect(
		( select ) =>
			select( statusStore ).getCategoryStatus( automation.category )
				?.label ?? automation.category,
		[ automation.category ]
	);
	const facts: Array< [ string, React.ReactNode ] > = [
		[ __( 'Kind', 'sophmate-safe-mode' ), kindLabel( automation.kind ) ],
		[
			__( 'Category', 'sophmate-safe-mode' ),
			<RouteLink
				key="category"
				to={ { view: 'category', slug: automation.category } }
				navigate={ navigate }
			>
				{ categoryLabel }
			</RouteLink>,
		],
		[
			__( 'Owner', 'sophmate-safe-mode' ),
			automation.owner ? (
				actorName( automation.owner )
			) : (
				<OwnerlessFlag key="owner" testId="automation-ownerless" />
			),
		],
		[ __( 'Mode', 'sophmate-safe-mode' ), modeLabel( automation.mode ) ],
	];
	return (
		<header className="sophmate-safe-mode__automation-header">
			<div className="sophmate-safe-mode__automation-title">
				<h2>{ automation.label }</h2>
				<StateBadge
					state={ automation.state }
					testId="automation-state"
				/>
			</div>
			<dl className="sophmate-safe-mode__automation-facts">
				{ facts.map( ( [ label, value ] ) => (
					<div key={ label }>
						<dt>{ label }</dt>
						<dd>{ value }</dd>
					</div>
				) ) }
			</dl>
			<p
				className="sophmate-safe-mode__automation-decision"
				data-testid="automation-decision"
			>
				{ automation.decided_by
					? sprintf(
							/* translators: 1: effective decision ("Blocked"), 2: the switch that decided, 3: reason. */
							__(
								'Right now: %1$s, decided by %2$s. %3$s',
								'sophmate-safe-mode'
							),
							effectiveLabel( automation.effective ),
							decidedByLabel( automation.decided_by ),
							automation.reason
						)
					: sprintf(
							/* translators: %s: effective decision ("Runs"). */
							__( 'Right now: %s.', 'sophmate-safe-mode' ),
							effectiveLabel( automation.effective )
						) }
			</p>
			{ status?.switch && <SwitchDetails details={ status.switch } /> }
			<div className="sophmate-safe-mode__automation-actions">
				<SwitchActions
					target={ { type: 'automation', id: automation.id } }
					label={ automation.label }
					state={ automation.state }
					details={ status?.switch ?? null }
				/>
			</div>
		</header>
	);
}
