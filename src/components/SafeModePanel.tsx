import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { MouseEvent } from 'react';

import type { Emergency } from '../api';
import { useBoot } from '../boot';
import { SAFE_MODE_SCOPE, statusStore } from '../store/status';
import { actorName, safeModeLabel, sourceLabel } from '../utils/labels';
import { goTo, routeHref, type Route } from '../utils/route';
import { SafeModeOnModal } from './SafeModeModals';
import { TimeStamp } from './TimeStamp';

function networkMessage( mode: string ) {
	return sprintf(
		/* translators: %s: forced mode, e.g. "Paused". */
		__(
			'Network safe mode is on (%s) for every site of this network. It cannot be changed here: a network administrator turns it off in Network Admin → Automation Safety.',
			'sophmate-safe-mode'
		),
		mode
	);
}

function EmergencyNotice( { emergency }: { emergency: Emergency } ) {
	const mode = emergency.mode ? safeModeLabel( emergency.mode ) : '';
	if ( emergency.via === 'network' ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ networkMessage( mode ) }
			</Notice>
		);
	}
	const message =
		emergency.via === 'file'
			? sprintf(
					/* translators: %s: forced mode, e.g. "Paused". */
					__(
						'Safe mode is forced on (%s) by the flag file wp-content/sophmate-safe-mode.flag. It cannot be changed here: delete the file on the server to lift it.',
						'sophmate-safe-mode'
					),
					mode
				)
			: sprintf(
					/* translators: %s: forced mode, e.g. "Paused". */
					__(
						'Safe mode is forced on (%s) by the SOPHMATE_SAFE_MODE constant in wp-config.php. It cannot be changed here: remove the constant to lift it.',
						'sophmate-safe-mode'
					),
					mode
				);
	return (
		<Notice status="error" isDismissible={ false }>
			{ message }
		</Notice>
	);
}

type OpenModal = 'paused' | 'read_only' | null;

/** Turning safe mode off is a restart: it goes through the review of everything. */
const REVIEW: Route = { view: 'review', scope: 'global' };

/** Global safe mode: current state and the switches for it. */
export function SafeModePanel() {
	const { canManage, canPause } = useBoot();
	const { safeMode, emergency, pending } = useSelect( ( select ) => {
		const store = select( statusStore );
		return {
			safeMode: store.getSafeMode(),
			emergency: store.getEmergency(),
			pending: store.getPendingOperation( SAFE_MODE_SCOPE ),
		};
	}, [] );
	const [ openModal, setOpenModal ] = useState< OpenModal >( null );

	if ( ! safeMode || ! emergency ) {
		return null;
	}

	const isForced = emergency.active;
	const mode = safeMode.mode;
	// Pausers may only tighten: off → read-only → paused. Loosening
	// (paused → read-only, or off) needs the manage capability.
	const mayTighten = ( canPause || canManage ) && ! isForced;
	const mayLoosen = canManage && ! isForced;
	const isBusy = pending !== null;

	return (
		<Card
			className="sophmate-safe-mode__panel"
			data-testid="safe-mode-panel"
		>
			<CardHeader>
				<h2>{ __( 'Safe mode', 'sophmate-safe-mode' ) }</h2>
				<span
					className={ `sophmate-safe-mode__badge is-safe-mode-${
						isForced ? 'forced' : mode
					}` }
					data-testid="safe-mode-state"
				>
					{ safeModeLabel(
						isForced && emergency.mode ? emergency.mode : mode
					) }
				</span>
			</CardHeader>
			<CardBody>
				{ isForced && <EmergencyNotice emergency={ emergency } /> }
				{ isForced && mode === 'off' && (
					<p>
						{ __(
							'The stored setting is off; it applies again once the override is lifted.',
							'sophmate-safe-mode'
						) }
					</p>
				) }
				{ ! isForced && mode === 'off' && (
					<p>
						{ __(
							'Safe mode is off: each category and automation follows its own switch.',
							'sophmate-safe-mode'
						) }
					</p>
				) }
				{ mode !== 'off' && (
					<div className="sophmate-safe-mode__switch">
						{ isForced && (
							<p className="sophmate-safe-mode__meta">
								{ __(
									'Stored setting, which applies again once the override is lifted:',
									'sophmate-safe-mode'
								) }
							</p>
						) }
						<p>
							{ mode === 'paused'
								? __(
										'All automation is paused.',
										'sophmate-safe-mode'
									)
								: __(
										'All automation is read-only: writes are refused.',
										'sophmate-safe-mode'
									) }
						</p>
						{ safeMode.reason && (
							<p className="sophmate-safe-mode__reason">
								{ safeMode.reason }
							</p>
						) }
						<p className="sophmate-safe-mode__meta">
							{ safeMode.source
								? sprintf(
										/* translators: 1: person (or "System"), 2: where the change came from. */
										__(
											'By %1$s via %2$s',
											'sophmate-safe-mode'
										),
										actorName( safeMode.actor ),
										sourceLabel( safeMode.source )
									)
								: sprintf(
										/* translators: %s: person (or "System"). */
										__( 'By %s', 'sophmate-safe-mode' ),
										actorName( safeMode.actor )
									) }
							{ safeMode.since && (
								<>
									{ ', ' }
									<TimeStamp iso={ safeMode.since } />
								</>
							) }
						</p>
					</div>
				) }
				{ ! isForced && (
					<div className="sophmate-safe-mode__panel-actions">
						{ mayTighten && mode !== 'paused' && (
							<Button
								variant="primary"
								isDestructive
								disabled={ isBusy }
								onClick={ () => setOpenModal( 'paused' ) }
							>
								{ mode === 'off'
									? __(
											'Turn on safe mode (pause all)',
											'sophmate-safe-mode'
										)
									: __(
											'Switch to pause all',
											'sophmate-safe-mode'
										) }
							</Button>
						) }
						{ ( mode === 'off' ? mayTighten : mayLoosen ) &&
							mode !== 'read_only' && (
								<Button
									variant="secondary"
									disabled={ isBusy }
									onClick={ () =>
										setOpenModal( 'read_only' )
									}
								>
									{ mode === 'off'
										? __(
												'Turn on read-only safe mode',
												'sophmate-safe-mode'
											)
										: __(
												'Switch to read-only',
												'sophmate-safe-mode'
											) }
								</Button>
							) }
						{ canManage && mode !== 'off' && (
							<Button
								variant="secondary"
								href={ routeHref( REVIEW ) }
								onClick={ (
									event: MouseEvent< HTMLAnchorElement >
								) => {
									if (
										event.button === 0 &&
										! event.metaKey &&
										! event.ctrlKey &&
										! event.shiftKey
									) {
										event.preventDefault();
										goTo( REVIEW );
									}
								} }
							>
								{ __(
									'Review and turn off safe mode…',
									'sophmate-safe-mode'
								) }
							</Button>
						) }
					</div>
				) }
			</CardBody>
			{ ( openModal === 'paused' || openModal === 'read_only' ) && (
				<SafeModeOnModal
					mode={ openModal }
					onClose={ () => setOpenModal( null ) }
				/>
			) }
		</Card>
	);
}
