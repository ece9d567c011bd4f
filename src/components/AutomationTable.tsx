import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

import { useBoot } from '../boot';
import { automationsStore } from '../store/automations';
import { statusStore } from '../store/status';
import type { Route } from '../utils/route';
import { AutomationRow } from './AutomationRow';
import { TableHead } from './CategoryTable';
import { GovernCronHookForm } from './GovernCronHookForm';

/**
 * Every automation from GET /status with its switch and effective decision,
 * and (for managers) the form that binds another plugin's cron hook.
 *
 * @param props
 * @param props.navigate navigate() of useRoute (rows link to their pages).
 */
export function AutomationTable( {
	navigate,
}: {
	navigate: ( route: Route ) => void;
} ) {
	const { canManage } = useBoot();
	const automations = useSelect(
		( select ) => select( statusStore ).getAutomationStatuses(),
		[]
	);
	const configError = useSelect( ( select ) => {
		const store = select( automationsStore );
		// Selecting the list triggers its resolver: the bindings shown in
		// each row are loaded once for the whole table.
		store.getAutomations();
		return store.getError();
	}, [] );
	const showConfigError = configError !== null && configError.status !== 403;

	return (
		<section
			className="sophmate-safe-mode__automations"
			aria-labelledby="sophmate-safe-mode-automations-title"
		>
			<h2 id="sophmate-safe-mode-automations-title">
				{ __( 'Automations', 'sophmate-safe-mode' ) }
			</h2>
			{ showConfigError && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'Automation bindings could not be loaded:',
						'sophmate-safe-mode'
					) }{ ' ' }
					{ configError?.message }
				</Notice>
			) }
			{ automations.length === 0 ? (
				<div
					className="sophmate-safe-mode__empty"
					data-testid="automations-empty"
				>
					<p>
						{ __(
							'No automations are governed yet.',
							'sophmate-safe-mode'
						) }
					</p>
					<p>
						{ canManage
							? __(
									'Plugins register their automations in code with sophmate_safe_mode_register_automation(). To govern work of a plugin that has never heard of this one, bind one of its scheduled cron hooks with the form below.',
									'sophmate-safe-mode'
								)
							: __(
									'Plugins register their automations in code with sophmate_safe_mode_register_automation(), and administrators can bind any plugin’s scheduled cron hook on this screen.',
									'sophmate-safe-mode'
								) }
					</p>
				</div>
			) : (
				<table className="sophmate-safe-mode__table">
					<TableHead
						columns={ [
							__( 'Automation', 'sophmate-safe-mode' ),
							__( 'Kind', 'sophmate-safe-mode' ),
							__( 'Category', 'sophmate-safe-mode' ),
							__( 'Owner', 'sophmate-safe-mode' ),
							__( 'Mode', 'sophmate-safe-mode' ),
							__( 'Last run', 'sophmate-safe-mode' ),
							__( 'State', 'sophmate-safe-mode' ),
							__( 'Effective', 'sophmate-safe-mode' ),
							__( 'Actions', 'sophmate-safe-mode' ),
						] }
					/>
					<tbody>
						{ automations.map( ( automation ) => (
							<AutomationRow
								key={ automation.id }
								automation={ automation }
								navigate={ navigate }
							/>
						) ) }
					</tbody>
				</table>
			) }
			{ canManage && <GovernCronHookForm /> }
		</section>
	);
}
