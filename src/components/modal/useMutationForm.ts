/**
 * Submit handling shared by the dialogs: busy while the status store's
 * mutation runs (its optimistic change is already on screen behind the
 * dialog), then a confirmation snackbar and close, or the server's error in
 * the dialog (kept open so nothing typed is lost) and an error snackbar that
 * outlives it.
 */
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

import type { ApiError } from '../../api';
import type { MutationResult } from '../../store/status';
import { useActionFeedback } from '../Snackbars';

interface MutationFormOptions< T > {
	/** Whether the fields are complete. */
	isValid: boolean;
	/** Starts the mutation. */
	run: () => Promise< MutationResult< T > >;
	/** Confirmation for the snackbar, from the server's answer. */
	confirmation: ( value: T ) => string;
	/** What was attempted, e.g. "Pause Marketing", for the failure snackbar. */
	action: string;
	/** Called after a success (closes the dialog). */
	onDone: () => void;
}

/**
 * The failure text of an action: what failed and the server's reason.
 *
 * @param action What was attempted.
 * @param error  The server's error.
 */
export function failureMessage( action: string, error: ApiError ): string {
	return sprintf(
		/* translators: 1: the action, e.g. "Pause Marketing", 2: the server's error message. */
		__( '%1$s failed: %2$s', 'sophmate-safe-mode' ),
		action,
		error.message
	);
}

/**
 * @param options              Validity, mutation, messages and close handler.
 * @param options.isValid      Whether the fields are complete.
 * @param options.run          Starts the mutation.
 * @param options.confirmation Confirmation text from the server's answer.
 * @param options.action       What is attempted, for the failure text.
 * @param options.onDone       Called after a success.
 */
export function useMutationForm< T >( {
	isValid,
	run,
	confirmation,
	action,
	onDone,
}: MutationFormOptions< T > ) {
	const { confirm, fail } = useActionFeedback();
	const [ isSubmitting, setIsSubmitting ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! isValid || isSubmitting ) {
			return;
		}
		setIsSubmitting( true );
		setError( null );
		const result = await run();
		setIsSubmitting( false );
		if ( ! result.ok ) {
			setError( result.error );
			fail( failureMessage( action, result.error ) );
			return;
		}
		confirm( confirmation( result.value ) );
		onDone();
	};

	return {
		onSubmit,
		error,
		isSubmitting,
		canSubmit: isValid && ! isSubmitting,
	};
}
