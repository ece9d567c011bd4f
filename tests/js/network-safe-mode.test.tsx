import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { statusSchema, type Status } from '../../src/api';
import { SafeModePanel } from '../../src/components/SafeModePanel';
import { statusStore } from '../../src/store/status';
import { apiFetchMock, routeApiFetch } from './support/api-fetch';
import { admin, statusPayload } from './support/fixtures';
import {
	createTestRegistry,
	managerBoot,
	renderWithStores,
} from './support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

/** GET /status on a site of a multisite network while network safe mode is on. */
function networkStatus(): Status {
	return {
		...statusPayload(),
		emergency: { active: true, mode: 'paused', via: 'network' },
		network_safe_mode: {
			mode: 'paused',
			reason: 'Provider key leaked',
			actor: admin,
			source: 'cli',
			since: '2026-11-26T05:00:00Z',
			state_error: null,
		},
	};
}

describe( 'network safe mode (multisite)', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'parses a status that carries network safe mode, and one without it (single site)', () => {
		expect( statusSchema.safeParse( networkStatus() ).success ).toBe(
			true
		);
		expect( statusSchema.safeParse( statusPayload() ).success ).toBe(
			true
		);
		const bad = {
			...networkStatus(),
			emergency: { active: true, mode: 'paused', via: 'cluster' },
		};
		expect( statusSchema.safeParse( bad ).success ).toBe( false );
	} );

	it( 'says network safe mode is on and that only a network administrator lifts it', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/status': () => networkStatus(),
		} );
		const registry = createTestRegistry();
		await registry.resolveSelect( statusStore ).getStatus();
		renderWithStores( <SafeModePanel />, { registry, boot: managerBoot } );

		const panel = screen.getByTestId( 'safe-mode-panel' );
		expect(
			within( panel ).getByText(
				/Network safe mode is on \(Paused\) for every site/
			)
		).toBeTruthy();
		expect(
			within( panel ).queryByText(
				/flag file|SOPHMATE_SAFE_MODE constant/
			)
		).toBeNull();
	} );
} );
