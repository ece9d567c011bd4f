export { DrillPanel } from './DrillPanel';
export { DrillReportView } from './DrillReportView';
export * from './format';
