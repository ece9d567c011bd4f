/**
 * Action confirmations: brief snackbars at the bottom of the screen, kept in
 * the `core/notices` store (bundled, so it lives in this app's registry).
 *
 * Snackbars are for "this just happened" (a pause, a restart, safe mode, a
 * cron hook governed) and for an action that failed. Problems that stay true
 * until someone acts are inline notices instead (see Notices.tsx).
 */
import { SnackbarList } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useMemo } from '@wordpress/element';
import { store as noticesStore } from '@wordpress/notices';

/** The notices context of this app, apart from anything else on the page. */
export const NOTICE_CONTEXT = 'sophmate-safe-mode';

export interface ActionFeedback {
	/** Confirms an action that succeeded. */
	confirm: ( message: string ) => void;
	/**
	 * Reports an action that failed; it stays until dismissed, because the
	 * operator has to know the change did not happen.
	 */
	fail: ( message: string ) => void;
}

/** Snackbar helpers for components that run actions. */
export function useActionFeedback(): ActionFeedback {
	const { createSuccessNotice, createErrorNotice } =
		useDispatch( noticesStore );
	const confirm = useCallback(
		( message: string ) =>
			void createSuccessNotice( message, {
				type: 'snackbar',
				context: NOTICE_CONTEXT,
			} ),
		[ createSuccessNotice ]
	);
	const fail = useCallback(
		( message: string ) =>
			void createErrorNotice( message, {
				type: 'snackbar',
				context: NOTICE_CONTEXT,
				explicitDismiss: true,
			} ),
		[ createErrorNotice ]
	);
	return useMemo( () => ( { confirm, fail } ), [ confirm, fail ] );
}

/** The snackbar list, mounted once for every view of the console. */
export function Snackbars() {
	const notices = useSelect(
		( select ) => select( noticesStore ).getNotices( NOTICE_CONTEXT ),
		[]
	);
	const { removeNotice } = useDispatch( noticesStore );
	const snackbars = useMemo(
		() => notices.filter( ( notice ) => notice.type === 'snackbar' ),
		[ notices ]
	);
	return (
		<SnackbarList
			// `__notices`: the app's notices region, as e2e specs find it.
			className="sophmate-safe-mode__notices sophmate-safe-mode__snackbars"
			notices={ snackbars }
			onRemove={ ( id ) => removeNotice( id, NOTICE_CONTEXT ) }
		/>
	);
}
