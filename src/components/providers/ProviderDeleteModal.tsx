import { Button, Modal, Notice } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { ApiError, Provider } from '../../api';
import { providersStore } from '../../store/providers';
import { useActionFeedback } from '../Snackbars';
import { failureMessage } from '../modal/useMutationForm';

/**
 * Asks before deleting a provider. While categories or automations still name
 * it, says which and offers no delete (the server would refuse with 409).
 *
 * @param props
 * @param props.provider The provider.
 * @param props.onClose  Closes the dialog.
 */
export function ProviderDeleteModal( {
	provider,
	onClose,
}: {
	provider: Provider;
	onClose: () => void;
} ) {
	const { deleteProvider } = useDispatch( providersStore );
	const { confirm, fail } = useActionFeedback();
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );
	const used = [
		...( provider.used_by?.categories ?? [] ).map( ( slug ) =>
			sprintf(
				/* translators: %s: category slug. */
				__( 'category %s', 'sophmate-safe-mode' ),
				slug
			)
		),
		...( provider.used_by?.automations ?? [] ).map( ( id ) =>
			sprintf(
				/* translators: %s: automation id. */
				__( 'automation %s', 'sophmate-safe-mode' ),
				id
			)
		),
	];

	const onDelete = async () => {
		setBusy( true );
		setError( null );
		const result = await deleteProvider( provider.slug );
		setBusy( false );
		if ( result.ok ) {
			confirm(
				sprintf(
					/* translators: %s: provider name. */
					__( 'Provider %s deleted.', 'sophmate-safe-mode' ),
					provider.label
				)
			);
			onClose();
			return;
		}
		setError( result.error );
		fail(
			failureMessage(
				sprintf(
					/* translators: %s: provider name. */
					__( 'Delete %s', 'sophmate-safe-mode' ),
					provider.label
				),
				result.error
			)
		);
	};

	return (
		<Modal
			title={ sprintf(
				/* translators: %s: provider name. */
				__( 'Delete %s?', 'sophmate-safe-mode' ),
				provider.label
			) }
			onRequestClose={ onClose }
			className="sophmate-safe-mode__modal"
		>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
			{ used.length > 0 ? (
				<p data-testid="provider-delete-in-use">
					{ sprintf(
						/* translators: %s: list such as "category marketing, automation writer". */
						__(
							'It cannot be deleted while %s still name it. Remove it there first.',
							'sophmate-safe-mode'
						),
						used.join( ', ' )
					) }
				</p>
			) : (
				<p>
					{ __(
						'Its hosts will no longer be refused while automation is paused, and its status history stays in the audit log.',
						'sophmate-safe-mode'
					) }
				</p>
			) }
			<div className="sophmate-safe-mode__modal-actions">
				<Button variant="tertiary" onClick={ onClose }>
					{ __( 'Cancel', 'sophmate-safe-mode' ) }
				</Button>
				<Button
					variant="primary"
					isDestructive
					isBusy={ busy }
					disabled={ busy || used.length > 0 }
					onClick={ () => void onDelete() }
				>
					{ __( 'Delete provider', 'sophmate-safe-mode' ) }
				</Button>
			</div>
		</Modal>
	);
}
