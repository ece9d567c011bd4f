import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { statusStore } from '../store/status';
import { ModalForm } from './modal/ModalForm';
import { ReasonField } from './modal/fields';
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
