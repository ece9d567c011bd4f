import './breakers.scss';

import {
	Button,
	CheckboxControl,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';

import type {
	BreakerKind,
	BreakerState,
	CategoryBreakers,
	LastTrip,
	Simulation,
} from '../../api/breakers';
import { useBoot } from '../../boot';
import { breakersStore } from '../../store/breakers';
import { statusStore } from '../../store/status';
import { formatAbsolute } from '../../utils/time';
import { useActionFeedback } from '../Snackbars';
import { SectionError } from '../SectionError';
import { TimeStamp } from '../TimeStamp';
import {
	breakerFormValues,
	breakersFromForm,
	breakerServerErrors,
	validateBreakerForm,
	type BreakerErrors,
	type BreakerFormValues,
} from './form';
import {
	breakerKindLabel,
	formatAmount,
	formatMinutes,
	signalLabel,
} from './format';

/**
 * "Last trip: 5 minutes ago (…) — failure rate 60% over last 20 runs ≥ 50%".
 *
 * @param props
 * @param props.trip The last trip, or null.
 */
function LastTripLine( { trip }: { trip: LastTrip | null | undefined } ) {
	if ( ! trip ) {
		return (
			<p
				className="sophmate-breakers__last-trip is-none"
				data-testid="breakers-last-trip"
			>
				{ __(
					'No breaker has tripped for this category.',
					'sophmate-safe-mode'
				) }
			</p>
		);
	}
	return (
		<p
			className="sophmate-breakers__last-trip"
			data-testid="breakers-last-trip"
		>
			<strong>
				{ trip.signal
					? sprintf(
							/* translators: %s: signal, e.g. "failure rate". */
							__( 'Last trip (%s):', 'sophmate-safe-mode' ),
							signalLabel( trip.signal )
						)
					: __( 'Last trip:', 'sophmate-safe-mode' ) }
			</strong>{ ' ' }
			<TimeStamp iso={ trip.at } />
			{ trip.reason && (
				<>
					<br />
					{ trip.reason }
				</>
			) }
		</p>
	);
}

/** "now / limit", marked when at or over. */
function Versus( {
	value,
	limit,
	children,
}: {
	value: number | null | undefined;
	limit: number | null | undefined;
	children: ReactNode;
} ) {
	const over =
		value !== null &&
		value !== undefined &&
		limit !== null &&
		limit !== undefined &&
		value >= limit;
	return <span className={ over ? 'is-over' : undefined }>{ children }</span>;
}

/**
 * Current values of a kind next to its thresholds, from `breaker_state`.
 *
 * @param props
 * @param props.kind  Breaker kind.
 * @param props.state The category's breaker state.
 */
function CurrentValues( {
	kind,
	state,
}: {
	kind: BreakerKind;
	state: BreakerState | null;
} ) {
	let content: ReactNode = null;
	if ( kind === 'failures' && state?.failures ) {
		const f = state.failures;
		const t = f.threshold ?? {};
		const parts: ReactNode[] = [];
		if ( f.consecutive !== null && f.consecutive !== undefined ) {
			parts.push(
				<Versus
					key="consecutive"
					value={ f.consecutive }
					limit={ t.consecutive }
				>
					{ t.consecutive
						? sprintf(
								/* translators: 1: failures in a row now, 2: the threshold. */
								__(
									'%1$d in a row (trips at %2$d)',
									'sophmate-safe-mode'
								),
								f.consecutive,
								t.consecutive
							)
						: sprintf(
								/* translators: %d: failures in a row now. */
								__( '%d in a row', 'sophmate-safe-mode' ),
								f.consecutive
							) }
				</Versus>
			);
		}
		if ( f.recent_runs !== null && f.recent_runs !== undefined ) {
			const rate =
				f.rate_percent === null || f.rate_percent === undefined
					? '—'
					: `${ formatAmount( f.rate_percent ) }%`;
			const enough =
				t.min_runs === null ||
				t.min_runs === undefined ||
				f.recent_runs >= t.min_runs;
			parts.push(
				<Versus
					key="rate"
					value={ enough ? ( f.rate_percent ?? null ) : null }
					limit={ t.rate_percent }
				>
					{ sprintf(
						/* translators: 1: failure rate, 2: runs counted, 3: threshold rate, 4: runs needed. */
						__(
							'failure rate %1$s over the last %2$d runs (trips at %3$s with at least %4$d runs)',
							'sophmate-safe-mode'
						),
						rate,
						f.recent_runs,
						t.rate_percent === null || t.rate_percent === undefined
							? '—'
							: `${ formatAmount( t.rate_percent ) }%`,
						t.min_runs ?? 0
					) }
				</Versus>
			);
		}
		content = parts.length
			? parts.reduce< ReactNode[] >(
					( all, part, index ) =>
						index ? [ ...all, ' · ', part ] : [ part ],
					[]
				)
			: null;
	} else if ( kind === 'spend' && state?.spend?.length ) {
		const budgetText = ( budget: number | null | undefined ) =>
			budget === null || budget === undefined
				? '—'
				: formatAmount( budget );
		content = (
			<ul>
				{ state.spend.map( ( row ) => (
					<li key={ row.unit }>
						<Versus value={ row.last_hour } limit={ row.per_hour }>
							{ sprintf(
								/* translators: 1: amount spent, 2: unit, 3: budget per hour. */
								__(
									'%1$s %2$s in the last hour (budget %3$s)',
									'sophmate-safe-mode'
								),
								formatAmount( row.last_hour ?? 0 ),
								row.unit,
								budgetText( row.per_hour )
							) }
						</Versus>
						{ ' · ' }
						<Versus value={ row.last_day } limit={ row.per_day }>
							{ sprintf(
								/* translators: 1: amount spent, 2: unit, 3: budget per day. */
								__(
									'%1$s %2$s in the last day (budget %3$s)',
									'sophmate-safe-mode'
								),
								formatAmount( row.last_day ?? 0 ),
								row.unit,
								budgetText( row.per_day )
							) }
						</Versus>
					</li>
				) ) }
			</ul>
		);
	} else if ( kind === 'customer_impact' && state?.customer_impact ) {
		const c = state.customer_impact;
		content = (
			<Versus value={ c.count } limit={ c.max_actions }>
				{ sprintf(
					/* translators: 1: customer-facing actions, 2: window in minutes, 3: threshold. */
					__(
						'%1$d customer-facing actions in the last %2$d min (trips above %3$d)',
						'sophmate-safe-mode'
					),
					c.count ?? 0,
					c.window_minutes ?? 0,
					c.max_actions ?? 0
				) }
			</Versus>
		);
	} else if ( kind === 'stale_context' && state?.stale_context ) {
		content = state.stale_context.length ? (
			<ul>
				{ state.stale_context.map( ( row ) => (
					<li key={ row.automation }>
						<code>{ row.automation }</code>{ ' ' }
						<Versus
							value={
								row.age_minutes === null ||
								row.age_minutes === undefined
									? Infinity
									: row.age_minutes
							}
							limit={ row.max_age_minutes }
						>
							{ row.age_minutes === null ||
							row.age_minutes === undefined
								? __(
										'no readable freshness source',
										'sophmate-safe-mode'
									)
								: sprintf(
										/* translators: 1: age, 2: limit. */
										__(
											'%1$s old (limit %2$s)',
											'sophmate-safe-mode'
										),
										formatMinutes( row.age_minutes ),
										formatMinutes(
											row.max_age_minutes ?? 0
										)
									) }
						</Versus>
						{ row.source ? ` · ${ row.source }` : '' }
					</li>
				) ) }
			</ul>
		) : (
			__(
				'No automation of this category declares a freshness source.',
				'sophmate-safe-mode'
			)
		);
	}
	if ( content === null ) {
		return null;
	}
	return (
		<div
			className="sophmate-breakers__now"
			data-testid={ `breakers-now-${ kind }` }
		>
			<strong>{ __( 'Now:', 'sophmate-safe-mode' ) }</strong> { content }
		</div>
	);
}

const KIND_HELP: Record< BreakerKind, () => string > = {
	failures: () =>
		__(
			'Pauses after N failures in a row, or when the failure rate over the last runs reaches the limit (only once enough runs are counted).',
			'sophmate-safe-mode'
		),
	spend: () =>
		__(
			'Pauses when spend recorded by runs (Run::spend) reaches a budget in the last hour or day, per unit.',
			'sophmate-safe-mode'
		),
	stale_context: () =>
		__(
			'Pauses an automation whose declared freshness source (an option or filter with the last successful sync) is older than the limit.',
			'sophmate-safe-mode'
		),
	customer_impact: () =>
		__(
			'Pauses after too many customer-facing actions (emails sent inside runs, touched records marked customer-facing) in the window.',
			'sophmate-safe-mode'
		),
	updates: () =>
		__(
			'Pauses on a plugin, theme or core update, and when a provider this category uses changes its configuration, until reviewed.',
			'sophmate-safe-mode'
		),
	provider_outage: () =>
		__(
			'Pauses when a provider this category depends on reports an outage.',
			'sophmate-safe-mode'
		),
};

/**
 * Turning spend on without a budget starts from a suggestion (5 usd an hour,
 * 50 a day) rather than an error.
 *
 * @param values Form values.
 */
function withSuggestedBudget( values: BreakerFormValues ): BreakerFormValues {
	if ( ! values.spend.enabled || values.spend.budgets.length ) {
		return values;
	}
	return {
		...values,
		spend: {
			...values.spend,
			budgets: [ { unit: 'usd', per_hour: '5', per_day: '50' } ],
		},
	};
}

/**
 * The settings form (managers) with current values and the dry run.
 *
 * @param props
 * @param props.slug      Category slug.
 * @param props.value     Loaded settings and state.
 * @param props.canManage Whether the user may change settings.
 */
function BreakersForm( {
	slug,
	value,
	canManage,
}: {
	slug: string;
	value: CategoryBreakers;
	canManage: boolean;
} ) {
	const [ values, setValues ] = useState< BreakerFormValues >( () =>
		breakerFormValues( value.config )
	);
	const [ errors, setErrors ] = useState< BreakerErrors >( {} );
	const [ formError, setFormError ] = useState< string | null >( null );
	const { saving, simulating, simulation, simulationError } = useSelect(
		( select ) => {
			const store = select( breakersStore );
			return {
				saving: store.isSaving( slug ),
				simulating: store.isSimulating( slug ),
				simulation: store.getSimulation( slug ),
				simulationError: store.getSimulationError( slug ),
			};
		},
		[ slug ]
	);
	const { saveBreakers, simulateBreakers, clearSimulation } =
		useDispatch( breakersStore );
	const { refreshStatus } = useDispatch( statusStore );
	const { confirm, fail } = useActionFeedback();
	const state = value.state;
	const disabled = ! canManage;

	const clear = ( ...fields: string[] ) =>
		setErrors( ( current ) => {
			const next = { ...current };
			fields.forEach( ( field ) => delete next[ field ] );
			return next;
		} );

	const update = (
		change: ( current: BreakerFormValues ) => BreakerFormValues,
		...fields: string[]
	) => {
		setValues( change );
		// A corrected field should not keep shouting.
		clear( ...fields );
		// A dry run of other settings no longer describes the draft.
		if ( simulation ) {
			clearSimulation( slug );
		}
	};

	const numberField = (
		kind: 'failures' | 'stale_context' | 'customer_impact',
		field: string,
		label: string,
		help: string
	) => {
		const path = `${ kind }.${ field }`;
		const kindValues = values[ kind ] as unknown as Record<
			string,
			string
		>;
		return (
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="number"
				min={ 1 }
				label={ label }
				value={ kindValues[ field ] ?? '' }
				disabled={ disabled }
				onChange={ ( next: string ) =>
					update(
						( current ) => ( {
							...current,
							[ kind ]: { ...current[ kind ], [ field ]: next },
						} ),
						path,
						kind
					)
				}
				help={ errors[ path ] ?? help }
				className={ errors[ path ] ? 'has-error' : undefined }
				aria-invalid={ errors[ path ] ? true : undefined }
				data-testid={ `breakers-field-${ path }` }
			/>
		);
	};

	const kindBox = ( kind: BreakerKind, fields: ReactNode ) => {
		const enabled = values[ kind ].enabled;
		const kindError = errors[ kind ];
		return (
			<fieldset
				key={ kind }
				className={ [
					'sophmate-breakers__kind',
					enabled ? 'is-on' : 'is-off',
					kindError ? 'has-error' : '',
				]
					.filter( Boolean )
					.join( ' ' ) }
				data-testid={ `breakers-kind-${ kind }` }
			>
				<legend>{ breakerKindLabel( kind ) }</legend>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'On', 'sophmate-safe-mode' ) }
					checked={ enabled }
					disabled={ disabled }
					onChange={ ( checked: boolean ) =>
						update(
							( current ) =>
								withSuggestedBudget( {
									...current,
									[ kind ]: {
										...current[ kind ],
										enabled: checked,
									},
								} ),
							kind
						)
					}
					help={ KIND_HELP[ kind ]() }
				/>
				{ kindError && (
					<p className="sophmate-breakers__kind-error" role="alert">
						{ kindError }
					</p>
				) }
				{ fields }
				<CurrentValues kind={ kind } state={ state } />
			</fieldset>
		);
	};

	const budgetField = (
		index: number,
		field: 'unit' | 'per_hour' | 'per_day',
		label: string
	) => {
		const path = `spend.budgets.${ index }.${ field }`;
		return (
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type={ field === 'unit' ? 'text' : 'number' }
				min={ field === 'unit' ? undefined : 0 }
				step={ field === 'unit' ? undefined : 'any' }
				label={ label }
				value={ values.spend.budgets[ index ]?.[ field ] ?? '' }
				disabled={ disabled }
				onChange={ ( next: string ) =>
					update(
						( current ) => ( {
							...current,
							spend: {
								...current.spend,
								budgets: current.spend.budgets.map(
									( budget, at ) =>
										at === index
											? { ...budget, [ field ]: next }
											: budget
								),
							},
						} ),
						path,
						'spend'
					)
				}
				help={ errors[ path ] }
				className={ errors[ path ] ? 'has-error' : undefined }
				aria-invalid={ errors[ path ] ? true : undefined }
				data-testid={ `breakers-field-${ path }` }
			/>
		);
	};

	const checked = (): ReturnType< typeof breakersFromForm > | null => {
		setFormError( null );
		const found = validateBreakerForm( values );
		setErrors( found );
		return Object.keys( found ).length ? null : breakersFromForm( values );
	};

	const onSubmit = async ( event: { preventDefault: () => void } ) => {
		event.preventDefault();
		const breakers = checked();
		if ( ! breakers ) {
			return;
		}
		const result = await saveBreakers( slug, breakers );
		if ( result.ok ) {
			setValues( breakerFormValues( result.value.config ) );
			void refreshStatus();
			confirm(
				sprintf(
					/* translators: %s: category label. */
					__( 'Breakers of %s saved.', 'sophmate-safe-mode' ),
					value.label
				)
			);
			return;
		}
		const mapped = breakerServerErrors( result.error );
		setErrors( mapped.fields );
		setFormError( mapped.form );
		fail(
			sprintf(
				/* translators: 1: category label, 2: the server's message. */
				__(
					'Breakers of %1$s were not saved: %2$s',
					'sophmate-safe-mode'
				),
				value.label,
				result.error.message
			)
		);
	};

	const onSimulate = async () => {
		const breakers = checked();
		if ( ! breakers ) {
			return;
		}
		const result = await simulateBreakers( slug, breakers );
		if ( ! result.ok ) {
			const mapped = breakerServerErrors( result.error );
			setErrors( mapped.fields );
		}
	};

	return (
		<form
			className="sophmate-breakers__form"
			aria-labelledby="sophmate-breakers-title"
			data-testid="breakers-form"
			noValidate
			onSubmit={ onSubmit }
		>
			{ formError && (
				<Notice status="error" isDismissible={ false }>
					{ formError }
				</Notice>
			) }
			<div className="sophmate-breakers__kinds">
				{ kindBox(
					'failures',
					<div className="sophmate-breakers__fields">
						{ numberField(
							'failures',
							'consecutive',
							__( 'Failures in a row', 'sophmate-safe-mode' ),
							__( 'Empty: off.', 'sophmate-safe-mode' )
						) }
						{ numberField(
							'failures',
							'rate_percent',
							__( 'Failure rate (%)', 'sophmate-safe-mode' ),
							__( 'Empty: off.', 'sophmate-safe-mode' )
						) }
						{ numberField(
							'failures',
							'window_runs',
							__( 'Over the last (runs)', 'sophmate-safe-mode' ),
							__( 'Runs the rate counts.', 'sophmate-safe-mode' )
						) }
						{ numberField(
							'failures',
							'min_runs',
							__( 'At least (runs)', 'sophmate-safe-mode' ),
							__(
								'No rate trip on fewer runs.',
								'sophmate-safe-mode'
							)
						) }
					</div>
				) }
				{ kindBox(
					'spend',
					<div>
						{ values.spend.budgets.map( ( _budget, index ) => (
							<div
								// Budgets have no id; the position is the key.
								key={ index }
								className="sophmate-breakers__budget"
								data-testid={ `breakers-budget-${ index }` }
							>
								{ budgetField(
									index,
									'unit',
									__( 'Unit', 'sophmate-safe-mode' )
								) }
								{ budgetField(
									index,
									'per_hour',
									__( 'Per hour', 'sophmate-safe-mode' )
								) }
								{ budgetField(
									index,
									'per_day',
									__( 'Per day', 'sophmate-safe-mode' )
								) }
								{ canManage && (
									<Button
										variant="tertiary"
										isDestructive
										__next40pxDefaultSize
										onClick={ () =>
											update(
												( current ) => ( {
													...current,
													spend: {
														...current.spend,
														budgets:
															current.spend.budgets.filter(
																( _b, at ) =>
																	at !== index
															),
													},
												} ),
												'spend'
											)
										}
									>
										{ __( 'Remove', 'sophmate-safe-mode' ) }
									</Button>
								) }
							</div>
						) ) }
						{ canManage && (
							<Button
								variant="secondary"
								__next40pxDefaultSize
								onClick={ () =>
									update(
										( current ) => ( {
											...current,
											spend: {
												...current.spend,
												budgets: [
													...current.spend.budgets,
													{
														unit: '',
														per_hour: '',
														per_day: '',
													},
												],
											},
										} ),
										'spend'
									)
								}
							>
								{ __( 'Add budget', 'sophmate-safe-mode' ) }
							</Button>
						) }
					</div>
				) }
				{ kindBox(
					'stale_context',
					<div className="sophmate-breakers__fields">
						{ numberField(
							'stale_context',
							'max_age_minutes',
							__( 'Max age (minutes)', 'sophmate-safe-mode' ),
							__(
								'Per automation with a freshness source.',
								'sophmate-safe-mode'
							)
						) }
					</div>
				) }
				{ kindBox(
					'customer_impact',
					<div className="sophmate-breakers__fields">
						{ numberField(
							'customer_impact',
							'max_actions',
							__( 'Max actions', 'sophmate-safe-mode' ),
							__(
								'Trips above this count.',
								'sophmate-safe-mode'
							)
						) }
						{ numberField(
							'customer_impact',
							'window_minutes',
							__( 'Window (minutes)', 'sophmate-safe-mode' ),
							__( 'Rolling window.', 'sophmate-safe-mode' )
						) }
					</div>
				) }
				{ kindBox( 'updates', null ) }
				{ kindBox( 'provider_outage', null ) }
			</div>
			{ canManage && (
				<div className="sophmate-breakers__actions">
					<Button
						variant="primary"
						type="submit"
						isBusy={ saving }
						disabled={ saving }
						accessibleWhenDisabled
						__next40pxDefaultSize
					>
						{ __( 'Save breakers', 'sophmate-safe-mode' ) }
					</Button>
					<Button
						variant="secondary"
						onClick={ () => void onSimulate() }
						isBusy={ simulating }
						disabled={ simulating }
						accessibleWhenDisabled
						__next40pxDefaultSize
					>
						{ __( 'Simulate', 'sophmate-safe-mode' ) }
					</Button>
				</div>
			) }
			<SimulationResult
				simulation={ simulation }
				error={ simulationError }
			/>
		</form>
	);
}

/**
 * The answer of the dry run: "Would have tripped at …: <reason>" per trip
 * replayed from history, "Would trip now: <reason>" for a stale freshness source.
 *
 * @param props
 * @param props.simulation The dry run's answer, or null.
 * @param props.error      Why it was refused, or null.
 */
function SimulationResult( {
	simulation,
	error,
}: {
	simulation: Simulation | null;
	error: { message: string } | null;
} ) {
	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ __( 'The simulation could not run.', 'sophmate-safe-mode' ) }{ ' ' }
				{ error.message }
			</Notice>
		);
	}
	if ( ! simulation ) {
		return null;
	}
	const considered = sprintf(
		/* translators: %d: number of runs. */
		_n(
			'%d run considered',
			'%d runs considered',
			simulation.runs_considered,
			'sophmate-safe-mode'
		),
		simulation.runs_considered
	);
	const since = simulation.since
		? sprintf(
				/* translators: %s: date and time. */
				__( 'since %s', 'sophmate-safe-mode' ),
				formatAbsolute( simulation.since )
			)
		: '';
	return (
		<div
			className="sophmate-breakers__simulation"
			data-testid="breakers-simulation"
			aria-live="polite"
		>
			<h3>{ __( 'Simulation', 'sophmate-safe-mode' ) }</h3>
			<p className="sophmate-safe-mode__meta">
				{ [ considered, since ].filter( Boolean ).join( ' ' ) }
				{ '. ' }
				{ __( 'Nothing was saved or paused.', 'sophmate-safe-mode' ) }
				{ simulation.truncated &&
					` ${ __(
						'Only the most recent history was read.',
						'sophmate-safe-mode'
					) }` }
			</p>
			{ simulation.trips.length === 0 ? (
				<p data-testid="breakers-simulation-none">
					{ __(
						'These settings would not have tripped.',
						'sophmate-safe-mode'
					) }
				</p>
			) : (
				<ol>
					{ simulation.trips.map( ( trip, index ) => (
						<li
							key={ `${ trip.at }-${ index }` }
							data-testid="breakers-simulated-trip"
						>
							{ trip.now
								? sprintf(
										/* translators: %s: the trip reason. */
										__(
											'Would trip now: %s',
											'sophmate-safe-mode'
										),
										trip.reason
									)
								: sprintf(
										/* translators: 1: date and time, 2: the trip reason. */
										__(
											'Would have tripped at %1$s: %2$s',
											'sophmate-safe-mode'
										),
										formatAbsolute( trip.at ),
										trip.reason
									) }
							{ trip.scope &&
							trip.scope.startsWith( 'automation:' )
								? ` (${ trip.scope })`
								: '' }
						</li>
					) ) }
				</ol>
			) }
		</div>
	);
}

/**
 * The "Breakers" panel of a category page: each kind with its settings, the
 * current values next to the thresholds, the last trip, and (managers) save
 * and a dry run over the run history.
 *
 * @param props
 * @param props.slug Category slug.
 */
export function BreakersPanel( { slug }: { slug: string } ) {
	const { canManage } = useBoot();
	const { value, error, loading } = useSelect(
		( select ) => {
			const store = select( breakersStore );
			const loaded = store.getBreakers( slug );
			return {
				value: loaded,
				error: store.getError( slug ),
				loading: loaded === null && ! store.getError( slug ),
			};
		},
		[ slug ]
	);
	const { loadBreakers } = useDispatch( breakersStore );

	let body: ReactNode;
	if ( value ) {
		body = (
			<>
				<LastTripLine trip={ value.state?.last_trip } />
				<BreakersForm
					// A save elsewhere (or a reload) resets the draft.
					key={ JSON.stringify( value.config ) }
					slug={ slug }
					value={ value }
					canManage={ canManage }
				/>
			</>
		);
	} else if ( error ) {
		body =
			error.status === 403 ? (
				<p className="sophmate-safe-mode__meta">
					{ __(
						'Breaker settings are not available to you.',
						'sophmate-safe-mode'
					) }
				</p>
			) : (
				<SectionError
					message={ __(
						'The breakers could not be loaded.',
						'sophmate-safe-mode'
					) }
					error={ error }
					onRetry={ () => void loadBreakers( slug ) }
				/>
			);
	} else if ( loading ) {
		body = <p>{ __( 'Loading…', 'sophmate-safe-mode' ) }</p>;
	}

	return (
		<section
			className="sophmate-category__section sophmate-breakers"
			aria-labelledby="sophmate-breakers-title"
			data-testid="breakers-panel"
		>
			<div className="sophmate-breakers__header">
				<h2 id="sophmate-breakers-title">
					{ __( 'Breakers', 'sophmate-safe-mode' ) }
				</h2>
				{ value && (
					<Button
						variant="tertiary"
						onClick={ () => void loadBreakers( slug ) }
						__next40pxDefaultSize
					>
						{ __( 'Refresh', 'sophmate-safe-mode' ) }
					</Button>
				) }
			</div>
			<p className="sophmate-safe-mode__meta">
				{ __(
					'Breakers pause this category by themselves when a signal crosses its threshold, and never restart it: a trip needs the normal restart review.',
					'sophmate-safe-mode'
				) }
			</p>
			{ body }
		</section>
	);
}
