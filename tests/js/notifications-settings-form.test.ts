import { describe, expect, it } from 'vitest';

import {
	notificationListSchema,
	notificationSettingsSchema,
	notificationsPath,
	EMPTY_NOTIFICATION_FILTERS,
} from '../../src/api/notifications';
import {
	canRetry,
	deliveryStatusLabel,
	draftFromSettings,
	settingsProblems,
	settingsUpdate,
	splitTargets,
} from '../../src/components/notifications/settings-form';
import { scopeRoute } from '../../src/pages/NotificationsView';
import { initialState, reducer } from '../../src/store/notifications/reducer';

const STORED = {
	emails: [ 'ops@example.test' ],
	webhooks: [ 'https://hooks.example/a' ],
	webhook_secret_set: true,
};

describe( 'notification settings form', () => {
	it( 'splits targets by line and comma and drops blanks', () => {
		expect(
			splitTargets(
				' a@example.test \n\n b@example.test, c@example.test '
			)
		).toEqual( [ 'a@example.test', 'b@example.test', 'c@example.test' ] );
	} );

	it( 'names every bad email, URL and a short secret', () => {
		const problems = settingsProblems( {
			emails: 'ok@example.test\nnot-an-address',
			webhooks: 'https://hooks.example/ok\nftp://hooks.example/x\nnope',
			secret: 'short',
			removeSecret: false,
		} );
		expect( problems ).toHaveLength( 4 );
		expect( problems[ 0 ] ).toContain( 'not-an-address' );
		expect( problems[ 1 ] ).toContain( 'ftp://hooks.example/x' );
		expect( problems[ 2 ] ).toContain( 'nope' );
		expect( problems[ 3 ] ).toContain( '16' );
	} );

	it( 'keeps the stored secret when none is typed (set/replace semantics)', () => {
		const draft = draftFromSettings( STORED );
		expect( draft.secret ).toBe( '' );
		expect( settingsUpdate( draft ) ).toEqual( {
			emails: [ 'ops@example.test' ],
			webhooks: [ 'https://hooks.example/a' ],
		} );
	} );

	it( 'replaces the secret when one is typed and removes it only on request', () => {
		const draft = draftFromSettings( STORED );
		expect(
			settingsUpdate( { ...draft, secret: ' a-new-secret-of-16+ ' } )
				.webhook_secret
		).toBe( 'a-new-secret-of-16+' );
		expect(
			settingsUpdate( { ...draft, removeSecret: true } ).webhook_secret
		).toBe( '' );
		expect( settingsProblems( draft ) ).toEqual( [] );
	} );

	it( 'says every status in words and offers retry only when not delivered', () => {
		expect( deliveryStatusLabel( 'failed' ) ).toBe( 'Failed, gave up' );
		expect( deliveryStatusLabel( 'retrying' ) ).toBe(
			'Failed, will retry'
		);
		expect( canRetry( 'failed' ) ).toBe( true );
		expect( canRetry( 'sent' ) ).toBe( false );
		expect( canRetry( 'sending' ) ).toBe( false );
	} );
} );

describe( 'notifications api and store', () => {
	it( 'builds the list path with only the filters that are set', () => {
		expect(
			notificationsPath( {
				...EMPTY_NOTIFICATION_FILTERS,
				status: 'failed',
				page: 2,
				perPage: 25,
			} )
		).toBe(
			'/sophmate-safe-mode/v1/notifications?status=failed&page=2&per_page=25'
		);
	} );

	it( 'parses what the server sends and never expects the secret', () => {
		expect( notificationSettingsSchema.parse( STORED ) ).toEqual( STORED );
		const [ item ] = notificationListSchema.parse( [
			{
				id: 3,
				created_at: '2026-11-25T10:00:00Z',
				event: 'pause',
				scope: 'category:support',
				channel: 'webhook',
				target: 'https://hooks.example/…',
				subject: '[Shop] Paused: category:support',
				status: 'retrying',
				attempts: 1,
				next_attempt_at: '2026-11-25T10:01:00Z',
				last_error: 'HTTP 500',
				sent_at: null,
			},
		] );
		expect( item?.status ).toBe( 'retrying' );
	} );

	it( 'links a scope to its page', () => {
		expect( scopeRoute( 'category:support' ) ).toEqual( {
			view: 'category',
			slug: 'support',
		} );
		expect( scopeRoute( 'automation:a:b' ) ).toEqual( {
			view: 'automation',
			id: 'a:b',
		} );
		expect( scopeRoute( 'global' ) ).toEqual( { view: 'overview' } );
		expect( scopeRoute( '' ) ).toBeNull();
	} );

	it( 'ignores a superseded page and replaces a retried row in place', () => {
		let state = reducer( initialState, {
			type: 'FETCH_NOTIFICATIONS_START',
		} );
		state = reducer( state, { type: 'FETCH_NOTIFICATIONS_START' } );
		const stale = reducer( state, {
			type: 'FETCH_NOTIFICATIONS_SUCCESS',
			requestId: 1,
			items: [],
			total: 0,
			totalPages: 1,
		} );
		expect( stale.items ).toBeNull();
		const row = notificationListSchema.parse( [
			{
				id: 1,
				created_at: '2026-11-25T10:00:00Z',
				event: 'trip',
				scope: 'global',
				channel: 'email',
				target: 'a@example.test',
				subject: 's',
				status: 'failed',
				attempts: 6,
				next_attempt_at: null,
				last_error: 'x',
				sent_at: null,
			},
		] );
		state = reducer( state, {
			type: 'FETCH_NOTIFICATIONS_SUCCESS',
			requestId: 2,
			items: row,
			total: 1,
			totalPages: 1,
		} );
		state = reducer( state, {
			type: 'RECEIVE_NOTIFICATION',
			item: { ...row[ 0 ]!, status: 'sent', last_error: null },
		} );
		expect( state.items?.[ 0 ]?.status ).toBe( 'sent' );
	} );
} );
