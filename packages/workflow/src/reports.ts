// Inspection and royalty reports (issue #9): pure computation from the editorial audit log, one module
// per concern under reports/. The server feeds it log rows, review states, profiles, units, fields and the
// rate table; the admin page and the exports render what it returns (HTML is rendered by the editorial
// plugin, not here). No Node-only imports: the admin panel imports it too.
export * from './reports/access.js';
export * from './reports/period.js';
export * from './reports/rates.js';
export {
  eventKind,
  median,
  roundHours,
  type EventKind,
  type ItemInfo,
  type LogRow,
  type Named,
  type PersonInfo,
  type ReportInput,
} from './reports/events.js';
export { NO_AUTHOR, NO_FIELD, NO_UNIT, computeSummary, type ChartData, type Counts, type Row, type Summary } from './reports/summary.js';
export * from './reports/royalty.js';
export * from './reports/tables.js';
export * from './reports/chart.js';
export * from './reports/overdue.js';
