import { describe, expect, it } from 'vitest';

import type { Switch } from '../../src/api';
import {
	explainRun,
	explainSteps,
	formatSpan,
	recordEditUrl,
	switchStory,
	triggerPhrase,
} from '../../src/utils/explain-run';
import { auditEventPayload, failedRunPayload } from './support/runs-fixtures';

const formatDate = ( iso: string ) => `<${ iso }>`;
const ADMIN = 'https://example.test/wp-admin';
const HOOK = { cron_hooks: [ 'newsletter_send' ], rest_routes: [] };

function succeeded() {
	return failedRunPayload( {
		status: 'succeeded',
		failed_step: null,
		error: null,
		attempt: 1,
	} );
}

describe( 'explainRun', () => {
	it( 'tells a failed cron run: its hook, start, duration, attempt, failed step, spend and records', () => {
		const explanation = explainRun( failedRunPayload(), {
			bindings: HOOK,
			adminUrl: ADMIN,
			formatDate,
		} );

		expect( explanation.sentences ).toEqual( [
			'Started by WP-Cron (hook “newsletter_send”) on <2026-11-25T20:00:00Z>; it took 5 seconds.',
			'This was attempt 2.',
			'It failed at step “send”: SMTP refused the message',
			'It spent 0.12 usd.',
			'It touched 2 records.',
		] );
		expect( explanation.failure ).toEqual( {
			step: 'send',
			error: 'SMTP refused the message',
			text: 'It failed at step “send”: SMTP refused the message',
		} );
	} );

	it( 'links touched posts to their edit screen and leaves unknown types unlinked', () => {
		const { records } = explainRun( failedRunPayload(), {
			adminUrl: ADMIN,
			formatDate,
		} );

		expect( records ).toEqual( [
			{
				type: 'post',
				id: '17',
				action: 'updated',
				label: 'post #17',
				url: 'https://example.test/wp-admin/post.php?post=17&action=edit',
			},
			{
				type: 'order',
				id: 'A-9',
				action: 'read',
				label: 'order #A-9',
				url: null,
			},
		] );
	} );

	it( 'says a successful run succeeded, with no spend and no records', () => {
		const run = { ...succeeded(), spend: {}, affected_records: [] };

		const { sentences, failure } = explainRun( run, { formatDate } );

		expect( failure ).toBeNull();
		expect( sentences ).toEqual( [
			'Started by WP-Cron on <2026-11-25T20:00:00Z>; it took 5 seconds.',
			'It succeeded.',
			'It recorded no spend.',
			'It touched no records.',
		] );
	} );

	it( 'says one record in the singular and read-only runs refused writes', () => {
		const run = {
			...succeeded(),
			read_only: true,
			affected_records: [
				{ type: 'post', id: '3', action: 'read', run_id: 42 },
			],
		};

		const { sentences } = explainRun( run, { formatDate } );

		expect( sentences ).toContain( 'It touched 1 record.' );
		expect( sentences ).toContain(
			'It ran read-only: writes were refused.'
		);
	} );

	it( 'explains a skipped run with the decision that blocked it', () => {
		const run = {
			...succeeded(),
			status: 'skipped' as const,
			decided_by: 'category:marketing',
			reason: 'Paused: newsletter sent twice',
			steps: [],
			finished_at: '2026-11-25T20:00:00Z',
		};

		const { sentences, steps } = explainRun( run, { formatDate } );

		expect( sentences ).toContain(
			'It did not run: Paused: newsletter sent twice (decided by category:marketing).'
		);
		expect( steps ).toEqual( [] );
	} );

	it( 'says why a run was held or cancelled, and that others wait or queue', () => {
		const base = {
			...succeeded(),
			decided_by: '',
			reason: 'Held by the pause policy',
		};
		const outcome = ( status: typeof base.status, reason = base.reason ) =>
			explainRun( { ...base, status, reason }, { formatDate } )
				.sentences[ 1 ];

		expect( outcome( 'held' ) ).toBe(
			'It is held until a restart: Held by the pause policy.'
		);
		expect( outcome( 'cancelled', '' ) ).toBe( 'It was cancelled.' );
		expect( outcome( 'awaiting_approval' ) ).toBe(
			'It is waiting for approval.'
		);
		expect( outcome( 'queued' ) ).toBe( 'It is queued.' );
	} );

	it( 'says a running run has not finished', () => {
		const run = {
			...succeeded(),
			status: 'running' as const,
			finished_at: null,
			trigger: 'manual',
		};

		const { sentences } = explainRun( run, { formatDate } );

		expect( sentences[ 0 ] ).toBe(
			'Started by hand on <2026-11-25T20:00:00Z>; it has not finished.'
		);
		expect( sentences ).toContain( 'It is still running.' );
	} );

	it( 'says a failure without a step or a message', () => {
		const run = failedRunPayload( { failed_step: null, error: null } );

		expect( explainRun( run, { formatDate } ).failure?.text ).toBe(
			'It failed without an error message.'
		);
		expect(
			explainRun( { ...run, error: 'Timeout' }, { formatDate } ).failure
				?.text
		).toBe( 'It failed: Timeout' );
	} );
} );

describe( 'triggerPhrase', () => {
	it( 'names the one hook or route, or all hooks, or the kind of trigger', () => {
		expect(
			triggerPhrase( 'cron', {
				cron_hooks: [ 'a', 'b' ],
				rest_routes: [],
			} )
		).toBe( 'by WP-Cron (one of the hooks a, b)' );
		expect(
			triggerPhrase( 'rest', {
				cron_hooks: [],
				rest_routes: [ '/acme/v1/hook' ],
			} )
		).toBe( 'by a request to /acme/v1/hook' );
		expect( triggerPhrase( 'rest' ) ).toBe( 'by a REST request' );
		expect( triggerPhrase( 'webhook' ) ).toBe( 'by a webhook' );
		expect( triggerPhrase( 'api' ) ).toBe( 'by its own code' );
		expect( triggerPhrase( 'drill' ) ).toBe( 'by “drill”' );
	} );
} );

describe( 'explainSteps', () => {
	it( 'marks the failed step, the steps before it done, with their durations', () => {
		expect( explainSteps( failedRunPayload() ) ).toEqual( [
			{
				name: 'render',
				at: '2026-11-25T20:00:01Z',
				state: 'done',
				duration: '3 seconds',
			},
			{
				name: 'send',
				at: '2026-11-25T20:00:04Z',
				state: 'failed',
				duration: '1 second',
			},
		] );
	} );

	it( 'adds a failed step the run never recorded as started', () => {
		const steps = explainSteps(
			failedRunPayload( { failed_step: 'connect' } )
		);

		expect( steps.map( ( step ) => [ step.name, step.state ] ) ).toEqual( [
			[ 'render', 'done' ],
			[ 'send', 'done' ],
			[ 'connect', 'failed' ],
		] );
	} );

	it( 'marks the last step of a failure without a step name as failed', () => {
		const steps = explainSteps( failedRunPayload( { failed_step: null } ) );

		expect( steps.map( ( step ) => step.state ) ).toEqual( [
			'done',
			'failed',
		] );
	} );

	it( 'marks the last step running, waiting or stopped by the run’s status', () => {
		const base = failedRunPayload( { failed_step: null, error: null } );
		const last = ( status: typeof base.status ) =>
			explainSteps( { ...base, status, finished_at: null } ).at( -1 );

		expect( last( 'running' ) ).toMatchObject( {
			state: 'running',
			duration: null,
		} );
		expect( last( 'awaiting_approval' )?.state ).toBe( 'waiting' );
		expect( last( 'cancelled' )?.state ).toBe( 'stopped' );
		expect( last( 'succeeded' )?.state ).toBe( 'done' );
	} );
} );

describe( 'formatSpan', () => {
	it( 'reads seconds, minutes and hours', () => {
		expect( formatSpan( 1000 ) ).toBe( '1 second' );
		expect( formatSpan( 59_000 ) ).toBe( '59 seconds' );
		expect( formatSpan( 120_000 ) ).toBe( '2 minutes' );
		expect( formatSpan( 125_000 ) ).toBe( '2 minutes 5 seconds' );
		expect( formatSpan( 3_780_000 ) ).toBe( '1 hour 3 minutes' );
		expect( formatSpan( 7_200_000 ) ).toBe( '2 hours' );
		expect( formatSpan( -1 ) ).toBeNull();
		expect( formatSpan( NaN ) ).toBeNull();
	} );
} );

describe( 'recordEditUrl', () => {
	it( 'knows posts, pages, attachments, comments and users with numeric ids', () => {
		const url = ( type: string, id = '5' ) =>
			recordEditUrl( { type, id }, 'https://example.test/wp-admin/' );

		expect( url( 'page' ) ).toBe(
			'https://example.test/wp-admin/post.php?post=5&action=edit'
		);
		expect( url( 'attachment' ) ).toBe(
			'https://example.test/wp-admin/post.php?post=5&action=edit'
		);
		expect( url( 'comment' ) ).toBe(
			'https://example.test/wp-admin/comment.php?action=editcomment&c=5'
		);
		expect( url( 'user' ) ).toBe(
			'https://example.test/wp-admin/user-edit.php?user_id=5'
		);
		expect( url( 'post', 'abc' ) ).toBeNull();
		expect( url( 'option' ) ).toBeNull();
		expect( recordEditUrl( { type: 'post', id: '5' }, '' ) ).toBeNull();
	} );
} );

describe( 'switchStory', () => {
	const SCOPE = 'automation:demo-newsletter-playbook';
	const pause = auditEventPayload( {
		id: 10,
		scope: SCOPE,
		created_at: '2026-11-25T21:00:00+00:00',
		reason: 'Newsletter sent twice',
	} );
	const restart = auditEventPayload( {
		id: 11,
		scope: SCOPE,
		action: 'restart',
		before: 'paused',
		after: 'trial',
		created_at: '2026-11-25T22:00:00+00:00',
		reason: 'Dedup fixed',
		actor: { id: 2, login: 'bo', name: 'Bo Boss' },
	} );
	const trialSwitch: Switch = {
		state: 'trial',
		reason: 'Dedup fixed',
		actor: { id: 2, login: 'bo', name: 'Bo Boss' },
		source: 'admin',
		since: '2026-11-25T22:00:00Z',
		incident_url: null,
		trial: {
			automations: [],
			max_runs: 3,
			read_only: false,
			note: 'Dedup fixed',
			runs_used: 0,
		},
	};

	it( 'tells the latest pause and the restart after it, oldest first, and where it stands', () => {
		const story = switchStory(
			[ restart, pause ],
			{ state: 'trial', switch: trialSwitch },
			formatDate
		);

		expect( story ).toEqual( [
			'Paused by Ada Admin on <2026-11-25T21:00:00+00:00>: Newsletter sent twice',
			'Restarted by Bo Boss on <2026-11-25T22:00:00+00:00>: Dedup fixed',
			'It is on trial now: promote it once a trial run succeeds.',
		] );
	} );

	it( 'leaves out earlier incidents and events that are not switch changes', () => {
		const older = auditEventPayload( {
			id: 3,
			scope: SCOPE,
			created_at: '2026-11-20T08:00:00+00:00',
			reason: 'Old incident',
		} );
		const edited = auditEventPayload( {
			id: 12,
			scope: SCOPE,
			action: 'automation_updated',
			created_at: '2026-11-25T23:00:00+00:00',
		} );
		const promote = auditEventPayload( {
			id: 13,
			scope: SCOPE,
			action: 'promote',
			created_at: '2026-11-25T23:30:00+00:00',
		} );

		const story = switchStory(
			[ older, pause, restart, edited, promote ],
			{ state: 'running', switch: null },
			formatDate
		);

		expect( story ).toEqual( [
			'Paused by Ada Admin on <2026-11-25T21:00:00+00:00>: Newsletter sent twice',
			'Restarted by Bo Boss on <2026-11-25T22:00:00+00:00>: Dedup fixed',
			'Promoted to running by Ada Admin on <2026-11-25T23:30:00+00:00>.',
			'It is running now.',
		] );
	} );

	it( 'names the circuit breaker for a breaker pause without a person', () => {
		const tripped = auditEventPayload( {
			scope: SCOPE,
			actor: null,
			source: 'breaker',
			reason: 'Trial run #42 failed',
		} );

		expect( switchStory( [ tripped ], null, formatDate ) ).toEqual( [
			'Paused by the circuit breaker on <2026-11-25T21:04:27+00:00>: Trial run #42 failed',
		] );
	} );

	it( 'takes the current pause from the switch when the audit does not show it', () => {
		const paused: Switch = {
			...trialSwitch,
			state: 'paused',
			reason: 'Refunds look wrong',
			actor: { id: 3, login: 'cy', name: '' },
			since: '2026-11-26T00:10:00Z',
			trial: null,
		};

		expect(
			switchStory(
				[ pause, restart ],
				{ state: 'paused', switch: paused },
				formatDate
			)
		).toEqual( [
			'Paused by Ada Admin on <2026-11-25T21:00:00+00:00>: Newsletter sent twice',
			'Restarted by Bo Boss on <2026-11-25T22:00:00+00:00>: Dedup fixed',
			'Paused by cy on <2026-11-26T00:10:00Z>: Refunds look wrong',
			'It is paused now.',
		] );
		expect(
			switchStory(
				[],
				{ state: 'trial', switch: trialSwitch },
				formatDate
			)
		).toEqual( [
			'Restarted by Bo Boss on <2026-11-25T22:00:00Z>: Dedup fixed',
			'It is on trial now: promote it once a trial run succeeds.',
		] );
	} );

	it( 'says nothing for an automation that was never paused and runs', () => {
		expect(
			switchStory( [], { state: 'running', switch: null }, formatDate )
		).toEqual( [] );
	} );

	it( 'uses the note a restart keeps in its context when the reason is empty', () => {
		const quiet = { ...restart, reason: '', context: { note: 'Checked' } };

		expect( switchStory( [ pause, quiet ], null, formatDate )[ 1 ] ).toBe(
			'Restarted by Bo Boss on <2026-11-25T22:00:00+00:00>: Checked'
		);
	} );
} );
