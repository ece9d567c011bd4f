import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import type { CategoryStatus, Emergency, SafeMode } from '../../api';
import { statusStore } from '../../store/status';
import { actorName, effectiveLabel } from '../../utils/labels';
import type { Route } from '../../utils/route';
import { runStatusLabel } from '../../utils/run-labels';
import { RouteLink } from '../ConsoleNav';
import { OwnerlessFlag } from '../OwnerlessFlag';
import { StateBadge } from '../StateBadge';
import { SwitchActions } from '../SwitchActions';
import { SwitchDetails } from '../SwitchDetails';
import { TimeStamp } from '../TimeStamp';

/**
 * Why the category's automations may or may not run, when its own switch
 * does not explain it (the last-resort switch or safe mode overrides a
 * running category).
 *
 * @param category  Category from GET /status.
 * @param safeMode  Global safe mode.
 * @param emergency Last-resort switch.
 */
export function decisionReason(
	category: CategoryStatus,
	safeMode: SafeMode | null,
	emergency: Emergency | null
): string {
	if ( emergency?.active ) {
		return __(
			'Decided by the last-resort switch in wp-config.php or the flag file.',
			'sophmate-safe-mode'
		);
	}
	if ( safeMode && safeMode.mode !== 'off' ) {
		return sprintf(
			/* translators: %s: the reason safe mode was turned on. */
			__( 'Decided by safe mode: %s', 'sophmate-safe-mode' ),
			safeMode.reason || __( 'no reason given', 'sophmate-safe-mode' )
		);
	}
	if ( category.state === 'paused' ) {
		return __( 'Decided by this category’s pause.', 'sophmate-safe-mode' );
	}
	if ( category.state === 'trial' ) {
		return __(
			'Decided by this category’s trial: only the selected automations run, within the trial budget.',
			'sophmate-safe-mode'
		);
	}
	return __(
		'Nothing above this category holds it back.',
		'sophmate-safe-mode'
	);
}

/**
 * The top of the category page: what it is, whether it runs and why, who
 * owns it, and the switch buttons.
 *
 * @param props
 * @param props.category Category from GET /status.
 * @param props.navigate navigate() of useRoute.
 */
export function CategoryHeader( {
	category,
	navigate,
}: {
	category: CategoryStatus;
	navigate: ( route: Route ) => void;
} ) {
	const { safeMode, emergency } = useSelect(
		( select ) => ( {
			safeMode: select( statusStore ).getSafeMode(),
			emergency: select( statusStore ).getEmergency(),
		} ),
		[]
	);
	const ownerless = category.ownerless ?? category.owner === null;
	const lastRun = category.last_run;

	return (
		<header className="sophmate-category__header">
			<div className="sophmate-category__title">
				<h2>{ category.label }</h2>
				<StateBadge
					state={ category.state }
					testId={ `category-state-${ category.slug }` }
				/>
				<div className="sophmate-category__actions">
					<SwitchActions
						target={ { type: 'category', id: category.slug } }
						label={ category.label }
						state={ category.state }
						details={ category.switch }
					/>
				</div>
			</div>
			<dl className="sophmate-category__facts">
				<div>
					<dt>{ __( 'Effective', 'sophmate-safe-mode' ) }</dt>
					<dd data-testid="category-effective">
						<strong>
							{ effectiveLabel( category.effective ) }
						</strong>
						<span className="sophmate-safe-mode__meta">
							{ ' ' }
							{ decisionReason( category, safeMode, emergency ) }
						</span>
					</dd>
				</div>
				<div>
					<dt>{ __( 'Owner', 'sophmate-safe-mode' ) }</dt>
					<dd>
						{ ownerless || ! category.owner ? (
							<OwnerlessFlag testId="category-ownerless" />
						) : (
							actorName( category.owner )
						) }
					</dd>
				</div>
				<div>
					<dt>{ __( 'Last run', 'sophmate-safe-mode' ) }</dt>
					<dd>
						{ lastRun ? (
							<>
								{ lastRun.id ? (
									<RouteLink
										to={ { view: 'run', id: lastRun.id } }
										navigate={ navigate }
									>
										{ runStatusLabel( lastRun.status ) }
									</RouteLink>
								) : (
									runStatusLabel( lastRun.status )
								) }{ ' ' }
								<TimeStamp iso={ lastRun.started_at } />
							</>
						) : (
							__( 'No runs yet', 'sophmate-safe-mode' )
						) }
					</dd>
				</div>
				{ category.runs_24h !== undefined && (
					<div>
						<dt>{ __( 'Last 24 hours', 'sophmate-safe-mode' ) }</dt>
						<dd>
							{ sprintf(
								/* translators: 1: runs, 2: failed runs in the last 24 hours. */
								__(
									'%1$d runs, %2$d failed',
									'sophmate-safe-mode'
								),
								category.runs_24h,
								category.failed_24h ?? 0
							) }
							{ Object.entries( category.spend_24h ?? {} ).map(
								( [ unit, amount ] ) => (
									<span
										key={ unit }
										className="sophmate-safe-mode__meta"
									>
										{ ` · ${ amount } ${ unit }` }
									</span>
								)
							) }
						</dd>
					</div>
				) }
			</dl>
			{ category.switch && <SwitchDetails details={ category.switch } /> }
		</header>
	);
}
