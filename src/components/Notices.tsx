/**
 * Page-level success/error notices (the app's own, not WordPress admin
 * notices). Kept in React context: they are UI state, not a resource.
 */
import { Notice } from '@wordpress/components';
import {
	createContext,
	useCallback,
	useContext,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import type { ReactNode } from 'react';

export interface PageNotice {
	id: number;
	status: 'success' | 'error' | 'warning' | 'info';
	message: string;
}

interface NoticesApi {
	notices: PageNotice[];
	showNotice: ( status: PageNotice[ 'status' ], message: string ) => void;
	dismissNotice: ( id: number ) => void;
}

const NoticesContext = createContext< NoticesApi | null >( null );

export function NoticesProvider( { children }: { children: ReactNode } ) {
	const [ notices, setNotices ] = useState< PageNotice[] >( [] );
	const nextId = useRef( 1 );

	const showNotice = useCallback(
		( status: PageNotice[ 'status' ], message: string ) => {
			const id = nextId.current++;
			// Newest first, at most five on screen.
			setNotices( ( current ) =>
				[ { id, status, message }, ...current ].slice( 0, 5 )
			);
		},
		[]
	);
	const dismissNotice = useCallback( ( id: number ) => {
		setNotices( ( current ) =>
			current.filter( ( notice ) => notice.id !== id )
		);
	}, [] );

	const value = useMemo(
		() => ( { notices, showNotice, dismissNotice } ),
		[ notices, showNotice, dismissNotice ]
	);
	return (
		<NoticesContext.Provider value={ value }>
			{ children }
		</NoticesContext.Provider>
	);
}

export function useNotices(): NoticesApi {
	const api = useContext( NoticesContext );
	if ( ! api ) {
		throw new Error(
			'useNotices() must be used inside <NoticesProvider>.'
		);
	}
	return api;
}

export function NoticeList() {
	const { notices, dismissNotice } = useNotices();
	if ( ! notices.length ) {
		return null;
	}
	return (
		<div className="sophmate-safe-mode__notices">
			{ notices.map( ( notice ) => (
				<Notice
					key={ notice.id }
					status={ notice.status }
					onRemove={ () => dismissNotice( notice.id ) }
				>
					{ notice.message }
				</Notice>
			) ) }
		</div>
	);
}
