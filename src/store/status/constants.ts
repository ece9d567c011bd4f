export const STORE_NAME = 'sophmate-safe-mode/status';

/** Scope key of global safe mode in the pending-operations map. */
export const SAFE_MODE_SCOPE = 'global';

/**
 * Scope key of a category, as the server writes it (`category:SLUG`).
 *
 * @param slug Category slug.
 */
export const categoryScope = ( slug: string ): string => `category:${ slug }`;

/**
 * Scope key of an automation, as the server writes it (`automation:ID`).
 *
 * @param id Automation id.
 */
export const automationScope = ( id: string ): string => `automation:${ id }`;
