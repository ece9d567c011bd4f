export const STORE_NAME = 'sophmate-safe-mode/drills';

/** Drills listed per category on its page. */
export const DRILLS_PER_PAGE = 10;
