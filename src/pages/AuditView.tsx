import { Button, Notice, Spinner, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { ApiError, AuditFilters } from '../api';
import { Pagination } from '../components/Pagination';
import { TimeStamp } from '../components/TimeStamp';
import { auditStore } from '../store/audit';
import { actorName } from '../utils/labels';
import type { Route } from '../utils/route';

export const AUDIT_PER_PAGE = 50;

/**
 * Offers `text` as a file download.
 *
 * @param text     File contents.
 * @param filename File name.
 */
function downloadText( text: string, filename: string ): void {
	const blob = new Blob( [ text ], { type: 'text/csv;charset=utf-8' } );
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	document.body.appendChild( link );
	link.click();
	link.remove();
	window.setTimeout( () => URL.revokeObjectURL( url ), 1000 );
}

/**
 * The audit log: filterable, server-paginated (GET /audit), with the CSV
 * export of the current filters and the hash-chain check.
 *
 * @param props
 * @param props.filters  Filters from the URL.
 * @param props.page     Page from the URL.
 * @param props.navigate navigate() of useRoute.
 */
export function AuditView( {
	filters,
	page,
	navigate,
}: {
	filters: AuditFilters;
	page: number;
	navigate: ( route: Route ) => void;
} ) {
	const { loadAudit, verifyAudit, exportAuditCsv } =
		useDispatch( auditStore );
	const {
		events,
		total,
		totalPages,
		loaded,
		fetching,
		error,
		verification,
		verifying,
		verifyError,
	} = useSelect( ( select ) => {
		const store = select( auditStore );
		return {
			events: store.getEvents(),
			total: store.getTotal(),
			totalPages: store.getTotalPages(),
			loaded: store.hasLoaded(),
			fetching: store.isFetching(),
			error: store.getError(),
			verification: store.getVerification(),
			verifying: store.isVerifying(),
			verifyError: store.getVerifyError(),
		};
	}, [] );

	const { scope, action, since, until } = filters;
	useEffect( () => {
		void loadAudit( {
			scope,
			action,
			since,
			until,
			page,
			perPage: AUDIT_PER_PAGE,
		} );
	}, [ loadAudit, scope, action, since, until, page ] );

	const [ draft, setDraft ] = useState( { scope, action } );
	useEffect( () => setDraft( { scope, action } ), [ scope, action ] );

	const [ exporting, setExporting ] = useState( false );
	const [ exportError, setExportError ] = useState< ApiError | null >( null );

	const setFilters = ( changes: Partial< AuditFilters > ) =>
		navigate( {
			view: 'audit',
			filters: { ...filters, ...changes },
			page: 1,
		} );

	const exportCsv = async () => {
		setExporting( true );
		setExportError( null );
		const result = await exportAuditCsv( filters );
		setExporting( false );
		if ( result.ok ) {
			downloadText( result.value, 'sophmate-audit.csv' );
		} else {
			setExportError( result.error );
		}
	};

	return (
		<div className="sophmate-safe-mode__audit">
			<form
				className="sophmate-safe-mode__filters"
				aria-label={ __( 'Filter audit events', 'sophmate-safe-mode' ) }
				onSubmit={ ( event ) => {
					event.preventDefault();
					setFilters( {
						scope: draft.scope.trim(),
						action: draft.action.trim(),
					} );
				} }
			>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Scope', 'sophmate-safe-mode' ) }
					help={ __(
						'e.g. category:marketing',
						'sophmate-safe-mode'
					) }
					value={ draft.scope }
					onChange={ ( value ) =>
						setDraft( { ...draft, scope: value } )
					}
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Action', 'sophmate-safe-mode' ) }
					help={ __( 'e.g. pause', 'sophmate-safe-mode' ) }
					value={ draft.action }
					onChange={ ( value ) =>
						setDraft( { ...draft, action: value } )
					}
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="date"
					label={ __( 'Since', 'sophmate-safe-mode' ) }
					value={ since }
					onChange={ ( value ) => setFilters( { since: value } ) }
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="date"
					label={ __( 'Until', 'sophmate-safe-mode' ) }
					value={ until }
					onChange={ ( value ) => setFilters( { until: value } ) }
				/>
				<Button variant="secondary" type="submit">
					{ __( 'Apply', 'sophmate-safe-mode' ) }
				</Button>
			</form>

			<div className="sophmate-safe-mode__audit-actions">
				<Button
					variant="secondary"
					onClick={ () => void exportCsv() }
					isBusy={ exporting }
					disabled={ exporting }
					accessibleWhenDisabled
				>
					{ __( 'Export CSV', 'sophmate-safe-mode' ) }
				</Button>
				<Button
					variant="secondary"
					onClick={ () => void verifyAudit() }
					isBusy={ verifying }
					disabled={ verifying }
					accessibleWhenDisabled
				>
					{ __( 'Verify integrity', 'sophmate-safe-mode' ) }
				</Button>
			</div>
			{ exportError && (
				<Notice status="error" isDismissible={ false }>
					{ __( 'The export failed.', 'sophmate-safe-mode' ) }{ ' ' }
					{ exportError.message }
				</Notice>
			) }
			{ verifyError && (
				<Notice status="error" isDismissible={ false }>
					{ __( 'The check could not run.', 'sophmate-safe-mode' ) }{ ' ' }
					{ verifyError.message }
				</Notice>
			) }
			{ verification && (
				<Notice
					status={ verification.ok ? 'success' : 'error' }
					isDismissible={ false }
				>
					<span data-testid="audit-verification">
						{ verification.ok
							? sprintf(
									/* translators: %d: number of events checked. */
									__(
										'The audit log is intact: %d events checked.',
										'sophmate-safe-mode'
									),
									verification.checked
								)
							: sprintf(
									/* translators: 1: first event id whose hash does not match, 2: number of events checked. */
									__(
										'The audit log was altered: event #%1$s does not match its hash (%2$d events checked).',
										'sophmate-safe-mode'
									),
									String( verification.first_bad_id ?? '?' ),
									verification.checked
								) }
					</span>
				</Notice>
			) }

			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ __(
						'The audit log could not be loaded.',
						'sophmate-safe-mode'
					) }{ ' ' }
					{ error.message }
				</Notice>
			) }
			{ ! loaded && ! error && (
				<p className="sophmate-safe-mode__loading">
					<Spinner />
					{ __( 'Loading…', 'sophmate-safe-mode' ) }
				</p>
			) }
			{ loaded && (
				<>
					{ fetching && <Spinner /> }
					{ events.length === 0 ? (
						<p data-testid="audit-empty">
							{ __(
								'No audit events match these filters.',
								'sophmate-safe-mode'
							) }
						</p>
					) : (
						<table
							className="wp-list-table widefat fixed striped"
							data-testid="audit-table"
						>
							<caption className="screen-reader-text">
								{ __( 'Audit log', 'sophmate-safe-mode' ) }
							</caption>
							<thead>
								<tr>
									<th scope="col">
										{ __( 'When', 'sophmate-safe-mode' ) }
									</th>
									<th scope="col">
										{ __( 'Action', 'sophmate-safe-mode' ) }
									</th>
									<th scope="col">
										{ __( 'Scope', 'sophmate-safe-mode' ) }
									</th>
									<th scope="col">
										{ __( 'Change', 'sophmate-safe-mode' ) }
									</th>
									<th scope="col">
										{ __( 'Who', 'sophmate-safe-mode' ) }
									</th>
									<th scope="col">
										{ __( 'Reason', 'sophmate-safe-mode' ) }
									</th>
								</tr>
							</thead>
							<tbody>
								{ events.map( ( event ) => (
									<tr
										key={ event.id }
										data-testid={ `audit-row-${ event.id }` }
									>
										<td>
											<TimeStamp
												iso={ event.created_at }
											/>
										</td>
										<td>{ event.action }</td>
										<td>{ event.scope }</td>
										<td>{ `${ event.before } → ${ event.after }` }</td>
										<td>
											{ `${ actorName( event.actor ) } (${ event.source })` }
										</td>
										<td>{ event.reason }</td>
									</tr>
								) ) }
							</tbody>
						</table>
					) }
					<Pagination
						page={ page }
						totalPages={ totalPages }
						total={ total }
						onChange={ ( next ) =>
							navigate( { view: 'audit', filters, page: next } )
						}
					/>
				</>
			) }
		</div>
	);
}
