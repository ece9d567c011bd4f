/**
 * "Pause all automation" in the admin bar: asks for a reason (required), turns safe mode to
 * "paused" over the plugin's REST API and reloads. Plain script, no build step; strings come
 * translated from PHP in window.sophmateSafeModeAdminBar.
 *
 * The browser's own prompt is used on purpose: it works on every screen (front end included),
 * needs no markup or styles of ours, and is keyboard and screen-reader accessible.
 */
/* eslint-disable no-alert */
( function () {
	'use strict';

	const config = window.sophmateSafeModeAdminBar;
	if ( ! config || ! window.wp || ! window.wp.apiFetch ) {
		return;
	}

	function askReason() {
		let reason = window.prompt( config.i18n.prompt, '' );
		while ( reason !== null && reason.trim() === '' ) {
			reason = window.prompt( config.i18n.reasonRequired, '' );
		}
		return reason === null ? null : reason.trim();
	}

	document.addEventListener( 'click', function ( event ) {
		const target = event.target;
		const item =
			target && target.closest
				? target.closest( '#' + config.node )
				: null;
		if ( ! item ) {
			return;
		}
		const link = item.querySelector( 'a, [role="menuitem"]' ) || item;
		event.preventDefault();
		if ( link.getAttribute( 'aria-busy' ) === 'true' ) {
			return;
		}

		const reason = askReason();
		if ( reason === null ) {
			return; // Cancelled: nothing changes.
		}

		const label = link.textContent;
		link.setAttribute( 'aria-busy', 'true' );
		link.textContent = config.i18n.pausing;

		window.wp
			.apiFetch( {
				path: config.path,
				method: 'PUT',
				data: { mode: 'paused', reason },
			} )
			.then( function () {
				window.location.reload();
			} )
			.catch( function ( error ) {
				link.removeAttribute( 'aria-busy' );
				link.textContent = label;
				window.alert(
					config.i18n.failed +
						' ' +
						( ( error && error.message ) || String( error ) )
				);
			} );
	} );
} )();
