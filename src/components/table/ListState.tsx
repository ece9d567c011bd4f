import { Button, Notice, Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

import type { ApiError } from '../../api';

export interface ListStateProps {
	/** True until the first answer for the current list has arrived. */
	loading: boolean;
	/** The last request's error, if it failed. */
	error: ApiError | null;
	/** True when the list has loaded and has no items. */
	empty: boolean;
	/** Shown when the list is empty, e.g. "No runs yet." */
	emptyMessage: string;
	/** Shown before the error's own message, e.g. "The runs could not be loaded." */
	errorMessage: string;
	/** Offered as a "Try again" button next to the error. */
	onRetry?: () => void;
	/** Test id of the empty message. */
	emptyTestId?: string;
	/** The list itself, rendered once there is something to show. */
	children: ReactNode;
}

/**
 * The states every list goes through, in one place so each list says the
 * same thing the same way: loading, failed (with a retry), empty, or the
 * list. A failure after rows were shown keeps the rows under the error, so
 * an operator does not lose what they were reading.
 *
 * @param props Props.
 */
export function ListState( props: ListStateProps ) {
	const {
		loading,
		error,
		empty,
		emptyMessage,
		errorMessage,
		onRetry,
		emptyTestId,
		children,
	} = props;
	const errorNotice = error && (
		<Notice
			status="error"
			isDismissible={ false }
			className="sophmate-safe-mode__list-error"
		>
			{ errorMessage } { error.message }
			{ onRetry && (
				<>
					{ ' ' }
					<Button variant="link" onClick={ onRetry }>
						{ __( 'Try again', 'sophmate-safe-mode' ) }
					</Button>
				</>
			) }
		</Notice>
	);
	if ( loading && ! error ) {
		return (
			<p className="sophmate-safe-mode__loading" role="status">
				<Spinner />
				{ __( 'Loading…', 'sophmate-safe-mode' ) }
			</p>
		);
	}
	if ( loading && error ) {
		return errorNotice;
	}
	return (
		<>
			{ errorNotice }
			{ empty ? (
				<p
					className="sophmate-safe-mode__list-empty"
					data-testid={ emptyTestId }
				>
					{ emptyMessage }
				</p>
			) : (
				children
			) }
		</>
	);
}
