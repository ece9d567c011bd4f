export * from './client';
export * from './errors';
export * from './schemas';
export * from './status';
export * from './switches';
export * from './categories';
export * from './automations';
export * from './cron-hooks';
