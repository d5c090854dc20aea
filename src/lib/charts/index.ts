/** Charts drawn at build time as SVG strings from plain data: see chart.ts (bar, stacked bar, line, dot) and timeline.ts. */
export { chartCsv, chartKinds, chartTable, ChartDataError, drawChart, formatValue, fromRecords, numberFormats, validateChart, WIDTH } from './chart.ts';
export type { ChartData, ChartKind, ChartSpec, NumberFormat } from './chart.ts';
export { drawTimeline, type TimelineEvent } from './timeline.ts';
export { chartId } from './svg.ts';
