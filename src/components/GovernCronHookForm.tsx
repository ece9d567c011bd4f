import {
	Button,
	CheckboxControl,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

import {
	IDENTIFIER_MAX_LENGTH,
	LABEL_MAX_LENGTH,
	RETRY_BACKOFF_SECONDS,
	RETRY_MAX_ATTEMPTS,
	automationKindSchema,
	automationModeSchema,
	invalidParams,
	type ApiError,
	type AutomationKind,
	type AutomationMode,
	type CreateAutomationRequest,
	type CronHook,
} from '../api';
import { useBoot } from '../boot';
import { automationsStore } from '../store/automations';
import { cronHooksStore } from '../store/cron-hooks';
import { statusStore } from '../store/status';
import { idFromHook, isValidId, labelFromHook } from '../utils/cron-hooks';
import { kindLabel, modeLabel } from '../utils/labels';
import { formatAbsolute, formatRelative, useNow } from '../utils/time';
import { useInlineWarning } from './Notices';
import { failureMessage } from './modal/useMutationForm';
import { useActionFeedback } from './Snackbars';

const KINDS = automationKindSchema.options;
// A new automation starts as a draft: read-only and live are reached through the readiness gate.
const MODES: readonly AutomationMode[] = [ 'draft', 'read_only', 'live' ];

function scheduleText( hook: CronHook ): string {
	return hook.schedule ?? __( 'single event', 'sophmate-safe-mode' );
}

/**
 * `Number()` of a whole number typed into a field, else null.
 *
 * @param value Field text.
 */
function wholeNumber( value: string ): number | null {
	const trimmed = value.trim();
	if ( ! /^\d+$/.test( trimmed ) ) {
		return null;
	}
	return Number( trimmed );
}

function inRange(
	value: number | null,
	range: { min: number; max: number }
): value is number {
	return value !== null && value >= range.min && value <= range.max;
}

/**
 * The owner as the API takes it: a user id (digits) or a login.
 *
 * @param value Field text.
 */
function ownerValue( value: string ): number | string {
	const trimmed = value.trim();
	return /^\d+$/.test( trimmed ) ? Number( trimmed ) : trimmed;
}

function ServerError( { error }: { error: ApiError } ) {
	const params = Object.entries( invalidParams( error ) );
	return (
		<Notice status="error" isDismissible={ false }>
			<p>{ error.message }</p>
			{ params.length > 0 && (
				<ul>
					{ params.map( ( [ param, message ] ) => (
						<li key={ param }>
							<code>{ param }</code>: { message }
						</li>
					) ) }
				</ul>
			) }
		</Notice>
	);
}

/**
 * "Govern a cron hook": creates an automation (POST /automations) bound to a
 * scheduled WP-Cron hook of any plugin, so pausing that automation (or its
 * category, or everything) skips or holds the hook's events. Managers only.
 */
export function GovernCronHookForm() {
	const { userId } = useBoot();
	const { confirm, fail } = useActionFeedback();
	const warn = useInlineWarning();
	const now = useNow();
	const { hooks, hooksLoaded, hooksError, categories, automations } =
		useSelect( ( select ) => {
			const cron = select( cronHooksStore );
			// Selecting the list triggers its resolver (GET /cron-hooks).
			cron.getCronHooks();
			const status = select( statusStore );
			return {
				hooks: cron.getUnboundCronHooks(),
				hooksLoaded: cron.hasLoaded(),
				hooksError: cron.getError(),
				categories: status.getCategoryStatuses(),
				automations: status.getAutomationStatuses(),
			};
		}, [] );
	const { createAutomation } = useDispatch( automationsStore );
	const { refreshCronHooks } = useDispatch( cronHooksStore );
	const { refreshStatus } = useDispatch( statusStore );

	const [ hook, setHook ] = useState( '' );
	const [ id, setId ] = useState( '' );
	const [ idEdited, setIdEdited ] = useState( false );
	const [ label, setLabel ] = useState( '' );
	const [ labelEdited, setLabelEdited ] = useState( false );
	const [ kind, setKind ] = useState< AutomationKind >( 'workflow' );
	const [ category, setCategory ] = useState( '' );
	const [ owner, setOwner ] = useState( () => String( userId ) );
	const [ mode, setMode ] = useState< AutomationMode >( 'draft' );
	const [ retry, setRetry ] = useState( false );
	const [ maxAttempts, setMaxAttempts ] = useState( '3' );
	const [ backoff, setBackoff ] = useState( '60' );
	const [ isSubmitting, setIsSubmitting ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );

	const chosen = hooks.find( ( item ) => item.hook === hook ) ?? null;
	const trimmedId = id.trim();
	const trimmedLabel = label.trim();
	const idTaken = automations.some(
		( automation ) => automation.id === trimmedId
	);
	const idValid = isValidId( trimmedId ) && ! idTaken;
	const labelValid =
		trimmedLabel.length > 0 && trimmedLabel.length <= LABEL_MAX_LENGTH;
	const categoryValid = categories.some( ( item ) => item.slug === category );
	const ownerValid = owner.trim().length > 0;
	const attempts = wholeNumber( maxAttempts );
	const backoffSeconds = wholeNumber( backoff );
	const attemptsValid = inRange( attempts, RETRY_MAX_ATTEMPTS );
	const backoffValid = inRange( backoffSeconds, RETRY_BACKOFF_SECONDS );
	const retryValid = ! retry || ( attemptsValid && backoffValid );
	const isValid =
		chosen !== null &&
		idValid &&
		labelValid &&
		categoryValid &&
		ownerValid &&
		retryValid;

	const onChooseHook = ( value: string ) => {
		setHook( value );
		if ( ! idEdited ) {
			setId( value ? idFromHook( value ) : '' );
		}
		if ( ! labelEdited ) {
			setLabel( value ? labelFromHook( value ) : '' );
		}
	};

	const reset = () => {
		setHook( '' );
		setId( '' );
		setIdEdited( false );
		setLabel( '' );
		setLabelEdited( false );
		setKind( 'workflow' );
		setCategory( '' );
		setOwner( String( userId ) );
		setMode( 'draft' );
		setRetry( false );
		setMaxAttempts( '3' );
		setBackoff( '60' );
	};

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! isValid || isSubmitting || ! chosen ) {
			return;
		}
		const body: CreateAutomationRequest = {
			id: trimmedId,
			label: trimmedLabel,
			kind,
			category,
			owner: ownerValue( owner ),
			mode,
			cron_hooks: [ chosen.hook ],
		};
		if ( retry && attemptsValid && backoffValid ) {
			body.retry = {
				max_attempts: attempts,
				backoff_seconds: backoffSeconds,
			};
		}
		setIsSubmitting( true );
		setError( null );
		const result = await createAutomation( body );
		if ( ! result.ok ) {
			setIsSubmitting( false );
			// Field details stay in the form; the snackbar says it failed.
			setError( result.error );
			fail(
				failureMessage(
					sprintf(
						/* translators: %s: cron hook name. */
						__( 'Govern %s', 'sophmate-safe-mode' ),
						chosen.hook
					),
					result.error
				)
			);
			return;
		}
		await Promise.all( [ refreshStatus(), refreshCronHooks() ] );
		setIsSubmitting( false );
		reset();
		// Warnings describe the binding as it stays (e.g. no event scheduled
		// yet), so they are inline notices; the confirmation is a snackbar.
		for ( const warning of [ ...result.value.warnings ].reverse() ) {
			warn( warning );
		}
		confirm(
			sprintf(
				/* translators: 1: automation label, 2: cron hook name. */
				__(
					'“%1$s” now governs the cron hook %2$s. Pause it from the Automations table.',
					'sophmate-safe-mode'
				),
				result.value.label,
				chosen.hook
			)
		);
	};

	const hookOptions = [
		{
			label: hooksLoaded
				? __( 'Choose a scheduled hook…', 'sophmate-safe-mode' )
				: __( 'Loading scheduled hooks…', 'sophmate-safe-mode' ),
			value: '',
		},
		...hooks.map( ( item ) => ( {
			value: item.hook,
			label: sprintf(
				/* translators: 1: hook name, 2: recurrence such as "hourly", 3: relative time of the next run. */
				__( '%1$s (%2$s, next %3$s)', 'sophmate-safe-mode' ),
				item.hook,
				scheduleText( item ),
				formatRelative( item.next_run, now )
			),
		} ) ),
	];

	let idHelp: string = sprintf(
		/* translators: %d: maximum length. */
		__(
			'Lowercase letters, digits, - and _, starting with a letter or digit; at most %d characters.',
			'sophmate-safe-mode'
		),
		IDENTIFIER_MAX_LENGTH
	);
	if ( trimmedId && idTaken ) {
		idHelp = __(
			'An automation with this id already exists: choose another.',
			'sophmate-safe-mode'
		);
	} else if ( trimmedId && ! idValid ) {
		idHelp = sprintf(
			/* translators: %d: maximum length. */
			__(
				'Invalid id: use only lowercase letters, digits, - and _, start with a letter or digit, at most %d characters.',
				'sophmate-safe-mode'
			),
			IDENTIFIER_MAX_LENGTH
		);
	}

	return (
		<form
			className="sophmate-safe-mode__govern"
			aria-labelledby="sophmate-safe-mode-govern-title"
			onSubmit={ onSubmit }
			noValidate
		>
			<h3 id="sophmate-safe-mode-govern-title">
				{ __( 'Govern a cron hook', 'sophmate-safe-mode' ) }
			</h3>
			<p className="sophmate-safe-mode__hint">
				{ __(
					'Bind a scheduled WP-Cron hook of any plugin to a new automation. While that automation, its category or everything is paused, the hook’s events are skipped or held according to the category’s pause policy, and each occurrence is recorded as a run.',
					'sophmate-safe-mode'
				) }
			</p>
			{ error && <ServerError error={ error } /> }
			{ hooksError && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'The scheduled cron hooks could not be loaded:',
						'sophmate-safe-mode'
					) }{ ' ' }
					{ hooksError.message }
				</Notice>
			) }
			{ hooksLoaded && hooks.length === 0 && (
				<p>
					{ __(
						'Every scheduled cron hook on this site is already governed, or none is scheduled.',
						'sophmate-safe-mode'
					) }
				</p>
			) }
			<div className="sophmate-safe-mode__govern-hook">
				<SelectControl
					label={ __( 'Cron hook', 'sophmate-safe-mode' ) }
					value={ hook }
					options={ hookOptions }
					onChange={ onChooseHook }
					disabled={ isSubmitting || hooks.length === 0 }
					help={
						chosen
							? sprintf(
									/* translators: 1: recurrence such as "hourly", 2: next run (relative and absolute), 3: number of scheduled events. */
									__(
										'Schedule: %1$s · Next run: %2$s · Scheduled events: %3$d',
										'sophmate-safe-mode'
									),
									scheduleText( chosen ),
									sprintf(
										/* translators: 1: relative time, 2: date and time. */
										__(
											'%1$s (%2$s)',
											'sophmate-safe-mode'
										),
										formatRelative( chosen.next_run, now ),
										formatAbsolute( chosen.next_run )
									),
									chosen.events
								)
							: __(
									'Hooks already bound to an automation are not listed.',
									'sophmate-safe-mode'
								)
					}
				/>
				{ ! hooksLoaded && ! hooksError && <Spinner /> }
			</div>
			<div className="sophmate-safe-mode__govern-fields">
				<TextControl
					label={ __( 'Automation id', 'sophmate-safe-mode' ) }
					value={ id }
					onChange={ ( value: string ) => {
						setId( value );
						setIdEdited( true );
					} }
					maxLength={ IDENTIFIER_MAX_LENGTH }
					help={ idHelp }
					disabled={ isSubmitting }
					autoComplete="off"
					spellCheck={ false }
				/>
				<TextControl
					label={ __( 'Label', 'sophmate-safe-mode' ) }
					value={ label }
					onChange={ ( value: string ) => {
						setLabel( value );
						setLabelEdited( true );
					} }
					maxLength={ LABEL_MAX_LENGTH }
					disabled={ isSubmitting }
				/>
				<SelectControl
					label={ __( 'Kind', 'sophmate-safe-mode' ) }
					value={ kind }
					options={ KINDS.map( ( value ) => ( {
						value,
						label: kindLabel( value ),
					} ) ) }
					onChange={ ( value: string ) => {
						const parsed = automationKindSchema.safeParse( value );
						if ( parsed.success ) {
							setKind( parsed.data );
						}
					} }
					disabled={ isSubmitting }
				/>
				<SelectControl
					label={ __( 'Category', 'sophmate-safe-mode' ) }
					value={ category }
					options={ [
						{
							value: '',
							label: __(
								'Choose a category…',
								'sophmate-safe-mode'
							),
						},
						...categories.map( ( item ) => ( {
							value: item.slug,
							label: item.label,
						} ) ),
					] }
					onChange={ setCategory }
					help={ __(
						'Its pause policy decides what happens to the hook’s events while paused.',
						'sophmate-safe-mode'
					) }
					disabled={ isSubmitting }
				/>
				<TextControl
					label={ __( 'Owner', 'sophmate-safe-mode' ) }
					value={ owner }
					onChange={ setOwner }
					help={ __(
						'User id or login of the person responsible; the owner may pause, restart and promote it. Defaults to you.',
						'sophmate-safe-mode'
					) }
					disabled={ isSubmitting }
					autoComplete="off"
				/>
				<SelectControl
					label={ __( 'Mode', 'sophmate-safe-mode' ) }
					value={ mode }
					options={ MODES.map( ( value ) => ( {
						value,
						label: modeLabel( value ),
					} ) ) }
					onChange={ ( value: string ) => {
						const parsed = automationModeSchema.safeParse( value );
						if ( parsed.success ) {
							setMode( parsed.data );
						}
					} }
					help={ __(
						'A draft only runs when started by hand; the automation’s readiness panel takes it to read-only, then live, once its checklist, owner, pause drill and reviewed runs are in place.',
						'sophmate-safe-mode'
					) }
					disabled={ isSubmitting }
				/>
			</div>
			<fieldset className="sophmate-safe-mode__govern-retry">
				<legend>
					{ __( 'Retry (optional)', 'sophmate-safe-mode' ) }
				</legend>
				<CheckboxControl
					label={ __( 'Retry failed runs', 'sophmate-safe-mode' ) }
					checked={ retry }
					onChange={ setRetry }
					disabled={ isSubmitting }
				/>
				{ retry && (
					<div className="sophmate-safe-mode__govern-fields">
						<TextControl
							label={ __( 'Max attempts', 'sophmate-safe-mode' ) }
							type="number"
							min={ RETRY_MAX_ATTEMPTS.min }
							max={ RETRY_MAX_ATTEMPTS.max }
							step={ 1 }
							value={ maxAttempts }
							onChange={ setMaxAttempts }
							help={ sprintf(
								/* translators: 1: minimum, 2: maximum. */
								__(
									'A whole number from %1$d to %2$d (1 = no retry).',
									'sophmate-safe-mode'
								),
								RETRY_MAX_ATTEMPTS.min,
								RETRY_MAX_ATTEMPTS.max
							) }
							disabled={ isSubmitting }
						/>
						<TextControl
							label={ __(
								'Backoff (seconds)',
								'sophmate-safe-mode'
							) }
							type="number"
							min={ RETRY_BACKOFF_SECONDS.min }
							max={ RETRY_BACKOFF_SECONDS.max }
							step={ 1 }
							value={ backoff }
							onChange={ setBackoff }
							help={ sprintf(
								/* translators: 1: minimum seconds, 2: maximum seconds. */
								__(
									'Wait before each retry, growing with every attempt: %1$d to %2$d seconds.',
									'sophmate-safe-mode'
								),
								RETRY_BACKOFF_SECONDS.min,
								RETRY_BACKOFF_SECONDS.max
							) }
							disabled={ isSubmitting }
						/>
					</div>
				) }
			</fieldset>
			<div className="sophmate-safe-mode__govern-actions">
				<Button
					variant="primary"
					type="submit"
					isBusy={ isSubmitting }
					disabled={ ! isValid || isSubmitting }
				>
					{ __( 'Govern this hook', 'sophmate-safe-mode' ) }
				</Button>
			</div>
		</form>
	);
}
