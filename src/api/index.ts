export * from './client';
export * from './errors';
export * from './schemas';
export * from './status';
export * from './categories';
