import type { ApiError, AuditEvent, AuditVerification } from '../../api';

export interface AuditState {
	/** The page last asked for (GET /audit), null until loaded. */
	page: { items: AuditEvent[]; total: number; totalPages: number } | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
	/** Result of the last GET /audit/verify. */
	verification: AuditVerification | null;
	isVerifying: boolean;
	verifyError: ApiError | null;
}

export type AuditAction =
	| { type: 'FETCH_AUDIT_START' }
	| {
			type: 'FETCH_AUDIT_SUCCESS';
			requestId: number;
			items: AuditEvent[];
			total: number;
			totalPages: number;
	  }
	| { type: 'FETCH_AUDIT_FAILURE'; requestId: number; error: ApiError }
	| { type: 'VERIFY_AUDIT_START' }
	| { type: 'VERIFY_AUDIT_SUCCESS'; verification: AuditVerification }
	| { type: 'VERIFY_AUDIT_FAILURE'; error: ApiError };
