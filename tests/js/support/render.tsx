import { render, type RenderResult } from '@testing-library/react';
import { createRegistry, RegistryProvider } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';
import type { ReactElement } from 'react';

import { BootProvider, type Boot } from '../../../src/boot';
import { NoticeList } from '../../../src/components/Notices';
import { Snackbars } from '../../../src/components/Snackbars';
import { auditStore } from '../../../src/store/audit';
import { breakersStore } from '../../../src/store/breakers';
import { automationsStore } from '../../../src/store/automations';
import { cadenceStore } from '../../../src/store/cadence';
import { categoriesStore } from '../../../src/store/categories';
import { cronHooksStore } from '../../../src/store/cron-hooks';
import { drillsStore } from '../../../src/store/drills';
import { runsStore } from '../../../src/store/runs';
import { statsStore } from '../../../src/store/stats';
import { statusStore } from '../../../src/store/status';

export const managerBoot: Boot = {
	namespace: 'sophmate-safe-mode/v1',
	canManage: true,
	canPause: true,
	userId: 1,
	adminUrl: 'https://example.test/wp-admin/',
};

export const pauserBoot: Boot = {
	...managerBoot,
	canManage: false,
	userId: 2,
};

/** A fresh registry with every store of the app, isolated from other tests. */
export function createTestRegistry() {
	const registry = createRegistry();
	registry.register( statusStore );
	registry.register( categoriesStore );
	registry.register( automationsStore );
	registry.register( cronHooksStore );
	registry.register( runsStore );
	registry.register( auditStore );
	registry.register( statsStore );
	registry.register( cadenceStore );
	registry.register( drillsStore );
	registry.register( breakersStore );
	// Bundled @wordpress/notices registers itself only in the default registry.
	registry.register( noticesStore );
	return registry;
}

export type TestRegistry = ReturnType< typeof createTestRegistry >;

/**
 * Renders `ui` with a registry, boot data, the inline notices and the
 * snackbars.
 *
 * @param ui               Element to render.
 * @param options          Registry and boot data to use.
 * @param options.registry Registry to render with (a fresh one by default).
 * @param options.boot     Boot data (a manager by default).
 */
export function renderWithStores(
	ui: ReactElement,
	{
		registry = createTestRegistry(),
		boot = managerBoot,
	}: { registry?: TestRegistry; boot?: Boot } = {}
): RenderResult & { registry: TestRegistry } {
	const result = render(
		<RegistryProvider value={ registry }>
			<BootProvider value={ boot }>
				<NoticeList />
				{ ui }
				<Snackbars />
			</BootProvider>
		</RegistryProvider>
	);
	return { ...result, registry };
}

/** Texts of the snackbars currently shown, oldest first. */
export function snackbarTexts(): string[] {
	return Array.from(
		document.querySelectorAll( '.components-snackbar__content' )
	).map( ( element ) => {
		// Without the "✕" of an error's explicit dismiss button.
		const copy = element.cloneNode( true ) as Element;
		copy.querySelector( '.components-snackbar__dismiss-button' )?.remove();
		return copy.textContent ?? '';
	} );
}

/** Texts of the inline notices currently shown (not the a11y live regions). */
export function pageNoticeTexts(): string[] {
	return Array.from(
		document.querySelectorAll(
			'.sophmate-safe-mode__notices .components-notice__content'
		)
	).map( ( element ) => element.textContent ?? '' );
}
