import {
	Button,
	CheckboxControl,
	Notice,
	Spinner,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import { useBoot } from '../../boot';
import { notificationsStore } from '../../store/notifications';
import { useActionFeedback } from '../Snackbars';
import {
	draftFromSettings,
	settingsProblems,
	settingsUpdate,
	type SettingsDraft,
} from './settings-form';

/**
 * Site-level notification targets (they hear about every event) and the
 * webhook signing secret, which can be set or replaced but never read back.
 *
 * @param props
 * @param props.onSent Called after a test message went out (to reload the log).
 */
export function NotificationSettingsForm( { onSent }: { onSent: () => void } ) {
	const {
		loadNotificationSettings,
		saveNotificationSettings,
		sendTestNotification,
	} = useDispatch( notificationsStore );
	const { settings, error } = useSelect(
		( select ) => ( {
			settings: select( notificationsStore ).getSettings(),
			error: select( notificationsStore ).getSettingsError(),
		} ),
		[]
	);
	const feedback = useActionFeedback();
	const [ draft, setDraft ] = useState< SettingsDraft | null >( null );
	const [ saving, setSaving ] = useState( false );
	const [ testing, setTesting ] = useState( false );
	const [ serverError, setServerError ] = useState< string | null >( null );

	const { canManage } = useBoot();
	useEffect( () => {
		if ( canManage ) {
			void loadNotificationSettings();
		}
	}, [ loadNotificationSettings, canManage ] );
	useEffect( () => {
		if ( settings !== null ) {
			setDraft( draftFromSettings( settings ) );
		}
	}, [ settings ] );

	if ( ! canManage || ( error !== null && settings === null ) ) {
		const forbidden =
			! canManage || error?.status === 401 || error?.status === 403;
		return (
			<Notice
				status={ forbidden ? 'info' : 'error' }
				isDismissible={ false }
			>
				{ forbidden
					? __(
							'Only people who may manage automation (sophmate_manage_automation) can see and change the site-level targets.',
							'sophmate-safe-mode'
						)
					: error?.message }
			</Notice>
		);
	}
	if ( settings === null || draft === null ) {
		return (
			<p role="status">
				<Spinner />
				{ __( 'Loading settings…', 'sophmate-safe-mode' ) }
			</p>
		);
	}

	const problems = settingsProblems( draft );
	const change = ( changes: Partial< SettingsDraft > ) =>
		setDraft( { ...draft, ...changes } );

	const save = async () => {
		setSaving( true );
		setServerError( null );
		const result = await saveNotificationSettings(
			settingsUpdate( draft )
		);
		setSaving( false );
		if ( result.ok ) {
			feedback.confirm(
				__( 'Notification settings saved.', 'sophmate-safe-mode' )
			);
		} else {
			setServerError( result.error.message );
			feedback.fail( result.error.message );
		}
	};

	const sendTest = async () => {
		setTesting( true );
		const result = await sendTestNotification();
		setTesting( false );
		onSent();
		if ( ! result.ok ) {
			feedback.fail( result.error.message );
			return;
		}
		const failed = result.value.filter(
			( item ) => item.status !== 'sent'
		).length;
		if ( failed === 0 ) {
			feedback.confirm(
				sprintf(
					/* translators: %d: number of targets */
					_n(
						'Test notification delivered to %d target.',
						'Test notification delivered to %d targets.',
						result.value.length,
						'sophmate-safe-mode'
					),
					result.value.length
				)
			);
		} else {
			feedback.fail(
				sprintf(
					/* translators: %d: number of failed targets */
					_n(
						'%d target could not be reached; see the deliveries table.',
						'%d targets could not be reached; see the deliveries table.',
						failed,
						'sophmate-safe-mode'
					),
					failed
				)
			);
		}
	};

	const dirty =
		JSON.stringify( settingsUpdate( draft ) ) !==
		JSON.stringify( settingsUpdate( draftFromSettings( settings ) ) );
	const hasTargets = settings.emails.length + settings.webhooks.length > 0;

	return (
		<form
			className="sophmate-notifications__settings"
			aria-label={ __( 'Notification settings', 'sophmate-safe-mode' ) }
			onSubmit={ ( event ) => {
				event.preventDefault();
				if ( problems.length === 0 ) {
					void save();
				}
			} }
		>
			<p className="description">
				{ __(
					'Owners, backup owners and restart owners of a category, and the targets set on the category, are told automatically. The targets below hear about every event on the site (for example an operations channel).',
					'sophmate-safe-mode'
				) }
			</p>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Email addresses', 'sophmate-safe-mode' ) }
				help={ __( 'One per line.', 'sophmate-safe-mode' ) }
				value={ draft.emails }
				rows={ 3 }
				onChange={ ( value ) => change( { emails: value } ) }
			/>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Webhook URLs', 'sophmate-safe-mode' ) }
				help={ __(
					'One per line. Receives a JSON POST with a Slack-compatible "text" field; a Slack incoming-webhook URL works as is.',
					'sophmate-safe-mode'
				) }
				value={ draft.webhooks }
				rows={ 3 }
				onChange={ ( value ) => change( { webhooks: value } ) }
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="password"
				autoComplete="new-password"
				label={
					settings.webhook_secret_set
						? __(
								'Webhook secret: set (type a new one to replace it)',
								'sophmate-safe-mode'
							)
						: __(
								'Webhook secret: not set (type one to sign webhooks)',
								'sophmate-safe-mode'
							)
				}
				help={ __(
					'Webhooks then carry X-SophMate-Signature: sha256=<HMAC of the raw body>. The secret is never shown again.',
					'sophmate-safe-mode'
				) }
				value={ draft.secret }
				onChange={ ( value ) => change( { secret: value } ) }
			/>
			{ settings.webhook_secret_set && draft.secret === '' && (
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'Remove the secret (send unsigned webhooks)',
						'sophmate-safe-mode'
					) }
					checked={ draft.removeSecret }
					onChange={ ( value ) => change( { removeSecret: value } ) }
				/>
			) }
			{ problems.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					<ul>
						{ problems.map( ( problem ) => (
							<li key={ problem }>{ problem }</li>
						) ) }
					</ul>
				</Notice>
			) }
			{ serverError !== null && (
				<Notice status="error" isDismissible={ false }>
					{ serverError }
				</Notice>
			) }
			<div className="sophmate-notifications__actions">
				<Button
					variant="primary"
					type="submit"
					isBusy={ saving }
					disabled={ saving || ! dirty || problems.length > 0 }
				>
					{ __( 'Save settings', 'sophmate-safe-mode' ) }
				</Button>
				<Button
					variant="secondary"
					isBusy={ testing }
					disabled={ testing || ! hasTargets || dirty }
					onClick={ () => void sendTest() }
				>
					{ __( 'Send test notification', 'sophmate-safe-mode' ) }
				</Button>
			</div>
			{ ! hasTargets && (
				<p className="description">
					{ __(
						'Save at least one email address or webhook URL to send a test notification.',
						'sophmate-safe-mode'
					) }
				</p>
			) }
		</form>
	);
}
