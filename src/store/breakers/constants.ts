export const STORE_NAME = 'sophmate-safe-mode/breakers';
