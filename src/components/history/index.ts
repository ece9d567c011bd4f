export { RecentRuns, type RecentRunsProps } from './RecentRuns';
export { AuditTimeline, type AuditTimelineProps } from './AuditTimeline';
