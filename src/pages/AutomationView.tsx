import '../components/automation/automation.scss';

import { Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

import { AutomationBindings } from '../components/automation/AutomationBindings';
import { AutomationHeader } from '../components/automation/AutomationHeader';
import { LastRunExplanation } from '../components/automation/LastRunExplanation';
import { ProductionChecklist } from '../components/automation/ProductionChecklist';
import { RouteLink } from '../components/ConsoleNav';
import { ReadinessSection } from '../components/readiness';
import { AuditTimeline, RecentRuns } from '../components/history';
import { automationsStore } from '../store/automations';
import { statusStore } from '../store/status';
import type { Route } from '../utils/route';
import { SectionError } from '../components/SectionError';

function Section( {
	title,
	testId,
	children,
}: {
	title: string;
	testId?: string;
	children: ReactNode;
} ) {
	return (
		<section data-testid={ testId } aria-label={ title }>
			<h3>{ title }</h3>
			{ children }
		</section>
	);
}

function Loading() {
	return (
		<p className="sophmate-safe-mode__loading" role="status">
			<Spinner />
			{ __( 'Loading…', 'sophmate-safe-mode' ) }
		</p>
	);
}

/**
 * The page of one automation: who owns it and what it may do now, its
 * production checklist and bindings, the last run explained, recent runs and
 * its audit timeline. Works opened directly by URL: the automation is loaded
 * on its own (GET /automations/{id}) and the switch from GET /status.
 *
 * @param props
 * @param props.id       Automation id.
 * @param props.navigate navigate() of useRoute.
 */
export function AutomationView( {
	id,
	navigate,
}: {
	id: string;
	navigate: ( route: Route ) => void;
} ) {
	const { config, configError, status, statusLoaded } = useSelect(
		( select ) => {
			const automations = select( automationsStore );
			const statuses = select( statusStore );
			statuses.getStatus();
			return {
				config: automations.getAutomation( id ),
				configError: automations.getAutomationError( id ),
				status: statuses.getAutomationStatus( id ),
				statusLoaded: statuses.hasLoaded(),
			};
		},
		[ id ]
	);
	const { loadAutomation } = useDispatch( automationsStore );

	const back = (
		<p>
			<RouteLink to={ { view: 'overview' } } navigate={ navigate }>
				{ __( '← Back to the overview', 'sophmate-safe-mode' ) }
			</RouteLink>
		</p>
	);

	const notFound = configError?.status === 404 && ! config;
	if ( notFound && ( ! status || ! statusLoaded ) ) {
		return (
			<div
				className="sophmate-safe-mode__automation"
				data-testid="automation-page"
			>
				{ back }
				<Notice status="warning" isDismissible={ false }>
					<span data-testid="automation-not-found">
						{ __(
							'There is no automation with this id. It may have been removed, or the link is wrong.',
							'sophmate-safe-mode'
						) }{ ' ' }
						<code>{ id }</code>
					</span>
				</Notice>
			</div>
		);
	}

	const summary = status ?? config;
	const configFailed = configError && ! config;
	const bindings = config
		? { cron_hooks: config.cron_hooks, rest_routes: config.rest_routes }
		: undefined;
	const configSection = (
		body: ( c: NonNullable< typeof config > ) => ReactNode
	) => {
		if ( config ) {
			return body( config );
		}
		if ( configFailed ) {
			return (
				<SectionError
					message={ __(
						'The automation’s configuration could not be loaded.',
						'sophmate-safe-mode'
					) }
					error={ configError }
					onRetry={ () => void loadAutomation( id ) }
				/>
			);
		}
		return <Loading />;
	};

	return (
		<div
			className="sophmate-safe-mode__automation"
			data-testid="automation-page"
		>
			{ back }
			{ summary ? (
				<AutomationHeader
					automation={ summary }
					status={ status }
					navigate={ navigate }
				/>
			) : (
				configSection( () => null )
			) }
			<Section
				title={ __( 'Production checklist', 'sophmate-safe-mode' ) }
				testId="automation-checklist"
			>
				{ configSection( ( c ) => (
					<ProductionChecklist config={ c } />
				) ) }
			</Section>
			{ config && (
				<ReadinessSection config={ config } navigate={ navigate } />
			) }
			<Section
				title={ __( 'Bindings', 'sophmate-safe-mode' ) }
				testId="automation-bindings"
			>
				{ configSection( ( c ) => (
					<AutomationBindings config={ c } />
				) ) }
			</Section>
			<Section
				title={ __( 'The last run, explained', 'sophmate-safe-mode' ) }
			>
				<LastRunExplanation
					id={ id }
					bindings={ bindings }
					navigate={ navigate }
				/>
			</Section>
			<Section title={ __( 'Recent runs', 'sophmate-safe-mode' ) }>
				<RecentRuns
					automation={ id }
					limit={ 10 }
					navigate={ navigate }
				/>
			</Section>
			<Section title={ __( 'Audit timeline', 'sophmate-safe-mode' ) }>
				<AuditTimeline
					scope={ `automation:${ id }` }
					limit={ 10 }
					navigate={ navigate }
				/>
			</Section>
		</div>
	);
}
