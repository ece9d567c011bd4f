import { CheckboxControl, TextareaControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { REVIEW_ITEMS, type Cadence, type ReviewItem } from '../../api';
import { cadenceStore } from '../../store/cadence';
import { statusStore } from '../../store/status';
import { ModalForm } from '../modal/ModalForm';
import { useMutationForm } from '../modal/useMutationForm';
import { reviewItemLabel, suggestedItems, toggleItem } from './cadence';

const NOTE_MAX_LENGTH = 2000;

/**
 * "Mark review done": a required note and a checklist of what was reviewed.
 * The server records who and when, audits it and sets the next date.
 *
 * @param props
 * @param props.cadence The category's cadence (suggests the checklist).
 * @param props.label   Category label, for the title and messages.
 * @param props.onClose Closes the dialog.
 */
export function MarkReviewDoneModal( {
	cadence,
	label,
	onClose,
}: {
	cadence: Cadence;
	label: string;
	onClose: () => void;
} ) {
	const [ note, setNote ] = useState( '' );
	const [ reviewed, setReviewed ] = useState< ReviewItem[] >( () =>
		suggestedItems( cadence )
	);
	const { markReviewDone } = useDispatch( cadenceStore );
	const { refreshStatus } = useDispatch( statusStore );
	const slug = cadence.category;

	const form = useMutationForm< Cadence >( {
		isValid: note.trim() !== '',
		run: async () => {
			const result = await markReviewDone( slug, {
				note: note.trim(),
				reviewed,
			} );
			if ( result.ok ) {
				// The overview's "Next review" comes from GET /status.
				void refreshStatus();
			}
			return result;
		},
		confirmation: () =>
			sprintf(
				/* translators: %s: category label. */
				__( 'Review of %s marked done.', 'sophmate-safe-mode' ),
				label
			),
		action: sprintf(
			/* translators: %s: category label. */
			__( 'Mark review of %s done', 'sophmate-safe-mode' ),
			label
		),
		onDone: onClose,
	} );

	return (
		<ModalForm
			title={ sprintf(
				/* translators: %s: category label. */
				__( 'Mark review of %s done', 'sophmate-safe-mode' ),
				label
			) }
			onClose={ onClose }
			onSubmit={ form.onSubmit }
			error={ form.error }
			submitLabel={ __( 'Mark review done', 'sophmate-safe-mode' ) }
			canSubmit={ form.canSubmit }
			isSubmitting={ form.isSubmitting }
		>
			<fieldset className="sophmate-cadence__items">
				<legend>
					{ __( 'What did you review?', 'sophmate-safe-mode' ) }
				</legend>
				{ REVIEW_ITEMS.map( ( item ) => (
					<CheckboxControl
						key={ item }
						label={ reviewItemLabel( item ) }
						checked={ reviewed.includes( item ) }
						onChange={ ( checked: boolean ) =>
							setReviewed( ( current ) =>
								toggleItem( current, item, checked )
							)
						}
					/>
				) ) }
			</fieldset>
			<TextareaControl
				label={ __( 'Note (required)', 'sophmate-safe-mode' ) }
				help={ __(
					'What you looked at and what you found, for the next reviewer.',
					'sophmate-safe-mode'
				) }
				value={ note }
				onChange={ setNote }
				maxLength={ NOTE_MAX_LENGTH }
				required
				rows={ 4 }
			/>
		</ModalForm>
	);
}
