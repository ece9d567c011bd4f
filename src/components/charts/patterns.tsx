/**
 * Fills shared by the charts: each series has a color AND a pattern (or a
 * solid fill), so series stay distinguishable without color.
 */
export type PatternKind = 'solid' | 'hatch' | 'dots' | 'stripes' | 'cross';

export interface SeriesStyle {
	color: string;
	pattern: PatternKind;
}

/**
 * SVG <pattern> definitions for `styles`, ids `${ prefix }-${ index }`.
 *
 * @param props
 * @param props.prefix Unique id prefix of this chart.
 * @param props.styles Style of each series, by index.
 */
export function PatternDefs( {
	prefix,
	styles,
}: {
	prefix: string;
	styles: SeriesStyle[];
} ) {
	return (
		<defs>
			{ styles.map( ( style, index ) => (
				<pattern
					key={ index }
					id={ `${ prefix }-${ index }` }
					width="6"
					height="6"
					patternUnits="userSpaceOnUse"
				>
					<rect width="6" height="6" fill={ style.color } />
					{ style.pattern === 'hatch' && (
						<path
							d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2"
							stroke="#fff"
							strokeWidth="1.5"
						/>
					) }
					{ style.pattern === 'dots' && (
						<circle cx="3" cy="3" r="1.3" fill="#fff" />
					) }
					{ style.pattern === 'stripes' && (
						<path d="M0,3 h6" stroke="#fff" strokeWidth="1.5" />
					) }
					{ style.pattern === 'cross' && (
						<path
							d="M3,0 v6 M0,3 h6"
							stroke="#fff"
							strokeWidth="1"
						/>
					) }
				</pattern>
			) ) }
		</defs>
	);
}

/**
 * Makes a React `useId()` value usable inside `url(#…)`.
 *
 * @param id Raw id.
 */
export function svgId( id: string ): string {
	return `sophmate-chart-${ id.replace( /[^a-zA-Z0-9_-]/g, '' ) }`;
}

/**
 * One legend entry: a swatch with the series' fill, and its label.
 *
 * @param props
 * @param props.fill  `url(#…)` of the series' pattern.
 * @param props.label Visible label.
 */
export function LegendItem( { fill, label }: { fill: string; label: string } ) {
	return (
		<li className="sophmate-chart__legend-item">
			<svg
				width="14"
				height="14"
				aria-hidden="true"
				focusable="false"
				className="sophmate-chart__swatch"
			>
				<rect width="14" height="14" fill={ fill } />
			</svg>
			{ label }
		</li>
	);
}

/** Smallest "nice" value ≥ max for the top of the y axis. */
export function niceMax( max: number ): number {
	if ( max <= 0 ) {
		return 1;
	}
	const power = Math.pow( 10, Math.floor( Math.log10( max ) ) );
	for ( const step of [ 1, 2, 2.5, 5, 10 ] ) {
		if ( step * power >= max ) {
			return step * power;
		}
	}
	return 10 * power;
}
