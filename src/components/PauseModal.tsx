import { TextControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { SwitchTarget } from '../api';
import { statusStore } from '../store/status';
import { ModalForm } from './modal/ModalForm';
import { ReasonField } from './modal/fields';
import { useMutationForm } from './modal/useMutationForm';

interface PauseModalProps {
	/** The category or automation to pause. */
	target: SwitchTarget;
	label: string;
	onClose: () => void;
}

/**
 * Asks for a reason (required, ≤ 500 chars) and pauses the category or
 * automation.
 *
 * @param props
 * @param props.target  Category or automation.
 * @param props.label   Its label (dialog title and snackbar).
 * @param props.onClose Called after success or on cancel.
 */
export function PauseModal( { target, label, onClose }: PauseModalProps ) {
	const { pauseSwitch } = useDispatch( statusStore );
	const [ reason, setReason ] = useState( '' );
	const [ incidentUrl, setIncidentUrl ] = useState( '' );
	const title = sprintf(
		/* translators: %s: category or automation label. */
		__( 'Pause %s', 'sophmate-safe-mode' ),
		label
	);
	const trimmedReason = reason.trim();
	const trimmedUrl = incidentUrl.trim();

	const form = useMutationForm( {
		isValid: trimmedReason.length > 0,
		run: () =>
			pauseSwitch( target, {
				reason: trimmedReason,
				...( trimmedUrl ? { incident_url: trimmedUrl } : {} ),
			} ),
		confirmation: ( change ) =>
			change.changed
				? sprintf(
						/* translators: %s: category or automation label. */
						__( '%s is paused.', 'sophmate-safe-mode' ),
						label
					)
				: sprintf(
						/* translators: %s: category or automation label. */
						__( '%s was already paused.', 'sophmate-safe-mode' ),
						label
					),
		action: title,
		onDone: onClose,
	} );

	return (
		<ModalForm
			title={ title }
			onClose={ onClose }
			submitLabel={ __( 'Pause', 'sophmate-safe-mode' ) }
			isDestructive
			{ ...form }
		>
			<p>
				{ target.type === 'category'
					? __(
							'Automations in this category stop according to its pause policy until it is restarted after a review.',
							'sophmate-safe-mode'
						)
					: __(
							'This automation stops according to its category’s pause policy until it is restarted after a review. Other automations keep running.',
							'sophmate-safe-mode'
						) }
			</p>
			<ReasonField value={ reason } onChange={ setReason } />
			<TextControl
				label={ __( 'Incident link (optional)', 'sophmate-safe-mode' ) }
				type="url"
				value={ incidentUrl }
				onChange={ setIncidentUrl }
				placeholder="https://"
			/>
		</ModalForm>
	);
}
