import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

import type { AutomationConfig, ProviderStatus } from '../../api';
import { cronHooksStore } from '../../store/cron-hooks';
import { providersStore } from '../../store/providers';
import { TimeStamp } from '../TimeStamp';

function providerStatusLabel( status: ProviderStatus ): string {
	switch ( status ) {
		case 'operational':
			return __( 'operational', 'sophmate-safe-mode' );
		case 'degraded':
			return __( 'degraded', 'sophmate-safe-mode' );
		case 'outage':
			return __( 'outage', 'sophmate-safe-mode' );
		default:
			return __( 'status unknown', 'sophmate-safe-mode' );
	}
}

function CronHooks( { hooks }: { hooks: string[] } ) {
	const { byHook, loaded, error } = useSelect( ( select ) => {
		const store = select( cronHooksStore );
		return {
			// Selecting the list also loads it (resolver) when opened by URL.
			byHook: store.getCronHooks(),
			loaded: store.hasLoaded(),
			error: store.getError(),
		};
	}, [] );
	return (
		<ul>
			{ hooks.map( ( hook ) => {
				const scheduled = byHook.find( ( item ) => item.hook === hook );
				let when: React.ReactNode = null;
				if ( scheduled ) {
					when = (
						<>
							{ __( 'next run', 'sophmate-safe-mode' ) }{ ' ' }
							<TimeStamp iso={ scheduled.next_run } />
						</>
					);
				} else if ( error ) {
					when = __( 'next run unknown', 'sophmate-safe-mode' );
				} else if ( loaded ) {
					when = __( 'not scheduled', 'sophmate-safe-mode' );
				}
				return (
					<li key={ hook }>
						<code>{ hook }</code>
						{ when && <> — { when }</> }
					</li>
				);
			} ) }
		</ul>
	);
}

function Providers( { slugs }: { slugs: string[] } ) {
	const { providers, error } = useSelect(
		( select ) => {
			const store = select( providersStore );
			store.getProviders();
			return {
				providers: store.getProvidersBySlug( slugs ),
				error: store.getError(),
			};
		},
		[ slugs ]
	);
	return (
		<ul>
			{ providers.map( ( { slug, provider } ) => (
				<li key={ slug }>
					{ provider ? provider.label || slug : slug }
					{ provider && (
						<span
							className={ `sophmate-safe-mode__provider is-${ provider.status }` }
						>
							{ ' ' }
							({ providerStatusLabel( provider.status ) })
						</span>
					) }
					{ ! provider &&
						error &&
						` (${ __( 'status unavailable', 'sophmate-safe-mode' ) })` }
				</li>
			) ) }
		</ul>
	);
}

/**
 * What the automation is bound to: the cron hooks (with their next run),
 * inbound REST routes and providers (with their status) a pause stops, and
 * how failed runs are retried.
 *
 * @param props
 * @param props.config Automation config.
 */
export function AutomationBindings( { config }: { config: AutomationConfig } ) {
	const none = (
		<p className="sophmate-safe-mode__meta">
			{ __( 'None.', 'sophmate-safe-mode' ) }
		</p>
	);
	return (
		<div className="sophmate-safe-mode__bindings">
			<div>
				<h4>{ __( 'Cron hooks', 'sophmate-safe-mode' ) }</h4>
				{ config.cron_hooks.length ? (
					<CronHooks hooks={ config.cron_hooks } />
				) : (
					none
				) }
			</div>
			<div>
				<h4>{ __( 'REST routes', 'sophmate-safe-mode' ) }</h4>
				{ config.rest_routes.length ? (
					<ul>
						{ config.rest_routes.map( ( routePath ) => (
							<li key={ routePath }>
								<code>{ routePath }</code>
							</li>
						) ) }
					</ul>
				) : (
					none
				) }
			</div>
			<div>
				<h4>{ __( 'Providers', 'sophmate-safe-mode' ) }</h4>
				{ config.providers.length ? (
					<Providers slugs={ config.providers } />
				) : (
					none
				) }
			</div>
			<div>
				<h4>{ __( 'Retry policy', 'sophmate-safe-mode' ) }</h4>
				<p className="sophmate-safe-mode__meta">
					{ config.retry
						? sprintf(
								/* translators: 1: number of attempts, 2: seconds between attempts. */
								__(
									'Up to %1$d attempts, %2$d s apart.',
									'sophmate-safe-mode'
								),
								config.retry.max_attempts,
								config.retry.backoff_seconds
							)
						: __(
								'No retry policy: a failed run waits for its next trigger.',
								'sophmate-safe-mode'
							) }
				</p>
			</div>
		</div>
	);
}
