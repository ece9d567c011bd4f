import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import type { CategoryStatus } from '../api';
import { categoriesStore } from '../store/categories';
import { actorName, effectiveLabel, policySummary } from '../utils/labels';
import { StateBadge } from './StateBadge';
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
 * One category: state with who/why/since, effective decision, pause policy
 * and the actions the current user may take.
 *
 * @param props
 * @param props.category Category status from GET /status.
 */
export function CategoryRow( { category }: { category: CategoryStatus } ) {
	const { slug, label, state } = category;
	return (
		<tr
			data-testid={ `category-row-${ slug }` }
			className={ `sophmate-safe-mode__row is-${ state }` }
		>
			<th scope="row">
				<strong>{ label }</strong>
				<br />
				<code>{ slug }</code>
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
			<td className="sophmate-safe-mode__actions">
				<SwitchActions
					target={ { type: 'category', id: slug } }
					label={ label }
					state={ state }
				/>
			</td>
		</tr>
	);
}
