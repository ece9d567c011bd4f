export { RunsChart, type RunsChartProps } from './RunsChart';
export { SpendChart, type SpendChartProps } from './SpendChart';
export { OverviewCharts } from './OverviewCharts';
export { WindowToggle } from './WindowToggle';
export { CategoryCharts } from './CategoryCharts';
