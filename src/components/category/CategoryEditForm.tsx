import {
	Button,
	Notice,
	SelectControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { CategoryConfig } from '../../api';
import { categoriesStore } from '../../store/categories';
import { ownersStore } from '../../store/owners';
import { statusStore } from '../../store/status';
import { useActionFeedback } from '../Snackbars';
import { PolicySentenceList } from './CategoryPolicy';
import {
	categoryUpdate,
	formPolicy,
	formValues,
	REVIEW_DAYS,
	serverErrors,
	validateCategoryForm,
	type CategoryFormField,
	type CategoryFormValues,
	type FieldErrors,
} from './form';

/**
 * Edits owners, pause policy, review cadence and notification targets of a
 * category (managers only; the page does not render it for others).
 *
 * @param props
 * @param props.category The category config as loaded.
 */
export function CategoryEditForm( { category }: { category: CategoryConfig } ) {
	const [ values, setValues ] = useState< CategoryFormValues >( () =>
		formValues( category )
	);
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const [ formError, setFormError ] = useState< string | null >( null );
	const { owners, ownersLoaded, ownersError, saving } = useSelect(
		( select ) => ( {
			owners: select( ownersStore ).getOwners(),
			ownersLoaded: select( ownersStore ).hasLoaded(),
			ownersError: select( ownersStore ).getError(),
			saving: select( categoriesStore ).isSaving( category.slug ),
		} ),
		[ category.slug ]
	);
	const { updateCategory } = useDispatch( categoriesStore );
	const { refreshStatus } = useDispatch( statusStore );
	const { confirm, fail } = useActionFeedback();

	const nameOf = ( id: string ): string | null =>
		id === ''
			? null
			: ( owners.find( ( owner ) => String( owner.id ) === id )?.name ??
				null );

	const set =
		< K extends CategoryFormField >( field: K ) =>
		( value: CategoryFormValues[ K ] ) => {
			setValues( ( current ) => ( { ...current, [ field ]: value } ) );
			// A corrected field should not keep shouting.
			setErrors( ( current ) => {
				const { [ field ]: _dropped, ...rest } = current;
				return rest;
			} );
		};

	const onSubmit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		setFormError( null );
		const found = validateCategoryForm( values );
		setErrors( found );
		if ( Object.keys( found ).length ) {
			return;
		}
		const result = await updateCategory(
			category.slug,
			categoryUpdate( values )
		);
		if ( result.ok ) {
			setValues( formValues( result.value ) );
			void refreshStatus();
			confirm(
				sprintf(
					/* translators: %s: category label. */
					__( 'Settings of %s saved.', 'sophmate-safe-mode' ),
					category.label
				)
			);
			return;
		}
		const mapped = serverErrors( result.error );
		setErrors( mapped.fields );
		setFormError( mapped.form );
		fail(
			sprintf(
				/* translators: 1: category label, 2: the server's message. */
				__( '%1$s was not saved: %2$s', 'sophmate-safe-mode' ),
				category.label,
				result.error.message
			)
		);
	};

	// Someone already named (e.g. who lost the capability since) stays
	// selectable, so saving the form does not silently drop them.
	const userOptions = ( current: string ) => {
		const options = [
			{ label: __( '— Nobody —', 'sophmate-safe-mode' ), value: '' },
			...owners.map( ( owner ) => ( {
				label: owner.name,
				value: String( owner.id ),
			} ) ),
		];
		if ( current !== '' && nameOf( current ) === null ) {
			options.push( {
				label: sprintf(
					/* translators: %s: user id. */
					__( 'User #%s', 'sophmate-safe-mode' ),
					current
				),
				value: current,
			} );
		}
		return options;
	};

	const userSelect = (
		field: 'owner_id' | 'backup_owner_id' | 'restart_owner_id',
		label: string,
		help: string
	) => (
		<SelectControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			value={ values[ field ] }
			options={ userOptions( values[ field ] ) }
			onChange={ set( field ) }
			help={ errors[ field ] ?? help }
			className={ errors[ field ] ? 'has-error' : undefined }
			aria-invalid={ errors[ field ] ? true : undefined }
		/>
	);

	const choice = <
		K extends 'running' | 'queued' | 'scheduled' | 'retrying',
	>(
		field: K,
		label: string,
		options: Array< { value: CategoryFormValues[ K ]; label: string } >
	) => (
		<SelectControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			value={ values[ field ] }
			options={ options }
			onChange={ ( value: string ) =>
				set( field )( value as CategoryFormValues[ K ] )
			}
			help={ errors[ field ] }
			className={ errors[ field ] ? 'has-error' : undefined }
		/>
	);

	return (
		<section
			className="sophmate-category__section"
			aria-labelledby="sophmate-category-edit-title"
		>
			<h2 id="sophmate-category-edit-title">
				{ __( 'Settings', 'sophmate-safe-mode' ) }
			</h2>
			<form
				className="sophmate-category__form"
				aria-labelledby="sophmate-category-edit-title"
				data-testid="category-edit-form"
				noValidate
				onSubmit={ onSubmit }
			>
				{ formError && (
					<Notice status="error" isDismissible={ false }>
						{ formError }
					</Notice>
				) }
				{ ownersError && (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'The list of people could not be loaded; the current owners are kept.',
							'sophmate-safe-mode'
						) }{ ' ' }
						{ ownersError.message }
					</Notice>
				) }
				<fieldset className="sophmate-category__fieldset">
					<legend>{ __( 'People', 'sophmate-safe-mode' ) }</legend>
					{ ! ownersLoaded && ! ownersError && (
						<p className="sophmate-safe-mode__meta">
							{ __( 'Loading people…', 'sophmate-safe-mode' ) }
						</p>
					) }
					{ userSelect(
						'owner_id',
						__( 'Owner', 'sophmate-safe-mode' ),
						__(
							'Accountable for this category; gets its alerts.',
							'sophmate-safe-mode'
						)
					) }
					{ userSelect(
						'backup_owner_id',
						__( 'Backup owner', 'sophmate-safe-mode' ),
						__(
							'Acts when the owner is away.',
							'sophmate-safe-mode'
						)
					) }
					{ userSelect(
						'restart_owner_id',
						__( 'Restart owner', 'sophmate-safe-mode' ),
						__(
							'Runs the restart review; the owner when nobody is named.',
							'sophmate-safe-mode'
						)
					) }
				</fieldset>
				<fieldset className="sophmate-category__fieldset">
					<legend>
						{ __( 'Pause policy', 'sophmate-safe-mode' ) }
					</legend>
					{ choice(
						'running',
						__( 'Running jobs', 'sophmate-safe-mode' ),
						[
							{
								value: 'finish',
								label: __( 'Finish', 'sophmate-safe-mode' ),
							},
							{
								value: 'stop_at_checkpoint',
								label: __(
									'Stop at the next checkpoint',
									'sophmate-safe-mode'
								),
							},
						]
					) }
					{ choice(
						'queued',
						__( 'Queued jobs', 'sophmate-safe-mode' ),
						[
							{
								value: 'hold',
								label: __(
									'Hold until restart',
									'sophmate-safe-mode'
								),
							},
							{
								value: 'cancel',
								label: __( 'Cancel', 'sophmate-safe-mode' ),
							},
						]
					) }
					{ choice(
						'scheduled',
						__( 'Scheduled runs', 'sophmate-safe-mode' ),
						[
							{
								value: 'skip',
								label: __( 'Skip', 'sophmate-safe-mode' ),
							},
							{
								value: 'hold',
								label: __(
									'Hold; run once after restart',
									'sophmate-safe-mode'
								),
							},
						]
					) }
					{ choice(
						'retrying',
						__( 'Retries', 'sophmate-safe-mode' ),
						[
							{
								value: 'hold',
								label: __( 'Wait', 'sophmate-safe-mode' ),
							},
							{
								value: 'cancel',
								label: __( 'Cancel', 'sophmate-safe-mode' ),
							},
						]
					) }
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __( 'Manual cleanup', 'sophmate-safe-mode' ) }
						value={ values.cleanup_notes }
						onChange={ set( 'cleanup_notes' ) }
						help={
							errors.cleanup_notes ??
							__(
								'What someone has to check or undo by hand after a pause.',
								'sophmate-safe-mode'
							)
						}
						rows={ 3 }
					/>
					<div
						className="sophmate-category__preview"
						aria-live="polite"
					>
						<h3>{ __( 'Preview', 'sophmate-safe-mode' ) }</h3>
						<PolicySentenceList
							policy={ formPolicy( values ) }
							people={ {
								restartOwner: nameOf( values.restart_owner_id ),
								owner: nameOf( values.owner_id ),
							} }
							testId="category-policy-preview"
						/>
					</div>
				</fieldset>
				<fieldset className="sophmate-category__fieldset">
					<legend>
						{ __( 'Review and alerts', 'sophmate-safe-mode' ) }
					</legend>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="number"
						min={ REVIEW_DAYS.min }
						max={ REVIEW_DAYS.max }
						label={ __(
							'Review every (days)',
							'sophmate-safe-mode'
						) }
						value={ values.review_every_days }
						onChange={ set( 'review_every_days' ) }
						help={
							errors.review_every_days ??
							__(
								'How often the owner confirms the setup is still right (1–3650).',
								'sophmate-safe-mode'
							)
						}
						className={
							errors.review_every_days ? 'has-error' : undefined
						}
						aria-invalid={
							errors.review_every_days ? true : undefined
						}
					/>
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __(
							'Notification emails',
							'sophmate-safe-mode'
						) }
						value={ values.emails }
						onChange={ set( 'emails' ) }
						help={
							errors.emails ??
							__( 'One address per line.', 'sophmate-safe-mode' )
						}
						className={ errors.emails ? 'has-error' : undefined }
						aria-invalid={ errors.emails ? true : undefined }
						rows={ 3 }
					/>
					<TextareaControl
						__nextHasNoMarginBottom
						label={ __( 'Webhook URLs', 'sophmate-safe-mode' ) }
						value={ values.webhooks }
						onChange={ set( 'webhooks' ) }
						help={
							errors.webhooks ??
							__(
								'One http:// or https:// URL per line.',
								'sophmate-safe-mode'
							)
						}
						className={ errors.webhooks ? 'has-error' : undefined }
						aria-invalid={ errors.webhooks ? true : undefined }
						rows={ 3 }
					/>
				</fieldset>
				<div className="sophmate-category__form-actions">
					<Button
						variant="primary"
						type="submit"
						isBusy={ saving }
						disabled={ saving }
						__next40pxDefaultSize
					>
						{ __( 'Save settings', 'sophmate-safe-mode' ) }
					</Button>
					<Button
						variant="tertiary"
						type="button"
						disabled={ saving }
						__next40pxDefaultSize
						onClick={ () => {
							setValues( formValues( category ) );
							setErrors( {} );
							setFormError( null );
						} }
					>
						{ __( 'Reset', 'sophmate-safe-mode' ) }
					</Button>
				</div>
			</form>
		</section>
	);
}
