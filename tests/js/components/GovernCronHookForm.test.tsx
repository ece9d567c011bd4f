import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { GovernCronHookForm } from '../../../src/components/GovernCronHookForm';
import { statusStore } from '../../../src/store/status';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
	type Routes,
} from '../support/api-fetch';
import {
	automationConfigPayload,
	createdAutomationPayload,
	cronHooksPayload,
	restError,
	statusPayload,
} from '../support/fixtures';
import {
	createTestRegistry,
	pageNoticeTexts,
	snackbarTexts,
	renderWithStores,
} from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const AUTOMATIONS = 'GET /sophmate-safe-mode/v1/automations?per_page=200';
const CRON_HOOKS = 'GET /sophmate-safe-mode/v1/cron-hooks';
const CREATE = 'POST /sophmate-safe-mode/v1/automations';

function route( extra: Routes = {} ) {
	routeApiFetch( {
		[ STATUS ]: () => statusPayload(),
		[ AUTOMATIONS ]: () => automationConfigPayload(),
		[ CRON_HOOKS ]: () => cronHooksPayload(),
		[ CREATE ]: ( options ) =>
			createdAutomationPayload(
				options.data as Record< string, unknown >
			),
		...extra,
	} );
}

async function renderForm() {
	const registry = createTestRegistry();
	await registry.resolveSelect( statusStore ).getStatus();
	renderWithStores( <GovernCronHookForm />, { registry } );
	const form = screen.getByRole( 'form', { name: 'Govern a cron hook' } );
	const field = ( label: string ) =>
		within( form ).getByLabelText( label ) as HTMLInputElement;
	// Wait for GET /cron-hooks to fill the hook list.
	await waitFor( () =>
		expect(
			within( field( 'Cron hook' ) ).getAllByRole( 'option' ).length
		).toBeGreaterThan( 1 )
	);
	return {
		form,
		field,
		submit: within( form ).getByRole( 'button', {
			name: 'Govern this hook',
		} ) as HTMLButtonElement,
	};
}

describe( 'GovernCronHookForm', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		route();
	} );

	it( 'offers only scheduled hooks no automation is bound to, with schedule and next run', async () => {
		const { field } = await renderForm();

		const options = within( field( 'Cron hook' ) )
			.getAllByRole( 'option' )
			.map( ( option ) => option.textContent ?? '' );

		expect( options ).toHaveLength( 3 );
		expect( options[ 0 ] ).toBe( 'Choose a scheduled hook…' );
		expect( options[ 1 ] ).toMatch(
			/^acme_newsletter_send \(hourly, next .+\)$/
		);
		expect( options[ 2 ] ).toMatch(
			/^Acme\\Report::build \(single event, next .+\)$/
		);
	} );

	it( 'keeps Govern this hook disabled until hook, id, label and category are valid', async () => {
		const user = userEvent.setup();
		const { form, field, submit } = await renderForm();

		expect( submit.disabled ).toBe( true );
		await user.selectOptions(
			field( 'Cron hook' ),
			'acme_newsletter_send'
		);
		expect( submit.disabled ).toBe( true );
		await user.selectOptions( field( 'Category' ), 'marketing' );
		expect( submit.disabled ).toBe( false );

		await user.clear( field( 'Label' ) );
		expect( submit.disabled ).toBe( true );
		await user.type( field( 'Label' ), 'Newsletter send' );
		expect( submit.disabled ).toBe( false );

		await user.clear( field( 'Automation id' ) );
		await user.type( field( 'Automation id' ), 'Bad Id' );
		expect( submit.disabled ).toBe( true );
		expect( form.textContent ).toContain( 'Invalid id' );

		await user.clear( field( 'Automation id' ) );
		await user.type( field( 'Automation id' ), 'shop_sync' );
		expect( submit.disabled ).toBe( true );
		expect( form.textContent ).toContain(
			'An automation with this id already exists'
		);

		await user.clear( field( 'Owner' ) );
		await user.clear( field( 'Automation id' ) );
		await user.type( field( 'Automation id' ), 'newsletter_send' );
		expect( submit.disabled ).toBe( true );
		await user.type( field( 'Owner' ), 'jane' );
		expect( submit.disabled ).toBe( false );
	} );

	it( 'prefills id and label from the chosen hook, and keeps what was typed', async () => {
		const user = userEvent.setup();
		const { form, field } = await renderForm();

		await user.selectOptions( field( 'Cron hook' ), 'Acme\\Report::build' );

		expect( field( 'Automation id' ).value ).toBe( 'acme-report-build' );
		expect( field( 'Label' ).value ).toBe( 'Acme Report build' );
		expect( form.textContent ).toContain(
			'Schedule: single event · Next run:'
		);
		expect( form.textContent ).toContain( 'Scheduled events: 2' );

		await user.clear( field( 'Label' ) );
		await user.type( field( 'Label' ), 'Nightly report' );
		await user.selectOptions(
			field( 'Cron hook' ),
			'acme_newsletter_send'
		);

		expect( field( 'Automation id' ).value ).toBe( 'acme_newsletter_send' );
		expect( field( 'Label' ).value ).toBe( 'Nightly report' );
	} );

	it( 'posts the automation bound to the hook, owned by the current user by default, and resets', async () => {
		const user = userEvent.setup();
		const { field, submit } = await renderForm();

		await user.selectOptions(
			field( 'Cron hook' ),
			'acme_newsletter_send'
		);
		await user.selectOptions( field( 'Kind' ), 'playbook' );
		await user.selectOptions( field( 'Category' ), 'marketing' );
		await user.selectOptions( field( 'Mode' ), 'read_only' );
		await user.click( submit );

		await waitFor( () =>
			expect( lastBody( CREATE ) ).toEqual( {
				id: 'acme_newsletter_send',
				label: 'Acme newsletter send',
				kind: 'playbook',
				category: 'marketing',
				owner: 1,
				mode: 'read_only',
				cron_hooks: [ 'acme_newsletter_send' ],
			} )
		);
		await waitFor( () => expect( field( 'Cron hook' ).value ).toBe( '' ) );
		expect( field( 'Automation id' ).value ).toBe( '' );
		expect( field( 'Kind' ).value ).toBe( 'workflow' );
	} );

	it( 'sends a retry policy when asked, within the server’s limits', async () => {
		const user = userEvent.setup();
		const { field, submit } = await renderForm();

		await user.selectOptions(
			field( 'Cron hook' ),
			'acme_newsletter_send'
		);
		await user.selectOptions( field( 'Category' ), 'content' );
		await user.click( field( 'Retry failed runs' ) );
		const attempts = field( 'Max attempts' );
		const backoff = field( 'Backoff (seconds)' );

		await user.clear( attempts );
		await user.type( attempts, '11' );
		expect( submit.disabled ).toBe( true );
		await user.clear( attempts );
		await user.type( attempts, '4' );
		await user.clear( backoff );
		await user.type( backoff, '9' );
		expect( submit.disabled ).toBe( true );
		await user.clear( backoff );
		await user.type( backoff, '120' );
		expect( submit.disabled ).toBe( false );
		await user.click( submit );

		await waitFor( () =>
			expect( lastBody( CREATE ) ).toMatchObject( {
				category: 'content',
				retry: { max_attempts: 4, backoff_seconds: 120 },
			} )
		);
	} );

	it( 'confirms with the server’s warnings and refreshes the status and the cron hooks', async () => {
		route( {
			[ CREATE ]: ( options ) =>
				createdAutomationPayload(
					options.data as Record< string, unknown >,
					[
						'No event of the cron hook "acme_newsletter_send" is scheduled right now; it will be governed once one is.',
					]
				),
		} );
		const user = userEvent.setup();
		const { field, submit } = await renderForm();
		const before = requestedRoutes().length;

		await user.selectOptions(
			field( 'Cron hook' ),
			'acme_newsletter_send'
		);
		await user.selectOptions( field( 'Category' ), 'marketing' );
		await user.click( submit );

		await waitFor( () =>
			expect( snackbarTexts() ).toEqual( [
				'“Acme newsletter send” now governs the cron hook acme_newsletter_send. Pause it from the Automations table.',
			] )
		);
		// The warning describes the binding as it stays: an inline notice.
		expect( pageNoticeTexts() ).toEqual( [
			'No event of the cron hook "acme_newsletter_send" is scheduled right now; it will be governed once one is.',
		] );
		const after = requestedRoutes().slice( before );
		expect( after[ 0 ] ).toBe( CREATE );
		expect( after.slice( 1 ).sort() ).toEqual( [
			AUTOMATIONS,
			CRON_HOOKS,
			STATUS,
		] );
	} );

	it( 'shows the server’s message and per-field details, keeps the values and allows another try', async () => {
		route( {
			[ CREATE ]: () => {
				throw restError(
					'sophmate_invalid_param',
					'Invalid parameter(s): owner',
					400,
					{
						params: {
							owner: 'owner is not of type integer,string.',
						},
					}
				);
			},
		} );
		const user = userEvent.setup();
		const { form, field, submit } = await renderForm();

		await user.selectOptions(
			field( 'Cron hook' ),
			'acme_newsletter_send'
		);
		await user.selectOptions( field( 'Category' ), 'marketing' );
		await user.click( submit );

		const notice = await within( form ).findByText(
			'Invalid parameter(s): owner'
		);
		expect( notice.closest( '.components-notice' )?.textContent ).toContain(
			'owner: owner is not of type integer,string.'
		);
		expect( field( 'Automation id' ).value ).toBe( 'acme_newsletter_send' );
		expect( submit.disabled ).toBe( false );
		expect( pageNoticeTexts() ).toEqual( [] );
		expect( snackbarTexts() ).toEqual( [
			'Govern acme_newsletter_send failed: Invalid parameter(s): owner',
		] );
	} );

	it( 'shows a conflict the server found', async () => {
		route( {
			[ CREATE ]: () => {
				throw restError(
					'sophmate_automation_exists',
					'An automation "acme_newsletter_send" already exists.',
					409
				);
			},
		} );
		const user = userEvent.setup();
		const { form, field, submit } = await renderForm();

		await user.selectOptions(
			field( 'Cron hook' ),
			'acme_newsletter_send'
		);
		await user.selectOptions( field( 'Category' ), 'marketing' );
		await user.click( submit );

		expect(
			await within( form ).findByText(
				'An automation "acme_newsletter_send" already exists.'
			)
		).toBeTruthy();
	} );
} );
