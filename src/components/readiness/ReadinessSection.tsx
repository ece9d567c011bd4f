import { __ } from '@wordpress/i18n';

import type { AutomationConfig } from '../../api';
import type { Route } from '../../utils/route';
import { ChecklistEditor } from './ChecklistEditor';
import { ReadinessPanel } from './ReadinessPanel';

/**
 * The "Readiness" section of an automation's page: the panel, then the
 * checklist editor its missing items link to (managers only).
 *
 * @param props
 * @param props.config   The automation.
 * @param props.navigate navigate() of useRoute.
 */
export function ReadinessSection( {
	config,
	navigate,
}: {
	config: AutomationConfig;
	navigate: ( route: Route ) => void;
} ) {
	const title = __( 'Readiness', 'sophmate-safe-mode' );
	return (
		<section data-testid="automation-readiness" aria-label={ title }>
			<h3>{ title }</h3>
			<ReadinessPanel config={ config } navigate={ navigate } />
			<ChecklistEditor key={ config.id } config={ config } />
		</section>
	);
}
