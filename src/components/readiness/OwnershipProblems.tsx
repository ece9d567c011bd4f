import './readiness.scss';

import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';

import { statusStore } from '../../store/status';
import type { Route } from '../../utils/route';
import { RouteLink } from '../ConsoleNav';
import { scopeRoute } from './readiness';

/**
 * Ownership problems of the site (GET /status `problems`): categories
 * without an owner, owners who no longer exist or cannot pause, live
 * automations without an owner. Nothing is shown when there are none.
 *
 * @param props
 * @param props.navigate navigate() of useRoute.
 */
export function OwnershipProblems( {
	navigate,
}: {
	navigate: ( route: Route ) => void;
} ) {
	const problems = useSelect(
		( select ) => select( statusStore ).getStatus()?.problems ?? [],
		[]
	);
	if ( problems.length === 0 ) {
		return null;
	}
	const critical = problems.some(
		( problem ) => problem.kind === 'live_without_owner'
	);
	return (
		<div
			className="sophmate-readiness__problems"
			data-testid="ownership-problems"
		>
			<Notice
				status={ critical ? 'error' : 'warning' }
				isDismissible={ false }
			>
				<strong>
					{ sprintf(
						/* translators: %d: number of problems. */
						_n(
							'%d ownership problem: nobody may be there to pause it.',
							'%d ownership problems: nobody may be there to pause them.',
							problems.length,
							'sophmate-safe-mode'
						),
						problems.length
					) }
				</strong>
				<ul>
					{ problems.map( ( problem ) => {
						const target = scopeRoute( problem.scope );
						return (
							<li
								key={ `${ problem.kind }-${ problem.scope }-${ problem.role }` }
								data-kind={ problem.kind }
							>
								{ problem.detail }{ ' ' }
								{ target && (
									<RouteLink
										to={ target }
										navigate={ navigate }
									>
										{ __( 'Open', 'sophmate-safe-mode' ) }
									</RouteLink>
								) }
							</li>
						);
					} ) }
				</ul>
			</Notice>
		</div>
	);
}
