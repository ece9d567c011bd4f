import {
	CheckboxControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { PlanContext, TrialPlan } from '../../utils/review';

interface TrialPlanFormProps {
	plan: TrialPlan;
	context: PlanContext;
	problems: Partial< Record< 'automations' | 'maxRuns', string > >;
	onChange: ( plan: TrialPlan ) => void;
	note: string;
	onNote: ( note: string ) => void;
	/** Providers in outage; non-empty shows the override field. */
	outage: string[];
	overrideReason: string;
	onOverrideReason: ( reason: string ) => void;
}

function FieldError( { id, message }: { id: string; message?: string } ) {
	return message ? (
		<p id={ id } className="sophmate-review__field-error" role="alert">
			{ message }
		</p>
	) : null;
}

/**
 * How narrow the restart is: which automations, how many runs, read-only;
 * plus the note the audit log keeps and, during a provider outage, why to
 * restart anyway.
 *
 * @param props
 * @param props.plan             The trial plan.
 * @param props.context          Scope label, kind and automations.
 * @param props.problems         What is wrong with the plan, by field.
 * @param props.onChange         Called with the changed plan.
 * @param props.note             The review note.
 * @param props.onNote           Called with the changed note.
 * @param props.outage           Providers in outage.
 * @param props.overrideReason   Why to restart despite the outage.
 * @param props.onOverrideReason Called with the changed override reason.
 */
export function TrialPlanForm( {
	plan,
	context,
	problems,
	onChange,
	note,
	onNote,
	outage,
	overrideReason,
	onOverrideReason,
}: TrialPlanFormProps ) {
	const toggle = ( id: string, on: boolean ) =>
		onChange( {
			...plan,
			automations: on
				? [ ...plan.automations, id ]
				: plan.automations.filter( ( other ) => other !== id ),
		} );
	return (
		<div className="sophmate-review__plan" data-testid="review-plan">
			{ context.kind === 'category' && context.automations.length > 0 && (
				<fieldset aria-describedby="review-plan-automations-error">
					<legend>
						{ __(
							'Automations that may run in the trial',
							'sophmate-safe-mode'
						) }
					</legend>
					{ context.automations.map( ( automation ) => (
						<CheckboxControl
							__nextHasNoMarginBottom
							key={ automation.id }
							label={ automation.label }
							checked={ plan.automations.includes(
								automation.id
							) }
							onChange={ ( on: boolean ) =>
								toggle( automation.id, on )
							}
						/>
					) ) }
					<FieldError
						id="review-plan-automations-error"
						message={ problems.automations }
					/>
				</fieldset>
			) }
			{ context.kind !== 'global' && (
				<>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Trial runs', 'sophmate-safe-mode' ) }
						help={ __(
							'At most this many runs in all before you promote.',
							'sophmate-safe-mode'
						) }
						type="number"
						min={ 1 }
						value={ plan.maxRuns }
						onChange={ ( maxRuns: string ) =>
							onChange( { ...plan, maxRuns } )
						}
						aria-invalid={ problems.maxRuns ? true : undefined }
						aria-describedby="review-plan-runs-error"
					/>
					<FieldError
						id="review-plan-runs-error"
						message={ problems.maxRuns }
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Read-only trial', 'sophmate-safe-mode' ) }
						help={ __(
							'Runs may read; writes and customer-facing actions are refused.',
							'sophmate-safe-mode'
						) }
						checked={ plan.readOnly }
						onChange={ ( readOnly: boolean ) =>
							onChange( { ...plan, readOnly } )
						}
					/>
				</>
			) }
			{ outage.length > 0 && (
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __(
						'Why restart during the outage?',
						'sophmate-safe-mode'
					) }
					help={ __(
						'Required while a provider is in outage; kept in the audit log.',
						'sophmate-safe-mode'
					) }
					value={ overrideReason }
					onChange={ onOverrideReason }
					rows={ 2 }
				/>
			) }
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Review note', 'sophmate-safe-mode' ) }
				help={ __(
					'What you reviewed or fixed; required, kept in the audit log.',
					'sophmate-safe-mode'
				) }
				value={ note }
				onChange={ onNote }
				rows={ 3 }
			/>
		</div>
	);
}
