import { test, expect } from '@playwright/test';

import { capture } from './support/screenshots';
import { wpEval } from './support/site';

type Seeded = { succeeded: number; failed: number; post: number };
type AuditRow = {
	action: string;
	scope: string;
	before_state: string;
	after_state: string;
	reason: string;
	context: string;
};

const IDS = [
	'run_history',
	'failed_steps',
	'audit_records',
	'pending_approvals',
	'provider_status',
	'affected_records',
];

function json< T >( output: string ): T {
	return JSON.parse( output.slice( output.search( /[[{]/ ) ) ) as T;
}

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
} );

test( 'an operations lead reviews a paused category with failed runs, restarts it for 3 read-only trial runs, watches the trial succeed and promotes it; the audit log holds pause, restart with the review snapshot, and promote', async ( {
	page,
} ) => {
	const seeded = json< Seeded >(
		wpEval( 'e2e/fixtures/failing-automation.php' )
	);
	wpEval( 'e2e/fixtures/pause.php', [
		'category:commerce',
		'Orders pushed twice to the shop',
	] );

	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	await page
		.getByTestId( 'category-row-commerce' )
		.getByRole( 'link', { name: 'Restart Commerce' } )
		.click();
	await expect( page ).toHaveURL( /view=review&scope=category%3Acommerce/ );
	await expect( page.getByTestId( 'review-attention' ) ).toContainText(
		'need attention'
	);

	// Failed steps: the server's verdict, then the evidence.
	const failed = page.getByTestId( 'review-section-failed_steps' );
	await expect( failed ).toContainText( /1 run failed at step 'push order'/ );
	const tick = failed.getByRole( 'checkbox' );
	await expect( tick ).toBeDisabled();
	await failed.getByRole( 'button', { name: /Evidence/ } ).click();
	await expect( failed ).toContainText( 'Shop API answered 502 Bad Gateway' );
	await expect( tick ).toBeEnabled();

	// Affected records: the touched post, linked into wp-admin.
	const affected = page.getByTestId( 'review-section-affected_records' );
	await affected.getByRole( 'button', { name: /Evidence/ } ).click();
	await expect(
		affected.locator(
			`a[href*="post.php?post=${ seeded.post }&action=edit"]`
		)
	).toBeVisible();

	// Read the other four, then tick all six.
	for ( const id of IDS.filter(
		( item ) => item !== 'failed_steps' && item !== 'affected_records'
	) ) {
		await page
			.getByTestId( `review-section-${ id }` )
			.getByRole( 'button', { name: /Evidence/ } )
			.click();
	}
	for ( const id of IDS ) {
		await page
			.getByTestId( `review-section-${ id }` )
			.getByRole( 'checkbox' )
			.check();
	}

	// The narrow default: 3 read-only runs of the automation that failed.
	await expect( page.getByLabel( 'Trial runs' ) ).toHaveValue( '3' );
	await expect( page.getByLabel( 'Read-only trial' ) ).toBeChecked();
	const submit = page.getByTestId( 'review-submit' );
	await expect( submit ).toBeDisabled();
	await page
		.getByLabel( 'Review note' )
		.fill( 'Duplicate push fixed in the shop connector' );
	await expect( page.getByTestId( 'review-summary' ) ).toContainText(
		'At most 3 runs in all'
	);
	await expect( page.getByTestId( 'review-summary' ) ).toContainText(
		'Read-only'
	);
	await capture( page, 'review', { phone: true } );
	await submit.click();

	// Back on the category, in trial.
	await expect( page ).toHaveURL( /view=category&slug=commerce/ );
	await expect( page.getByTestId( 'category-state-commerce' ) ).toHaveText(
		'Trial'
	);
	await expect( page.getByTestId( 'trial-progress' ).first() ).toContainText(
		'No trial run yet (at most 3)'
	);
	const promote = page.getByRole( 'button', { name: 'Promote Commerce' } );
	await expect( promote ).toBeDisabled();
	await expect(
		page.getByText(
			'Promote becomes possible after one successful trial run.'
		)
	).toBeVisible();

	// The trial runs: read-only, so its write is refused, and it succeeds.
	const run = json< {
		allowed: boolean;
		read_only: boolean;
		wrote: boolean;
	} >( wpEval( 'e2e/fixtures/trial-run.php' ) );
	expect( run ).toEqual( { allowed: true, read_only: true, wrote: false } );
	await page.reload();
	await expect( page.getByTestId( 'trial-progress' ).first() ).toContainText(
		'1 of 3 trial runs, all succeeded'
	);
	await capture( page, 'category', { phone: true } );
	await expect( promote ).toBeEnabled();
	await promote.click();
	await expect( page.getByTestId( 'category-state-commerce' ) ).toHaveText(
		'Running'
	);

	const audit = json< AuditRow[] >(
		wpEval( 'e2e/fixtures/audit.php' )
	).filter(
		( row ) =>
			row.scope === 'category:commerce' &&
			// The switch's own history; the first run also made a review due.
			row.action !== 'review_due'
	);
	expect(
		audit.map(
			( row ) =>
				`${ row.action }: ${ row.before_state } → ${ row.after_state }`
		)
	).toEqual( [
		'pause: running → paused',
		'restart: paused → trial',
		'promote: trial → running',
	] );
	const restart = JSON.parse( audit[ 1 ]!.context ) as {
		review: {
			hash: string;
			seen_is_current: boolean;
			counts: Record< string, number >;
		};
		trial: { max_runs: number; read_only: boolean };
	};
	expect( restart.review.hash ).toMatch( /^[0-9a-f]{64}$/ );
	expect( restart.review.seen_is_current ).toBe( true );
	expect( restart.review.counts.failed_steps ).toBe( 1 );
	expect( restart.review.counts.affected_records ).toBe( 1 );
	expect( restart.trial ).toMatchObject( { max_runs: 3, read_only: true } );
	expect( audit[ 1 ]!.reason ).toBe(
		'Duplicate push fixed in the shop connector'
	);
} );
