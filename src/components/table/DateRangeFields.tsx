import { TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * The Since / Until date filters the Runs and Audit log views share; each
 * change applies at once (the other filters wait for Apply).
 *
 * @param props
 * @param props.since    `YYYY-MM-DD` or ''.
 * @param props.until    `YYYY-MM-DD` or ''.
 * @param props.onChange Called with the one bound that changed.
 */
export function DateRangeFields( {
	since,
	until,
	onChange,
}: {
	since: string;
	until: string;
	onChange: ( change: { since: string } | { until: string } ) => void;
} ) {
	return (
		<>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="date"
				label={ __( 'Since', 'sophmate-safe-mode' ) }
				value={ since }
				onChange={ ( value ) => onChange( { since: value } ) }
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="date"
				label={ __( 'Until', 'sophmate-safe-mode' ) }
				value={ until }
				onChange={ ( value ) => onChange( { until: value } ) }
			/>
		</>
	);
}
