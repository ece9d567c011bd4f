/**
 * The provider edit form without React: its values as strings, client-side
 * checks mirroring the server's (slug, label, hosts, status URL), the PUT
 * body, and the mapping of a server refusal to the field it names.
 */
import { __, sprintf } from '@wordpress/i18n';

import {
	placeServerErrors,
	type ApiError,
	type Provider,
	type ProviderStatus,
	type ProviderUpdate,
} from '../../api';

export interface ProviderFormValues {
	slug: string;
	label: string;
	/** One host per line (commas work too). */
	hosts: string;
	status: ProviderStatus;
	status_url: string;
	/** Why the status was set by hand (only sent with a status change). */
	reason: string;
}

export type ProviderFormField = keyof ProviderFormValues;

export type ProviderFieldErrors = Partial<
	Record< ProviderFormField, string >
>;

const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const HOST =
	/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export const EMPTY_PROVIDER_FORM: ProviderFormValues = {
	slug: '',
	label: '',
	hosts: '',
	status: 'unknown',
	status_url: '',
	reason: '',
};

/**
 * The form's starting values: empty for a new provider.
 *
 * @param provider The provider being edited, or null.
 */
export function providerFormValues(
	provider: Provider | null
): ProviderFormValues {
	if ( ! provider ) {
		return EMPTY_PROVIDER_FORM;
	}
	return {
		slug: provider.slug,
		label: provider.label,
		hosts: provider.hosts.join( '\n' ),
		status: provider.status,
		status_url: provider.status_url ?? '',
		reason: '',
	};
}

/**
 * The hosts of the textarea, trimmed and lowercased, one per line or comma.
 *
 * @param text Textarea content.
 */
export function hostList( text: string ): string[] {
	return text
		.split( /[\s,]+/ )
		.map( ( host ) => host.trim().toLowerCase() )
		.filter( Boolean );
}

function isHttpUrl( value: string ): boolean {
	try {
		const url = new URL( value );
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Client-side checks; the keys of the result are the fields in error.
 *
 * @param values        Form values.
 * @param existingSlugs Slugs already taken (only checked for a new provider).
 * @param isNew         Whether the form creates a provider.
 */
export function validateProviderForm(
	values: ProviderFormValues,
	existingSlugs: readonly string[],
	isNew: boolean
): ProviderFieldErrors {
	const errors: ProviderFieldErrors = {};
	const slug = values.slug.trim();
	if ( isNew && ! SLUG.test( slug ) ) {
		errors.slug = __(
			'Use 1–64 lowercase letters, digits, “-” or “_”, starting with a letter or digit.',
			'sophmate-safe-mode'
		);
	} else if ( isNew && existingSlugs.includes( slug ) ) {
		errors.slug = sprintf(
			/* translators: %s: provider slug. */
			__( 'A provider “%s” already exists.', 'sophmate-safe-mode' ),
			slug
		);
	}
	const label = values.label.trim();
	if ( label === '' || label.length > 100 ) {
		errors.label = __(
			'Enter a name of 1–100 characters.',
			'sophmate-safe-mode'
		);
	}
	const badHost = hostList( values.hosts ).find(
		( host ) => ! HOST.test( host ) || host.length > 253
	);
	if ( badHost !== undefined ) {
		errors.hosts = sprintf(
			/* translators: %s: the text that is not a host name. */
			__(
				'“%s” is not a host name (use api.example.com or *.example.com).',
				'sophmate-safe-mode'
			),
			badHost
		);
	}
	const url = values.status_url.trim();
	if ( url !== '' && ( ! isHttpUrl( url ) || url.length > 2000 ) ) {
		errors.status_url = __(
			'Enter an http:// or https:// address, or leave it empty to set the status by hand.',
			'sophmate-safe-mode'
		);
	}
	if ( values.reason.length > 500 ) {
		errors.reason = __(
			'Keep the reason to 500 characters.',
			'sophmate-safe-mode'
		);
	}
	return errors;
}

/**
 * PUT body. The status is sent only when it was changed in the form (or for
 * a new provider that is not "unknown"): resending the status a poll set would
 * otherwise be read as setting it by hand.
 *
 * @param values   Form values (valid).
 * @param original The provider being edited, or null.
 */
export function providerUpdate(
	values: ProviderFormValues,
	original: Provider | null
): ProviderUpdate {
	const body: ProviderUpdate = {
		label: values.label.trim(),
		hosts: hostList( values.hosts ),
		status_url:
			values.status_url.trim() === '' ? null : values.status_url.trim(),
	};
	const statusChanged = original
		? values.status !== original.status
		: values.status !== 'unknown';
	if ( statusChanged ) {
		body.status = values.status;
		if ( values.reason.trim() !== '' ) {
			body.reason = values.reason.trim();
		}
	}
	return body;
}

const FIELDS: readonly ProviderFormField[] = [
	'label',
	'hosts',
	'status',
	'status_url',
	'reason',
];

function fieldOf( param: string ): ProviderFormField | null {
	if ( param === 'provider' || param === 'slug' ) {
		return 'slug';
	}
	return ( FIELDS as readonly string[] ).includes( param )
		? ( param as ProviderFormField )
		: null;
}

/**
 * Splits a refused PUT into messages for fields and one for the form:
 * `sophmate_invalid_status_url` goes under the status URL, WordPress'
 * `data.params` under the parameter it names, anything else on top.
 *
 * @param error The ApiError of the PUT.
 */
export function providerServerErrors( error: ApiError ): {
	fields: ProviderFieldErrors;
	form: string | null;
} {
	return placeServerErrors( error, fieldOf );
}
