import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useId, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { MouseEvent } from 'react';

import {
	scopeName,
	type Switch,
	type SwitchState,
	type SwitchTarget,
} from '../api';
import { useBoot } from '../boot';
import { statusStore } from '../store/status';
import { goTo, routeHref, type Route } from '../utils/route';
import { promoteBlocker } from '../utils/trial';
import { failureMessage } from './modal/useMutationForm';
import { PauseModal } from './PauseModal';
import { useActionFeedback } from './Snackbars';

interface SwitchActionsProps {
	/** The category or automation the buttons act on. */
	target: SwitchTarget;
	/** Its label, used in the buttons' accessible names and the dialogs. */
	label: string;
	/** Its own switch state (not the effective decision). */
	state: SwitchState;
	/** Its switch from GET /status, for the trial's progress (optional). */
	details?: Switch | null;
}

function isPlainClick( event: MouseEvent ): boolean {
	return (
		event.button === 0 &&
		! event.metaKey &&
		! event.ctrlKey &&
		! event.shiftKey &&
		! event.altKey
	);
}

type OpenModal = 'pause' | null;

/**
 * Pause / Restart… / Promote to running for one category or automation, as
 * far as the current user may take them, with the dialogs they open.
 *
 * The buttons are named `Pause <Label>`, `Restart <Label>` and
 * `Promote <Label>` for assistive technology (and the e2e specs).
 *
 * @param props
 * @param props.target  Category or automation.
 * @param props.label   Its label.
 * @param props.state   Its switch state.
 * @param props.details Its switch, for the trial's progress.
 */
export function SwitchActions( {
	target,
	label,
	state,
	details = null,
}: SwitchActionsProps ) {
	const { canManage, canPause } = useBoot();
	const { confirm, fail } = useActionFeedback();
	const { promoteSwitch } = useDispatch( statusStore );
	const scope = scopeName( target );
	const pending = useSelect(
		( select ) => select( statusStore ).getPendingOperation( scope ),
		[ scope ]
	);
	const [ openModal, setOpenModal ] = useState< OpenModal >( null );

	const mayPause = canPause || canManage;
	const review: Route = { view: 'review', scope };
	const promoteHelpId = `sophmate-promote-help-${ useId() }`;
	// Without the trial's counts (an older server) the server decides alone.
	const notClean = details?.trial ? promoteBlocker( details.trial ) : null;
	const isBusy = pending !== null;

	const onPromote = async () => {
		const result = await promoteSwitch( target );
		if ( result.ok ) {
			confirm(
				sprintf(
					/* translators: %s: category or automation label. */
					__( '%s is running again.', 'sophmate-safe-mode' ),
					label
				)
			);
		} else {
			fail(
				failureMessage(
					sprintf(
						/* translators: %s: category or automation label. */
						__( 'Promote %s', 'sophmate-safe-mode' ),
						label
					),
					result.error
				)
			);
		}
	};

	return (
		<>
			{ mayPause && state !== 'paused' && (
				<Button
					variant="secondary"
					isDestructive
					size="compact"
					aria-label={ sprintf(
						/* translators: %s: category or automation label. */
						__( 'Pause %s', 'sophmate-safe-mode' ),
						label
					) }
					disabled={ isBusy }
					isBusy={ pending === 'pause' }
					onClick={ () => setOpenModal( 'pause' ) }
				>
					{ __( 'Pause', 'sophmate-safe-mode' ) }
				</Button>
			) }
			{ canManage && state === 'paused' && (
				<Button
					variant="secondary"
					size="compact"
					href={ routeHref( review ) }
					aria-label={ sprintf(
						/* translators: %s: category or automation label. */
						__( 'Restart %s', 'sophmate-safe-mode' ),
						label
					) }
					onClick={ ( event: MouseEvent< HTMLAnchorElement > ) => {
						if ( isPlainClick( event ) ) {
							event.preventDefault();
							goTo( review );
						}
					} }
				>
					{ __( 'Review and restart…', 'sophmate-safe-mode' ) }
				</Button>
			) }
			{ canManage && state === 'trial' && (
				<>
					<Button
						variant="primary"
						size="compact"
						aria-label={ sprintf(
							/* translators: %s: category or automation label. */
							__( 'Promote %s', 'sophmate-safe-mode' ),
							label
						) }
						aria-describedby={
							notClean ? `${ promoteHelpId }` : undefined
						}
						disabled={ isBusy || notClean !== null }
						isBusy={ pending === 'promote' }
						onClick={ onPromote }
					>
						{ __( 'Promote to running', 'sophmate-safe-mode' ) }
					</Button>
					{ notClean && (
						<span
							id={ promoteHelpId }
							className="sophmate-safe-mode__meta sophmate-safe-mode__promote-help"
						>
							{ notClean }
						</span>
					) }
				</>
			) }
			{ openModal === 'pause' && (
				<PauseModal
					target={ target }
					label={ label }
					onClose={ () => setOpenModal( null ) }
				/>
			) }
		</>
	);
}
