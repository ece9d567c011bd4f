import { ExternalLink } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

import type { ProviderStatus } from '../../api';
import { providersStore } from '../../store/providers';
import { TimeStamp } from '../TimeStamp';

const NO_SLUGS: string[] = [];

/**
 * Translated provider status.
 *
 * @param status Provider status.
 */
export function providerStatusLabel( status: ProviderStatus ): string {
	switch ( status ) {
		case 'operational':
			return __( 'Operational', 'sophmate-safe-mode' );
		case 'degraded':
			return __( 'Degraded', 'sophmate-safe-mode' );
		case 'outage':
			return __( 'Outage', 'sophmate-safe-mode' );
		case 'unknown':
			return __( 'Unknown', 'sophmate-safe-mode' );
	}
}

/**
 * The external services the category depends on, with their last known
 * status (an outage blocks a restart, so it belongs on this page).
 *
 * @param props
 * @param props.slugs Provider slugs from the category config, null while it
 *                    is not loaded.
 */
export function CategoryProviders( { slugs }: { slugs: string[] | null } ) {
	const list = slugs ?? NO_SLUGS;
	const { rows, loaded, error } = useSelect(
		( select ) => {
			const store = select( providersStore );
			// Only ask the server when the category names providers.
			if ( list.length ) {
				store.getProviders();
			}
			return {
				rows: store.getProvidersBySlug( list ),
				loaded: store.hasLoaded(),
				error: store.getError(),
			};
		},
		[ list ]
	);

	let body;
	if ( slugs === null ) {
		body = <p>{ __( 'Loading…', 'sophmate-safe-mode' ) }</p>;
	} else if ( list.length === 0 ) {
		body = (
			<p data-testid="category-providers-empty">
				{ __(
					'This category names no providers.',
					'sophmate-safe-mode'
				) }
			</p>
		);
	} else {
		body = (
			<>
				{ error && (
					<p className="sophmate-safe-mode__meta" role="alert">
						{ __(
							'Provider status could not be loaded:',
							'sophmate-safe-mode'
						) }{ ' ' }
						{ error.message }
					</p>
				) }
				<ul className="sophmate-category__providers">
					{ rows.map( ( { slug, provider } ) => (
						<li
							key={ slug }
							data-testid={ `category-provider-${ slug }` }
						>
							<strong>{ provider?.label ?? slug }</strong>{ ' ' }
							{ provider ? (
								<span
									className={ `sophmate-category__provider-status is-${ provider.status }` }
								>
									{ providerStatusLabel( provider.status ) }
								</span>
							) : (
								<span className="sophmate-safe-mode__meta">
									{ loaded || error
										? __(
												'Not configured',
												'sophmate-safe-mode'
											)
										: __(
												'Loading…',
												'sophmate-safe-mode'
											) }
								</span>
							) }
							{ provider?.checked_at && (
								<span className="sophmate-safe-mode__meta">
									{ ' · ' }
									{ __(
										'checked',
										'sophmate-safe-mode'
									) }{ ' ' }
									<TimeStamp iso={ provider.checked_at } />
								</span>
							) }
							{ provider?.status_url && (
								<>
									{ ' · ' }
									<ExternalLink href={ provider.status_url }>
										{ __(
											'Status page',
											'sophmate-safe-mode'
										) }
									</ExternalLink>
								</>
							) }
						</li>
					) ) }
				</ul>
			</>
		);
	}

	return (
		<section
			className="sophmate-category__section"
			aria-labelledby="sophmate-category-providers-title"
			data-testid="category-providers"
		>
			<h2 id="sophmate-category-providers-title">
				{ __( 'Providers', 'sophmate-safe-mode' ) }
			</h2>
			{ body }
		</section>
	);
}
