import './history.scss';

import { __, sprintf } from '@wordpress/i18n';

import {
	EMPTY_AUDIT_FILTERS,
	auditPath,
	fetchAudit,
	type AuditEvent,
	type AuditQuery,
} from '../../api';
import { actorName, sourceLabel } from '../../utils/labels';
import type { Route } from '../../utils/route';
import { RouteLink } from '../ConsoleNav';
import { ListState } from '../table/ListState';
import { TimeStamp } from '../TimeStamp';
import { useLatestPage } from './useLatestPage';

export interface AuditTimelineProps {
	/** Audit scope, e.g. `category:marketing` or `automation:nightly-digest`. */
	scope: string;
	/** How many events to show (default 10). */
	limit?: number;
	navigate: ( route: Route ) => void;
}

/**
 * A free-text note some events carry in their context (e.g. a restart's
 * trial note), besides the reason.
 *
 * @param event Audit event.
 */
function contextNote( event: AuditEvent ): string {
	const context = event.context;
	if (
		typeof context === 'object' &&
		context !== null &&
		'note' in context
	) {
		const note = ( context as { note?: unknown } ).note;
		return typeof note === 'string' ? note : '';
	}
	return '';
}

/**
 * What happened to one scope, newest first: who changed what, from which
 * state to which, why and from where; with a link to the full audit log
 * filtered to the scope.
 *
 * @param props Props.
 */
export function AuditTimeline( props: AuditTimelineProps ) {
	const { scope, limit = 10, navigate } = props;
	const query: AuditQuery = {
		...EMPTY_AUDIT_FILTERS,
		scope,
		page: 1,
		perPage: limit,
	};
	const { page, fetching, error, retry } = useLatestPage(
		auditPath( query ),
		() => fetchAudit( query )
	);
	const events = page?.items ?? [];

	return (
		<div
			className="sophmate-safe-mode__timeline"
			aria-busy={ fetching }
			data-testid="audit-timeline"
		>
			<ListState
				loading={ page === null }
				error={ error }
				empty={ events.length === 0 }
				emptyMessage={ __(
					'No audit events for this scope yet.',
					'sophmate-safe-mode'
				) }
				errorMessage={ __(
					'The audit events could not be loaded.',
					'sophmate-safe-mode'
				) }
				onRetry={ retry }
				emptyTestId="audit-timeline-empty"
			>
				<ol
					className="sophmate-safe-mode__timeline-list"
					aria-label={ sprintf(
						/* translators: %s: scope, e.g. category:marketing. */
						__( 'Audit events of %s', 'sophmate-safe-mode' ),
						scope
					) }
				>
					{ events.map( ( event ) => {
						const note = contextNote( event );
						return (
							<li
								key={ event.id }
								data-testid={ `audit-timeline-event-${ event.id }` }
							>
								<TimeStamp iso={ event.created_at } />
								<p className="sophmate-safe-mode__timeline-what">
									{ sprintf(
										/* translators: 1: who, 2: action such as "pause", 3: state before, 4: state after. */
										__(
											'%1$s: %2$s (%3$s → %4$s)',
											'sophmate-safe-mode'
										),
										actorName( event.actor ),
										event.action,
										event.before || '—',
										event.after || '—'
									) }
								</p>
								{ event.reason && (
									<p className="sophmate-safe-mode__timeline-reason">
										{ event.reason }
									</p>
								) }
								{ note && (
									<p className="sophmate-safe-mode__timeline-note">
										{ note }
									</p>
								) }
								<p className="sophmate-safe-mode__timeline-source">
									{ sprintf(
										/* translators: %s: where the change came from, e.g. "admin screen". */
										__( 'via %s', 'sophmate-safe-mode' ),
										sourceLabel( event.source )
									) }
								</p>
							</li>
						);
					} ) }
				</ol>
			</ListState>
			<p className="sophmate-safe-mode__see-all">
				<RouteLink
					to={ {
						view: 'audit',
						filters: { ...EMPTY_AUDIT_FILTERS, scope },
						page: 1,
					} }
					navigate={ navigate }
				>
					{ __( 'See the full audit log', 'sophmate-safe-mode' ) }
				</RouteLink>
			</p>
		</div>
	);
}
