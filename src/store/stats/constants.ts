import type { StatsWindow } from '../../api/stats';

export const STORE_NAME = 'sophmate-safe-mode/stats';

/**
 * Key of one window/category pair in the store (`24h|` = site-wide).
 *
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export const statsKey = (
	window: StatsWindow,
	category: string | null = null
): string => `${ window }|${ category ?? '' }`;
