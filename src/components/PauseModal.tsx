import {
	Button,
	Modal,
	Notice,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

import { REASON_MAX_LENGTH, type ApiError, type SwitchTarget } from '../api';
import { statusStore } from '../store/status';
import { useNotices } from './Notices';

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
 * @param props.label   Its label (dialog title and notice).
 * @param props.onClose Called after success or on cancel.
 */
export function PauseModal( { target, label, onClose }: PauseModalProps ) {
	const { pauseSwitch } = useDispatch( statusStore );
	const { showNotice } = useNotices();
	const [ reason, setReason ] = useState( '' );
	const [ incidentUrl, setIncidentUrl ] = useState( '' );
	const [ isSubmitting, setIsSubmitting ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );

	const trimmedReason = reason.trim();
	const canSubmit = trimmedReason.length > 0 && ! isSubmitting;

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! canSubmit ) {
			return;
		}
		setIsSubmitting( true );
		setError( null );
		const trimmedUrl = incidentUrl.trim();
		const result = await pauseSwitch( target, {
			reason: trimmedReason,
			...( trimmedUrl ? { incident_url: trimmedUrl } : {} ),
		} );
		setIsSubmitting( false );
		if ( ! result.ok ) {
			setError( result.error );
			return;
		}
		showNotice(
			'success',
			result.value.changed
				? sprintf(
						/* translators: %s: category or automation label. */
						__( '%s is paused.', 'sophmate-safe-mode' ),
						label
					)
				: sprintf(
						/* translators: %s: category or automation label. */
						__( '%s was already paused.', 'sophmate-safe-mode' ),
						label
					)
		);
		onClose();
	};

	return (
		<Modal
			title={ sprintf(
				/* translators: %s: category or automation label. */
				__( 'Pause %s', 'sophmate-safe-mode' ),
				label
			) }
			onRequestClose={ onClose }
			focusOnMount="firstContentElement"
			className="sophmate-safe-mode__modal"
		>
			<form onSubmit={ onSubmit }>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						{ error.message }
					</Notice>
				) }
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
				<TextareaControl
					label={ __( 'Reason', 'sophmate-safe-mode' ) }
					help={ sprintf(
						/* translators: 1: characters used, 2: maximum. */
						__( '%1$d / %2$d characters', 'sophmate-safe-mode' ),
						reason.length,
						REASON_MAX_LENGTH
					) }
					value={ reason }
					onChange={ setReason }
					maxLength={ REASON_MAX_LENGTH }
					required
					rows={ 3 }
				/>
				<TextControl
					label={ __(
						'Incident link (optional)',
						'sophmate-safe-mode'
					) }
					type="url"
					value={ incidentUrl }
					onChange={ setIncidentUrl }
					placeholder="https://"
				/>
				<div className="sophmate-safe-mode__modal-actions">
					<Button variant="tertiary" onClick={ onClose }>
						{ __( 'Cancel', 'sophmate-safe-mode' ) }
					</Button>
					<Button
						variant="primary"
						isDestructive
						type="submit"
						isBusy={ isSubmitting }
						disabled={ ! canSubmit }
					>
						{ __( 'Pause', 'sophmate-safe-mode' ) }
					</Button>
				</div>
			</form>
		</Modal>
	);
}
