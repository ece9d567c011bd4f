import '../components/notifications/notifications.scss';

import { Button, Notice, SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import {
	EMPTY_NOTIFICATION_FILTERS,
	NOTIFICATION_CHANNELS,
	NOTIFICATION_EVENTS,
	NOTIFICATION_STATUSES,
	type Notification,
	type NotificationFilters,
} from '../api';
import { NotificationSettingsForm } from '../components/notifications/NotificationSettingsForm';
import {
	canRetry,
	channelLabel,
	deliveryStatusLabel,
	notificationEventLabel,
} from '../components/notifications/settings-form';
import { useActionFeedback } from '../components/Snackbars';
import { DataTable, type DataTableColumn } from '../components/table/DataTable';
import { TimeStamp } from '../components/TimeStamp';
import { notificationsStore } from '../store/notifications';
import type { Route } from '../utils/route';

export const NOTIFICATIONS_PER_PAGE = 25;

/**
 * Where a scope's page is: a category, an automation, or the overview for
 * the whole site; null when the delivery has no single scope (a digest).
 *
 * @param scope `global`, `category:SLUG`, `automation:ID` or ''.
 */
export function scopeRoute( scope: string ): Route | null {
	if ( scope === 'global' ) {
		return { view: 'overview' };
	}
	const [ kind, id ] = scope.split( /:(.*)/s );
	if ( kind === 'category' && id ) {
		return { view: 'category', slug: id };
	}
	if ( kind === 'automation' && id ) {
		return { view: 'automation', id };
	}
	return null;
}

/**
 * Notifications: every email and webhook the plugin sent or tried to send
 * (the outbox), with retries, and the site-level targets.
 *
 * @param props
 * @param props.navigate navigate() of useRoute.
 */
export function NotificationsView( {
	navigate,
}: {
	navigate: ( route: Route ) => void;
} ) {
	const { loadNotifications, retryNotification } =
		useDispatch( notificationsStore );
	const { items, total, totalPages, loaded, fetching, error, failedCount } =
		useSelect( ( select ) => {
			const store = select( notificationsStore );
			return {
				items: store.getNotifications(),
				total: store.getTotal(),
				totalPages: store.getTotalPages(),
				loaded: store.hasLoaded(),
				fetching: store.isFetching(),
				error: store.getError(),
				failedCount: store.getFailedCount(),
			};
		}, [] );
	const feedback = useActionFeedback();
	const [ filters, setFilters ] = useState< NotificationFilters >(
		EMPTY_NOTIFICATION_FILTERS
	);
	const [ page, setPage ] = useState( 1 );
	const [ retrying, setRetrying ] = useState< number | null >( null );

	const load = useCallback( () => {
		void loadNotifications( {
			...filters,
			page,
			perPage: NOTIFICATIONS_PER_PAGE,
		} );
	}, [ loadNotifications, filters, page ] );
	useEffect( load, [ load ] );

	const changeFilters = ( changes: Partial< NotificationFilters > ) => {
		setFilters( { ...filters, ...changes } );
		setPage( 1 );
	};

	const columns = useMemo( (): Array< DataTableColumn< Notification > > => {
		const retry = async ( item: Notification ) => {
			setRetrying( item.id );
			const result = await retryNotification( item.id );
			setRetrying( null );
			if ( ! result.ok ) {
				feedback.fail( result.error.message );
			} else if ( result.value.status === 'sent' ) {
				feedback.confirm(
					sprintf(
						/* translators: %s: email address or URL */
						__( 'Delivered to %s.', 'sophmate-safe-mode' ),
						result.value.target
					)
				);
			} else {
				feedback.fail(
					sprintf(
						/* translators: %s: the delivery error */
						__( 'Still failing: %s', 'sophmate-safe-mode' ),
						result.value.last_error ?? ''
					)
				);
			}
		};
		return [
			{
				id: 'time',
				header: __( 'Time', 'sophmate-safe-mode' ),
				cell: ( item ) => <TimeStamp iso={ item.created_at } />,
			},
			{
				id: 'event',
				header: __( 'Event', 'sophmate-safe-mode' ),
				cell: ( item ) => (
					<span title={ item.subject }>
						{ notificationEventLabel( item.event ) }
					</span>
				),
			},
			{
				id: 'scope',
				header: __( 'Scope', 'sophmate-safe-mode' ),
				cell: ( item ) => {
					const target = scopeRoute( item.scope );
					if ( target === null ) {
						return item.scope || '—';
					}
					return (
						<Button
							variant="link"
							onClick={ () => navigate( target ) }
						>
							{ item.scope }
						</Button>
					);
				},
			},
			{
				id: 'channel',
				header: __( 'Channel', 'sophmate-safe-mode' ),
				cell: ( item ) => channelLabel( item.channel ),
			},
			{
				id: 'target',
				header: __( 'Target', 'sophmate-safe-mode' ),
				cell: ( item ) => (
					<span className="sophmate-notifications__break">
						{ item.target }
					</span>
				),
			},
			{
				id: 'status',
				header: __( 'Status', 'sophmate-safe-mode' ),
				cell: ( item ) => (
					<span
						className={ `sophmate-notifications__status is-${ item.status }` }
					>
						{ deliveryStatusLabel( item.status ) }
						{ item.status === 'retrying' &&
							item.next_attempt_at !== null && (
								<>
									{ ' ' }
									{ __( 'at', 'sophmate-safe-mode' ) }{ ' ' }
									<TimeStamp iso={ item.next_attempt_at } />
								</>
							) }
					</span>
				),
			},
			{
				id: 'attempts',
				header: __( 'Attempts', 'sophmate-safe-mode' ),
				cell: ( item ) => String( item.attempts ),
			},
			{
				id: 'error',
				header: __( 'Last error', 'sophmate-safe-mode' ),
				cell: ( item ) => (
					<span className="sophmate-notifications__break">
						{ item.last_error ?? '—' }
					</span>
				),
			},
			{
				id: 'actions',
				header: __( 'Actions', 'sophmate-safe-mode' ),
				cell: ( item ) =>
					canRetry( item.status ) ? (
						<Button
							variant="secondary"
							size="compact"
							isBusy={ retrying === item.id }
							disabled={ retrying !== null }
							onClick={ () => void retry( item ) }
						>
							{ __( 'Retry', 'sophmate-safe-mode' ) }
						</Button>
					) : null,
			},
		];
	}, [ navigate, retryNotification, feedback, retrying ] );

	return (
		<div className="sophmate-safe-mode__notifications">
			{ failedCount !== null && failedCount > 0 && (
				<Notice
					status="error"
					isDismissible={ false }
					actions={ [
						{
							label: __( 'Show failed', 'sophmate-safe-mode' ),
							onClick: () =>
								changeFilters( { status: 'failed' } ),
						},
					] }
				>
					{ sprintf(
						/* translators: %d: number of deliveries */
						_n(
							'%d notification could not be delivered after every retry. Fix the target, then retry it.',
							'%d notifications could not be delivered after every retry. Fix the targets, then retry them.',
							failedCount,
							'sophmate-safe-mode'
						),
						failedCount
					) }
				</Notice>
			) }

			<h2>{ __( 'Deliveries', 'sophmate-safe-mode' ) }</h2>
			<form
				className="sophmate-safe-mode__filters"
				aria-label={ __( 'Filter deliveries', 'sophmate-safe-mode' ) }
				onSubmit={ ( event ) => event.preventDefault() }
			>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Status', 'sophmate-safe-mode' ) }
					value={ filters.status }
					options={ [
						{ value: '', label: __( 'All', 'sophmate-safe-mode' ) },
						...NOTIFICATION_STATUSES.map( ( value ) => ( {
							value,
							label: deliveryStatusLabel( value ),
						} ) ),
					] }
					onChange={ ( value: string ) =>
						changeFilters( {
							status: value as NotificationFilters[ 'status' ],
						} )
					}
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Event', 'sophmate-safe-mode' ) }
					value={ filters.event }
					options={ [
						{ value: '', label: __( 'All', 'sophmate-safe-mode' ) },
						...NOTIFICATION_EVENTS.map( ( value ) => ( {
							value,
							label: notificationEventLabel( value ),
						} ) ),
					] }
					onChange={ ( value: string ) =>
						changeFilters( {
							event: value as NotificationFilters[ 'event' ],
						} )
					}
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Channel', 'sophmate-safe-mode' ) }
					value={ filters.channel }
					options={ [
						{ value: '', label: __( 'All', 'sophmate-safe-mode' ) },
						...NOTIFICATION_CHANNELS.map( ( value ) => ( {
							value,
							label: channelLabel( value ),
						} ) ),
					] }
					onChange={ ( value: string ) =>
						changeFilters( {
							channel: value as NotificationFilters[ 'channel' ],
						} )
					}
				/>
				<Button variant="secondary" onClick={ load }>
					{ __( 'Refresh', 'sophmate-safe-mode' ) }
				</Button>
			</form>

			<DataTable
				label={ __( 'Notification deliveries', 'sophmate-safe-mode' ) }
				columns={ columns }
				rows={ items }
				getRowId={ ( item ) => String( item.id ) }
				testId="notifications-table"
				rowTestId={ ( item ) => `notification-row-${ item.id }` }
				loading={ ! loaded }
				fetching={ fetching }
				error={ error }
				onRetry={ load }
				errorMessage={ __(
					'The deliveries could not be loaded.',
					'sophmate-safe-mode'
				) }
				emptyMessage={ __(
					'No notifications match. Pauses, trips, restarts, promotions, safe mode changes, failed drills and escalations are listed here once they are sent.',
					'sophmate-safe-mode'
				) }
				emptyTestId="notifications-empty"
				pagination={ {
					page,
					totalPages,
					total,
					onChange: setPage,
				} }
			/>

			<h2>{ __( 'Site-level targets', 'sophmate-safe-mode' ) }</h2>
			<NotificationSettingsForm onSent={ load } />
		</div>
	);
}
