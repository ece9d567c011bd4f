/**
 * Offers `text` as a file download (CSV export, configuration export).
 *
 * @param text     File contents.
 * @param filename File name.
 * @param type     MIME type.
 */
export function downloadText(
	text: string,
	filename: string,
	type: string
): void {
	const blob = new Blob( [ text ], { type } );
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	document.body.appendChild( link );
	link.click();
	link.remove();
	// Revoked a moment later: some browsers start the download after click() returns.
	window.setTimeout( () => URL.revokeObjectURL( url ), 1000 );
}
