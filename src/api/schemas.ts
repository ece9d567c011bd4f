/**
 * zod schemas for every response of the sophmate-safe-mode/v1 REST API.
 *
 * They mirror the PHP route schemas. Objects are non-strict on purpose: the
 * server may add fields without breaking the app (unknown keys are accepted
 * and dropped from the parsed value). Enums, however, are strict: a new state
 * or mode is a contract change the UI has to learn about.
 */
import { z } from 'zod';

/** ISO 8601 date-time with `Z` or an offset, e.g. 2025-11-25T20:51:00+00:00. */
export const isoDateTimeSchema = z.iso.datetime( { offset: true } );

/** A user who acted, or null for the system (breaker, update, constant). */
export const actorSchema = z
	.object( {
		id: z.number().int(),
		login: z.string(),
		name: z.string(),
	} )
	.nullable();

export const switchStateSchema = z.enum( [ 'running', 'paused', 'trial' ] );
export const effectiveSchema = z.enum( [ 'run', 'read_only', 'blocked' ] );
export const safeModeModeSchema = z.enum( [ 'off', 'read_only', 'paused' ] );

export const trialSchema = z.object( {
	automations: z.array( z.string() ),
	max_runs: z.number().int().nullable(),
	read_only: z.boolean(),
	note: z.string(),
	/*
	 * Progress, in GET /status only: the switch in a pause/restart answer is
	 * the stored record, which has no run counts.
	 */
	runs_used: z.number().int().optional(),
	succeeded: z.number().int().optional(),
	failed: z.number().int().optional(),
} );

export const switchSchema = z.object( {
	state: switchStateSchema,
	reason: z.string(),
	actor: actorSchema,
	source: z.string(),
	since: isoDateTimeSchema,
	incident_url: z.string().nullable(),
	trial: trialSchema.nullable(),
	/** Set when a breaker made the pause; absent in records stored before it existed. */
	trip: z
		.object( {
			signal: z.string(),
			value: z.union( [ z.string(), z.number() ] ).nullable(),
			threshold: z.union( [ z.string(), z.number() ] ).nullable(),
		} )
		.nullable()
		.optional(),
} );

export const safeModeSchema = z.object( {
	mode: safeModeModeSchema,
	reason: z.string(),
	actor: actorSchema,
	source: z.string().nullable(),
	since: isoDateTimeSchema.nullable(),
} );

export const emergencySchema = z.object( {
	active: z.boolean(),
	mode: z.enum( [ 'paused', 'read_only' ] ).nullable(),
	// network: network safe mode on a multisite (see network_safe_mode on GET /status).
	via: z.enum( [ 'constant', 'file', 'network' ] ).nullable(),
} );

/** Status of a run as the overview reports it (last run of a category). */
export const lastRunStatusSchema = z.enum( [
	'queued',
	'running',
	'succeeded',
	'failed',
	'skipped',
	'held',
	'cancelled',
	'awaiting_approval',
] );

/** The newest run of a category or an automation. */
export const lastRunSchema = z.object( {
	/** Optional: sites answering before the run id was added omit it. */
	id: z.number().int().positive().optional(),
	status: lastRunStatusSchema,
	started_at: isoDateTimeSchema,
	automation: z.string(),
	failed_step: z.string().nullable().optional(),
} );

/** Amount per unit, e.g. `{ tokens: 1234, USD: 0.12 }`; PHP's `[]` is accepted. */
export const spendByUnitSchema = z.preprocess(
	( value ) => ( Array.isArray( value ) && value.length === 0 ? {} : value ),
	z.record( z.string(), z.number() )
);

export const categoryStatusSchema = z.object( {
	slug: z.string().min( 1 ),
	label: z.string(),
	owner: actorSchema,
	state: switchStateSchema,
	paused: z.boolean(),
	effective: effectiveSchema,
	switch: switchSchema.nullable(),
	/*
	 * At-a-glance history (optional: older servers and fixtures omit them).
	 */
	ownerless: z.boolean().optional(),
	last_run: lastRunSchema.nullable().optional(),
	runs_24h: z.number().int().optional(),
	failed_24h: z.number().int().optional(),
	spend_24h: spendByUnitSchema.optional(),
	/* Review cadence (issue 6): when the review is due, and whether it is now. */
	next_review_at: z.string().nullable().optional(),
	review_overdue: z.boolean().optional(),
} );

export const automationKindSchema = z.enum( [
	'workflow',
	'watcher',
	'agent',
	'playbook',
	'custom_tool',
] );

export const automationModeSchema = z.enum( [ 'draft', 'read_only', 'live' ] );

/** What an automation lacks for its next mode (`readiness` of GET /automations/{id} and /status). */
export const readinessSchema = z.object( {
	mode: automationModeSchema,
	next: z.enum( [ 'read_only', 'live' ] ).nullable(),
	ready: z.boolean(),
	missing: z.array( z.object( { id: z.string(), label: z.string() } ) ),
	read_only_runs: z.object( {
		succeeded: z.number().int(),
		required: z.number().int(),
	} ),
	drill: z
		.object( {
			id: z.number().int(),
			passed: z.boolean(),
			covers: z.boolean(),
			finished_at: isoDateTimeSchema,
			environment: z.string(),
		} )
		.nullable(),
	environment: z.string(),
	mode_from_code: z.boolean(),
} );

/** An ownership gap (`problems` of GET /status). */
export const ownershipProblemSchema = z.object( {
	kind: z.enum( [
		'category_without_owner',
		'owner_deleted',
		'owner_cannot_pause',
		'live_without_owner',
	] ),
	scope: z.string(),
	role: z.enum( [ 'owner', 'backup_owner', 'restart_owner' ] ),
	detail: z.string(),
} );

export const automationStatusSchema = z.object( {
	id: z.string().min( 1 ),
	label: z.string(),
	kind: automationKindSchema,
	category: z.string(),
	owner: actorSchema,
	mode: automationModeSchema,
	state: switchStateSchema,
	paused: z.boolean(),
	effective: effectiveSchema,
	switch: switchSchema.nullable(),
	/** The switch that decided `effective` (`category:SLUG`, `global` …); empty when it runs. */
	decided_by: z.string(),
	reason: z.string(),
	/** No owner is set (optional: older servers omit it). */
	ownerless: z.boolean().optional(),
	last_run: lastRunSchema.nullable().optional(),
	readiness: readinessSchema.optional(),
} );

/** GET /status */
export const statusSchema = z.object( {
	version: z.number().int(),
	safe_mode: safeModeSchema,
	emergency: emergencySchema,
	/** Multisite only: network safe mode, set by a network administrator for every site. */
	network_safe_mode: safeModeSchema
		.extend( { state_error: z.string().nullable().optional() } )
		.optional(),
	categories: z.array( categoryStatusSchema ),
	automations: z.array( automationStatusSchema ),
	problems: z.array( ownershipProblemSchema ).optional(),
} );

export const pausePolicySchema = z.object( {
	running: z.enum( [ 'finish', 'stop_at_checkpoint' ] ),
	queued: z.enum( [ 'hold', 'cancel' ] ),
	scheduled: z.enum( [ 'skip', 'hold' ] ),
	retrying: z.enum( [ 'hold', 'cancel' ] ),
	cleanup_notes: z.string(),
	restart_owner_id: z.number().int().nullable(),
} );

/**
 * PHP's json_encode() turns an empty associative array into `[]`, so an
 * object-valued field may arrive as an empty list.
 */
const phpObjectSchema = z.preprocess(
	( value ) => ( Array.isArray( value ) && value.length === 0 ? {} : value ),
	z.record( z.string(), z.unknown() )
);

export const categoryConfigSchema = z.object( {
	slug: z.string().min( 1 ),
	label: z.string(),
	description: z.string(),
	builtin: z.boolean(),
	owner_id: z.number().int().nullable(),
	backup_owner_id: z.number().int().nullable(),
	policy: pausePolicySchema,
	review_every_days: z.number(),
	providers: z.array( z.string() ),
	notify: z.object( {
		emails: z.array( z.string() ),
		webhooks: z.array( z.string() ),
	} ),
	breakers: phpObjectSchema,
} );

/** GET /categories */
export const categoryConfigListSchema = z.array( categoryConfigSchema );

export const retryPolicySchema = z.object( {
	max_attempts: z.number().int(),
	backoff_seconds: z.number().int(),
} );

/** An item of GET /automations (and GET/PATCH /automations/{id}). */
export const automationConfigSchema = z.object( {
	id: z.string().min( 1 ),
	label: z.string(),
	kind: automationKindSchema,
	category: z.string(),
	owner_id: z.number().int().nullable(),
	owner: actorSchema,
	mode: automationModeSchema,
	cron_hooks: z.array( z.string() ),
	rest_routes: z.array( z.string() ),
	providers: z.array( z.string() ),
	checklist: phpObjectSchema,
	origin: z.enum( [ 'code', 'admin' ] ),
	retry: retryPolicySchema.nullable(),
	state: switchStateSchema,
	effective: effectiveSchema,
	decided_by: z.string(),
	reason: z.string(),
	readiness: readinessSchema.optional(),
} );

/** GET /automations */
export const automationConfigListSchema = z.array( automationConfigSchema );

/** POST /automations (201): the automation plus things worth knowing. */
export const createdAutomationSchema = automationConfigSchema.extend( {
	warnings: z.array( z.string() ),
} );

/** An item of GET /cron-hooks. */
export const cronHookSchema = z.object( {
	hook: z.string().min( 1 ),
	next_run: isoDateTimeSchema,
	/** Recurrence (e.g. `hourly`), null for single events. */
	schedule: z.string().nullable(),
	events: z.number().int(),
	/** Ids of the automations bound to the hook. */
	automations: z.array( z.string() ),
} );

/** GET /cron-hooks */
export const cronHookListSchema = z.array( cronHookSchema );

/** POST /categories/{slug}/pause and /restart */
export const scopeChangeSchema = z.object( {
	changed: z.boolean(),
	scope: z.string(),
	state: switchStateSchema,
	switch: switchSchema.nullable(),
} );

/** POST /categories/{slug}/promote */
export const promoteResponseSchema = z.object( {
	changed: z.boolean(),
	scope: z.string(),
	state: switchStateSchema,
} );

/** PUT /safe-mode */
export const safeModeResponseSchema = z.object( {
	changed: z.boolean(),
	safe_mode: safeModeSchema,
} );

/** PATCH /categories/{slug}: the category as saved, and which fields changed. */
export const updatedCategorySchema = categoryConfigSchema.extend( {
	changed: z.array( z.string() ),
} );

export const providerStatusSchema = z.enum( [
	'operational',
	'degraded',
	'outage',
	'unknown',
] );

/** An item of GET /providers. */
export const providerSchema = z.object( {
	slug: z.string().min( 1 ),
	label: z.string(),
	hosts: z.array( z.string() ),
	status: providerStatusSchema,
	status_url: z.string().nullable().optional(),
	/** When the status was last set or polled; null if never. */
	checked_at: isoDateTimeSchema.nullable(),
	/** Set by hand, or read from `status_url` by the poller. */
	status_source: z.enum( [ 'manual', 'polled' ] ).optional(),
	/** What the status page said, e.g. "Partial System Outage". */
	status_description: z.string().nullable().optional(),
	/** When `status_url` was last fetched, successfully or not. */
	last_polled_at: isoDateTimeSchema.nullable().optional(),
	/** Why the last poll failed; null when it worked. */
	last_error: z.string().nullable().optional(),
	/** What the last successful poll read. */
	polled_status: providerStatusSchema.nullable().optional(),
	/** Categories and automations that name this provider. */
	used_by: z
		.object( {
			categories: z.array( z.string() ),
			automations: z.array( z.string() ),
		} )
		.optional(),
} );

/** GET /providers */
export const providerListSchema = z.array( providerSchema );

/** An item of GET /owners: someone who may be named owner (may pause automation). */
export const ownerSchema = z.object( {
	id: z.number().int().positive(),
	name: z.string(),
} );

/** GET /owners */
export const ownerListSchema = z.array( ownerSchema );

/** The six acknowledgements a restart (or turning safe mode off) needs. */
export const ACKNOWLEDGEMENTS = [
	'run_history',
	'failed_steps',
	'audit_records',
	'pending_approvals',
	'provider_status',
	'affected_records',
] as const;

export const acknowledgementSchema = z.enum( ACKNOWLEDGEMENTS );

/** Server-side limit on a pause reason. */
export const REASON_MAX_LENGTH = 500;

/** Category slugs and automation ids: 1–64 of a-z 0-9 - _, starting with a letter or digit. */
export const IDENTIFIER_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const IDENTIFIER_MAX_LENGTH = 64;

/** Server-side limits of an automation's label and retry policy. */
export const LABEL_MAX_LENGTH = 200;
export const RETRY_MAX_ATTEMPTS = { min: 1, max: 10 } as const;
export const RETRY_BACKOFF_SECONDS = { min: 10, max: 86400 } as const;

export type Actor = z.infer< typeof actorSchema >;
export type SwitchState = z.infer< typeof switchStateSchema >;
export type Effective = z.infer< typeof effectiveSchema >;
export type SafeModeMode = z.infer< typeof safeModeModeSchema >;
export type Trial = z.infer< typeof trialSchema >;
export type Switch = z.infer< typeof switchSchema >;
export type SafeMode = z.infer< typeof safeModeSchema >;
export type Emergency = z.infer< typeof emergencySchema >;
export type CategoryStatus = z.infer< typeof categoryStatusSchema >;
export type LastRun = z.infer< typeof lastRunSchema >;
export type LastRunStatus = z.infer< typeof lastRunStatusSchema >;
export type AutomationKind = z.infer< typeof automationKindSchema >;
export type AutomationMode = z.infer< typeof automationModeSchema >;
export type Readiness = z.infer< typeof readinessSchema >;
export type OwnershipProblem = z.infer< typeof ownershipProblemSchema >;
export type AutomationStatus = z.infer< typeof automationStatusSchema >;
export type RetryPolicy = z.infer< typeof retryPolicySchema >;
export type AutomationConfig = z.infer< typeof automationConfigSchema >;
export type CreatedAutomation = z.infer< typeof createdAutomationSchema >;
export type CronHook = z.infer< typeof cronHookSchema >;
export type Status = z.infer< typeof statusSchema >;
export type PausePolicy = z.infer< typeof pausePolicySchema >;
export type CategoryConfig = z.infer< typeof categoryConfigSchema >;
export type UpdatedCategory = z.infer< typeof updatedCategorySchema >;
export type ProviderStatus = z.infer< typeof providerStatusSchema >;
export type Provider = z.infer< typeof providerSchema >;
export type Owner = z.infer< typeof ownerSchema >;
export type ScopeChange = z.infer< typeof scopeChangeSchema >;
export type PromoteResponse = z.infer< typeof promoteResponseSchema >;
export type SafeModeResponse = z.infer< typeof safeModeResponseSchema >;
export type Acknowledgement = z.infer< typeof acknowledgementSchema >;

/** Request bodies (validated by the server; typed here). */
export interface PauseRequest {
	reason: string;
	incident_url?: string;
}

export interface RestartScope {
	automations?: string[];
	max_runs?: number;
	read_only?: boolean;
}

export interface RestartRequest {
	acknowledged: Acknowledgement[];
	note: string;
	scope?: RestartScope;
	/** Restart although a provider is in outage, and why. */
	override_reason?: string;
	/** `snapshot.hash` of the review the operator read (GET …/review). */
	review_hash?: string;
}

/** A scope with its own switch: a category (by slug) or an automation (by id). */
export interface SwitchTarget {
	type: 'category' | 'automation';
	id: string;
}

/** POST /automations, as the admin app sends it (binding one cron hook). */
export interface CreateAutomationRequest {
	id: string;
	label: string;
	kind: AutomationKind;
	category: string;
	/** User id (or login). */
	owner: number | string;
	mode: AutomationMode;
	cron_hooks: string[];
	retry?: RetryPolicy;
}

export interface SafeModeRequest {
	mode: SafeModeMode;
	reason: string;
	acknowledged?: Acknowledgement[];
	note?: string;
	override_reason?: string;
	review_hash?: string;
}

/** PATCH /categories/{slug}: only the fields sent are changed. */
export interface CategoryUpdate {
	label?: string;
	owner_id?: number | null;
	backup_owner_id?: number | null;
	policy?: Partial< PausePolicy >;
	review_every_days?: number;
	providers?: string[];
	notify?: { emails: string[]; webhooks: string[] };
}
