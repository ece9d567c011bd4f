import '../components/config/config.scss';

import { Notice } from '@wordpress/components';
import { useCallback, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { ConfigEnvironment } from '../api';
import { useBoot } from '../boot';
import { EnvironmentBanner } from '../components/config/EnvironmentBanner';
import { ExportPanel } from '../components/config/ExportPanel';
import { ImportPanel } from '../components/config/ImportPanel';
import type { Route } from '../utils/route';

/**
 * The Configuration tab: which environment this is, export, and import
 * (staging → production).
 *
 * @param props
 * @param props.navigate navigate() of useRoute.
 */
export function SettingsView( props: { navigate: ( route: Route ) => void } ) {
	void props.navigate;
	const { canManage } = useBoot();
	const [ environment, setEnvironment ] = useState( '' );
	const onLoad = useCallback(
		( env: ConfigEnvironment ) => setEnvironment( env.environment ),
		[]
	);

	if ( ! canManage ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'Exporting and importing the configuration needs the "sophmate_manage_automation" capability.',
					'sophmate-safe-mode'
				) }
			</Notice>
		);
	}
	return (
		<div className="sophmate-config" data-testid="config-view">
			<EnvironmentBanner onLoad={ onLoad } />
			<ExportPanel />
			<ImportPanel environment={ environment } />
		</div>
	);
}
