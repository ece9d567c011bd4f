/**
 * "Pause all automation" in the admin bar: a small dialog asks for the reason (required),
 * then safe mode is turned to "paused" over the plugin's REST API and the page reloads.
 * Plain script, no build step; strings come translated from PHP in
 * window.sophmateSafeModeAdminBar.
 *
 * A native <dialog> opened with showModal() gives focus trapping, Escape and an inert page
 * for free, on every screen (front end included). Everything inserted is set as text, never
 * as HTML. Without <dialog> support the link simply opens the Automation Safety page.
 */
( function () {
	'use strict';

	const config = window.sophmateSafeModeAdminBar;
	if (
		! config ||
		! window.wp ||
		! window.wp.apiFetch ||
		typeof window.HTMLDialogElement !== 'function'
	) {
		return;
	}
	const text = config.i18n;
	let dialog = null;
	let opener = null;

	function element( tag, attributes, content ) {
		const node = document.createElement( tag );
		Object.keys( attributes || {} ).forEach( function ( name ) {
			node.setAttribute( name, attributes[ name ] );
		} );
		if ( content ) {
			node.textContent = content;
		}
		return node;
	}

	function build() {
		const root = element( 'dialog', {
			class: 'sophmate-sm-dialog',
			'aria-labelledby': 'sophmate-sm-dialog-title',
			'aria-describedby': 'sophmate-sm-dialog-description',
		} );
		const form = element( 'form', { novalidate: '' } );
		const reason = element( 'textarea', {
			id: 'sophmate-sm-reason',
			name: 'reason',
			rows: '3',
			maxlength: '500',
			required: '',
			'aria-describedby': 'sophmate-sm-reason-help',
		} );
		const error = element( 'p', {
			class: 'sophmate-sm-dialog__error',
			id: 'sophmate-sm-dialog-error',
			role: 'alert',
		} );
		const cancel = element(
			'button',
			{ type: 'button', class: 'sophmate-sm-dialog__cancel' },
			text.cancel
		);
		const submit = element(
			'button',
			{ type: 'submit', class: 'sophmate-sm-dialog__submit' },
			text.submit
		);
		const actions = element( 'div', {
			class: 'sophmate-sm-dialog__actions',
		} );
		actions.append( cancel, submit );
		form.append(
			element( 'h2', { id: 'sophmate-sm-dialog-title' }, text.title ),
			element(
				'p',
				{ id: 'sophmate-sm-dialog-description' },
				text.description
			),
			element( 'label', { for: 'sophmate-sm-reason' }, text.reasonLabel ),
			reason,
			element(
				'p',
				{
					id: 'sophmate-sm-reason-help',
					class: 'sophmate-sm-dialog__help',
				},
				text.reasonHelp
			),
			error,
			actions
		);
		root.append( form );

		function showError( message ) {
			error.textContent = message;
			reason.setAttribute( 'aria-invalid', 'true' );
		}

		function busy( isBusy ) {
			root.classList.toggle( 'is-busy', isBusy );
			submit.disabled = isBusy;
			cancel.disabled = isBusy;
			reason.readOnly = isBusy;
			submit.textContent = isBusy ? text.pausing : text.submit;
		}

		cancel.addEventListener( 'click', function () {
			root.close();
		} );
		// Escape: the browser cancels the dialog; not while the request runs.
		root.addEventListener( 'cancel', function ( event ) {
			if ( submit.disabled ) {
				event.preventDefault();
			}
		} );
		root.addEventListener( 'close', function () {
			if ( opener ) {
				opener.focus();
			}
		} );
		form.addEventListener( 'submit', function ( event ) {
			event.preventDefault();
			const value = reason.value.trim();
			if ( value === '' ) {
				showError( text.reasonRequired );
				reason.focus();
				return;
			}
			error.textContent = '';
			reason.removeAttribute( 'aria-invalid' );
			busy( true );
			window.wp
				.apiFetch( {
					path: config.path,
					method: 'PUT',
					data: { mode: 'paused', reason: value },
				} )
				.then( function () {
					window.location.reload();
				} )
				.catch( function ( failure ) {
					busy( false );
					showError(
						text.failed +
							' ' +
							( ( failure && failure.message ) ||
								String( failure ) )
					);
					reason.focus();
				} );
		} );

		root.reset = function () {
			form.reset();
			error.textContent = '';
			reason.removeAttribute( 'aria-invalid' );
			busy( false );
		};
		root.reason = reason;
		document.body.append( root );
		return root;
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
		event.preventDefault();
		opener = item.querySelector( 'a, [role="menuitem"]' ) || item;
		dialog = dialog || build();
		dialog.reset();
		dialog.showModal();
		dialog.reason.focus();
	} );
} )();
