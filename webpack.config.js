/**
 * Webpack config for the SophMate Safe Mode admin app.
 *
 * Extends the @wordpress/scripts defaults with two deliberate changes:
 *
 * 1. Externals: only `@wordpress/api-fetch` (wp.apiFetch, handle wp-api-fetch)
 *    and `@wordpress/i18n` (wp.i18n, handle wp-i18n) are taken from WordPress.
 *    React, react-dom and every other @wordpress/* package are bundled, because
 *    the plugin must run on WordPress 6.1 (React 17 as wp-element, old
 *    wp-components) as well as on 7.x. apiFetch stays external so the nonce,
 *    root URL and preloading middleware WordPress registers apply to our
 *    requests; i18n stays external so translations loaded with
 *    wp_set_script_translations() reach our strings.
 * 2. CSS: the `style` split chunk is switched off so that everything (our
 *    styles and the bundled @wordpress/components styles) ends up in a single
 *    build/index.css.
 * 3. Lazy chunks' CSS: webpack's runtime loads `<chunk>.css`; on right-to-left
 *    sites (`<html dir="rtl">`) it now loads the `<chunk>-rtl.css` RtlCssPlugin
 *    writes next to it, as WordPress does for the entry's CSS.
 */
const path = require( 'path' );

const scriptsRoot = path.dirname(
	require.resolve( '@wordpress/scripts/package.json' )
);
// Resolve the plugin from @wordpress/scripts so that `instanceof` below
// matches the very class the default config instantiated.
const DependencyExtractionWebpackPlugin = require(
	require.resolve( '@wordpress/dependency-extraction-webpack-plugin', {
		paths: [ scriptsRoot ],
	} )
);
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const MiniCSSExtractPlugin = require(
	require.resolve( 'mini-css-extract-plugin', { paths: [ scriptsRoot ] } )
);

/** WordPress-provided scripts we deliberately do NOT bundle. */
const WORDPRESS_EXTERNALS = new Map( [
	[
		'@wordpress/api-fetch',
		{ global: [ 'wp', 'apiFetch' ], handle: 'wp-api-fetch' },
	],
	[ '@wordpress/i18n', { global: [ 'wp', 'i18n' ], handle: 'wp-i18n' } ],
] );

const isDependencyExtraction = ( plugin ) =>
	plugin instanceof DependencyExtractionWebpackPlugin ||
	plugin?.constructor?.name === 'DependencyExtractionWebpackPlugin';

module.exports = {
	...defaultConfig,
	entry: {
		index: path.resolve( __dirname, 'src/index.tsx' ),
	},
	optimization: {
		...defaultConfig.optimization,
		splitChunks: {
			cacheGroups: {
				default: false,
			},
		},
	},
	plugins: [
		...defaultConfig.plugins
			.filter( ( plugin ) => ! isDependencyExtraction( plugin ) )
			.map( ( plugin ) =>
				plugin instanceof MiniCSSExtractPlugin
					? new MiniCSSExtractPlugin( {
							filename: '[name].css',
							// Serialised into webpack's runtime: plain ES5, no closures.
							insert: function insertChunkStylesheet( linkTag ) {
								if ( document.documentElement.dir === 'rtl' ) {
									linkTag.href = linkTag.href.replace(
										/\.css(\?|$)/,
										'-rtl.css$1'
									);
								}
								document.head.appendChild( linkTag );
							},
						} )
					: plugin
			),
		new DependencyExtractionWebpackPlugin( {
			useDefaults: false,
			requestToExternal: ( request ) =>
				WORDPRESS_EXTERNALS.get( request )?.global,
			requestToHandle: ( request ) =>
				WORDPRESS_EXTERNALS.get( request )?.handle,
		} ),
	],
};
