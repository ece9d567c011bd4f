/**
 * Entry point of the Automation Safety admin app.
 *
 * The PHP admin page prints `<div id="sophmate-safe-mode-root"></div>` and
 * `window.sophmateSafeModeBoot`, and enqueues this bundle with the
 * dependencies listed in build/index.asset.php (wp-api-fetch, wp-i18n).
 */
import '@wordpress/components/build-style/style.css';
import './style.scss';

import { createRoot } from '@wordpress/element';

// Importing the stores registers them with the default @wordpress/data registry.
import './store/status';
import './store/categories';
import './store/automations';
import './store/cron-hooks';
import './store/runs';
import './store/audit';
import './store/stats';
import './store/providers';
import './store/owners';

import { App } from './App';
import { parseBoot } from './boot';

const ROOT_ID = 'sophmate-safe-mode-root';

function mount(): void {
	const container = document.getElementById( ROOT_ID );
	if ( ! container ) {
		return;
	}
	createRoot( container ).render(
		<App boot={ parseBoot( window.sophmateSafeModeBoot ) } />
	);
}

if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', mount, { once: true } );
} else {
	mount();
}
