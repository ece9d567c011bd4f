import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { StatsWindow } from '../../api/stats';
import { RunsChart } from './RunsChart';
import { SpendChart } from './SpendChart';
import { WindowToggle } from './WindowToggle';

/** Site-wide activity on the overview: runs per hour and spend per day. */
export function OverviewCharts() {
	const [ window, setWindow ] = useState< StatsWindow >( '24h' );
	return (
		<section
			className="sophmate-safe-mode__activity"
			aria-labelledby="sophmate-safe-mode-activity-title"
		>
			<div className="sophmate-chart__header">
				<h2 id="sophmate-safe-mode-activity-title">
					{ __( 'Activity', 'sophmate-safe-mode' ) }
				</h2>
				<WindowToggle value={ window } onChange={ setWindow } />
			</div>
			<div className="sophmate-safe-mode__charts">
				<RunsChart window={ window } />
				<SpendChart window={ window } />
			</div>
		</section>
	);
}
