import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { missingAcknowledgements, type Acknowledgement } from '../api';
import { statusStore } from '../store/status';
import {
	AcknowledgementFields,
	acknowledgedList,
	allAcknowledged,
} from './AcknowledgementFields';
import { ModalForm } from './modal/ModalForm';
import { ReasonField, ReviewNoteField } from './modal/fields';
import { useMutationForm } from './modal/useMutationForm';

interface SafeModeOnModalProps {
	mode: 'paused' | 'read_only';
	onClose: () => void;
}

/**
 * Turns global safe mode on (or switches its mode); a reason is required.
 *
 * @param props
 * @param props.mode    `paused` or `read_only`.
 * @param props.onClose Called after success or on cancel.
 */
export function SafeModeOnModal( { mode, onClose }: SafeModeOnModalProps ) {
	const { setSafeMode } = useDispatch( statusStore );
	const [ reason, setReason ] = useState( '' );
	const trimmedReason = reason.trim();
	const title =
		mode === 'paused'
			? __( 'Turn on safe mode', 'sophmate-safe-mode' )
			: __( 'Turn on read-only safe mode', 'sophmate-safe-mode' );

	const form = useMutationForm( {
		isValid: trimmedReason.length > 0,
		run: () => setSafeMode( { mode, reason: trimmedReason } ),
		confirmation: () =>
			mode === 'paused'
				? __(
						'Safe mode is on: all automation is paused.',
						'sophmate-safe-mode'
					)
				: __(
						'Read-only safe mode is on: automation may read but not write.',
						'sophmate-safe-mode'
					),
		action: title,
		onDone: onClose,
	} );

	return (
		<ModalForm
			title={ title }
			onClose={ onClose }
			submitLabel={ __( 'Turn on', 'sophmate-safe-mode' ) }
			isDestructive
			{ ...form }
		>
			<p>
				{ mode === 'paused'
					? __(
							'Every automation on this site stops, whatever its category says, until safe mode is turned off after a review.',
							'sophmate-safe-mode'
						)
					: __(
							'Every automation on this site may only read; writes are refused until safe mode is turned off after a review.',
							'sophmate-safe-mode'
						) }
			</p>
			<ReasonField value={ reason } onChange={ setReason } />
		</ModalForm>
	);
}

/**
 * Turns global safe mode off after the six review acknowledgements.
 *
 * @param props
 * @param props.onClose Called after success or on cancel.
 */
export function SafeModeOffModal( { onClose }: { onClose: () => void } ) {
	const { setSafeMode } = useDispatch( statusStore );
	const [ acknowledged, setAcknowledged ] = useState<
		Set< Acknowledgement >
	>( () => new Set() );
	const [ note, setNote ] = useState( '' );
	const title = __( 'Turn off safe mode', 'sophmate-safe-mode' );

	const form = useMutationForm( {
		isValid: allAcknowledged( acknowledged ),
		run: () =>
			setSafeMode( {
				mode: 'off',
				reason: '',
				acknowledged: acknowledgedList( acknowledged ),
				note: note.trim(),
			} ),
		confirmation: () =>
			__(
				'Safe mode is off. Categories and automations follow their own switches again.',
				'sophmate-safe-mode'
			),
		action: title,
		onDone: onClose,
	} );

	return (
		<ModalForm
			title={ title }
			onClose={ onClose }
			submitLabel={ title }
			{ ...form }
		>
			<AcknowledgementFields
				checked={ acknowledged }
				onChange={ setAcknowledged }
				missing={
					form.error ? missingAcknowledgements( form.error ) : []
				}
				disabled={ form.isSubmitting }
			/>
			<ReviewNoteField value={ note } onChange={ setNote } />
		</ModalForm>
	);
}
