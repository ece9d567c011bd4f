import { ExternalLink } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { Switch } from '../api';
import { actorName, sourceLabel } from '../utils/labels';
import { trialProgress } from '../utils/trial';
import { TimeStamp } from './TimeStamp';

/**
 * Why a category or automation is paused or in trial: reason, who and via
 * what, since when, the incident link and the trial's progress.
 *
 * @param props
 * @param props.details The scope's switch from GET /status.
 */
export function SwitchDetails( { details }: { details: Switch } ) {
	const trial = details.trial;
	return (
		<div className="sophmate-safe-mode__switch">
			{ details.reason && (
				<p className="sophmate-safe-mode__reason">{ details.reason }</p>
			) }
			<p className="sophmate-safe-mode__meta">
				{ sprintf(
					/* translators: 1: person (or "System"), 2: where the change came from, e.g. "admin screen". */
					__( 'By %1$s via %2$s,', 'sophmate-safe-mode' ),
					actorName( details.actor ),
					sourceLabel( details.source )
				) }{ ' ' }
				<TimeStamp iso={ details.since } />
			</p>
			{ details.incident_url && (
				<p className="sophmate-safe-mode__meta">
					<ExternalLink href={ details.incident_url }>
						{ __( 'Incident', 'sophmate-safe-mode' ) }
					</ExternalLink>
				</p>
			) }
			{ trial && (
				<p
					className="sophmate-safe-mode__meta"
					data-testid="trial-progress"
				>
					{ trialProgress( trial ) }
					{ trial.read_only &&
						` · ${ __( 'read-only', 'sophmate-safe-mode' ) }` }
				</p>
			) }
		</div>
	);
}
