import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { StatsWindow } from '../../api/stats';

/**
 * Translated name of a stats window.
 *
 * @param window `24h` or `7d`.
 */
export function windowLabel( window: StatsWindow ): string {
	return window === '7d'
		? __( 'Last 7 days', 'sophmate-safe-mode' )
		: __( 'Last 24 hours', 'sophmate-safe-mode' );
}

/**
 * Two pressed/unpressed buttons choosing the 24 h or 7 d window.
 *
 * @param props
 * @param props.value    Current window.
 * @param props.onChange Called with the chosen window.
 */
export function WindowToggle( {
	value,
	onChange,
}: {
	value: StatsWindow;
	onChange: ( window: StatsWindow ) => void;
} ) {
	return (
		<div
			className="sophmate-chart__window"
			role="group"
			aria-label={ __( 'Time window', 'sophmate-safe-mode' ) }
		>
			{ ( [ '24h', '7d' ] as const ).map( ( window ) => (
				<Button
					key={ window }
					size="compact"
					variant={ value === window ? 'primary' : 'secondary' }
					aria-pressed={ value === window }
					onClick={ () => onChange( window ) }
				>
					{ windowLabel( window ) }
				</Button>
			) ) }
		</div>
	);
}
