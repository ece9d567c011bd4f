import { render, type RenderResult } from '@testing-library/react';
import { createRegistry, RegistryProvider } from '@wordpress/data';
import type { ReactElement } from 'react';

import { BootProvider, type Boot } from '../../../src/boot';
import { NoticeList, NoticesProvider } from '../../../src/components/Notices';
import { auditStore } from '../../../src/store/audit';
import { automationsStore } from '../../../src/store/automations';
import { categoriesStore } from '../../../src/store/categories';
import { cronHooksStore } from '../../../src/store/cron-hooks';
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
	return registry;
}

export type TestRegistry = ReturnType< typeof createTestRegistry >;

/**
 * Renders `ui` with a registry, boot data and the page notices.
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
				<NoticesProvider>
					<NoticeList />
					{ ui }
				</NoticesProvider>
			</BootProvider>
		</RegistryProvider>
	);
	return { ...result, registry };
}

/** Texts of the page notices currently shown (not the a11y live regions). */
export function pageNoticeTexts(): string[] {
	return Array.from(
		document.querySelectorAll(
			'.sophmate-safe-mode__notices .components-notice__content'
		)
	).map( ( element ) => element.textContent ?? '' );
}
