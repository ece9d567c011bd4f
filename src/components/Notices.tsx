/**
 * Inline notices: problems that stay true until someone acts (for example a
 * governed cron hook that has no schedule), shown in the page flow and
 * dismissed by hand. Action confirmations are snackbars (Snackbars.tsx);
 * both live in the same `core/notices` context, told apart by type.
 */
import { Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useMemo } from '@wordpress/element';
import { store as noticesStore } from '@wordpress/notices';

import { NOTICE_CONTEXT } from './Snackbars';

/** Adds an inline warning that stays until dismissed. */
export function useInlineWarning(): ( message: string ) => void {
	const { createWarningNotice } = useDispatch( noticesStore );
	return useCallback(
		( message: string ) =>
			void createWarningNotice( message, { context: NOTICE_CONTEXT } ),
		[ createWarningNotice ]
	);
}

/** The inline (non-snackbar) notices of the app, newest first. */
export function NoticeList() {
	const notices = useSelect(
		( select ) => select( noticesStore ).getNotices( NOTICE_CONTEXT ),
		[]
	);
	const { removeNotice } = useDispatch( noticesStore );
	const inline = useMemo(
		() =>
			notices
				.filter( ( notice ) => notice.type !== 'snackbar' )
				.reverse(),
		[ notices ]
	);
	if ( ! inline.length ) {
		return null;
	}
	return (
		<div className="sophmate-safe-mode__notices">
			{ inline.map( ( notice ) => (
				<Notice
					key={ notice.id }
					status={ notice.status }
					onRemove={ () => removeNotice( notice.id, NOTICE_CONTEXT ) }
				>
					{ notice.content }
				</Notice>
			) ) }
		</div>
	);
}
