import '../components/category/category.scss';

import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import { useBoot } from '../boot';
import { CategoryAutomations } from '../components/category/CategoryAutomations';
import { CategoryEditForm } from '../components/category/CategoryEditForm';
import { CategoryHeader } from '../components/category/CategoryHeader';
import { CategoryPolicy } from '../components/category/CategoryPolicy';
import { CategoryProviders } from '../components/category/CategoryProviders';
import { ReviewCadencePanel } from '../components/cadence';
import { CategoryCharts } from '../components/charts';
import { BreakersPanel } from '../components/breakers';
import { DrillPanel } from '../components/drills';
import { AuditTimeline, RecentRuns } from '../components/history';
import { RouteLink } from '../components/ConsoleNav';
import { categoriesStore } from '../store/categories';
import { ownersStore } from '../store/owners';
import { statusStore } from '../store/status';
import { actorName } from '../utils/labels';
import type { Route } from '../utils/route';
import { SectionError } from '../components/SectionError';

/**
 * The page of one category, for an operator in an incident: its switch and
 * why it decides what it decides, its automations, what a pause does, its
 * providers, activity, history, and (managers) its settings.
 *
 * @param props
 * @param props.slug     Category slug.
 * @param props.navigate navigate() of useRoute.
 */
export function CategoryView( {
	slug,
	navigate,
}: {
	slug: string;
	navigate: ( route: Route ) => void;
} ) {
	const { canManage } = useBoot();
	const {
		category,
		statusLoaded,
		statusError,
		config,
		configLoading,
		configError,
		restartOwnerName,
	} = useSelect(
		( select ) => {
			const status = select( statusStore );
			status.getStatus();
			const categories = select( categoriesStore );
			categories.getCategories();
			const found = categories.getCategory( slug );
			const restartId = found?.policy.restart_owner_id ?? null;
			return {
				category: status.getCategoryStatus( slug ),
				statusLoaded: status.hasLoaded(),
				statusError: status.getFetchError(),
				config: found,
				configLoading:
					! categories.hasLoaded() && ! categories.getError(),
				configError: categories.getError(),
				// Only managers load the people list (for the form); others
				// see the restart owner by id when it is not the owner.
				restartOwnerName:
					restartId !== null && canManage
						? select( ownersStore ).getOwnerName( restartId )
						: null,
			};
		},
		[ slug, canManage ]
	);
	const { refreshStatus } = useDispatch( statusStore );

	const back = (
		<RouteLink to={ { view: 'overview' } } navigate={ navigate }>
			{ __( '← All categories', 'sophmate-safe-mode' ) }
		</RouteLink>
	);

	if ( ! category ) {
		let message;
		if ( statusError ) {
			message = (
				<SectionError
					message={ __(
						'The status could not be loaded.',
						'sophmate-safe-mode'
					) }
					error={ statusError }
					onRetry={ () => void refreshStatus() }
				/>
			);
		} else if ( ! statusLoaded ) {
			message = <p>{ __( 'Loading…', 'sophmate-safe-mode' ) }</p>;
		} else {
			message = (
				<p data-testid="category-not-found" role="alert">
					{ sprintf(
						/* translators: %s: category slug from the URL. */
						__(
							'No category “%s” exists on this site.',
							'sophmate-safe-mode'
						),
						slug
					) }
				</p>
			);
		}
		return (
			<div className="sophmate-category" data-testid="category-page">
				<p>{ back }</p>
				{ message }
			</div>
		);
	}

	// Without a config (403 for some pausers) there is nothing to wait for.
	let providerSlugs: string[] | null = configError ? [] : null;
	if ( config ) {
		providerSlugs = config.providers;
	}
	const ownerName = category.owner ? actorName( category.owner ) : null;
	let configErrorMessage: string | null = null;
	if ( configError ) {
		configErrorMessage =
			configError.status === 403
				? __( 'Policy not available.', 'sophmate-safe-mode' )
				: configError.message;
	}

	return (
		<div className="sophmate-category" data-testid="category-page">
			<p>{ back }</p>
			<CategoryHeader category={ category } navigate={ navigate } />
			<div className="sophmate-category__columns">
				<CategoryPolicy
					policy={ config?.policy ?? null }
					people={ {
						// The status names the owner for everyone; the people
						// list (managers only) names anyone else.
						restartOwner:
							config?.policy.restart_owner_id ===
								category.owner?.id && ownerName !== null
								? ownerName
								: restartOwnerName,
						owner: ownerName,
					} }
					loading={ configLoading }
					error={ configErrorMessage }
				/>
				<CategoryProviders slugs={ providerSlugs } />
			</div>
			<CategoryAutomations slug={ slug } navigate={ navigate } />
			<BreakersPanel slug={ slug } />
			<DrillPanel slug={ slug } />
			<ReviewCadencePanel slug={ slug } navigate={ navigate } />
			<CategoryCharts category={ slug } />
			{ /* One column: the runs table needs the width to stay readable. */ }
			<div>
				<section
					className="sophmate-category__section"
					aria-labelledby="sophmate-category-runs-title"
				>
					<h2 id="sophmate-category-runs-title">
						{ __( 'Recent runs', 'sophmate-safe-mode' ) }
					</h2>
					<RecentRuns
						category={ slug }
						limit={ 10 }
						navigate={ navigate }
					/>
				</section>
				<section
					className="sophmate-category__section"
					aria-labelledby="sophmate-category-audit-title"
				>
					<h2 id="sophmate-category-audit-title">
						{ __( 'Audit timeline', 'sophmate-safe-mode' ) }
					</h2>
					<AuditTimeline
						scope={ `category:${ slug }` }
						limit={ 10 }
						navigate={ navigate }
					/>
				</section>
			</div>
			{ canManage && config && (
				// Keyed by the saved config, so a save elsewhere resets the form.
				<CategoryEditForm key={ slug } category={ config } />
			) }
		</div>
	);
}
