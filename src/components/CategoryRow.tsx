import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import type { CategoryStatus } from '../api';
import { categoriesStore } from '../store/categories';
import { actorName, effectiveLabel, policySummary } from '../utils/labels';
import type { Route } from '../utils/route';
import { NextReviewCell } from './cadence/NextReviewCell';
import { formatNumber } from './charts/format';
import { RouteLink } from './ConsoleNav';
import { LastRun } from './LastRun';
import { OwnerlessFlag } from './OwnerlessFlag';
import { StateBadge } from './StateBadge';
import { TripBadge } from './breakers/TripBadge';
import { SwitchActions } from './SwitchActions';
import { SwitchDetails } from './SwitchDetails';

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

/**
 * "3 failed of 40 · 1,234 tokens", or null when the server sent no counts.
 *
 * @param category Category status from GET /status.
 */
export function last24hSummary( category: CategoryStatus ): string | null {
	if ( category.runs_24h === undefined ) {
		return null;
	}
	const parts = [
		category.runs_24h === 0
			? __( 'No runs', 'sophmate-safe-mode' )
			: sprintf(
					/* translators: 1: failed runs, 2: all runs in the last 24 hours. */
					__( '%1$s failed of %2$s', 'sophmate-safe-mode' ),
					formatNumber( category.failed_24h ?? 0 ),
					formatNumber( category.runs_24h )
				),
		...Object.entries( category.spend_24h ?? {} ).map(
			( [ unit, amount ] ) => `${ formatNumber( amount ) } ${ unit }`
		),
	];
	return parts.join( ' · ' );
}

function ActivityCell( {
	category,
	navigate,
}: {
	category: CategoryStatus;
	navigate: ( route: Route ) => void;
} ) {
	const { last_run: lastRun, slug } = category;
	const summary =
		lastRun === null && category.runs_24h === 0
			? null
			: last24hSummary( category );
	if ( lastRun === undefined && summary === null ) {
		return <span className="sophmate-safe-mode__meta">—</span>;
	}
	return (
		<div data-testid={ `category-activity-${ slug }` }>
			{ lastRun ? (
				<p>
					<LastRun lastRun={ lastRun } navigate={ navigate } />
					<br />
					<code>{ lastRun.automation }</code>
				</p>
			) : (
				<p className="sophmate-safe-mode__meta">
					{ __( 'No runs yet', 'sophmate-safe-mode' ) }
				</p>
			) }
			{ summary !== null && (
				<p
					className={ `sophmate-safe-mode__meta${
						( category.failed_24h ?? 0 ) > 0 ? ' has-failures' : ''
					}` }
				>
					<span className="screen-reader-text">
						{ __( 'Last 24 hours:', 'sophmate-safe-mode' ) }{ ' ' }
					</span>
					{ summary }
				</p>
			) }
		</div>
	);
}

/**
 * One category: state with who/why/since, effective decision, pause policy
 * and the actions the current user may take.
 *
 * @param props
 * @param props.category Category status from GET /status.
 * @param props.navigate navigate() of useRoute (the label links to the category's page).
 */
export function CategoryRow( {
	category,
	navigate,
}: {
	category: CategoryStatus;
	navigate: ( route: Route ) => void;
} ) {
	const { slug, label, state } = category;
	return (
		<tr
			data-testid={ `category-row-${ slug }` }
			className={ `sophmate-safe-mode__row is-${ state }` }
		>
			<th scope="row">
				<strong>
					<RouteLink
						to={ { view: 'category', slug } }
						navigate={ navigate }
					>
						{ label }
					</RouteLink>
				</strong>
				<br />
				<code>{ slug }</code>
				{ category.ownerless && (
					<>
						<br />
						<OwnerlessFlag
							testId={ `category-ownerless-${ slug }` }
						/>
					</>
				) }
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
				{ category.switch && state === 'paused' && (
					<TripBadge
						source={ category.switch.source }
						reason={ category.switch.reason }
						context={ category.switch.trip }
						testId={ `category-trip-${ slug }` }
					/>
				) }
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
			<td
				data-colname={ __(
					'Recent runs (24 hours)',
					'sophmate-safe-mode'
				) }
			>
				<ActivityCell category={ category } navigate={ navigate } />
			</td>
			<td data-colname={ __( 'Next review', 'sophmate-safe-mode' ) }>
				<NextReviewCell category={ category } />
			</td>
			<td className="sophmate-safe-mode__actions">
				<SwitchActions
					target={ { type: 'category', id: slug } }
					label={ label }
					state={ state }
					details={ category.switch }
				/>
			</td>
		</tr>
	);
}
