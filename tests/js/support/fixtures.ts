/**
 * Real-looking API payloads, shaped like the PHP controllers' responses.
 */
import type {
	AutomationConfig,
	CategoryConfig,
	CreatedAutomation,
	CronHook,
	Status,
} from '../../../src/api';

export const admin = { id: 1, login: 'admin', name: 'Ada Admin' };

export function statusPayload(): Status {
	return {
		version: 7,
		safe_mode: {
			mode: 'off',
			reason: '',
			actor: null,
			source: null,
			since: null,
		},
		emergency: { active: false, mode: null, via: null },
		categories: [
			{
				slug: 'marketing',
				label: 'Marketing',
				owner: admin,
				state: 'paused',
				paused: true,
				effective: 'blocked',
				switch: {
					state: 'paused',
					reason: 'Newsletter went out twice',
					actor: admin,
					source: 'admin',
					since: '2025-11-25T20:51:00+00:00',
					incident_url: 'https://status.example.com/incidents/42',
					trial: null,
				},
			},
			{
				slug: 'content',
				label: 'Content',
				owner: null,
				state: 'running',
				paused: false,
				effective: 'run',
				switch: null,
			},
			{
				slug: 'commerce',
				label: 'Commerce',
				owner: admin,
				state: 'trial',
				paused: false,
				effective: 'read_only',
				switch: {
					state: 'trial',
					reason: 'Restarted after refund bug fix',
					actor: admin,
					source: 'rest',
					since: '2025-11-25T21:00:00Z',
					incident_url: null,
					trial: {
						automations: [ 'refund-sync' ],
						max_runs: 3,
						read_only: true,
						note: 'Checked the ledger',
						runs_used: 1,
					},
				},
			},
		],
		automations: [
			{
				id: 'newsletter-digest',
				label: 'Newsletter digest',
				kind: 'workflow',
				category: 'marketing',
				owner: admin,
				mode: 'live',
				state: 'running',
				paused: false,
				effective: 'blocked',
				switch: null,
				decided_by: 'category:marketing',
				reason: 'Paused (category:marketing): Newsletter went out twice',
			},
			{
				id: 'refund-sync',
				label: 'Refund sync',
				kind: 'watcher',
				category: 'commerce',
				owner: null,
				mode: 'read_only',
				state: 'running',
				paused: false,
				effective: 'read_only',
				switch: null,
				decided_by: 'category:commerce',
				reason: 'Trial is read-only',
			},
			{
				id: 'shop_sync',
				label: 'Shop sync',
				kind: 'custom_tool',
				category: 'commerce',
				owner: admin,
				mode: 'live',
				state: 'paused',
				paused: true,
				effective: 'blocked',
				switch: {
					state: 'paused',
					reason: 'Orders imported twice',
					actor: admin,
					source: 'rest',
					since: '2025-11-25T21:10:00+00:00',
					incident_url: null,
					trial: null,
				},
				decided_by: 'automation:shop_sync',
				reason: 'Paused (automation:shop_sync): Orders imported twice',
			},
		],
	};
}

export function categoryConfigPayload(): CategoryConfig[] {
	return [
		{
			slug: 'marketing',
			label: 'Marketing',
			description: 'Newsletters and campaigns',
			builtin: true,
			owner_id: 1,
			backup_owner_id: null,
			policy: {
				running: 'finish',
				queued: 'hold',
				scheduled: 'skip',
				retrying: 'hold',
				cleanup_notes: 'Check the mailing provider for duplicates.',
				restart_owner_id: 1,
			},
			review_every_days: 90,
			providers: [ 'mailchimp' ],
			notify: { emails: [ 'ops@example.com' ], webhooks: [] },
			breakers: {},
		},
		{
			slug: 'content',
			label: 'Content',
			description: 'Publishing',
			builtin: true,
			owner_id: null,
			backup_owner_id: null,
			policy: {
				running: 'stop_at_checkpoint',
				queued: 'cancel',
				scheduled: 'hold',
				retrying: 'hold',
				cleanup_notes: '',
				restart_owner_id: null,
			},
			review_every_days: 30,
			providers: [],
			notify: { emails: [], webhooks: [] },
			breakers: { failures: 3 },
		},
	];
}

/** GET /automations, as AutomationsController answers it (PHP `[]` for an empty checklist). */
export function automationConfigPayload(): AutomationConfig[] {
	return [
		{
			id: 'newsletter-digest',
			label: 'Newsletter digest',
			kind: 'workflow',
			category: 'marketing',
			owner_id: 1,
			owner: admin,
			mode: 'live',
			cron_hooks: [],
			rest_routes: [],
			providers: [ 'mailchimp' ],
			checklist: { trigger: 'Weekly', output: 'Newsletter' },
			origin: 'code',
			retry: null,
			state: 'running',
			effective: 'blocked',
			decided_by: 'category:marketing',
			reason: 'Paused (category:marketing): Newsletter went out twice',
		},
		{
			id: 'shop_sync',
			label: 'Shop sync',
			kind: 'custom_tool',
			category: 'commerce',
			owner_id: 1,
			owner: admin,
			mode: 'live',
			cron_hooks: [ 'shop_hourly_sync' ],
			rest_routes: [],
			providers: [],
			checklist: [] as unknown as Record< string, unknown >,
			origin: 'admin',
			retry: { max_attempts: 3, backoff_seconds: 120 },
			state: 'paused',
			effective: 'blocked',
			decided_by: 'automation:shop_sync',
			reason: 'Paused (automation:shop_sync): Orders imported twice',
		},
	];
}

/** GET /cron-hooks, as CronHooksController answers it (sorted by hook). */
export function cronHooksPayload(): CronHook[] {
	return [
		{
			hook: 'acme_newsletter_send',
			next_run: '2025-11-25T22:00:00Z',
			schedule: 'hourly',
			events: 1,
			automations: [],
		},
		{
			hook: 'Acme\\Report::build',
			next_run: '2025-11-26T03:00:00Z',
			schedule: null,
			events: 2,
			automations: [],
		},
		{
			hook: 'shop_hourly_sync',
			next_run: '2025-11-25T21:30:00Z',
			schedule: 'hourly',
			events: 1,
			automations: [ 'shop_sync' ],
		},
	];
}

/**
 * The 201 body of POST /automations for the given request body.
 *
 * @param body     What was posted.
 * @param warnings The server's warnings.
 */
export function createdAutomationPayload(
	body: Record< string, unknown >,
	warnings: string[] = []
): CreatedAutomation {
	return {
		id: String( body.id ),
		label: String( body.label ),
		kind: 'workflow',
		category: String( body.category ),
		owner_id: 1,
		owner: admin,
		mode: 'live',
		cron_hooks: body.cron_hooks as string[],
		rest_routes: [],
		providers: [],
		checklist: [] as unknown as Record< string, unknown >,
		origin: 'admin',
		retry: null,
		state: 'running',
		effective: 'run',
		decided_by: '',
		reason: '',
		warnings,
	};
}

/** A WordPress REST error body, as apiFetch rejects with it. */
export function restError(
	code: string,
	message: string,
	status: number,
	extra: Record< string, unknown > = {}
) {
	return { code, message, data: { status, ...extra } };
}
