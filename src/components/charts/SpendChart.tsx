import { Button, SelectControl } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useId, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { DailySpend, StatsWindow } from '../../api/stats';
import { statusStore } from '../../store/status';
import { formatDay, formatNumber } from './format';
import {
	LegendItem,
	niceMax,
	PatternDefs,
	svgId,
	type PatternKind,
	type SeriesStyle,
} from './patterns';
import { useStats } from './useStats';
import { windowLabel } from './WindowToggle';

const COLORS = [
	'#2271b1',
	'#d63638',
	'#00a32a',
	'#dba617',
	'#8c5eb8',
	'#1d8383',
	'#787c82',
];
const PATTERNS: PatternKind[] = [
	'solid',
	'hatch',
	'dots',
	'stripes',
	'cross',
];

/**
 * Color and pattern of the n-th category (pairs repeat only after 35).
 *
 * @param index Position of the category.
 */
function categoryStyle( index: number ): SeriesStyle {
	return {
		color: COLORS[ index % COLORS.length ] ?? '#787c82',
		pattern: PATTERNS[ index % PATTERNS.length ] ?? 'solid',
	};
}

/** Units present in the data, the one with the most rows first. */
export function spendUnits( rows: DailySpend[] ): string[] {
	const counts = new Map< string, number >();
	rows.forEach( ( row ) =>
		counts.set( row.unit, ( counts.get( row.unit ) ?? 0 ) + 1 )
	);
	return [ ...counts.keys() ].sort(
		( a, b ) =>
			( counts.get( b ) ?? 0 ) - ( counts.get( a ) ?? 0 ) ||
			a.localeCompare( b )
	);
}

interface SpendGrid {
	days: string[];
	categories: string[];
	amount: ( day: string, category: string ) => number;
	dayTotal: ( day: string ) => number;
}

function spendGrid( rows: DailySpend[] ): SpendGrid {
	const days = [ ...new Set( rows.map( ( r ) => r.day ) ) ].sort();
	const categories = [ ...new Set( rows.map( ( r ) => r.category ) ) ].sort();
	const amounts = new Map< string, number >();
	rows.forEach( ( r ) => {
		const key = `${ r.day }|${ r.category }`;
		amounts.set( key, ( amounts.get( key ) ?? 0 ) + r.amount );
	} );
	const amount = ( day: string, category: string ) =>
		amounts.get( `${ day }|${ category }` ) ?? 0;
	const dayTotal = ( day: string ) =>
		categories.reduce( ( total, c ) => total + amount( day, c ), 0 );
	return { days, categories, amount, dayTotal };
}

export interface SpendChartProps {
	window: StatsWindow;
	/** Category slug, or null/absent for the whole site. */
	category?: string | null;
}

/**
 * Spend per day per category (stacked bars), one unit at a time.
 *
 * @param props
 * @param props.window   `24h` or `7d`.
 * @param props.category Category slug, or null for the whole site.
 */
export function SpendChart( { window, category = null }: SpendChartProps ) {
	const { stats, error } = useStats( window, category );
	const [ chosenUnit, setUnit ] = useState< string | null >( null );
	const [ showTable, setShowTable ] = useState( false );
	const prefix = svgId( useId() );
	const titleId = `${ prefix }-title`;
	const labelOf = useSelect( ( select ) => {
		const store = select( statusStore );
		return ( slug: string ) =>
			store.getCategoryStatus( slug )?.label ?? slug;
	}, [] );

	const rows = stats?.spend_per_day ?? [];
	const units = spendUnits( rows );
	const unit =
		chosenUnit !== null && units.includes( chosenUnit )
			? chosenUnit
			: ( units[ 0 ] ?? null );
	const grid = spendGrid( rows.filter( ( r ) => r.unit === unit ) );
	const max = niceMax( Math.max( 0, ...grid.days.map( grid.dayTotal ) ) );
	const fill = ( index: number ) => `url(#${ prefix }-${ index })`;
	const total = grid.days.reduce( ( t, d ) => t + grid.dayTotal( d ), 0 );
	const summary = sprintf(
		/* translators: 1: time window, 2: amount, 3: unit, 4: number of days. */
		__(
			'Spend per day, %1$s: %2$s %3$s in all over %4$s days.',
			'sophmate-safe-mode'
		),
		windowLabel( window ).toLowerCase(),
		formatNumber( total ),
		unit ?? '',
		formatNumber( grid.days.length )
	);

	let body;
	if ( ! stats ) {
		body = (
			<p className="sophmate-safe-mode__meta">
				{ error
					? `${ __(
							'Spend could not be loaded:',
							'sophmate-safe-mode'
						) } ${ error.message }`
					: __( 'Loading…', 'sophmate-safe-mode' ) }
			</p>
		);
	} else if ( unit === null ) {
		body = (
			<p className="sophmate-safe-mode__meta">
				{ __(
					'No spend was recorded in this window.',
					'sophmate-safe-mode'
				) }
			</p>
		);
	} else {
		const barWidth = 100;
		const width = grid.days.length * barWidth;
		body = (
			<>
				{ units.length > 1 && (
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						className="sophmate-chart__unit"
						label={ __( 'Unit', 'sophmate-safe-mode' ) }
						value={ unit }
						options={ units.map( ( u ) => ( {
							label: u,
							value: u,
						} ) ) }
						onChange={ ( value: string ) => setUnit( value ) }
					/>
				) }
				<div className="sophmate-chart__plot">
					<span className="sophmate-chart__y-max" aria-hidden="true">
						{ `${ formatNumber( max ) } ${ unit }` }
					</span>
					<svg
						className="sophmate-chart__svg"
						viewBox={ `0 0 ${ width } 100` }
						preserveAspectRatio="none"
						role="img"
						aria-label={ summary }
						focusable="false"
					>
						<PatternDefs
							prefix={ prefix }
							styles={ grid.categories.map( ( _, i ) =>
								categoryStyle( i )
							) }
						/>
						{ grid.days.map( ( day, index ) => {
							let y = 100;
							return (
								<g
									key={ day }
									className="sophmate-chart__bar"
									data-day={ day }
								>
									<title>
										{ `${ formatDay( day ) }: ${ formatNumber(
											grid.dayTotal( day )
										) } ${ unit }` }
									</title>
									{ grid.categories.map( ( c, ci ) => {
										const h =
											( grid.amount( day, c ) / max ) *
											100;
										if ( h <= 0 ) {
											return null;
										}
										y -= h;
										return (
											<rect
												key={ c }
												data-category={ c }
												x={
													index * barWidth +
													barWidth * 0.2
												}
												width={ barWidth * 0.6 }
												y={ y }
												height={ h }
												fill={ fill( ci ) }
											/>
										);
									} ) }
								</g>
							);
						} ) }
						<line
							className="sophmate-chart__axis"
							x1="0"
							x2={ width }
							y1="100"
							y2="100"
							vectorEffect="non-scaling-stroke"
						/>
					</svg>
					<div
						className="sophmate-chart__x-labels"
						aria-hidden="true"
					>
						{ grid.days.map( ( day, index ) => (
							<span
								key={ day }
								style={ {
									left: `${
										( ( index + 0.5 ) / grid.days.length ) *
										100
									}%`,
								} }
							>
								{ formatDay( day ) }
							</span>
						) ) }
					</div>
					<ul className="sophmate-chart__legend">
						{ grid.categories.map( ( c, i ) => (
							<LegendItem
								key={ c }
								fill={ fill( i ) }
								label={ labelOf( c ) }
							/>
						) ) }
					</ul>
				</div>
				<div
					className={
						showTable
							? 'sophmate-chart__table-wrap'
							: 'screen-reader-text'
					}
				>
					<table className="sophmate-chart__table widefat striped">
						<caption>
							{ sprintf(
								/* translators: %s: unit, e.g. "tokens". */
								__(
									'Spend per day and category, in %s',
									'sophmate-safe-mode'
								),
								unit
							) }
						</caption>
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Day', 'sophmate-safe-mode' ) }
								</th>
								{ grid.categories.map( ( c ) => (
									<th scope="col" key={ c }>
										{ labelOf( c ) }
									</th>
								) ) }
								<th scope="col">
									{ __( 'Total', 'sophmate-safe-mode' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ grid.days.map( ( day ) => (
								<tr key={ day }>
									<th scope="row">
										<time dateTime={ day }>
											{ formatDay( day ) }
										</time>
									</th>
									{ grid.categories.map( ( c ) => (
										<td key={ c }>
											{ formatNumber(
												grid.amount( day, c )
											) }
										</td>
									) ) }
									<td>
										{ formatNumber( grid.dayTotal( day ) ) }
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			</>
		);
	}

	return (
		<figure
			className="sophmate-chart sophmate-chart--spend"
			aria-labelledby={ titleId }
			data-testid="spend-chart"
		>
			<div className="sophmate-chart__header">
				<h3 id={ titleId } className="sophmate-chart__title">
					{ __( 'Spend per day', 'sophmate-safe-mode' ) }
				</h3>
				{ unit !== null && (
					<Button
						variant="link"
						aria-expanded={ showTable }
						onClick={ () => setShowTable( ! showTable ) }
					>
						{ showTable
							? __( 'Hide table', 'sophmate-safe-mode' )
							: __( 'Show as table', 'sophmate-safe-mode' ) }
					</Button>
				) }
			</div>
			{ body }
		</figure>
	);
}
