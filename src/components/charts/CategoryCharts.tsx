import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { StatsWindow } from '../../api/stats';
import { RunsChart } from './RunsChart';
import { SpendChart } from './SpendChart';
import { WindowToggle } from './WindowToggle';

/**
 * One category's activity: the overview's charts filtered to the category.
 * The stats store keys data by window and category, so this and the overview
 * never overwrite each other's numbers.
 *
 * @param props
 * @param props.category Category slug.
 */
export function CategoryCharts( { category }: { category: string } ) {
	const [ window, setWindow ] = useState< StatsWindow >( '24h' );
	return (
		<section
			className="sophmate-safe-mode__activity"
			aria-labelledby="sophmate-category-activity-title"
			data-testid="category-charts"
		>
			<div className="sophmate-chart__header">
				<h2 id="sophmate-category-activity-title">
					{ __( 'Activity', 'sophmate-safe-mode' ) }
				</h2>
				<WindowToggle value={ window } onChange={ setWindow } />
			</div>
			<div className="sophmate-safe-mode__charts">
				<RunsChart window={ window } category={ category } />
				<SpendChart window={ window } category={ category } />
			</div>
		</section>
	);
}
