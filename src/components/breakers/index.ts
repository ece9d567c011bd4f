export { BreakersPanel } from './BreakersPanel';
export { TripBadge } from './TripBadge';
export * from './format';
