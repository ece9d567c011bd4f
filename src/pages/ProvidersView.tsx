import '../components/providers/providers.scss';

import { Button, ExternalLink } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { Provider } from '../api';
import { useBoot } from '../boot';
import { providerStatusLabel } from '../components/category/CategoryProviders';
import { RouteLink } from '../components/ConsoleNav';
import { ProviderDeleteModal } from '../components/providers/ProviderDeleteModal';
import { ProviderEditModal } from '../components/providers/ProviderEditModal';
import { useActionFeedback } from '../components/Snackbars';
import { DataTable, type DataTableColumn } from '../components/table/DataTable';
import { TimeStamp } from '../components/TimeStamp';
import { failureMessage } from '../components/modal/useMutationForm';
import { providersStore } from '../store/providers';
import { statusStore } from '../store/status';
import type { Route } from '../utils/route';

/**
 * Where the status shown comes from, in words.
 *
 * @param provider Provider.
 */
function sourceLabel( provider: Provider ): string {
	if ( provider.status_source === 'polled' ) {
		return __( 'Status page', 'sophmate-safe-mode' );
	}
	if ( provider.status_url && ! provider.polled_status ) {
		return __( 'Status page (not read yet)', 'sophmate-safe-mode' );
	}
	return __( 'Set by hand', 'sophmate-safe-mode' );
}

type Dialog =
	| { kind: 'edit'; provider: Provider | null }
	| { kind: 'delete'; provider: Provider }
	| null;

/**
 * The Providers tab: every external service automation depends on, its
 * status in words (set by hand or polled from its status page), when it was
 * last checked, the last poll's error, and who depends on it. Managers add,
 * edit, check now and delete.
 *
 * @param props
 * @param props.navigate navigate() of useRoute.
 */
export function ProvidersView( {
	navigate,
}: {
	navigate: ( route: Route ) => void;
} ) {
	const { canManage } = useBoot();
	const [ dialog, setDialog ] = useState< Dialog >( null );
	const { providers, loaded, fetching, error, pendingBySlug, categories } =
		useSelect( ( select ) => {
			const store = select( providersStore );
			const status = select( statusStore );
			status.getStatus();
			return {
				providers: store.getProviders(),
				loaded: store.hasLoaded(),
				fetching: store.isFetching(),
				error: store.getError(),
				pendingBySlug: store.getPendingOperations(),
				categories: status.getCategoryStatuses(),
			};
		}, [] );
	const { refreshProviders, checkProvider } = useDispatch( providersStore );
	const { confirm, fail } = useActionFeedback();

	const checkNow = async ( provider: Provider ) => {
		const result = await checkProvider( provider.slug );
		if ( ! result.ok ) {
			fail(
				failureMessage(
					sprintf(
						/* translators: %s: provider name. */
						__( 'Check %s', 'sophmate-safe-mode' ),
						provider.label
					),
					result.error
				)
			);
			return;
		}
		const checked = result.value;
		if ( checked.last_error ) {
			fail(
				sprintf(
					/* translators: 1: provider name, 2: why the poll failed. */
					__(
						'The status page of %1$s could not be read: %2$s',
						'sophmate-safe-mode'
					),
					checked.label,
					checked.last_error
				)
			);
			return;
		}
		confirm(
			sprintf(
				/* translators: 1: provider name, 2: status such as "Outage". */
				__( '%1$s checked: %2$s.', 'sophmate-safe-mode' ),
				checked.label,
				providerStatusLabel( checked.status )
			)
		);
	};

	const columns = useMemo( (): Array< DataTableColumn< Provider > > => {
		const pending = ( slug: string ) => pendingBySlug[ slug ] ?? null;
		// Labels from the status (everyone may read it); the slug until it loads.
		const categoryLabel = ( slug: string ) =>
			categories.find( ( category ) => category.slug === slug )?.label ??
			slug;
		const list: Array< DataTableColumn< Provider > > = [
			{
				id: 'provider',
				header: __( 'Provider', 'sophmate-safe-mode' ),
				cell: ( provider ) => (
					<>
						<strong>{ provider.label }</strong>
						<br />
						<code>{ provider.slug }</code>
					</>
				),
			},
			{
				id: 'hosts',
				header: __( 'Hosts', 'sophmate-safe-mode' ),
				cell: ( provider ) =>
					provider.hosts.length ? (
						<ul className="sophmate-providers__hosts">
							{ provider.hosts.map( ( host ) => (
								<li key={ host }>
									<code>{ host }</code>
								</li>
							) ) }
						</ul>
					) : (
						<span className="sophmate-safe-mode__meta">
							{ __( 'None', 'sophmate-safe-mode' ) }
						</span>
					),
			},
			{
				id: 'status',
				header: __( 'Status', 'sophmate-safe-mode' ),
				cell: ( provider ) => (
					<>
						<span
							className={ `sophmate-providers__status is-${ provider.status }` }
							data-testid={ `provider-status-${ provider.slug }` }
						>
							{ providerStatusLabel( provider.status ) }
						</span>
						{ provider.status_description && (
							<>
								<br />
								<span className="sophmate-safe-mode__meta">
									{ provider.status_description }
								</span>
							</>
						) }
					</>
				),
			},
			{
				id: 'source',
				header: __( 'Source', 'sophmate-safe-mode' ),
				cell: ( provider ) => (
					<>
						{ sourceLabel( provider ) }
						{ provider.status_url && (
							<>
								<br />
								<ExternalLink href={ provider.status_url }>
									{ __( 'status URL', 'sophmate-safe-mode' ) }
								</ExternalLink>
							</>
						) }
					</>
				),
			},
			{
				id: 'checked',
				header: __( 'Last checked', 'sophmate-safe-mode' ),
				cell: ( provider ) => {
					const last = provider.last_polled_at ?? provider.checked_at;
					return last ? (
						<TimeStamp iso={ last } />
					) : (
						<span className="sophmate-safe-mode__meta">
							{ __( 'Never', 'sophmate-safe-mode' ) }
						</span>
					);
				},
			},
			{
				id: 'error',
				header: __( 'Last error', 'sophmate-safe-mode' ),
				cell: ( provider ) =>
					provider.last_error ? (
						<span
							className="sophmate-providers__error"
							data-testid={ `provider-error-${ provider.slug }` }
						>
							{ __( 'Check failed:', 'sophmate-safe-mode' ) }{ ' ' }
							{ provider.last_error }
						</span>
					) : (
						<span className="sophmate-safe-mode__meta">
							{ __( 'None', 'sophmate-safe-mode' ) }
						</span>
					),
			},
			{
				id: 'used_by',
				header: __( 'Used by', 'sophmate-safe-mode' ),
				cell: ( provider ) => {
					const usedIn = provider.used_by?.categories ?? [];
					const automations = provider.used_by?.automations ?? [];
					if ( ! usedIn.length && ! automations.length ) {
						return (
							<span className="sophmate-safe-mode__meta">
								{ __( 'Nothing', 'sophmate-safe-mode' ) }
							</span>
						);
					}
					return (
						<ul className="sophmate-providers__hosts">
							{ usedIn.map( ( slug ) => (
								<li key={ `c-${ slug }` }>
									<RouteLink
										to={ { view: 'category', slug } }
										navigate={ navigate }
									>
										{ categoryLabel( slug ) }
									</RouteLink>
								</li>
							) ) }
							{ automations.map( ( id ) => (
								<li key={ `a-${ id }` }>
									<RouteLink
										to={ { view: 'automation', id } }
										navigate={ navigate }
									>
										{ id }
									</RouteLink>
								</li>
							) ) }
						</ul>
					);
				},
			},
		];
		if ( canManage ) {
			list.push( {
				id: 'actions',
				header: __( 'Actions', 'sophmate-safe-mode' ),
				cell: ( provider ) => {
					const busy = pending( provider.slug );
					return (
						<div className="sophmate-providers__actions">
							{ provider.status_url && (
								<Button
									variant="secondary"
									size="compact"
									isBusy={ busy === 'checking' }
									disabled={ busy !== null }
									onClick={ () => void checkNow( provider ) }
									data-testid={ `provider-check-${ provider.slug }` }
									label={ sprintf(
										/* translators: %s: provider name. */
										__(
											'Check %s now',
											'sophmate-safe-mode'
										),
										provider.label
									) }
									showTooltip={ false }
								>
									{ __( 'Check now', 'sophmate-safe-mode' ) }
								</Button>
							) }
							<Button
								variant="tertiary"
								size="compact"
								disabled={ busy !== null }
								onClick={ () =>
									setDialog( { kind: 'edit', provider } )
								}
								label={ sprintf(
									/* translators: %s: provider name. */
									__( 'Edit %s', 'sophmate-safe-mode' ),
									provider.label
								) }
								showTooltip={ false }
							>
								{ __( 'Edit', 'sophmate-safe-mode' ) }
							</Button>
							<Button
								variant="tertiary"
								size="compact"
								isDestructive
								disabled={ busy !== null }
								onClick={ () =>
									setDialog( { kind: 'delete', provider } )
								}
								label={ sprintf(
									/* translators: %s: provider name. */
									__( 'Delete %s', 'sophmate-safe-mode' ),
									provider.label
								) }
								showTooltip={ false }
							>
								{ __( 'Delete', 'sophmate-safe-mode' ) }
							</Button>
						</div>
					);
				},
			} );
		}
		return list;
		// checkNow closes over stable dispatchers and feedback callbacks.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ canManage, pendingBySlug, categories, navigate ] );

	return (
		<div className="sophmate-providers" data-testid="providers-view">
			<div className="sophmate-providers__header">
				<p>
					{ __(
						'External services your automations call. While automation is paused, requests to their hosts are refused; an outage blocks restarts until someone overrides it. Status pages are checked by WP-Cron, never during a page load.',
						'sophmate-safe-mode'
					) }
				</p>
				{ canManage && (
					<Button
						variant="primary"
						onClick={ () =>
							setDialog( { kind: 'edit', provider: null } )
						}
						data-testid="provider-add"
					>
						{ __( 'Add provider', 'sophmate-safe-mode' ) }
					</Button>
				) }
			</div>
			<DataTable
				label={ __( 'Providers', 'sophmate-safe-mode' ) }
				columns={ columns }
				rows={ providers }
				getRowId={ ( provider ) => provider.slug }
				testId="providers-table"
				rowTestId={ ( provider ) => `provider-row-${ provider.slug }` }
				loading={ ! loaded && ! error }
				fetching={ fetching }
				error={ error }
				onRetry={ () => void refreshProviders() }
				errorMessage={ __(
					'The providers could not be loaded.',
					'sophmate-safe-mode'
				) }
				emptyMessage={ __(
					'No providers yet. Add the services your automations call, with their hosts.',
					'sophmate-safe-mode'
				) }
				emptyTestId="providers-empty"
			/>
			{ dialog?.kind === 'edit' && (
				<ProviderEditModal
					provider={ dialog.provider }
					onClose={ () => setDialog( null ) }
				/>
			) }
			{ dialog?.kind === 'delete' && (
				<ProviderDeleteModal
					provider={ dialog.provider }
					onClose={ () => setDialog( null ) }
				/>
			) }
		</div>
	);
}
