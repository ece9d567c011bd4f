import { test, expect, type Page } from '@playwright/test';

import { capture } from './support/screenshots';
import { wpEval } from './support/site';

type Recorded = {
	runs: { outcome: string; allowed: boolean; id?: number }[];
};
type AuditRow = {
	action: string;
	scope: string;
	source: string;
	before_state: string;
	after_state: string;
	reason: string;
	context: string;
};

const REASON = '3 consecutive failures ≥ 3';

function json< T >( output: string ): T {
	return JSON.parse( output.slice( output.search( /[[{]/ ) ) ) as T;
}

function snackbar( page: Page, text: string | RegExp ) {
	return page.locator( '.sophmate-safe-mode__snackbars' ).getByText( text );
}

test.beforeEach( () => {
	wpEval( 'e2e/fixtures/reset-plugin.php' );
} );

test( 'an operator tunes the failures breaker of commerce to 3 in a row, simulates it over the run history, saves it, and the next failures trip it: the category is paused by the breaker with the exact reason, the overview shows the trip and the audit log highlights it', async ( {
	page,
} ) => {
	// History: three failures in a row once, then recovery and one more failure.
	// Nine runs in all: the default rate trigger (at least 10 runs) stays quiet,
	// and so does the default 5 in a row.
	const seeded = json< Recorded >(
		wpEval( 'e2e/fixtures/breaker-runs.php', [
			'ok',
			'fail',
			'fail',
			'fail',
			'ok',
			'ok',
			'fail',
		] )
	);
	expect( seeded.runs.every( ( run ) => run.allowed ) ).toBe( true );

	await page.goto(
		'/wp-admin/admin.php?page=sophmate-safe-mode&view=category&slug=commerce'
	);
	const panel = page.getByTestId( 'breakers-panel' );
	await panel.scrollIntoViewIfNeeded();
	await expect(
		panel.getByRole( 'heading', { name: 'Breakers' } )
	).toBeVisible();
	await expect( page.getByTestId( 'breakers-last-trip' ) ).toContainText(
		'No breaker has tripped for this category.'
	);
	// Current values next to the default threshold.
	await expect( page.getByTestId( 'breakers-now-failures' ) ).toContainText(
		'1 in a row (trips at 5)'
	);

	// Tune: 3 failures in a row.
	const failures = page.getByTestId( 'breakers-kind-failures' );
	await expect( failures.getByLabel( 'On' ) ).toBeChecked();
	const consecutive = failures.getByLabel( 'Failures in a row' );
	await consecutive.fill( '3' );

	// Dry run over the history: the earlier three in a row would have tripped.
	await panel.getByRole( 'button', { name: 'Simulate' } ).click();
	const simulation = page.getByTestId( 'breakers-simulation' );
	await expect( simulation ).toContainText( '7 runs considered' );
	await expect( simulation ).toContainText( 'Nothing was saved or paused.' );
	const trips = page.getByTestId( 'breakers-simulated-trip' );
	await expect( trips ).toHaveCount( 1 );
	await expect( trips.first() ).toContainText(
		new RegExp( `^Would have tripped at .+: ${ REASON }$` )
	);
	// A dry run pauses nothing.
	await expect( page.getByTestId( 'category-page' ) ).not.toContainText(
		'Paused'
	);

	await panel.getByRole( 'button', { name: 'Save breakers' } ).click();
	await expect(
		snackbar( page, 'Breakers of Commerce saved.' )
	).toBeVisible();

	// Two more failures: three in a row.
	const after = json< Recorded >(
		wpEval( 'e2e/fixtures/breaker-runs.php', [ 'fail', 'fail' ] )
	);
	expect( after.runs.map( ( run ) => run.allowed ) ).toEqual( [
		true,
		true,
	] );
	// The breaker paused the category: the next run is refused.
	const refused = json< Recorded >(
		wpEval( 'e2e/fixtures/breaker-runs.php', [ 'ok' ] )
	);
	expect( refused.runs[ 0 ]!.allowed ).toBe( false );

	await page.reload();
	const header = page.getByTestId( 'category-page' );
	await expect( header ).toContainText( REASON );
	await expect( page.getByTestId( 'breakers-last-trip' ) ).toContainText(
		'Last trip (consecutive failures):'
	);
	await expect( page.getByTestId( 'breakers-last-trip' ) ).toContainText(
		REASON
	);
	await page.getByTestId( 'breakers-panel' ).scrollIntoViewIfNeeded();
	await capture( page, 'breakers', { phone: true } );

	// The overview: paused, with the trip badge naming the signal.
	await page.goto( '/wp-admin/admin.php?page=sophmate-safe-mode' );
	await expect( page.getByTestId( 'category-state-commerce' ) ).toHaveText(
		'Paused'
	);
	const badge = page.getByTestId( 'category-trip-commerce' );
	await expect( badge ).toHaveText( 'Tripped: consecutive failures' );
	await expect( badge ).toHaveAttribute( 'title', REASON );
	await expect( page.getByTestId( 'category-row-commerce' ) ).toContainText(
		REASON
	);

	// Exactly one audit event for the trip, by the breaker.
	const audit = json< AuditRow[] >(
		wpEval( 'e2e/fixtures/audit.php' )
	).filter(
		( row ) => row.scope === 'category:commerce' && row.action === 'pause'
	);
	expect( audit ).toHaveLength( 1 );
	expect( audit[ 0 ] ).toMatchObject( {
		source: 'breaker',
		before_state: 'running',
		after_state: 'paused',
		reason: REASON,
	} );
	expect( JSON.parse( audit[ 0 ]!.context ) ).toMatchObject( {
		signal: 'consecutive_failures',
		value: 3,
		threshold: 3,
		breaker: 'failures',
	} );

	// The audit log highlights the trip row.
	await page.goto(
		'/wp-admin/admin.php?page=sophmate-safe-mode&view=audit&scope=category%3Acommerce'
	);
	const row = page.locator( 'tr.is-trip' ).filter( { hasText: REASON } );
	await expect( row ).toHaveCount( 1 );
	await expect( row ).toContainText( 'Tripped: consecutive failures' );
} );
