import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { SettingsView } from '../../../src/pages/SettingsView';
import { lastBody, routeApiFetch } from '../support/api-fetch';
import { restError } from '../support/fixtures';
import { pauserBoot, renderWithStores, snackbarTexts } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const ENV = 'GET /sophmate-safe-mode/v1/config/environment';
const IMPORT = 'POST /sophmate-safe-mode/v1/config/import';

const doc = {
	format: 'sophmate-safe-mode/config',
	version: 1,
	exported_at: '2026-11-26T02:00:00Z',
	environment: 'staging',
	site: 'https://staging.example.test',
	categories: [],
};

const result = {
	applied: false,
	dry_run: true,
	changes: [
		{
			type: 'category',
			id: 'commerce',
			change: 'changed',
			fields: [
				{
					path: 'policy.running',
					from: 'finish',
					to: 'stop_at_checkpoint',
				},
			],
		},
		{
			type: 'provider',
			id: 'stripe',
			change: 'added',
			fields: [ { path: 'hosts', from: null, to: [ 'api.stripe.com' ] } ],
		},
		{ type: 'settings', id: 'settings', change: 'unchanged', fields: [] },
	],
	changes_hash: 'a'.repeat( 64 ),
	summary: { added: 1, changed: 1, unchanged: 1, skipped: 0, not_in_file: 0 },
	warnings: [ 'automations[0].mode: never raises a mode' ],
	source: {
		environment: 'staging',
		site: 'https://staging.example.test',
		exported_at: '2026-11-26T02:00:00Z',
	},
};

function paste( text: string ) {
	fireEvent.change( screen.getByLabelText( 'Or paste the JSON' ), {
		target: { value: text },
	} );
}

describe( 'Configuration tab', () => {
	beforeEach( () => {
		vi.clearAllMocks();
	} );

	it( 'shows the environment, checks a file, lists the changes and applies after confirming', async () => {
		let applied = false;
		routeApiFetch( {
			[ ENV ]: () => ( {
				environment: 'production',
				site: 'https://shop.example.test',
			} ),
			[ IMPORT ]: ( options ) => {
				const dryRun = ( options.data as { dry_run: boolean } ).dry_run;
				applied = ! dryRun;
				return { ...result, applied: ! dryRun, dry_run: dryRun };
			},
		} );
		renderWithStores( <SettingsView navigate={ () => undefined } /> );
		expect(
			( await screen.findByTestId( 'config-environment' ) ).textContent
		).toContain( 'production' );

		paste( JSON.stringify( doc ) );
		fireEvent.click( screen.getByRole( 'button', { name: 'Check' } ) );
		const diff = await screen.findByTestId( 'config-diff' );
		expect( lastBody( IMPORT ) ).toEqual( { config: doc, dry_run: true } );
		expect( within( diff ).getByText( 'commerce' ) ).toBeTruthy();
		expect( diff.textContent ).toContain(
			'policy.running: finish → stop_at_checkpoint'
		);
		expect( diff.textContent ).toContain( 'hosts: api.stripe.com' );
		expect( diff.textContent ).toContain( '1 unchanged.' );
		expect(
			screen.getAllByText( 'automations[0].mode: never raises a mode' )
				.length
		).toBeGreaterThan( 0 );

		fireEvent.click( screen.getByRole( 'button', { name: 'Apply' } ) );
		const dialog = await screen.findByRole( 'dialog' );
		expect( dialog.textContent ).toContain( 'this production site' );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Apply' } )
		);
		await waitFor( () => expect( applied ).toBe( true ) );
		expect( lastBody( IMPORT ) ).toEqual( {
			config: doc,
			dry_run: false,
			changes_hash: 'a'.repeat( 64 ),
		} );
		await waitFor( () =>
			expect( snackbarTexts().join() ).toContain(
				'Configuration imported: 1 added, 1 changed'
			)
		);
	} );

	it( 'lists every error of a refused file with its path and cannot apply', async () => {
		routeApiFetch( {
			[ ENV ]: () => ( {
				environment: 'staging',
				site: 'https://staging.example.test',
			} ),
			[ IMPORT ]: () => {
				throw restError(
					'sophmate_invalid_config',
					'The configuration has 2 errors; nothing was changed.',
					400,
					{
						errors: [
							{
								path: 'categories[2].policy.running',
								code: 'sophmate_invalid_policy',
								message:
									'policy.running must be one of finish, stop_at_checkpoint.',
							},
							{
								path: 'categories[4].owner',
								code: 'sophmate_unknown_owner',
								message:
									'No user of this site has the login "ghost".',
							},
						],
					}
				);
			},
		} );
		renderWithStores( <SettingsView navigate={ () => undefined } /> );
		await screen.findByTestId( 'config-environment' );
		paste( JSON.stringify( doc ) );
		fireEvent.click( screen.getByRole( 'button', { name: 'Check' } ) );
		const errors = await screen.findByTestId( 'config-errors' );
		expect(
			within( errors )
				.getAllByRole( 'listitem' )
				.map( ( li ) => li.textContent )
		).toEqual( [
			'categories[2].policy.running: policy.running must be one of finish, stop_at_checkpoint.',
			'categories[4].owner: No user of this site has the login "ghost".',
		] );
		expect(
			(
				screen.getByRole( 'button', {
					name: 'Apply',
				} ) as HTMLButtonElement
			 ).disabled
		).toBe( true );
	} );

	it( 'says invalid JSON without calling the server, and is for managers only', async () => {
		routeApiFetch( {
			[ ENV ]: () => ( { environment: 'staging', site: 'x' } ),
		} );
		const { unmount } = renderWithStores(
			<SettingsView navigate={ () => undefined } />
		);
		await screen.findByTestId( 'config-environment' );
		paste( '{not json' );
		fireEvent.click( screen.getByRole( 'button', { name: 'Check' } ) );
		expect(
			( await screen.findAllByText( /This is not valid JSON/ ) ).length
		).toBeGreaterThan( 0 );
		expect( lastBody( IMPORT ) ).toBeUndefined();
		unmount();
		renderWithStores( <SettingsView navigate={ () => undefined } />, {
			boot: pauserBoot,
		} );
		expect(
			screen.getAllByText(
				/needs the "sophmate_manage_automation" capability/
			).length
		).toBeGreaterThan( 0 );
		expect( screen.queryByTestId( 'config-environment' ) ).toBeNull();
	} );
} );
