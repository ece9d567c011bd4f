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

import { REASON_MAX_LENGTH, type ApiError } from '../api';
import { statusStore } from '../store/status';
import { useNotices } from './Notices';

interface PauseModalProps {
	slug: string;
	label: string;
	onClose: () => void;
}

/** Asks for a reason (required, ≤ 500 chars) and pauses the category. */
export function PauseModal( { slug, label, onClose }: PauseModalProps ) {
	const { pauseCategory } = useDispatch( statusStore );
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
		const result = await pauseCategory( slug, {
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
						/* translators: %s: category label. */
						__( '%s is paused.', 'sophmate-safe-mode' ),
						label
					)
				: sprintf(
						/* translators: %s: category label. */
						__( '%s was already paused.', 'sophmate-safe-mode' ),
						label
					)
		);
		onClose();
	};

	return (
		<Modal
			title={ sprintf(
				/* translators: %s: category label. */
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
					{ __(
						'Automations in this category stop according to its pause policy until it is restarted after a review.',
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
