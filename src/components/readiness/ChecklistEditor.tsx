import {
	Button,
	Notice,
	SelectControl,
	TextareaControl,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import {
	fetchOwners,
	toApiError,
	updateReadinessFields,
	type ApiError,
	type AutomationConfig,
} from '../../api';
import { useBoot } from '../../boot';
import { automationsStore } from '../../store/automations';
import { statusStore } from '../../store/status';
import { useAsync } from '../automation/useAsync';
import { useActionFeedback } from '../Snackbars';
import { CHECKLIST_EDITOR_ID } from './readiness';

const FIELDS: ReadonlyArray< { key: string; label: string; help: string } > = [
	{
		key: 'trigger',
		label: __( 'Trigger', 'sophmate-safe-mode' ),
		help: __(
			'What starts it: a schedule, a webhook, a person.',
			'sophmate-safe-mode'
		),
	},
	{
		key: 'input_data',
		label: __( 'Input data', 'sophmate-safe-mode' ),
		help: __( 'What it reads.', 'sophmate-safe-mode' ),
	},
	{
		key: 'output',
		label: __( 'Output', 'sophmate-safe-mode' ),
		help: __( 'What it writes or sends.', 'sophmate-safe-mode' ),
	},
	{
		key: 'approval',
		label: __( 'Approval requirement', 'sophmate-safe-mode' ),
		help: __( 'Who approves what, before it acts.', 'sophmate-safe-mode' ),
	},
	{
		key: 'retry',
		label: __( 'Retry behaviour', 'sophmate-safe-mode' ),
		help: __( 'What happens after a failure.', 'sophmate-safe-mode' ),
	},
	{
		key: 'failure_notification',
		label: __( 'Failure notification', 'sophmate-safe-mode' ),
		help: __( 'Who hears of a failure, and how.', 'sophmate-safe-mode' ),
	},
];

function initial( config: AutomationConfig ): Record< string, string > {
	const values: Record< string, string > = {};
	for ( const field of FIELDS ) {
		const value = config.checklist[ field.key ];
		values[ field.key ] = typeof value === 'string' ? value : '';
	}
	return values;
}

/**
 * The production checklist and owner of an admin-created automation, for
 * managers to fill in (PATCH /automations/{id}). Each field has an id the
 * readiness panel links its missing items to.
 *
 * @param props
 * @param props.config The automation.
 */
export function ChecklistEditor( { config }: { config: AutomationConfig } ) {
	const { canManage } = useBoot();
	const { loadAutomation } = useDispatch( automationsStore );
	const { refreshStatus } = useDispatch( statusStore );
	const { confirm, fail } = useActionFeedback();
	const owners = useAsync( 'owners', fetchOwners );
	const [ values, setValues ] = useState( () => initial( config ) );
	const [ owner, setOwner ] = useState( () =>
		config.owner_id ? String( config.owner_id ) : ''
	);
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< ApiError | null >( null );

	if ( ! canManage || config.origin !== 'admin' ) {
		return null;
	}

	const ownerOptions = [
		{ value: '', label: __( 'Choose an owner…', 'sophmate-safe-mode' ) },
		...( owners.value ?? [] ).map( ( item ) => ( {
			value: String( item.id ),
			label: item.name,
		} ) ),
	];
	// Someone named before who can no longer pause still shows, so the form does not hide them.
	if (
		owner &&
		! ownerOptions.some( ( option ) => option.value === owner )
	) {
		ownerOptions.push( {
			value: owner,
			label: config.owner?.name ?? `#${ owner }`,
		} );
	}

	const save = async () => {
		setBusy( true );
		setError( null );
		try {
			await updateReadinessFields( config.id, {
				checklist: values,
				...( owner ? { owner: Number( owner ) } : {} ),
			} );
			confirm( __( 'Checklist saved.', 'sophmate-safe-mode' ) );
			void loadAutomation( config.id );
			void refreshStatus();
		} catch ( failure ) {
			const apiError = toApiError( failure );
			setError( apiError );
			fail( apiError.message );
		} finally {
			setBusy( false );
		}
	};

	return (
		<form
			className="sophmate-readiness__checklist"
			id={ CHECKLIST_EDITOR_ID }
			aria-label={ __(
				'Edit the production checklist',
				'sophmate-safe-mode'
			) }
			onSubmit={ ( event ) => {
				event.preventDefault();
				void save();
			} }
		>
			<h4>{ __( 'Edit the checklist', 'sophmate-safe-mode' ) }</h4>
			<SelectControl
				id={ `${ CHECKLIST_EDITOR_ID }-owner` }
				label={ __( 'Owner', 'sophmate-safe-mode' ) }
				value={ owner }
				options={ ownerOptions }
				onChange={ setOwner }
				help={ __(
					'Someone who can pause it (sophmate_pause_automation).',
					'sophmate-safe-mode'
				) }
				disabled={ busy }
				__nextHasNoMarginBottom
			/>
			{ FIELDS.map( ( field ) => (
				// The wrapper carries the id the panel's links point at; the control keeps its own, so its label stays linked.
				<div
					key={ field.key }
					id={ `${ CHECKLIST_EDITOR_ID }-${ field.key }` }
				>
					<TextareaControl
						label={ field.label }
						help={ field.help }
						value={ values[ field.key ] ?? '' }
						rows={ 2 }
						onChange={ ( value: string ) =>
							setValues( ( previous ) => ( {
								...previous,
								[ field.key ]: value,
							} ) )
						}
						disabled={ busy }
						__nextHasNoMarginBottom
					/>
				</div>
			) ) }
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error.message }
				</Notice>
			) }
			<Button
				variant="secondary"
				type="submit"
				isBusy={ busy }
				disabled={ busy }
			>
				{ __( 'Save checklist', 'sophmate-safe-mode' ) }
			</Button>
		</form>
	);
}
