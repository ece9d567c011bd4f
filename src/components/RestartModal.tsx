import {
	CheckboxControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	missingAcknowledgements,
	type Acknowledgement,
	type AutomationStatus,
	type RestartScope,
	type SwitchTarget,
} from '../api';
import { statusStore } from '../store/status';
import {
	AcknowledgementFields,
	acknowledgedList,
	allAcknowledged,
} from './AcknowledgementFields';
import { ModalForm } from './modal/ModalForm';
import { ReviewNoteField } from './modal/fields';
import { useMutationForm } from './modal/useMutationForm';

interface RestartModalProps {
	/** The paused category or automation to restart. */
	target: SwitchTarget;
	label: string;
	onClose: () => void;
}

const NO_AUTOMATIONS: AutomationStatus[] = [];

/**
 * Restart review: six acknowledgements, a note and an optional narrow trial
 * scope (trial runs, read-only, and for a category which of its automations
 * may run). Submitting moves the scope to `trial`.
 *
 * @param props
 * @param props.target  Category or automation.
 * @param props.label   Its label (dialog title and snackbar).
 * @param props.onClose Called after success or on cancel.
 */
export function RestartModal( { target, label, onClose }: RestartModalProps ) {
	const { restartSwitch } = useDispatch( statusStore );
	// Only a category offers the "which automations" picker: an automation's
	// trial is about that automation alone.
	const automations = useSelect(
		( select ) =>
			target.type === 'category'
				? select( statusStore ).getCategoryAutomations( target.id )
				: NO_AUTOMATIONS,
		[ target.type, target.id ]
	);

	const [ acknowledged, setAcknowledged ] = useState<
		Set< Acknowledgement >
	>( () => new Set() );
	const [ note, setNote ] = useState( '' );
	const [ maxRuns, setMaxRuns ] = useState( '' );
	const [ readOnly, setReadOnly ] = useState( false );
	const [ selected, setSelected ] = useState< Set< string > >(
		() => new Set()
	);

	const parsedMaxRuns = maxRuns.trim() === '' ? null : Number( maxRuns );
	const maxRunsValid =
		parsedMaxRuns === null ||
		( Number.isInteger( parsedMaxRuns ) && parsedMaxRuns >= 1 );
	const title = sprintf(
		/* translators: %s: category or automation label. */
		__( 'Restart %s', 'sophmate-safe-mode' ),
		label
	);

	const trialScope = (): RestartScope => {
		const scope: RestartScope = {};
		if ( selected.size ) {
			scope.automations = automations
				.map( ( automation ) => automation.id )
				.filter( ( id ) => selected.has( id ) );
		}
		if ( parsedMaxRuns !== null ) {
			scope.max_runs = parsedMaxRuns;
		}
		if ( readOnly ) {
			scope.read_only = true;
		}
		return scope;
	};

	const form = useMutationForm( {
		isValid: allAcknowledged( acknowledged ) && maxRunsValid,
		run: () => {
			const scope = trialScope();
			return restartSwitch( target, {
				acknowledged: acknowledgedList( acknowledged ),
				note: note.trim(),
				...( Object.keys( scope ).length ? { scope } : {} ),
			} );
		},
		confirmation: () =>
			sprintf(
				/* translators: %s: category or automation label. */
				__(
					'%s restarted in trial. Promote it to running once the trial runs are clean.',
					'sophmate-safe-mode'
				),
				label
			),
		action: title,
		onDone: onClose,
	} );

	return (
		<ModalForm
			title={ title }
			onClose={ onClose }
			submitLabel={ __( 'Restart in trial', 'sophmate-safe-mode' ) }
			{ ...form }
		>
			<p>
				{ __(
					'A restart starts a trial with a narrow scope. Review the evidence first: every item below is required.',
					'sophmate-safe-mode'
				) }
			</p>
			<AcknowledgementFields
				checked={ acknowledged }
				onChange={ setAcknowledged }
				missing={
					form.error ? missingAcknowledgements( form.error ) : []
				}
				disabled={ form.isSubmitting }
			/>
			<ReviewNoteField value={ note } onChange={ setNote } />
			<fieldset className="sophmate-safe-mode__trial">
				<legend>
					{ __( 'Trial scope (optional)', 'sophmate-safe-mode' ) }
				</legend>
				<TextControl
					label={ __( 'Trial runs', 'sophmate-safe-mode' ) }
					help={
						maxRunsValid
							? __(
									'Allow at most this many runs before promotion. Leave empty for no limit.',
									'sophmate-safe-mode'
								)
							: __(
									'Enter a whole number of 1 or more.',
									'sophmate-safe-mode'
								)
					}
					type="number"
					min={ 1 }
					step={ 1 }
					value={ maxRuns }
					onChange={ setMaxRuns }
				/>
				<ToggleControl
					label={ __( 'Read-only trial', 'sophmate-safe-mode' ) }
					help={ __(
						'Trial runs may read but not write.',
						'sophmate-safe-mode'
					) }
					checked={ readOnly }
					onChange={ setReadOnly }
				/>
				{ automations.length > 0 && (
					<div className="sophmate-safe-mode__trial-automations">
						<p className="sophmate-safe-mode__hint">
							{ __(
								'Only these automations (none ticked: all of them):',
								'sophmate-safe-mode'
							) }
						</p>
						{ automations.map( ( automation ) => (
							<CheckboxControl
								key={ automation.id }
								label={ automation.label }
								checked={ selected.has( automation.id ) }
								onChange={ ( isChecked: boolean ) => {
									const next = new Set( selected );
									if ( isChecked ) {
										next.add( automation.id );
									} else {
										next.delete( automation.id );
									}
									setSelected( next );
								} }
							/>
						) ) }
					</div>
				) }
			</fieldset>
		</ModalForm>
	);
}
