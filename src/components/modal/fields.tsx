/** Text fields that several dialogs ask for, with the same wording. */
import { TextareaControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { REASON_MAX_LENGTH } from '../../api';

interface TextFieldProps {
	value: string;
	onChange: ( value: string ) => void;
}

/**
 * The required reason of a pause or of safe mode, with a character count.
 *
 * @param props
 * @param props.value    Current text.
 * @param props.onChange Change handler.
 */
export function ReasonField( { value, onChange }: TextFieldProps ) {
	return (
		<TextareaControl
			label={ __( 'Reason', 'sophmate-safe-mode' ) }
			help={ sprintf(
				/* translators: 1: characters used, 2: maximum. */
				__( '%1$d / %2$d characters', 'sophmate-safe-mode' ),
				value.length,
				REASON_MAX_LENGTH
			) }
			value={ value }
			onChange={ onChange }
			maxLength={ REASON_MAX_LENGTH }
			required
			rows={ 3 }
		/>
	);
}
