import './table.scss';

import { Spinner } from '@wordpress/components';
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import {
	flexRender,
	getCoreRowModel,
	useReactTable,
	type ColumnDef,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

import type { ApiError } from '../../api';
import { Pagination } from '../Pagination';
import { ListState } from './ListState';

/** One column: its visible header (also the cell's label on phones) and how a row shows in it. */
export interface DataTableColumn< T > {
	id: string;
	header: string;
	cell: ( row: T ) => ReactNode;
}

/** Server-side pagination: the page shown and the totals the server sent. */
export interface DataTablePagination {
	page: number;
	totalPages: number;
	total: number;
	onChange: ( page: number ) => void;
}

export interface DataTableProps< T > {
	/** What the table lists, read by screen readers as its caption. */
	label: string;
	columns: ReadonlyArray< DataTableColumn< T > >;
	rows: T[];
	getRowId: ( row: T ) => string;
	/** Test id of the <table>. */
	testId?: string;
	/** Test id of a row. */
	rowTestId?: ( row: T ) => string;
	/** Extra class of a row (e.g. to highlight it). */
	rowClassName?: ( row: T ) => string | undefined;
	/** True until the first answer for the list has arrived. */
	loading: boolean;
	/** True while a request is in flight; the rows shown stay, dimmed. */
	fetching?: boolean;
	error: ApiError | null;
	onRetry?: () => void;
	errorMessage: string;
	emptyMessage: string;
	emptyTestId?: string;
	/** Leave out for a list that is not paginated. */
	pagination?: DataTablePagination;
	className?: string;
}

interface ColumnMeta {
	label: string;
}

/**
 * The one table of the app: a real <table> (caption, column headers) built
 * with @tanstack/react-table's headless row model, the shared ListState for
 * loading / error / empty, server-side pagination, and a busy overlay that
 * keeps the current rows visible while the next page loads so the layout does
 * not jump. At phone width each row becomes a card whose cells carry their
 * column's name (see table.scss).
 *
 * @param props Props.
 */
export function DataTable< T >( props: DataTableProps< T > ) {
	const {
		label,
		columns,
		rows,
		getRowId,
		testId,
		rowTestId,
		rowClassName,
		loading,
		fetching = false,
		error,
		onRetry,
		errorMessage,
		emptyMessage,
		emptyTestId,
		pagination,
		className,
	} = props;

	const columnDefs = useMemo(
		() =>
			columns.map( ( column ): ColumnDef< T > => ( {
				id: column.id,
				header: column.header,
				cell: ( context ) => column.cell( context.row.original ),
				meta: { label: column.header } satisfies ColumnMeta,
			} ) ),
		[ columns ]
	);

	const table = useReactTable< T >( {
		data: rows,
		columns: columnDefs,
		getCoreRowModel: getCoreRowModel(),
		getRowId: ( row ) => getRowId( row ),
		manualPagination: true,
		pageCount: pagination?.totalPages ?? 1,
	} );

	const busy = fetching && ! loading;

	return (
		<div
			className={ [ 'sophmate-safe-mode__data-table', className ]
				.filter( Boolean )
				.join( ' ' ) }
			aria-busy={ fetching }
		>
			<ListState
				loading={ loading }
				error={ error }
				empty={ rows.length === 0 }
				emptyMessage={ emptyMessage }
				errorMessage={ errorMessage }
				onRetry={ onRetry }
				emptyTestId={ emptyTestId }
			>
				<div
					className={ `sophmate-safe-mode__table-frame${
						busy ? ' is-busy' : ''
					}` }
				>
					<table
						className="widefat striped sophmate-safe-mode__table"
						data-testid={ testId }
					>
						<caption className="screen-reader-text">
							{ label }
						</caption>
						<thead>
							{ table.getHeaderGroups().map( ( group ) => (
								<tr key={ group.id }>
									{ group.headers.map( ( header ) => (
										<th
											key={ header.id }
											scope="col"
											className={ `column-${ header.column.id }` }
										>
											{ flexRender(
												header.column.columnDef.header,
												header.getContext()
											) }
										</th>
									) ) }
								</tr>
							) ) }
						</thead>
						<tbody>
							{ table.getRowModel().rows.map( ( row ) => (
								<tr
									key={ row.id }
									data-testid={ rowTestId?.( row.original ) }
									className={ rowClassName?.( row.original ) }
								>
									{ row.getVisibleCells().map( ( cell ) => (
										<td
											key={ cell.id }
											className={ `column-${ cell.column.id }` }
											data-label={
												(
													cell.column.columnDef
														.meta as ColumnMeta
												 ).label
											}
										>
											{ flexRender(
												cell.column.columnDef.cell,
												cell.getContext()
											) }
										</td>
									) ) }
								</tr>
							) ) }
						</tbody>
					</table>
					{ busy && (
						<div className="sophmate-safe-mode__table-busy">
							<Spinner />
							<span className="screen-reader-text">
								{ __( 'Loading…', 'sophmate-safe-mode' ) }
							</span>
						</div>
					) }
				</div>
			</ListState>
			{ pagination && ! loading && (
				<Pagination
					label={ label }
					page={ pagination.page }
					totalPages={ pagination.totalPages }
					total={ pagination.total }
					onChange={ pagination.onChange }
				/>
			) }
		</div>
	);
}
