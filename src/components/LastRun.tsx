import { __, sprintf } from '@wordpress/i18n';

import type { LastRun as LastRunData } from '../api';
import type { Route } from '../utils/route';
import { runStatusLabel } from '../utils/run-labels';
import { formatAbsolute, formatRelative, useNow } from '../utils/time';
import { RouteLink } from './ConsoleNav';

/**
 * The newest run of a category or automation: its status and when, linked to
 * the run when the server names it (older servers send no id), and the step a
 * failed run stopped at, so a failing automation stands out on the overview.
 *
 * @param props
 * @param props.lastRun  The newest run.
 * @param props.navigate navigate() of useRoute.
 * @param props.testId   Test id of the wrapper.
 */
export function LastRun( {
	lastRun,
	navigate,
	testId,
}: {
	lastRun: LastRunData;
	navigate: ( route: Route ) => void;
	testId?: string;
} ) {
	const now = useNow();
	const badge = (
		<>
			<span
				className={ `sophmate-safe-mode__run-badge is-${ lastRun.status }` }
			>
				{ runStatusLabel( lastRun.status ) }
			</span>{ ' ' }
			<time
				dateTime={ lastRun.started_at }
				title={ formatAbsolute( lastRun.started_at ) }
			>
				{ formatRelative( lastRun.started_at, now ) }
			</time>
		</>
	);
	return (
		<span className="sophmate-safe-mode__last-run" data-testid={ testId }>
			{ lastRun.id === undefined ? (
				badge
			) : (
				<RouteLink
					to={ { view: 'run', id: lastRun.id } }
					navigate={ navigate }
				>
					{ badge }
				</RouteLink>
			) }
			{ lastRun.status === 'failed' && lastRun.failed_step && (
				<span className="sophmate-safe-mode__meta">
					{ ' ' }
					{ sprintf(
						/* translators: %s: step name. */
						__( 'at step “%s”', 'sophmate-safe-mode' ),
						lastRun.failed_step
					) }
				</span>
			) }
		</span>
	);
}
