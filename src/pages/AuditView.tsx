import { Button, Notice, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { ApiError, AuditEvent, AuditFilters } from '../api';
import { isTripSource, TripBadge } from '../components/breakers';
import { DataTable, type DataTableColumn } from '../components/table/DataTable';
import { DateRangeFields } from '../components/table/DateRangeFields';
import { TimeStamp } from '../components/TimeStamp';
import { auditStore } from '../store/audit';
import { actorName } from '../utils/labels';
import type { Route } from '../utils/route';
import { downloadText } from '../utils/download';

export const AUDIT_PER_PAGE = 50;

const AUDIT_COLUMNS: Array< DataTableColumn< AuditEvent > > = [
	{
		id: 'when',
		header: __( 'When', 'sophmate-safe-mode' ),
		cell: ( event ) => <TimeStamp iso={ event.created_at } />,
	},
	{
		id: 'action',
		header: __( 'Action', 'sophmate-safe-mode' ),
		cell: ( event ) => event.action,
	},
	{
		id: 'scope',
		header: __( 'Scope', 'sophmate-safe-mode' ),
		cell: ( event ) => event.scope,
	},
	{
		id: 'change',
		header: __( 'Change', 'sophmate-safe-mode' ),
		cell: ( event ) => `${ event.before } → ${ event.after }`,
	},
	{
		id: 'who',
		header: __( 'Who', 'sophmate-safe-mode' ),
		cell: ( event ) => `${ actorName( event.actor ) } (${ event.source })`,
	},
	{
		id: 'reason',
		header: __( 'Reason', 'sophmate-safe-mode' ),
		// One element: on phones the cell is a two-column card (label, value).
		cell: ( event ) => (
			<div>
				<TripBadge
					source={ event.source }
					reason={ event.reason }
					context={ event.context }
					testId={ `audit-trip-${ event.id }` }
				/>
				{ event.reason }
			</div>
		),
	},
];

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
	const load = useCallback( () => {
		void loadAudit( {
			scope,
			action,
			since,
			until,
			page,
			perPage: AUDIT_PER_PAGE,
		} );
	}, [ loadAudit, scope, action, since, until, page ] );
	useEffect( load, [ load ] );

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
			downloadText(
				result.value,
				'sophmate-audit.csv',
				'text/csv;charset=utf-8'
			);
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
				<DateRangeFields
					since={ since }
					until={ until }
					onChange={ setFilters }
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

			<DataTable
				label={ __( 'Audit log', 'sophmate-safe-mode' ) }
				columns={ AUDIT_COLUMNS }
				rows={ events }
				getRowId={ ( event ) => String( event.id ) }
				testId="audit-table"
				rowTestId={ ( event ) => `audit-row-${ event.id }` }
				rowClassName={ ( event ) =>
					isTripSource( event.source ) ? 'is-trip' : undefined
				}
				loading={ ! loaded }
				fetching={ fetching }
				error={ error }
				onRetry={ load }
				errorMessage={ __(
					'The audit log could not be loaded.',
					'sophmate-safe-mode'
				) }
				emptyMessage={ __(
					'No audit events match these filters.',
					'sophmate-safe-mode'
				) }
				emptyTestId="audit-empty"
				pagination={ {
					page,
					totalPages,
					total,
					onChange: ( next ) =>
						navigate( { view: 'audit', filters, page: next } ),
				} }
			/>
		</div>
	);
}
