import {
	fetchAudit as apiFetchAudit,
	fetchAuditCsv,
	toApiError,
	verifyAudit as apiVerifyAudit,
	type ApiError,
	type AuditEvent,
	type AuditFilters,
	type AuditQuery,
	type AuditVerification,
	type Page,
} from '../../api';
import type { MutationResult, StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { AuditAction } from './types';

type Thunk< R > = StoreThunk< R, AuditAction, typeof selectors >;

export const fetchAuditStart = (): AuditAction => ( {
	type: 'FETCH_AUDIT_START',
} );

export const receiveAudit = (
	requestId: number,
	page: Page< AuditEvent >
): AuditAction => ( {
	type: 'FETCH_AUDIT_SUCCESS',
	requestId,
	items: page.items,
	total: page.total,
	totalPages: page.totalPages,
} );

export const receiveAuditError = (
	requestId: number,
	error: ApiError
): AuditAction => ( { type: 'FETCH_AUDIT_FAILURE', requestId, error } );

/**
 * Loads one page of GET /audit. Resolves to the page or null (then
 * `getError()`).
 *
 * @param query Filters and page.
 */
export const loadAudit =
	( query: AuditQuery ): Thunk< Page< AuditEvent > | null > =>
	async ( { dispatch, select } ) => {
		dispatch( fetchAuditStart() );
		const requestId = select.getLatestRequestId();
		try {
			const page = await apiFetchAudit( query );
			dispatch( receiveAudit( requestId, page ) );
			return page;
		} catch ( error ) {
			dispatch( receiveAuditError( requestId, toApiError( error ) ) );
			return null;
		}
	};

/** Recomputes the hash chain (GET /audit/verify); never rejects. */
export const verifyAudit =
	(): Thunk< MutationResult< AuditVerification > > =>
	async ( { dispatch } ) => {
		dispatch( { type: 'VERIFY_AUDIT_START' } );
		try {
			const verification = await apiVerifyAudit();
			dispatch( { type: 'VERIFY_AUDIT_SUCCESS', verification } );
			return { ok: true, value: verification };
		} catch ( error ) {
			const apiError = toApiError( error );
			dispatch( { type: 'VERIFY_AUDIT_FAILURE', error: apiError } );
			return { ok: false, error: apiError };
		}
	};

/**
 * The CSV export of the events matching the filters (GET /audit?format=csv);
 * never rejects.
 *
 * @param filters Filters.
 */
export const exportAuditCsv =
	( filters: AuditFilters ): Thunk< MutationResult< string > > =>
	async () => {
		try {
			return { ok: true, value: await fetchAuditCsv( filters ) };
		} catch ( error ) {
			return { ok: false, error: toApiError( error ) };
		}
	};
