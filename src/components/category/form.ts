/**
 * The category edit form without React: its values as strings (what the
 * controls hold), client-side checks, the PATCH body, and the mapping of a
 * server refusal to the field it names.
 */
import { __, sprintf } from '@wordpress/i18n';

import {
	placeServerErrors,
	type ApiError,
	type CategoryConfig,
	type CategoryUpdate,
	type PausePolicy,
} from '../../api';

export interface CategoryFormValues {
	/** User ids as strings; '' is "nobody". */
	owner_id: string;
	backup_owner_id: string;
	restart_owner_id: string;
	running: PausePolicy[ 'running' ];
	queued: PausePolicy[ 'queued' ];
	scheduled: PausePolicy[ 'scheduled' ];
	retrying: PausePolicy[ 'retrying' ];
	cleanup_notes: string;
	review_every_days: string;
	/** One address / URL per line. */
	emails: string;
	webhooks: string;
}

export type CategoryFormField = keyof CategoryFormValues;

export type FieldErrors = Partial< Record< CategoryFormField, string > >;

export const REVIEW_DAYS = { min: 1, max: 3650 } as const;

const idString = ( id: number | null ): string =>
	id === null ? '' : String( id );

const idValue = ( value: string ): number | null =>
	value === '' ? null : Number( value );

/**
 * The form's starting values for a category.
 *
 * @param category Category config from GET /categories.
 */
export function formValues( category: CategoryConfig ): CategoryFormValues {
	return {
		owner_id: idString( category.owner_id ),
		backup_owner_id: idString( category.backup_owner_id ),
		restart_owner_id: idString( category.policy.restart_owner_id ),
		running: category.policy.running,
		queued: category.policy.queued,
		scheduled: category.policy.scheduled,
		retrying: category.policy.retrying,
		cleanup_notes: category.policy.cleanup_notes,
		review_every_days: String( category.review_every_days ),
		emails: category.notify.emails.join( '\n' ),
		webhooks: category.notify.webhooks.join( '\n' ),
	};
}

/**
 * Non-empty trimmed lines.
 *
 * @param text Textarea content.
 */
export function lines( text: string ): string[] {
	return text
		.split( /\r?\n/ )
		.map( ( line ) => line.trim() )
		.filter( Boolean );
}

// Deliberately loose: the server (PHP's FILTER_VALIDATE_EMAIL) has the last
// word; this only catches typos before a round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isHttpUrl( value: string ): boolean {
	try {
		const url = new URL( value );
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * The pause policy the form describes (for the sentence preview).
 *
 * @param values Form values.
 */
export function formPolicy( values: CategoryFormValues ): PausePolicy {
	return {
		running: values.running,
		queued: values.queued,
		scheduled: values.scheduled,
		retrying: values.retrying,
		cleanup_notes: values.cleanup_notes,
		restart_owner_id: idValue( values.restart_owner_id ),
	};
}

/**
 * Client-side checks; the keys of the result are the fields in error.
 *
 * @param values Form values.
 */
export function validateCategoryForm(
	values: CategoryFormValues
): FieldErrors {
	const errors: FieldErrors = {};
	const days = values.review_every_days.trim();
	if (
		! /^\d+$/.test( days ) ||
		Number( days ) < REVIEW_DAYS.min ||
		Number( days ) > REVIEW_DAYS.max
	) {
		errors.review_every_days = sprintf(
			/* translators: 1: minimum, 2: maximum number of days. */
			__(
				'Enter a whole number of days from %1$d to %2$d.',
				'sophmate-safe-mode'
			),
			REVIEW_DAYS.min,
			REVIEW_DAYS.max
		);
	}
	const badEmail = lines( values.emails ).find(
		( line ) => ! EMAIL.test( line )
	);
	if ( badEmail !== undefined ) {
		errors.emails = sprintf(
			/* translators: %s: the text that is not an email address. */
			__( '“%s” is not an email address.', 'sophmate-safe-mode' ),
			badEmail
		);
	}
	const badUrl = lines( values.webhooks ).find(
		( line ) => ! isHttpUrl( line )
	);
	if ( badUrl !== undefined ) {
		errors.webhooks = sprintf(
			/* translators: %s: the text that is not a web address. */
			__(
				'“%s” is not an http:// or https:// address.',
				'sophmate-safe-mode'
			),
			badUrl
		);
	}
	return errors;
}

/**
 * PATCH body with every field of the form (the server reports which ones
 * actually changed).
 *
 * @param values Form values (valid).
 */
export function categoryUpdate( values: CategoryFormValues ): CategoryUpdate {
	return {
		owner_id: idValue( values.owner_id ),
		backup_owner_id: idValue( values.backup_owner_id ),
		policy: formPolicy( values ),
		review_every_days: Number( values.review_every_days.trim() ),
		notify: {
			emails: lines( values.emails ),
			webhooks: lines( values.webhooks ),
		},
	};
}

/**
 * The form field a server message is about, from the field names the PHP
 * side puts in its messages ("backup_owner_id must be …",
 * "notify.webhooks must be http(s) URLs.") or the parameter WordPress'
 * argument validation names.
 *
 * @param param   Parameter name (`data.params` key or error code suffix).
 * @param message The server's message.
 */
function fieldOf( param: string, message: string ): CategoryFormField | null {
	switch ( param ) {
		case 'owner_id':
		case 'backup_owner_id':
		case 'review_every_days':
			return param;
		case 'owner':
			if ( message.startsWith( 'policy.restart_owner_id' ) ) {
				return 'restart_owner_id';
			}
			if ( message.startsWith( 'backup_owner_id' ) ) {
				return 'backup_owner_id';
			}
			return message.startsWith( 'owner_id' ) ? 'owner_id' : null;
		case 'notify':
			return /webhook/i.test( message ) ? 'webhooks' : 'emails';
		case 'policy':
			if ( /restart_owner_id/.test( message ) ) {
				return 'restart_owner_id';
			}
			return (
				(
					[
						'running',
						'queued',
						'scheduled',
						'retrying',
						'cleanup_notes',
					] as const
				 ).find( ( key ) => message.includes( `[${ key }]` ) ) ?? null
			);
		default:
			return null;
	}
}

/**
 * Splits a refused PATCH into messages for fields and one for the form.
 *
 * @param error The ApiError of the PATCH.
 */
export function serverErrors( error: ApiError ): {
	fields: FieldErrors;
	form: string | null;
} {
	return placeServerErrors( error, fieldOf );
}
