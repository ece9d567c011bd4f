/**
 * The dialog layout shared by the switch and safe-mode dialogs: the server's
 * error on top, the fields, then Cancel and the submit button.
 */
import { Button, Modal, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { FormEvent, ReactNode } from 'react';

import type { ApiError } from '../../api';

interface ModalFormProps {
	title: string;
	onClose: () => void;
	onSubmit: ( event: FormEvent< HTMLFormElement > ) => void;
	/** The server's refusal of the last attempt, if any. */
	error: ApiError | null;
	submitLabel: string;
	canSubmit: boolean;
	isSubmitting: boolean;
	/** Red submit button, for actions that stop automation. */
	isDestructive?: boolean;
	children: ReactNode;
}

/**
 * @param props
 * @param props.title         Dialog title (its accessible name).
 * @param props.onClose       Cancel, Escape and the close button.
 * @param props.onSubmit      Form submit handler.
 * @param props.error         Error to show above the fields.
 * @param props.submitLabel   Text of the submit button.
 * @param props.canSubmit     Whether the form may be submitted now.
 * @param props.isSubmitting  Whether the request is in flight.
 * @param props.isDestructive Red submit button.
 * @param props.children      The fields.
 */
export function ModalForm( {
	title,
	onClose,
	onSubmit,
	error,
	submitLabel,
	canSubmit,
	isSubmitting,
	isDestructive = false,
	children,
}: ModalFormProps ) {
	return (
		<Modal
			title={ title }
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
				{ children }
				<div className="sophmate-safe-mode__modal-actions">
					<Button variant="tertiary" onClick={ onClose }>
						{ __( 'Cancel', 'sophmate-safe-mode' ) }
					</Button>
					<Button
						variant="primary"
						isDestructive={ isDestructive }
						type="submit"
						isBusy={ isSubmitting }
						disabled={ ! canSubmit }
					>
						{ submitLabel }
					</Button>
				</div>
			</form>
		</Modal>
	);
}
