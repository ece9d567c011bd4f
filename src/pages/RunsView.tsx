import {
	Button,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { RUN_STATUSES, type RunFilters, type RunStatus } from '../api';
import { RouteLink } from '../components/ConsoleNav';
import { Pagination } from '../components/Pagination';
import { TimeStamp } from '../components/TimeStamp';
import { runsStore } from '../store/runs';
import { statusStore } from '../store/status';
import type { Route } from '../utils/route';
import { runStatusLabel, spendSummary } from '../utils/run-labels';

export const RUNS_PER_PAGE = 20;

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
	useEffect( () => {
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
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="date"
					label={ __( 'Since', 'sophmate-safe-mode' ) }
					value={ since }
					onChange={ ( value ) => setFilters( { since: value } ) }
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="date"
					label={ __( 'Until', 'sophmate-safe-mode' ) }
					value={ until }
					onChange={ ( value ) => setFilters( { until: value } ) }
				/>
				<Button variant="secondary" type="submit">
					{ __( 'Apply', 'sophmate-safe-mode' ) }
				</Button>
			</form>

			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ __(
						'The runs could not be loaded.',
						'sophmate-safe-mode'
					) }{ ' ' }
					{ error.message }
				</Notice>
			) }
			{ ! loaded && ! error && (
				<p className="sophmate-safe-mode__loading">
					<Spinner />
					{ __( 'Loading…', 'sophmate-safe-mode' ) }
				</p>
			) }
			{ loaded && (
				<>
					{ fetching && <Spinner /> }
					{ runs.length === 0 ? (
						<p data-testid="runs-empty">
							{ __(
								'No runs match these filters.',
								'sophmate-safe-mode'
							) }
						</p>
					) : (
						<table
							className="wp-list-table widefat fixed striped"
							data-testid="runs-table"
						>
							<caption className="screen-reader-text">
								{ __( 'Runs', 'sophmate-safe-mode' ) }
							</caption>
							<thead>
								<tr>
									<th scope="col">
										{ __( 'Run', 'sophmate-safe-mode' ) }
									</th>
									<th scope="col">
										{ __(
											'Automation',
											'sophmate-safe-mode'
										) }
									</th>
									<th scope="col">
										{ __(
											'Category',
											'sophmate-safe-mode'
										) }
									</th>
									<th scope="col">
										{ __( 'Status', 'sophmate-safe-mode' ) }
									</th>
									<th scope="col">
										{ __(
											'Started',
											'sophmate-safe-mode'
										) }
									</th>
									<th scope="col">
										{ __(
											'Failed step',
											'sophmate-safe-mode'
										) }
									</th>
									<th scope="col">
										{ __( 'Spend', 'sophmate-safe-mode' ) }
									</th>
								</tr>
							</thead>
							<tbody>
								{ runs.map( ( run ) => (
									<tr
										key={ run.id }
										data-testid={ `run-row-${ run.id }` }
									>
										<td>
											<RouteLink
												to={ {
													view: 'run',
													id: run.id,
												} }
												navigate={ navigate }
											>
												{ `#${ run.id }` }
											</RouteLink>
										</td>
										<td>{ run.automation }</td>
										<td>{ run.category }</td>
										<td>
											{ runStatusLabel( run.status ) }
										</td>
										<td>
											<TimeStamp iso={ run.started_at } />
										</td>
										<td>{ run.failed_step ?? '—' }</td>
										<td>{ spendSummary( run.spend ) }</td>
									</tr>
								) ) }
							</tbody>
						</table>
					) }
					<Pagination
						page={ page }
						totalPages={ totalPages }
						total={ total }
						onChange={ ( next ) =>
							navigate( { view: 'runs', filters, page: next } )
						}
					/>
				</>
			) }
		</div>
	);
}
