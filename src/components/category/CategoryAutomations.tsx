import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

import { statusStore } from '../../store/status';
import { actorName, kindLabel, modeLabel } from '../../utils/labels';
import type { Route } from '../../utils/route';
import { RouteLink } from '../ConsoleNav';
import { OwnerlessFlag } from '../OwnerlessFlag';
import { StateBadge } from '../StateBadge';

/**
 * The automations of one category with their own switch state (the
 * category's state is in the header).
 *
 * @param props
 * @param props.slug     Category slug.
 * @param props.navigate navigate() of useRoute.
 */
export function CategoryAutomations( {
	slug,
	navigate,
}: {
	slug: string;
	navigate: ( route: Route ) => void;
} ) {
	const automations = useSelect(
		( select ) => select( statusStore ).getCategoryAutomations( slug ),
		[ slug ]
	);

	return (
		<section
			className="sophmate-category__section"
			aria-labelledby="sophmate-category-automations-title"
			data-testid="category-automations"
		>
			<h2 id="sophmate-category-automations-title">
				{ __( 'Automations', 'sophmate-safe-mode' ) }
			</h2>
			{ automations.length === 0 ? (
				<p data-testid="category-automations-empty">
					{ __(
						'No automation belongs to this category yet.',
						'sophmate-safe-mode'
					) }
				</p>
			) : (
				<div className="sophmate-category__scroll">
					<table className="widefat striped sophmate-category__table">
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Automation', 'sophmate-safe-mode' ) }
								</th>
								<th scope="col">
									{ __( 'Kind', 'sophmate-safe-mode' ) }
								</th>
								<th scope="col">
									{ __( 'Mode', 'sophmate-safe-mode' ) }
								</th>
								<th scope="col">
									{ __( 'Owner', 'sophmate-safe-mode' ) }
								</th>
								<th scope="col">
									{ __( 'State', 'sophmate-safe-mode' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ automations.map( ( automation ) => (
								<tr
									key={ automation.id }
									data-testid={ `category-automation-${ automation.id }` }
								>
									<th scope="row">
										<RouteLink
											to={ {
												view: 'automation',
												id: automation.id,
											} }
											navigate={ navigate }
										>
											{ automation.label }
										</RouteLink>
									</th>
									<td>{ kindLabel( automation.kind ) }</td>
									<td>{ modeLabel( automation.mode ) }</td>
									<td>
										{ automation.owner &&
										! automation.ownerless ? (
											actorName( automation.owner )
										) : (
											<OwnerlessFlag />
										) }
									</td>
									<td>
										<StateBadge
											state={ automation.state }
										/>
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			) }
		</section>
	);
}
