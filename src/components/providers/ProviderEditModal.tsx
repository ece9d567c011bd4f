import {
	Modal,
	Notice,
	SelectControl,
	TextControl,
	TextareaControl,
	Button,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

import type { Provider } from '../../api';
import { providersStore } from '../../store/providers';
import { providerStatusLabel } from '../category/CategoryProviders';
import { useActionFeedback } from '../Snackbars';
import {
	providerFormValues,
	providerServerErrors,
	providerUpdate,
	validateProviderForm,
	type ProviderFieldErrors,
	type ProviderFormField,
	type ProviderFormValues,
} from './form';

const STATUSES = [ 'operational', 'degraded', 'outage', 'unknown' ] as const;

/**
 * Adds a provider or edits one: name, hosts (what the outbound gate refuses
 * while paused), status by hand and the status URL to poll. The server's
 * refusals land under the field they name.
 *
 * @param props
 * @param props.provider The provider to edit, or null to add one.
 * @param props.onClose  Closes the dialog.
 */
export function ProviderEditModal( {
	provider,
	onClose,
}: {
	provider: Provider | null;
	onClose: () => void;
} ) {
	const isNew = provider === null;
	const [ values, setValues ] = useState< ProviderFormValues >( () =>
		providerFormValues( provider )
	);
	const [ errors, setErrors ] = useState< ProviderFieldErrors >( {} );
	const [ formError, setFormError ] = useState< string | null >( null );
	const [ submitting, setSubmitting ] = useState( false );
	const slugs = useSelect(
		( select ) =>
			select( providersStore )
				.getProviders()
				.map( ( item ) => item.slug ),
		[]
	);
	const { saveProvider } = useDispatch( providersStore );
	const { confirm, fail } = useActionFeedback();

	const set =
		< K extends ProviderFormField >( field: K ) =>
		( value: ProviderFormValues[ K ] ) => {
			setValues( ( current ) => ( { ...current, [ field ]: value } ) );
			setErrors( ( current ) => {
				const { [ field ]: _dropped, ...rest } = current;
				return rest;
			} );
		};

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( submitting ) {
			return;
		}
		setFormError( null );
		const found = validateProviderForm( values, slugs, isNew );
		setErrors( found );
		if ( Object.keys( found ).length ) {
			return;
		}
		const slug = values.slug.trim();
		setSubmitting( true );
		const result = await saveProvider(
			slug,
			providerUpdate( values, provider )
		);
		setSubmitting( false );
		if ( result.ok ) {
			confirm(
				isNew
					? sprintf(
							/* translators: %s: provider name. */
							__( 'Provider %s added.', 'sophmate-safe-mode' ),
							result.value.label
						)
					: sprintf(
							/* translators: %s: provider name. */
							__( 'Provider %s saved.', 'sophmate-safe-mode' ),
							result.value.label
						)
			);
			onClose();
			return;
		}
		const mapped = providerServerErrors( result.error );
		setErrors( mapped.fields );
		setFormError( mapped.form );
		fail(
			sprintf(
				/* translators: 1: provider slug, 2: the server's message. */
				__( '%1$s was not saved: %2$s', 'sophmate-safe-mode' ),
				slug,
				result.error.message
			)
		);
	};

	const invalid = ( field: ProviderFormField ) => ( {
		className: errors[ field ] ? 'has-error' : undefined,
		'aria-invalid': errors[ field ] ? true : undefined,
	} );
	const statusChanged = provider
		? values.status !== provider.status
		: values.status !== 'unknown';

	return (
		<Modal
			title={
				isNew
					? __( 'Add provider', 'sophmate-safe-mode' )
					: sprintf(
							/* translators: %s: provider name. */
							__( 'Edit %s', 'sophmate-safe-mode' ),
							provider.label
						)
			}
			onRequestClose={ onClose }
			focusOnMount="firstContentElement"
			className="sophmate-safe-mode__modal sophmate-providers__modal"
		>
			<form
				onSubmit={ onSubmit }
				noValidate
				data-testid="provider-edit-form"
				className="sophmate-providers__form"
			>
				{ formError && (
					<Notice status="error" isDismissible={ false }>
						{ formError }
					</Notice>
				) }
				{ isNew && (
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Slug', 'sophmate-safe-mode' ) }
						value={ values.slug }
						onChange={ set( 'slug' ) }
						help={
							errors.slug ??
							__(
								'How categories and automations name it, e.g. openai.',
								'sophmate-safe-mode'
							)
						}
						{ ...invalid( 'slug' ) }
					/>
				) }
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Name', 'sophmate-safe-mode' ) }
					value={ values.label }
					onChange={ set( 'label' ) }
					help={ errors.label }
					{ ...invalid( 'label' ) }
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Hosts', 'sophmate-safe-mode' ) }
					value={ values.hosts }
					onChange={ set( 'hosts' ) }
					rows={ 3 }
					help={
						errors.hosts ??
						__(
							'One per line, e.g. api.example.com or *.example.com. Requests to them are refused while automation is paused.',
							'sophmate-safe-mode'
						)
					}
					{ ...invalid( 'hosts' ) }
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="url"
					label={ __( 'Status URL', 'sophmate-safe-mode' ) }
					value={ values.status_url }
					onChange={ set( 'status_url' ) }
					help={
						errors.status_url ??
						__(
							'A Statuspage-style status.json, e.g. https://status.example.com/api/v2/status.json. Checked every few minutes by WP-Cron; leave empty to set the status by hand.',
							'sophmate-safe-mode'
						)
					}
					{ ...invalid( 'status_url' ) }
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Status', 'sophmate-safe-mode' ) }
					value={ values.status }
					options={ STATUSES.map( ( status ) => ( {
						value: status,
						label: providerStatusLabel( status ),
					} ) ) }
					onChange={ ( value: string ) =>
						set( 'status' )(
							value as ProviderFormValues[ 'status' ]
						)
					}
					help={
						errors.status ??
						( values.status_url.trim() !== ''
							? __(
									'A status set by hand holds until the status page reports something new.',
									'sophmate-safe-mode'
								)
							: undefined )
					}
					{ ...invalid( 'status' ) }
				/>
				{ statusChanged && (
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __(
							'Why (for the audit log)',
							'sophmate-safe-mode'
						) }
						value={ values.reason }
						onChange={ set( 'reason' ) }
						rows={ 2 }
						maxLength={ 500 }
						help={ errors.reason }
						{ ...invalid( 'reason' ) }
					/>
				) }
				<div className="sophmate-safe-mode__modal-actions">
					<Button variant="tertiary" onClick={ onClose }>
						{ __( 'Cancel', 'sophmate-safe-mode' ) }
					</Button>
					<Button
						variant="primary"
						type="submit"
						isBusy={ submitting }
						disabled={ submitting }
					>
						{ isNew
							? __( 'Add provider', 'sophmate-safe-mode' )
							: __( 'Save', 'sophmate-safe-mode' ) }
					</Button>
				</div>
			</form>
		</Modal>
	);
}
