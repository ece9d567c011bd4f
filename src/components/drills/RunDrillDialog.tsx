import { Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

import type { ApiError } from '../../api';
import { ModalForm } from '../modal/ModalForm';

/**
 * Confirms a pause drill: says what will happen to the category (a real pause
 * for a moment, then its exact state back) before anything does.
 *
 * @param props
 * @param props.label       Category label.
 * @param props.automations How many automations the category has (0 = nothing to drill; null = not known yet).
 * @param props.isRunning   Whether the drill is running.
 * @param props.error       The server's refusal of the last attempt.
 * @param props.onRun       Runs the drill.
 * @param props.onClose     Cancel.
 */
export function RunDrillDialog( {
	label,
	automations,
	isRunning,
	error,
	onRun,
	onClose,
}: {
	label: string;
	automations: number | null;
	isRunning: boolean;
	error: ApiError | null;
	onRun: () => void;
	onClose: () => void;
} ) {
	const onSubmit = ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! isRunning ) {
			onRun();
		}
	};
	return (
		<ModalForm
			title={ sprintf(
				/* translators: %s: category label. */
				__( 'Run a pause drill of %s?', 'sophmate-safe-mode' ),
				label
			) }
			onClose={ onClose }
			onSubmit={ onSubmit }
			error={ error }
			submitLabel={ __( 'Run pause drill', 'sophmate-safe-mode' ) }
			canSubmit={ ! isRunning }
			isSubmitting={ isRunning }
		>
			<p>
				{ __(
					'The category is really paused for a moment (audited with the source “drill”), then put back exactly as it is now: running stays running, paused stays paused with its reason, a trial keeps its budget.',
					'sophmate-safe-mode'
				) }
			</p>
			<p>
				{ __(
					'Meanwhile each bound cron hook, inbound route and provider is exercised through the real gates with a stand-in, so no real work runs and nothing is sent. Scheduled events of these automations that fall due in that moment are handled by the pause policy.',
					'sophmate-safe-mode'
				) }
			</p>
			{ automations === 0 && (
				<p className="sophmate-drill__warning">
					{ __(
						'This category has no automations: the drill will prove nothing and be recorded as failed.',
						'sophmate-safe-mode'
					) }
				</p>
			) }
			{ isRunning && (
				<p role="status" className="sophmate-drill__progress">
					<Spinner />
					{ __(
						'Pausing, exercising each binding, restoring…',
						'sophmate-safe-mode'
					) }
				</p>
			) }
		</ModalForm>
	);
}
