/**
 * The evidence of each review item, with links into runs, the audit log and
 * the touched records in wp-admin.
 */
import { __, sprintf } from '@wordpress/i18n';

import { EMPTY_AUDIT_FILTERS, EMPTY_RUN_FILTERS } from '../../api';
import type { Review } from '../../api/review';
import { useBoot } from '../../boot';
import type { Route } from '../../utils/route';
import { RouteLink } from '../ConsoleNav';
import { TimeStamp } from '../TimeStamp';

type Navigate = ( route: Route ) => void;

function RunLink( { id, navigate }: { id: number; navigate: Navigate } ) {
	return (
		<RouteLink to={ { view: 'run', id } } navigate={ navigate }>
			{ `#${ id }` }
		</RouteLink>
	);
}

function SincePause( { since }: { since: boolean } ) {
	return since ? (
		<span className="sophmate-review__tag">
			{ __( 'after the pause', 'sophmate-safe-mode' ) }
		</span>
	) : null;
}

/**
 * The run filters of a review's scope, for "see these runs" links.
 *
 * @param review The evidence.
 */
function runFilters( review: Review ) {
	const [ kind, ...rest ] = review.scope.split( ':' );
	const id = rest.join( ':' );
	return {
		...EMPTY_RUN_FILTERS,
		category: kind === 'category' ? id : '',
		automation: kind === 'automation' ? id : '',
		since: review.window_start,
	};
}

export function RunHistoryEvidence( {
	review,
	navigate,
}: {
	review: Review;
	navigate: Navigate;
} ) {
	const statuses = Object.keys( review.runs ).filter(
		( status ) => status !== 'total' && ( review.runs[ status ] ?? 0 ) > 0
	);
	return (
		<>
			{ statuses.length === 0 ? (
				<p>
					{ __(
						'No runs in the review window.',
						'sophmate-safe-mode'
					) }
				</p>
			) : (
				<table className="widefat striped sophmate-review__counts">
					<caption className="screen-reader-text">
						{ __( 'Runs per status', 'sophmate-safe-mode' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Status', 'sophmate-safe-mode' ) }
							</th>
							<th scope="col">
								{ __( 'In the window', 'sophmate-safe-mode' ) }
							</th>
							<th scope="col">
								{ __(
									'After the pause',
									'sophmate-safe-mode'
								) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ statuses.map( ( status ) => (
							<tr key={ status }>
								<td>{ status.replace( '_', ' ' ) }</td>
								<td>{ review.runs[ status ] }</td>
								<td>
									{ review.runs_since_pause[ status ] ?? 0 }
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			<p>
				<RouteLink
					to={ {
						view: 'runs',
						filters: runFilters( review ),
						page: 1,
					} }
					navigate={ navigate }
				>
					{ __( 'Open these runs', 'sophmate-safe-mode' ) }
				</RouteLink>
			</p>
		</>
	);
}

export function FailedStepsEvidence( {
	review,
	navigate,
}: {
	review: Review;
	navigate: Navigate;
} ) {
	if ( review.failed_steps.length === 0 ) {
		return <p>{ __( 'No failed steps.', 'sophmate-safe-mode' ) }</p>;
	}
	return (
		<ul className="sophmate-review__list">
			{ review.failed_steps.map( ( failure ) => (
				<li key={ failure.run_id }>
					<RunLink id={ failure.run_id } navigate={ navigate } />{ ' ' }
					<strong>{ failure.automation }</strong>{ ' ' }
					{ sprintf(
						/* translators: 1: step name, 2: error message. */
						__( 'failed at “%1$s”: %2$s', 'sophmate-safe-mode' ),
						failure.step ?? __( '(no step)', 'sophmate-safe-mode' ),
						failure.error ??
							__( 'no message', 'sophmate-safe-mode' )
					) }{ ' ' }
					<TimeStamp iso={ failure.at } />{ ' ' }
					<SincePause since={ failure.since_pause } />
				</li>
			) ) }
		</ul>
	);
}

export function AuditEvidence( {
	review,
	navigate,
}: {
	review: Review;
	navigate: Navigate;
} ) {
	return (
		<>
			{ review.audit.length === 0 ? (
				<p>{ __( 'No audit events.', 'sophmate-safe-mode' ) }</p>
			) : (
				<ol className="sophmate-review__list">
					{ review.audit.map( ( event ) => (
						<li key={ event.id }>
							<TimeStamp iso={ event.created_at } />{ ' ' }
							{ sprintf(
								/* translators: 1: actor, 2: action, 3: before, 4: after, 5: source. */
								__(
									'%1$s: %2$s (%3$s → %4$s, via %5$s)',
									'sophmate-safe-mode'
								),
								event.actor?.name ??
									__( 'System', 'sophmate-safe-mode' ),
								event.action,
								event.before,
								event.after,
								event.source
							) }
							{ event.reason ? ` — ${ event.reason }` : '' }
						</li>
					) ) }
				</ol>
			) }
			<p>
				<RouteLink
					to={ {
						view: 'audit',
						filters: {
							...EMPTY_AUDIT_FILTERS,
							scope: review.scope,
						},
						page: 1,
					} }
					navigate={ navigate }
				>
					{ __(
						'Open the audit log of this scope',
						'sophmate-safe-mode'
					) }
				</RouteLink>
			</p>
		</>
	);
}

export function PendingApprovalsEvidence( {
	review,
	navigate,
}: {
	review: Review;
	navigate: Navigate;
} ) {
	if ( review.pending_approvals.length === 0 ) {
		return (
			<p>
				{ __(
					'Nothing is waiting for approval.',
					'sophmate-safe-mode'
				) }
			</p>
		);
	}
	return (
		<ul className="sophmate-review__list">
			{ review.pending_approvals.map( ( item ) => (
				<li key={ `${ item.source }:${ item.id }` }>
					{ item.url ? (
						<a href={ item.url }>{ item.label }</a>
					) : (
						item.label
					) }
					{ item.run_id !== null && (
						<>
							{ ' ' }
							<RunLink id={ item.run_id } navigate={ navigate } />
						</>
					) }{ ' ' }
					<span className="sophmate-review__source">
						{ item.source }
					</span>
				</li>
			) ) }
		</ul>
	);
}

export function ProviderEvidence( { review }: { review: Review } ) {
	if ( review.providers.length === 0 ) {
		return (
			<p>
				{ __(
					'This scope depends on no provider.',
					'sophmate-safe-mode'
				) }
			</p>
		);
	}
	return (
		<ul className="sophmate-review__list">
			{ review.providers.map( ( provider ) => (
				<li key={ provider.slug }>
					<strong>{ provider.label }</strong>{ ' ' }
					<span
						className={ `sophmate-review__provider is-${ provider.status }` }
					>
						{ provider.status }
					</span>{ ' ' }
					{ provider.checked_at ? (
						<>
							{ __( 'checked', 'sophmate-safe-mode' ) }{ ' ' }
							<TimeStamp iso={ provider.checked_at } />
						</>
					) : (
						__( 'never checked', 'sophmate-safe-mode' )
					) }
				</li>
			) ) }
		</ul>
	);
}

export function AffectedRecordsEvidence( {
	review,
	navigate,
}: {
	review: Review;
	navigate: Navigate;
} ) {
	const { adminUrl } = useBoot();
	if ( review.affected_records.length === 0 ) {
		return (
			<p>{ __( 'No records were touched.', 'sophmate-safe-mode' ) }</p>
		);
	}
	const base = adminUrl.replace( /\/?$/, '/' );
	return (
		<ul
			className="sophmate-review__list"
			data-testid="review-affected-records"
		>
			{ review.affected_records.map( ( record ) => {
				const label = `${ record.type } #${ record.id }`;
				return (
					<li
						key={ `${ record.run_id }:${ record.type }:${ record.id }:${ record.at }` }
					>
						{ record.type === 'post' &&
						/^\d+$/.test( record.id ) ? (
							<a
								href={ `${ base }post.php?post=${ record.id }&action=edit` }
							>
								{ label }
							</a>
						) : (
							label
						) }{ ' ' }
						{ record.action }{ ' ' }
						{ __( 'by run', 'sophmate-safe-mode' ) }{ ' ' }
						<RunLink id={ record.run_id } navigate={ navigate } />{ ' ' }
						<TimeStamp iso={ record.at } />{ ' ' }
						<SincePause since={ record.since_pause } />
					</li>
				);
			} ) }
		</ul>
	);
}
