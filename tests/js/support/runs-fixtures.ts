import type { AuditEvent, Run } from '../../../src/api';

/** A failed run as GET /runs answers it. */
export function failedRunPayload( overrides: Partial< Run > = {} ): Run {
	return {
		id: 42,
		automation: 'demo-newsletter-playbook',
		category: 'marketing',
		trigger: 'cron',
		status: 'failed',
		started_at: '2026-11-25T20:00:00Z',
		finished_at: '2026-11-25T20:00:05Z',
		read_only: false,
		attempt: 2,
		failed_step: 'send',
		error: 'SMTP refused the message',
		spend: { usd: 0.12 },
		decided_by: 'automation:demo-newsletter-playbook',
		reason: 'Allowed',
		affected_records: [
			{ type: 'post', id: '17', action: 'updated', run_id: 42 },
			{ type: 'order', id: 'A-9', action: 'read', run_id: 42 },
		],
		steps: [
			{ name: 'render', at: '2026-11-25T20:00:01Z' },
			{ name: 'send', at: '2026-11-25T20:00:04Z' },
		],
		...overrides,
	};
}

/** An audit event as GET /audit answers it. */
export function auditEventPayload(
	overrides: Partial< AuditEvent > = {}
): AuditEvent {
	return {
		id: 7,
		created_at: '2026-11-25T21:04:27+00:00',
		action: 'pause',
		scope: 'category:marketing',
		before: 'running',
		after: 'paused',
		reason: 'Newsletter sent twice',
		actor: { id: 1, login: 'admin', name: 'Ada Admin' },
		source: 'admin',
		context: {},
		hash: 'abc123',
		...overrides,
	};
}

/**
 * A raw Response as apiFetch with `parse: false` resolves to.
 *
 * @param body    JSON body (or text).
 * @param headers Response headers.
 */
export function rawResponse(
	body: unknown,
	headers: Record< string, string > = {}
): Response {
	return new Response(
		typeof body === 'string' ? body : JSON.stringify( body ),
		{ status: 200, headers }
	);
}
