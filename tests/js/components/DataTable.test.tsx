import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../../src/api';
import {
	DataTable,
	type DataTableColumn,
	type DataTableProps,
} from '../../../src/components/table/DataTable';

interface Fruit {
	id: number;
	name: string;
	colour: string;
}

const COLUMNS: Array< DataTableColumn< Fruit > > = [
	{ id: 'name', header: 'Name', cell: ( fruit ) => fruit.name },
	{
		id: 'colour',
		header: 'Colour',
		cell: ( fruit ) => <em>{ fruit.colour }</em>,
	},
];

const FRUITS: Fruit[] = [
	{ id: 1, name: 'Apple', colour: 'red' },
	{ id: 2, name: 'Banana', colour: 'yellow' },
];

function table( overrides: Partial< DataTableProps< Fruit > > = {} ) {
	return (
		<DataTable< Fruit >
			label="Fruit"
			columns={ COLUMNS }
			rows={ FRUITS }
			getRowId={ ( fruit ) => String( fruit.id ) }
			testId="fruit-table"
			rowTestId={ ( fruit ) => `fruit-${ fruit.id }` }
			loading={ false }
			error={ null }
			errorMessage="The fruit could not be loaded."
			emptyMessage="No fruit."
			emptyTestId="fruit-empty"
			{ ...overrides }
		/>
	);
}

const failure = new ApiError( {
	code: 'rest_forbidden',
	message: 'Not allowed.',
	status: 403,
	data: {},
} );

describe( 'DataTable', () => {
	it( 'is a real table with a caption, column headers and cells labelled for the phone layout', () => {
		render( table() );
		const element = screen.getByRole( 'table', { name: 'Fruit' } );
		expect( element.dataset.testid ).toBe( 'fruit-table' );
		const headers = within( element ).getAllByRole( 'columnheader' );
		expect( headers.map( ( th ) => th.textContent ) ).toEqual( [
			'Name',
			'Colour',
		] );
		headers.forEach( ( th ) =>
			expect( th.getAttribute( 'scope' ) ).toBe( 'col' )
		);
		const row = screen.getByTestId( 'fruit-2' );
		const cells = within( row ).getAllByRole( 'cell' );
		expect( cells.map( ( td ) => td.dataset.label ) ).toEqual( [
			'Name',
			'Colour',
		] );
		expect( cells[ 1 ]?.innerHTML ).toBe( '<em>yellow</em>' );
		expect(
			within( element )
				.getAllByRole( 'row' )
				.slice( 1 )
				.map( ( tr ) => tr.dataset.testid )
		).toEqual( [ 'fruit-1', 'fruit-2' ] );
	} );

	it( 'shows a loading state and no table until the first answer', () => {
		render( table( { rows: [], loading: true, fetching: true } ) );
		expect( screen.getByRole( 'status' ).textContent ).toContain(
			'Loading…'
		);
		expect( screen.queryByRole( 'table' ) ).toBeNull();
		expect( screen.queryByTestId( 'fruit-empty' ) ).toBeNull();
	} );

	it( 'says the list is empty, still with its pagination', () => {
		render(
			table( {
				rows: [],
				pagination: {
					page: 1,
					totalPages: 0,
					total: 0,
					onChange: vi.fn(),
				},
			} )
		);
		expect( screen.getByTestId( 'fruit-empty' ).textContent ).toBe(
			'No fruit.'
		);
		expect( screen.queryByRole( 'table' ) ).toBeNull();
		expect( screen.getByTestId( 'pagination-info' ).textContent ).toBe(
			'Page 1 of 1 (0 items)'
		);
	} );

	it( 'shows a failed first load with a retry, and keeps rows shown when a later load fails', async () => {
		const onRetry = vi.fn();
		const user = userEvent.setup();
		const { rerender } = render(
			table( { rows: [], loading: true, error: failure, onRetry } )
		);
		expect( screen.queryByRole( 'status' ) ).toBeNull();
		expect( screen.queryByTestId( 'fruit-empty' ) ).toBeNull();
		expect(
			document.querySelector( '.sophmate-safe-mode__list-error' )
				?.textContent
		).toContain( 'The fruit could not be loaded. Not allowed.' );
		await user.click( screen.getByRole( 'button', { name: 'Try again' } ) );
		expect( onRetry ).toHaveBeenCalledTimes( 1 );

		rerender( table( { error: failure, onRetry } ) );
		expect( screen.getByTestId( 'fruit-1' ) ).toBeTruthy();
		expect(
			screen.getByRole( 'button', { name: 'Try again' } )
		).toBeTruthy();
	} );

	it( 'keeps the old rows visible and marks the list busy while the next page loads', () => {
		const { container, rerender } = render( table() );
		const wrapper = container.querySelector(
			'.sophmate-safe-mode__data-table'
		) as HTMLElement;
		expect( wrapper.getAttribute( 'aria-busy' ) ).toBe( 'false' );
		expect(
			container.querySelector( '.sophmate-safe-mode__table-busy' )
		).toBeNull();

		rerender( table( { fetching: true } ) );
		expect( wrapper.getAttribute( 'aria-busy' ) ).toBe( 'true' );
		expect( screen.getByTestId( 'fruit-1' ) ).toBeTruthy();
		expect(
			container.querySelector( '.sophmate-safe-mode__table-busy' )
				?.textContent
		).toBe( 'Loading…' );
		expect(
			container.querySelector( '.sophmate-safe-mode__table-frame' )
				?.classList
		).toContain( 'is-busy' );
	} );

	it( 'pages with keyboard-reachable buttons in a named navigation landmark', async () => {
		const onChange = vi.fn();
		const user = userEvent.setup();
		render(
			table( {
				pagination: { page: 1, totalPages: 3, total: 45, onChange },
			} )
		);
		const nav = screen.getByRole( 'navigation', { name: 'Fruit pages' } );
		expect(
			within( nav ).getByTestId( 'pagination-info' ).textContent
		).toBe( 'Page 1 of 3 (45 items)' );
		const previous = within( nav ).getByRole( 'button', {
			name: 'Previous page',
		} );
		expect( previous.getAttribute( 'aria-disabled' ) ).toBe( 'true' );
		await user.click( previous );
		expect( onChange ).not.toHaveBeenCalled();

		await user.tab();
		await user.tab();
		expect( nav.ownerDocument.activeElement?.textContent ).toBe(
			'Next page'
		);
		await user.keyboard( '{Enter}' );
		expect( onChange ).toHaveBeenCalledWith( 2 );
	} );

	it( 'disables "Next page" on the last page', () => {
		render(
			table( {
				pagination: {
					page: 3,
					totalPages: 3,
					total: 45,
					onChange: vi.fn(),
				},
			} )
		);
		expect(
			screen
				.getByRole( 'button', { name: 'Next page' } )
				.getAttribute( 'aria-disabled' )
		).toBe( 'true' );
	} );
} );
