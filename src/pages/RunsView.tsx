import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useMemo, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { RUN_STATUSES, type RunFilters, type RunStatus } from '../api';
import { DataTable } from '../components/table/DataTable';
import { DateRangeFields } from '../components/table/DateRangeFields';
import { runColumns, type RunColumnId } from '../components/table/runColumns';
import { runsStore } from '../store/runs';
import { statusStore } from '../store/status';
import type { Route } from '../utils/route';
import { runStatusLabel } from '../utils/run-labels';

export const RUNS_PER_PAGE = 20;

/** The columns of the runs table. */
const COLUMNS: RunColumnId[] = [
	'id',
	'automation',
	'category',
	'status',
	'started',
	'failed-step',
	'spend',
];

/**
 * Runs: a filterable, server-paginated table over GET /runs. The filters and
 * the page live in the URL (the route), so a reload or a bookmark keeps them.
 *
 * @param props
 * @param props.filters  Filters from the URL.
 * @param props.page     Page from the URL.
 * @param props.navigate navigate() of useRoute.
 */
export function RunsView( {
	filters,
	page,
	navigate,
}: {
	filters: RunFilters;
	page: number;
	navigate: ( route: Route ) => void;
} ) {
	const { loadRuns } = useDispatch( runsStore );
	const { runs, total, totalPages, loaded, fetching, error, categories } =
		useSelect( ( select ) => {
			const store = select( runsStore );
			const status = select( statusStore );
			status.getStatus();
			return {
				runs: store.getRuns(),
				total: store.getTotal(),
				totalPages: store.getTotalPages(),
				loaded: store.hasLoaded(),
				fetching: store.isFetching(),
				error: store.getError(),
				categories: status.getCategoryStatuses(),
			};
		}, [] );

	const { category, automation, status, since, until } = filters;
	const load = useCallback( () => {
		void loadRuns( {
			category,
			automation,
			status,
			since,
			until,
			page,
			perPage: RUNS_PER_PAGE,
		} );
	}, [ loadRuns, category, automation, status, since, until, page ] );
	useEffect( load, [ load ] );

	const columns = useMemo(
		() => runColumns( COLUMNS, navigate ),
		[ navigate ]
	);

	// The automation id is typed; it is applied on submit, not per keystroke.
	const [ automationDraft, setAutomationDraft ] = useState( automation );
	useEffect( () => setAutomationDraft( automation ), [ automation ] );

	const setFilters = ( changes: Partial< RunFilters > ) =>
		navigate( {
			view: 'runs',
			filters: { ...filters, ...changes },
			page: 1,
		} );

	return (
		<div className="sophmate-safe-mode__runs">
			<form
				className="sophmate-safe-mode__filters"
				aria-label={ __( 'Filter runs', 'sophmate-safe-mode' ) }
				onSubmit={ ( event ) => {
					event.preventDefault();
					setFilters( { automation: automationDraft.trim() } );
				} }
			>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Category', 'sophmate-safe-mode' ) }
					value={ category }
					options={ [
						{ value: '', label: __( 'All', 'sophmate-safe-mode' ) },
						...categories.map( ( item ) => ( {
							value: item.slug,
							label: item.label,
						} ) ),
						...( category &&
						! categories.some( ( item ) => item.slug === category )
							? [ { value: category, label: category } ]
							: [] ),
					] }
					onChange={ ( value: string ) =>
						setFilters( { category: value } )
					}
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Status', 'sophmate-safe-mode' ) }
					value={ status }
					options={ [
						{ value: '', label: __( 'All', 'sophmate-safe-mode' ) },
						...RUN_STATUSES.map( ( value ) => ( {
							value,
							label: runStatusLabel( value ),
						} ) ),
					] }
					onChange={ ( value: string ) =>
						setFilters( { status: value as RunStatus | '' } )
					}
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Automation', 'sophmate-safe-mode' ) }
					value={ automationDraft }
					onChange={ setAutomationDraft }
				/>
				<DateRangeFields
					since={ since }
					until={ until }
					onChange={ setFilters }
				/>
				<Button variant="secondary" type="submit">
					{ __( 'Apply', 'sophmate-safe-mode' ) }
				</Button>
			</form>

			<DataTable
				label={ __( 'Runs', 'sophmate-safe-mode' ) }
				columns={ columns }
				rows={ runs }
				getRowId={ ( run ) => String( run.id ) }
				testId="runs-table"
				rowTestId={ ( run ) => `run-row-${ run.id }` }
				loading={ ! loaded }
				fetching={ fetching }
				error={ error }
				onRetry={ load }
				errorMessage={ __(
					'The runs could not be loaded.',
					'sophmate-safe-mode'
				) }
				emptyMessage={ __(
					'No runs match these filters.',
					'sophmate-safe-mode'
				) }
				emptyTestId="runs-empty"
				pagination={ {
					page,
					totalPages,
					total,
					onChange: ( next ) =>
						navigate( { view: 'runs', filters, page: next } ),
				} }
			/>
		</div>
	);
}
