import { Button, Modal, Notice, TextareaControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { ChangeEvent } from 'react';

import {
	configErrors,
	importConfig,
	toApiError,
	type ConfigError,
	type ConfigImportResult,
} from '../../api';
import { useActionFeedback } from '../Snackbars';
import { ConfigDiffList } from './ConfigDiffList';
import {
	errorLines,
	hasWrites,
	parseConfigText,
	summaryText,
} from './configDiff';

interface Checked {
	config: unknown;
	result: ConfigImportResult;
}

/**
 * "Import configuration": choose a file or paste JSON, Check (dry run: the
 * errors with their paths, or the changes), then Apply after a confirmation.
 *
 * @param props
 * @param props.environment This site's environment type, named in the confirmation.
 */
export function ImportPanel( { environment }: { environment: string } ) {
	const [ text, setText ] = useState( '' );
	const [ problem, setProblem ] = useState< string | null >( null );
	const [ errors, setErrors ] = useState< ConfigError[] >( [] );
	const [ checked, setChecked ] = useState< Checked | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ confirming, setConfirming ] = useState( false );
	const { confirm, fail } = useActionFeedback();

	const reset = ( next: string ) => {
		setText( next );
		setProblem( null );
		setErrors( [] );
		setChecked( null );
	};

	const onFile = ( event: ChangeEvent< HTMLInputElement > ) => {
		const file = event.target.files?.[ 0 ];
		if ( ! file ) {
			return;
		}
		file.text().then( reset, () =>
			setProblem(
				__( 'The file could not be read.', 'sophmate-safe-mode' )
			)
		);
	};

	const onCheck = () => {
		const parsed = parseConfigText( text );
		if ( ! parsed.ok ) {
			setProblem( parsed.message );
			return;
		}
		setBusy( true );
		setProblem( null );
		setErrors( [] );
		setChecked( null );
		importConfig( parsed.value, true )
			.then( ( result ) =>
				setChecked( { config: parsed.value, result } )
			)
			.catch( ( e: unknown ) => {
				const error = toApiError( e );
				setProblem( error.message );
				setErrors( configErrors( error ) );
			} )
			.finally( () => setBusy( false ) );
	};

	const onApply = () => {
		if ( ! checked ) {
			return;
		}
		setBusy( true );
		importConfig( checked.config, false, checked.result.changes_hash )
			.then( ( result ) => {
				confirm(
					sprintf(
						/* translators: %s: summary of the changes */
						__(
							'Configuration imported: %s.',
							'sophmate-safe-mode'
						),
						summaryText( result.summary )
					)
				);
				reset( '' );
			} )
			.catch( ( e: unknown ) => {
				const error = toApiError( e );
				fail( error.message );
				if ( error.code === 'sophmate_config_changed_since_check' ) {
					// What was read is no longer what would be applied: read it again first.
					setChecked( null );
				}
			} )
			.finally( () => {
				setBusy( false );
				setConfirming( false );
			} );
	};

	const result = checked?.result;
	const source = result
		? [ result.source.environment, result.source.site ]
				.filter( Boolean )
				.join( ' ' )
		: '';

	return (
		<section
			className="sophmate-config__section"
			aria-labelledby="sophmate-config-import"
		>
			<h2 id="sophmate-config-import">
				{ __( 'Import configuration', 'sophmate-safe-mode' ) }
			</h2>
			<p>
				{ __(
					'Everything is checked first and applied all or nothing. An import never deletes (what the file lacks is kept), never raises an automation’s mode (take it live through the readiness gate here) and never changes automations registered by code.',
					'sophmate-safe-mode'
				) }
			</p>
			<p>
				<label htmlFor="sophmate-config-file">
					{ __( 'Choose a file', 'sophmate-safe-mode' ) }
				</label>{ ' ' }
				<input
					id="sophmate-config-file"
					type="file"
					accept="application/json,.json"
					onChange={ onFile }
				/>
			</p>
			<TextareaControl
				label={ __( 'Or paste the JSON', 'sophmate-safe-mode' ) }
				value={ text }
				onChange={ reset }
				rows={ 6 }
			/>
			<div className="sophmate-config__actions">
				<Button
					variant="secondary"
					onClick={ onCheck }
					isBusy={ busy && ! confirming }
					disabled={ busy }
				>
					{ __( 'Check', 'sophmate-safe-mode' ) }
				</Button>
				<Button
					variant="primary"
					onClick={ () => setConfirming( true ) }
					disabled={
						busy || ! result || ! hasWrites( result.changes )
					}
				>
					{ __( 'Apply', 'sophmate-safe-mode' ) }
				</Button>
			</div>
			{ problem && (
				<Notice status="error" isDismissible={ false }>
					{ problem }
					{ errors.length > 0 && (
						<ul
							className="sophmate-config__errors"
							data-testid="config-errors"
						>
							{ errorLines( errors ).map( ( line, i ) => (
								<li key={ i }>
									<code>{ line }</code>
								</li>
							) ) }
						</ul>
					) }
				</Notice>
			) }
			{ result && (
				<div className="sophmate-config__result">
					<p>
						{ sprintf(
							/* translators: 1: where the file came from, 2: when it was exported, 3: summary */
							__(
								'File from %1$s, exported %2$s: %3$s.',
								'sophmate-safe-mode'
							),
							source ||
								__( 'an unknown site', 'sophmate-safe-mode' ),
							result.source.exported_at || '—',
							summaryText( result.summary )
						) }
					</p>
					{ ! hasWrites( result.changes ) && (
						<Notice status="success" isDismissible={ false }>
							{ __(
								'Nothing to change: this site already has this configuration.',
								'sophmate-safe-mode'
							) }
						</Notice>
					) }
					{ result.warnings.map( ( warning, i ) => (
						<Notice
							key={ i }
							status="warning"
							isDismissible={ false }
						>
							{ warning }
						</Notice>
					) ) }
					<ConfigDiffList changes={ result.changes } />
				</div>
			) }
			{ confirming && result && (
				<Modal
					title={ __(
						'Apply this configuration?',
						'sophmate-safe-mode'
					) }
					onRequestClose={ () => ! busy && setConfirming( false ) }
					className="sophmate-safe-mode__modal"
				>
					<p>
						{ sprintf(
							/* translators: 1: summary, 2: environment type of this site */
							__(
								'%1$s will be written to this %2$s site. The import is audited.',
								'sophmate-safe-mode'
							),
							summaryText( result.summary ),
							environment
						) }
					</p>
					<div className="sophmate-safe-mode__modal-actions">
						<Button
							variant="tertiary"
							onClick={ () => setConfirming( false ) }
							disabled={ busy }
						>
							{ __( 'Cancel', 'sophmate-safe-mode' ) }
						</Button>
						<Button
							variant="primary"
							onClick={ onApply }
							isBusy={ busy }
							disabled={ busy }
						>
							{ __( 'Apply', 'sophmate-safe-mode' ) }
						</Button>
					</div>
				</Modal>
			) }
		</section>
	);
}
