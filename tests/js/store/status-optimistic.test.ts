import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Status } from '../../../src/api';
import { statusStore } from '../../../src/store/status';
import { initialState, reducer } from '../../../src/store/status/reducer';
import type {
	Intent,
	StatusAction,
	StatusState,
} from '../../../src/store/status/types';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import { restError, statusPayload } from '../support/fixtures';
import { createTestRegistry } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const CATEGORIES = '/sophmate-safe-mode/v1/categories';
const AUTOMATIONS = '/sophmate-safe-mode/v1/automations';

const pauseContent: Intent = {
	kind: 'switch',
	target: { type: 'category', id: 'content' },
	state: 'paused',
};
const pauseRefundSync: Intent = {
	kind: 'switch',
	target: { type: 'automation', id: 'refund-sync' },
	state: 'paused',
};

function run( state: StatusState, ...actions: StatusAction[] ): StatusState {
	return actions.reduce( reducer, state );
}

function loaded( status: Status = statusPayload() ): StatusState {
	return run(
		initialState,
		{ type: 'FETCH_STATUS_START' },
		{ type: 'FETCH_STATUS_SUCCESS', requestId: 1, status }
	);
}

const category = ( state: StatusState, slug: string ) =>
	state.snapshot?.categories.find( ( item ) => item.slug === slug );
const automation = ( state: StatusState, id: string ) =>
	state.snapshot?.automations.find( ( item ) => item.id === id );

describe( 'status reducer: optimistic changes', () => {
	it( 'shows a pause at once: the state flips and the scope is blocked', () => {
		const before = loaded();

		const state = run( before, {
			type: 'OPTIMISTIC_APPLY',
			id: 1,
			intent: pauseContent,
		} );

		expect( category( state, 'content' ) ).toMatchObject( {
			state: 'paused',
			paused: true,
			effective: 'blocked',
		} );
		// The server's snapshot is kept untouched underneath.
		expect( state.confirmed ).toBe( before.confirmed );
		expect( category( before, 'content' )?.state ).toBe( 'running' );
	} );

	it( 'blocks the automations of a paused category, naming the category', () => {
		const state = run( loaded(), {
			type: 'OPTIMISTIC_APPLY',
			id: 1,
			intent: {
				kind: 'switch',
				target: { type: 'category', id: 'commerce' },
				state: 'paused',
			},
		} );

		expect( automation( state, 'refund-sync' ) ).toMatchObject( {
			state: 'running',
			effective: 'blocked',
			decided_by: 'category:commerce',
		} );
	} );

	it( 'never loosens the decision before the server confirms a restart', () => {
		const state = run( loaded(), {
			type: 'OPTIMISTIC_APPLY',
			id: 1,
			intent: {
				kind: 'switch',
				target: { type: 'category', id: 'marketing' },
				state: 'trial',
			},
		} );

		expect( category( state, 'marketing' ) ).toMatchObject( {
			state: 'trial',
			paused: false,
			effective: 'blocked',
		} );
		expect( automation( state, 'newsletter-digest' )?.effective ).toBe(
			'blocked'
		);
	} );

	it( 'applies safe mode to every scope, read-only only tightening', () => {
		const paused = run( loaded(), {
			type: 'OPTIMISTIC_APPLY',
			id: 1,
			intent: { kind: 'safe-mode', mode: 'paused', reason: 'Incident' },
		} );
		const readOnly = run( loaded(), {
			type: 'OPTIMISTIC_APPLY',
			id: 1,
			intent: { kind: 'safe-mode', mode: 'read_only', reason: 'x' },
		} );

		expect( paused.snapshot?.safe_mode ).toMatchObject( {
			mode: 'paused',
			reason: 'Incident',
		} );
		expect(
			paused.snapshot?.automations.map( ( item ) => item.effective )
		).toEqual( [ 'blocked', 'blocked', 'blocked' ] );
		expect( category( readOnly, 'content' )?.effective ).toBe(
			'read_only'
		);
		expect( category( readOnly, 'marketing' )?.effective ).toBe(
			'blocked'
		);
	} );

	it( 'rolls back to the exact previous snapshot', () => {
		const before = loaded();

		const state = run(
			before,
			{ type: 'OPTIMISTIC_APPLY', id: 1, intent: pauseContent },
			{ type: 'OPTIMISTIC_ROLLBACK', id: 1 }
		);

		expect( state.snapshot ).toBe( before.snapshot );
		expect( state.optimistic ).toEqual( [] );
	} );

	it( 'rolling back one of two overlapping changes keeps the other', () => {
		const both = run(
			loaded(),
			{ type: 'OPTIMISTIC_APPLY', id: 1, intent: pauseContent },
			{ type: 'OPTIMISTIC_APPLY', id: 2, intent: pauseRefundSync }
		);

		const state = run( both, { type: 'OPTIMISTIC_ROLLBACK', id: 1 } );

		expect( category( state, 'content' )?.state ).toBe( 'running' );
		expect( automation( state, 'refund-sync' ) ).toMatchObject( {
			state: 'paused',
			effective: 'blocked',
		} );
	} );

	it( 'keeps a settled change until a snapshot requested after it arrives', () => {
		// Request 2 is in flight when the server accepts the pause.
		const settled = run(
			loaded(),
			{ type: 'OPTIMISTIC_APPLY', id: 1, intent: pauseContent },
			{ type: 'FETCH_STATUS_START' },
			{ type: 'OPTIMISTIC_SETTLE', id: 1, intent: pauseContent }
		);
		const stale = run( settled, {
			type: 'FETCH_STATUS_SUCCESS',
			requestId: 2,
			status: statusPayload(),
		} );

		expect( category( stale, 'content' )?.state ).toBe( 'paused' );

		const server = statusPayload();
		const content = server.categories[ 1 ];
		if ( content ) {
			content.state = 'paused';
			content.effective = 'blocked';
		}
		const fresh = run(
			stale,
			{ type: 'FETCH_STATUS_START' },
			{ type: 'FETCH_STATUS_SUCCESS', requestId: 3, status: server }
		);

		expect( fresh.optimistic ).toEqual( [] );
		expect( fresh.snapshot ).toBe( server );
	} );

	it( 'settles on what the server says happened, not on the guess', () => {
		const state = run(
			loaded(),
			{ type: 'OPTIMISTIC_APPLY', id: 1, intent: pauseContent },
			{
				type: 'OPTIMISTIC_SETTLE',
				id: 1,
				intent: { ...pauseContent, state: 'trial' },
			}
		);

		expect( category( state, 'content' )?.state ).toBe( 'trial' );
	} );
} );

/** A request that answers only when the test says so. */
function deferred() {
	let resolve: ( value: unknown ) => void = () => {};
	let reject: ( error: unknown ) => void = () => {};
	const promise = new Promise( ( res, rej ) => {
		resolve = res;
		reject = rej;
	} );
	return { promise, resolve, reject };
}

function serverWith( changes: ( status: Status ) => void ): Status {
	const status = statusPayload();
	changes( status );
	return status;
}

describe( 'status store: optimistic mutations', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'shows the pause while in flight, then reconciles with the server', async () => {
		const pause = deferred();
		let serverPaused = false;
		routeApiFetch( {
			[ STATUS ]: () =>
				serverPaused
					? serverWith( ( status ) => {
							status.categories[ 1 ]!.state = 'paused';
							status.categories[ 1 ]!.paused = true;
							status.categories[ 1 ]!.effective = 'blocked';
						} )
					: statusPayload(),
			[ `POST ${ CATEGORIES }/content/pause` ]: () => pause.promise,
		} );
		const registry = createTestRegistry();
		await registry.resolveSelect( statusStore ).getStatus();

		const promise = registry
			.dispatch( statusStore )
			.pauseCategory( 'content', { reason: 'Bad drafts' } );

		expect(
			registry.select( statusStore ).getCategoryStatus( 'content' )
		).toMatchObject( { state: 'paused', effective: 'blocked' } );

		serverPaused = true;
		pause.resolve( {
			changed: true,
			scope: 'category:content',
			state: 'paused',
			switch: null,
		} );
		const result = await promise;

		expect( result.ok ).toBe( true );
		const select = registry.select( statusStore );
		expect( select.getCategoryStatus( 'content' )?.state ).toBe( 'paused' );
		expect( select.getPendingOperation( 'category:content' ) ).toBeNull();
	} );

	it( 'rolls back to the exact previous snapshot when the server refuses', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ `POST ${ CATEGORIES }/marketing/promote` ]: () => {
				throw restError(
					'sophmate_trial_not_clean',
					'No successful trial run yet.',
					409
				);
			},
		} );
		const registry = createTestRegistry();
		await registry.resolveSelect( statusStore ).getStatus();
		const before = registry.select( statusStore ).getStatus();

		const result = await registry
			.dispatch( statusStore )
			.promoteCategory( 'marketing' );

		expect( result.ok ).toBe( false );
		expect( result.ok ? '' : result.error.message ).toBe(
			'No successful trial run yet.'
		);
		expect( registry.select( statusStore ).getStatus() ).toBe( before );
	} );

	it( 'a failed mutation does not undo another one in flight on a different scope', async () => {
		const contentPause = deferred();
		const refundPause = deferred();
		routeApiFetch( {
			[ STATUS ]: () =>
				serverWith( ( status ) => {
					status.automations[ 1 ]!.state = 'paused';
					status.automations[ 1 ]!.paused = true;
					status.automations[ 1 ]!.effective = 'blocked';
				} ),
			[ `POST ${ CATEGORIES }/content/pause` ]: () =>
				contentPause.promise,
			[ `POST ${ AUTOMATIONS }/refund-sync/pause` ]: () =>
				refundPause.promise,
		} );
		const registry = createTestRegistry();
		registry.dispatch( statusStore ).receiveStatus( 0, statusPayload() );
		const select = () => registry.select( statusStore );

		const first = registry
			.dispatch( statusStore )
			.pauseCategory( 'content', { reason: 'Bad drafts' } );
		const second = registry
			.dispatch( statusStore )
			.pauseAutomation( 'refund-sync', { reason: 'Wrong refunds' } );

		contentPause.reject(
			restError( 'rest_forbidden', 'You may not pause content.', 403 )
		);
		expect( ( await first ).ok ).toBe( false );

		expect( select().getCategoryStatus( 'content' )?.state ).toBe(
			'running'
		);
		expect( select().getAutomationStatus( 'refund-sync' ) ).toMatchObject( {
			state: 'paused',
			effective: 'blocked',
		} );
		expect( select().getPendingOperation( 'automation:refund-sync' ) ).toBe(
			'pause'
		);

		refundPause.resolve( {
			changed: true,
			scope: 'automation:refund-sync',
			state: 'paused',
			switch: null,
		} );
		expect( ( await second ).ok ).toBe( true );
		expect( select().getAutomationStatus( 'refund-sync' )?.state ).toBe(
			'paused'
		);
		expect( select().getCategoryStatus( 'content' )?.state ).toBe(
			'running'
		);
	} );
} );
