import { __, _n, sprintf } from '@wordpress/i18n';

import type { AutomationConfig } from '../../api';
import { checklistItems } from './checklist';

/**
 * The eight production-checklist items, each done or visibly missing, with
 * a count of what is missing.
 *
 * @param props
 * @param props.config Automation config.
 */
export function ProductionChecklist( {
	config,
}: {
	config: AutomationConfig;
} ) {
	const items = checklistItems( config );
	const missing = items.filter( ( item ) => ! item.done ).length;
	return (
		<>
			<p
				className={ `sophmate-safe-mode__checklist-summary ${
					missing ? 'is-missing' : 'is-complete'
				}` }
				data-testid="automation-checklist-summary"
			>
				{ missing
					? sprintf(
							/* translators: 1: missing items, 2: all items. */
							_n(
								'%1$d of %2$d item missing',
								'%1$d of %2$d items missing',
								missing,
								'sophmate-safe-mode'
							),
							missing,
							items.length
						)
					: sprintf(
							/* translators: %d: number of items. */
							__(
								'All %d items are in place.',
								'sophmate-safe-mode'
							),
							items.length
						) }
			</p>
			<ul className="sophmate-safe-mode__checklist">
				{ items.map( ( item ) => (
					<li
						key={ item.key }
						className={ item.done ? 'is-done' : 'is-missing' }
						data-testid={ `checklist-${ item.key }` }
					>
						<span className="sophmate-safe-mode__checklist-mark">
							{ item.done
								? __( 'Done', 'sophmate-safe-mode' )
								: __( 'Missing', 'sophmate-safe-mode' ) }
						</span>{ ' ' }
						<strong>{ item.label }</strong>
						{ ': ' }
						{ item.text }
					</li>
				) ) }
			</ul>
		</>
	);
}
