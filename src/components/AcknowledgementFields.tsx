import { CheckboxControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { ACKNOWLEDGEMENTS, type Acknowledgement } from '../api';
import { acknowledgementLabel } from '../utils/labels';

interface AcknowledgementFieldsProps {
	checked: ReadonlySet< Acknowledgement >;
	onChange: ( next: Set< Acknowledgement > ) => void;
	/** Acknowledgements the server reported missing (highlighted). */
	missing?: readonly string[];
	disabled?: boolean;
}

/** The six restart-review acknowledgements as a labelled group of checkboxes. */
export function AcknowledgementFields( {
	checked,
	onChange,
	missing = [],
	disabled = false,
}: AcknowledgementFieldsProps ) {
	return (
		<fieldset className="sophmate-safe-mode__acks">
			<legend>
				{ __(
					'Confirm the restart review (all six are required)',
					'sophmate-safe-mode'
				) }
			</legend>
			{ ACKNOWLEDGEMENTS.map( ( acknowledgement ) => (
				<CheckboxControl
					key={ acknowledgement }
					className={
						missing.includes( acknowledgement )
							? 'is-missing'
							: undefined
					}
					label={ acknowledgementLabel( acknowledgement ) }
					checked={ checked.has( acknowledgement ) }
					disabled={ disabled }
					onChange={ ( isChecked: boolean ) => {
						const next = new Set( checked );
						if ( isChecked ) {
							next.add( acknowledgement );
						} else {
							next.delete( acknowledgement );
						}
						onChange( next );
					} }
				/>
			) ) }
		</fieldset>
	);
}

/**
 * Whether every acknowledgement is ticked.
 *
 * @param checked Ticked acknowledgements.
 */
export function allAcknowledged(
	checked: ReadonlySet< Acknowledgement >
): boolean {
	return ACKNOWLEDGEMENTS.every( ( acknowledgement ) =>
		checked.has( acknowledgement )
	);
}

/**
 * Ticked acknowledgements in the API's canonical order.
 *
 * @param checked Ticked acknowledgements.
 */
export function acknowledgedList(
	checked: ReadonlySet< Acknowledgement >
): Acknowledgement[] {
	return ACKNOWLEDGEMENTS.filter( ( acknowledgement ) =>
		checked.has( acknowledgement )
	);
}
