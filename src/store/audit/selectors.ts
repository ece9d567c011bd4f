import type { ApiError, AuditEvent, AuditVerification } from '../../api';
import type { AuditState } from './types';

const NONE: AuditEvent[] = [];

/** @param state Store state. */
export function getEvents( state: AuditState ): AuditEvent[] {
	return state.page?.items ?? NONE;
}

/** @param state Store state. */
export function getTotal( state: AuditState ): number {
	return state.page?.total ?? 0;
}

/** @param state Store state. */
export function getTotalPages( state: AuditState ): number {
	return state.page?.totalPages ?? 1;
}

/** @param state Store state. */
export function hasLoaded( state: AuditState ): boolean {
	return state.page !== null;
}

/** @param state Store state. */
export function isFetching( state: AuditState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getError( state: AuditState ): ApiError | null {
	return state.error;
}

/** @param state Store state. */
export function getVerification( state: AuditState ): AuditVerification | null {
	return state.verification;
}

/** @param state Store state. */
export function isVerifying( state: AuditState ): boolean {
	return state.isVerifying;
}

/** @param state Store state. */
export function getVerifyError( state: AuditState ): ApiError | null {
	return state.verifyError;
}

/** @param state Store state. */
export function getLatestRequestId( state: AuditState ): number {
	return state.latestRequestId;
}
