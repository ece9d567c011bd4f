/**
 * ESLint flat config, used by `wp-scripts lint-js src tests/js e2e`.
 *
 * Base: @wordpress/eslint-plugin's recommended config (it adds the TypeScript
 * parser, the typescript import resolver and Prettier formatting because
 * typescript and prettier are installed). @wordpress/eslint-plugin is a
 * dependency of @wordpress/scripts; it is resolved from there so the config
 * does not rely on npm hoisting.
 */
import { createRequire } from 'node:module';

const require = createRequire( import.meta.url );
const requireFromScripts = createRequire(
	require.resolve( '@wordpress/scripts/package.json' )
);
const wpPlugin = requireFromScripts( '@wordpress/eslint-plugin' );
const globals = requireFromScripts( 'globals' );

export default [
	{
		ignores: [
			'build/**',
			'node_modules/**',
			'vendor/**',
			'.wp/**',
			'test-results/**',
			'playwright-report/**',
			'**/*.d.ts',
		],
	},

	...wpPlugin.configs.recommended,

	// Browser code: the admin app.
	{
		files: [ 'src/**/*.{ts,tsx}' ],
		languageOptions: {
			globals: { ...globals.browser },
		},
		rules: {
			'@wordpress/i18n-text-domain': [
				'error',
				{ allowedTextDomain: 'sophmate-safe-mode' },
			],
			// Parameters are typed (and props destructured) in TypeScript;
			// a JSDoc block need not repeat every one of them.
			'jsdoc/require-param': 'off',
		},
	},

	// vitest unit and component tests (vitest APIs are imported explicitly).
	{
		files: [ 'tests/js/**/*.{ts,tsx}' ],
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
		},
		rules: {
			'jsdoc/require-param': 'off',
		},
	},

	// Playwright end-to-end specs.
	...wpPlugin.configs[ 'test-playwright' ].map( ( config ) => ( {
		...config,
		files: [ 'e2e/**/*.{ts,js}' ],
	} ) ),
	{
		files: [ 'e2e/**/*.{ts,js}' ],
		languageOptions: {
			globals: { ...globals.node },
		},
	},
];
