import { Button, Modal, Notice, TextareaControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

import {
	REASON_MAX_LENGTH,
	missingAcknowledgements,
	type Acknowledgement,
	type ApiError,
} from '../api';
import { statusStore } from '../store/status';
import {
	AcknowledgementFields,
	acknowledgedList,
	allAcknowledged,
} from './AcknowledgementFields';
import { useNotices } from './Notices';

interface SafeModeOnModalProps {
	mode: 'paused' | 'read_only';
	onClose: () => void;
}

/** Turns global safe mode on (or switches its mode); a reason is required. */
export function SafeModeOnModal( { mode, onClose }: SafeModeOnModalProps ) {
	const { setSafeMode } = useDispatch( statusStore );
	const { showNotice } = useNotices();
	const [ reason, setReason ] = useState( '' );
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
		const result = await setSafeMode( { mode, reason: trimmedReason } );
		setIsSubmitting( false );
		if ( ! result.ok ) {
			setError( result.error );
			return;
		}
		showNotice(
			'success',
			mode === 'paused'
				? __(
						'Safe mode is on: all automation is paused.',
						'sophmate-safe-mode'
					)
				: __(
						'Read-only safe mode is on: automation may read but not write.',
						'sophmate-safe-mode'
					)
		);
		onClose();
	};

	return (
		<Modal
			title={
				mode === 'paused'
					? __( 'Turn on safe mode', 'sophmate-safe-mode' )
					: __( 'Turn on read-only safe mode', 'sophmate-safe-mode' )
			}
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
						{ __( 'Turn on', 'sophmate-safe-mode' ) }
					</Button>
				</div>
			</form>
		</Modal>
	);
}

/** Turns global safe mode off after the six review acknowledgements. */
export function SafeModeOffModal( { onClose }: { onClose: () => void } ) {
	const { setSafeMode } = useDispatch( statusStore );
	const { showNotice } = useNotices();
	const [ acknowledged, setAcknowledged ] = useState<
		Set< Acknowledgement >
	>( () => new Set() );
	const [ note, setNote ] = useState( '' );
	const [ isSubmitting, setIsSubmitting ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );
	const canSubmit = allAcknowledged( acknowledged ) && ! isSubmitting;

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! canSubmit ) {
			return;
		}
		setIsSubmitting( true );
		setError( null );
		const result = await setSafeMode( {
			mode: 'off',
			reason: '',
			acknowledged: acknowledgedList( acknowledged ),
			note: note.trim(),
		} );
		setIsSubmitting( false );
		if ( ! result.ok ) {
			setError( result.error );
			return;
		}
		showNotice(
			'success',
			__(
				'Safe mode is off. Categories and automations follow their own switches again.',
				'sophmate-safe-mode'
			)
		);
		onClose();
	};

	return (
		<Modal
			title={ __( 'Turn off safe mode', 'sophmate-safe-mode' ) }
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
				<AcknowledgementFields
					checked={ acknowledged }
					onChange={ setAcknowledged }
					missing={ error ? missingAcknowledgements( error ) : [] }
					disabled={ isSubmitting }
				/>
				<TextareaControl
					label={ __( 'Note', 'sophmate-safe-mode' ) }
					help={ __(
						'What was reviewed or fixed; kept in the audit log.',
						'sophmate-safe-mode'
					) }
					value={ note }
					onChange={ setNote }
					rows={ 3 }
				/>
				<div className="sophmate-safe-mode__modal-actions">
					<Button variant="tertiary" onClick={ onClose }>
						{ __( 'Cancel', 'sophmate-safe-mode' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						isBusy={ isSubmitting }
						disabled={ ! canSubmit }
					>
						{ __( 'Turn off safe mode', 'sophmate-safe-mode' ) }
					</Button>
				</div>
			</form>
		</Modal>
	);
}
