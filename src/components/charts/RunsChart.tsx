import { Button } from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { HourlyRuns, Stats, StatsWindow } from '../../api/stats';
import { formatHour, formatNumber } from './format';
import {
	LegendItem,
	niceMax,
	PatternDefs,
	svgId,
	type SeriesStyle,
} from './patterns';
import { useStats } from './useStats';
import { windowLabel, WindowToggle } from './WindowToggle';

/** The stacked series, bottom to top; "other" groups the remaining statuses. */
export const RUN_SERIES = [
	'succeeded',
	'failed',
	'skipped',
	'held',
	'other',
] as const;
export type RunSeries = ( typeof RUN_SERIES )[ number ];

const STYLES: Record< RunSeries, SeriesStyle > = {
	succeeded: { color: '#00a32a', pattern: 'solid' },
	failed: { color: '#d63638', pattern: 'hatch' },
	skipped: { color: '#2271b1', pattern: 'dots' },
	held: { color: '#dba617', pattern: 'stripes' },
	other: { color: '#787c82', pattern: 'cross' },
};

/**
 * Translated name of a series.
 *
 * @param series Series.
 */
export function runSeriesLabel( series: RunSeries ): string {
	const labels: Record< RunSeries, string > = {
		succeeded: __( 'Succeeded', 'sophmate-safe-mode' ),
		failed: __( 'Failed', 'sophmate-safe-mode' ),
		skipped: __( 'Skipped', 'sophmate-safe-mode' ),
		held: __( 'Held', 'sophmate-safe-mode' ),
		other: __( 'Other', 'sophmate-safe-mode' ),
	};
	return labels[ series ];
}

/**
 * Counts of one hour per series (queued, running, cancelled and awaiting
 * approval count as "other").
 *
 * @param hour One entry of `runs_per_hour`.
 */
export function seriesCounts(
	hour: Omit< HourlyRuns, 'hour' >
): Record< RunSeries, number > {
	return {
		succeeded: hour.succeeded,
		failed: hour.failed,
		skipped: hour.skipped,
		held: hour.held,
		other:
			hour.queued +
			hour.running +
			hour.cancelled +
			hour.awaiting_approval,
	};
}

const sum = ( counts: Record< RunSeries, number > ): number =>
	RUN_SERIES.reduce( ( total, series ) => total + counts[ series ], 0 );

/**
 * "Runs per hour, last 24 hours: 40 runs — 37 succeeded, 3 failed, …".
 *
 * @param stats GET /stats.
 */
export function runsSummary( stats: Stats ): string {
	const totals = seriesCounts( stats.totals );
	const parts = RUN_SERIES.map( ( series ) =>
		sprintf(
			/* translators: 1: number of runs, 2: status, e.g. "3 Failed". */
			__( '%1$s %2$s', 'sophmate-safe-mode' ),
			formatNumber( totals[ series ] ),
			runSeriesLabel( series ).toLowerCase()
		)
	);
	return sprintf(
		/* translators: 1: time window, 2: total runs, 3: runs per status. */
		__( 'Runs per hour, %1$s: %2$s runs (%3$s).', 'sophmate-safe-mode' ),
		windowLabel( stats.window ).toLowerCase(),
		formatNumber( sum( totals ) ),
		parts.join( ', ' )
	);
}

/** Indexes of at most `count` evenly spaced tick labels. */
function ticks( length: number, count: number ): number[] {
	if ( length <= count ) {
		return Array.from( { length }, ( _, i ) => i );
	}
	const step = ( length - 1 ) / ( count - 1 );
	return Array.from( { length: count }, ( _, i ) => Math.round( i * step ) );
}

const BAR_WIDTH = 10;
const HEIGHT = 100;

function Bars( { stats, prefix }: { stats: Stats; prefix: string } ) {
	const hours = stats.runs_per_hour;
	const withDay = stats.window === '7d';
	const max = niceMax(
		Math.max( 0, ...hours.map( ( hour ) => sum( seriesCounts( hour ) ) ) )
	);
	const width = Math.max( 1, hours.length ) * BAR_WIDTH;
	const fill = ( series: RunSeries ) =>
		`url(#${ prefix }-${ RUN_SERIES.indexOf( series ) })`;

	return (
		<div className="sophmate-chart__plot">
			<span className="sophmate-chart__y-max" aria-hidden="true">
				{ formatNumber( max ) }
			</span>
			<svg
				className="sophmate-chart__svg"
				viewBox={ `0 0 ${ width } ${ HEIGHT }` }
				preserveAspectRatio="none"
				role="img"
				aria-label={ runsSummary( stats ) }
				focusable="false"
			>
				<PatternDefs
					prefix={ prefix }
					styles={ RUN_SERIES.map( ( series ) => STYLES[ series ] ) }
				/>
				{ [ 0.25, 0.5, 0.75 ].map( ( f ) => (
					<line
						key={ f }
						className="sophmate-chart__grid"
						x1="0"
						x2={ width }
						y1={ HEIGHT * f }
						y2={ HEIGHT * f }
						vectorEffect="non-scaling-stroke"
					/>
				) ) }
				{ hours.map( ( hour, index ) => {
					const counts = seriesCounts( hour );
					let y = HEIGHT;
					return (
						<g
							key={ hour.hour }
							className="sophmate-chart__bar"
							data-hour={ hour.hour }
						>
							<title>
								{ `${ formatHour( hour.hour, withDay ) }: ${
									RUN_SERIES.filter(
										( s ) => counts[ s ] > 0
									)
										.map(
											( s ) =>
												`${ counts[ s ] } ${ runSeriesLabel(
													s
												) }`
										)
										.join( ', ' ) || '0'
								}` }
							</title>
							{ RUN_SERIES.map( ( series ) => {
								const h = ( counts[ series ] / max ) * HEIGHT;
								if ( h <= 0 ) {
									return null;
								}
								y -= h;
								return (
									<rect
										key={ series }
										data-series={ series }
										x={ index * BAR_WIDTH + 1 }
										width={ BAR_WIDTH - 2 }
										y={ y }
										height={ h }
										fill={ fill( series ) }
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
					y1={ HEIGHT }
					y2={ HEIGHT }
					vectorEffect="non-scaling-stroke"
				/>
			</svg>
			<div className="sophmate-chart__x-labels" aria-hidden="true">
				{ ticks( hours.length, 5 ).map( ( index ) => (
					<span
						key={ index }
						style={ {
							left: `${
								( ( index + 0.5 ) / hours.length ) * 100
							}%`,
						} }
					>
						{ formatHour(
							hours[ index ]?.hour ?? stats.since,
							withDay
						) }
					</span>
				) ) }
			</div>
			<ul className="sophmate-chart__legend">
				{ RUN_SERIES.map( ( series ) => (
					<LegendItem
						key={ series }
						fill={ fill( series ) }
						label={ runSeriesLabel( series ) }
					/>
				) ) }
			</ul>
		</div>
	);
}

function RunsTable( { stats, visible }: { stats: Stats; visible: boolean } ) {
	const withDay = stats.window === '7d';
	return (
		// Hidden tables sit in a hidden div: a table ignores screen-reader-text's 1px width
		// and would make a phone screen scroll sideways.
		<div
			className={
				visible ? 'sophmate-chart__table-wrap' : 'screen-reader-text'
			}
		>
			<table className="sophmate-chart__table widefat striped">
				<caption>
					{ sprintf(
						/* translators: %s: time window, e.g. "last 24 hours". */
						__(
							'Runs per hour by status, %s',
							'sophmate-safe-mode'
						),
						windowLabel( stats.window ).toLowerCase()
					) }
				</caption>
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Hour', 'sophmate-safe-mode' ) }
						</th>
						{ RUN_SERIES.map( ( series ) => (
							<th scope="col" key={ series }>
								{ runSeriesLabel( series ) }
							</th>
						) ) }
						<th scope="col">
							{ __( 'Total', 'sophmate-safe-mode' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ stats.runs_per_hour.map( ( hour ) => {
						const counts = seriesCounts( hour );
						return (
							<tr key={ hour.hour }>
								<th scope="row">
									<time dateTime={ hour.hour }>
										{ formatHour( hour.hour, withDay ) }
									</time>
								</th>
								{ RUN_SERIES.map( ( series ) => (
									<td key={ series }>
										{ formatNumber( counts[ series ] ) }
									</td>
								) ) }
								<td>{ formatNumber( sum( counts ) ) }</td>
							</tr>
						);
					} ) }
				</tbody>
			</table>
		</div>
	);
}

export interface RunsChartProps {
	/** Category slug, or null/absent for the whole site. */
	category?: string | null;
	/** Controlled window; without it the chart shows its own 24 h / 7 d toggle. */
	window?: StatsWindow;
}

/**
 * Runs per hour by status (stacked bars) for the last 24 hours or 7 days,
 * with a text summary for assistive technology and a data table.
 *
 * @param props
 * @param props.category Category slug, or null for the whole site.
 * @param props.window   Controlled window (optional).
 */
export function RunsChart( { category = null, window }: RunsChartProps ) {
	const [ ownWindow, setOwnWindow ] = useState< StatsWindow >( '24h' );
	const [ showTable, setShowTable ] = useState( false );
	const current = window ?? ownWindow;
	const { stats, error } = useStats( current, category );
	const prefix = svgId( useId() );
	const titleId = `${ prefix }-title`;

	let body;
	if ( stats ) {
		body = (
			<>
				<Bars stats={ stats } prefix={ prefix } />
				<RunsTable stats={ stats } visible={ showTable } />
			</>
		);
	} else if ( error ) {
		body = (
			<p className="sophmate-safe-mode__meta">
				{ __(
					'Run history could not be loaded:',
					'sophmate-safe-mode'
				) }{ ' ' }
				{ error.message }
			</p>
		);
	} else {
		body = (
			<p className="sophmate-safe-mode__meta">
				{ __( 'Loading…', 'sophmate-safe-mode' ) }
			</p>
		);
	}

	return (
		<figure
			className="sophmate-chart sophmate-chart--runs"
			aria-labelledby={ titleId }
			data-testid="runs-chart"
		>
			<div className="sophmate-chart__header">
				<h3 id={ titleId } className="sophmate-chart__title">
					{ __( 'Runs per hour', 'sophmate-safe-mode' ) }
				</h3>
				{ window === undefined && (
					<WindowToggle
						value={ ownWindow }
						onChange={ setOwnWindow }
					/>
				) }
				{ stats && (
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
