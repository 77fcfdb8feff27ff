// Reports as tables (shared by CSV, XLSX, the printable view and the admin page) and CSV. Pure.
import { localDay, monthLabel } from './period.js';
import { ROYALTY_KIND_LABELS } from './rates.js';
import type { Counts, Summary } from './summary.js';
import type { RoyaltyReport } from './royalty.js';

// ---------------------------------------------------------------------------------------------------
// Tables (shared by CSV, XLSX and the printable view)

export interface Table {
  title: string;
  headers: string[];
  rows: Array<Array<string | number | null>>;
}

const COUNT_HEADERS = ['Số đã gửi', 'Số bị trả lại', 'Số đã xuất bản', 'Số đã gỡ', 'Thời gian trung vị từ gửi đến xuất bản (giờ)'];
const countCells = (r: Counts) => [r.submitted, r.returned, r.published, r.withdrawn, r.medianHours];

export const SUMMARY_DIMENSIONS = [
  { key: 'byUnit', label: 'Đơn vị' },
  { key: 'byContributor', label: 'Người viết' },
  { key: 'byField', label: 'Lĩnh vực' },
  { key: 'byType', label: 'Loại nội dung' },
] as const;

/** The summary as tables: one per dimension, then published items per unit per month. */
export function summaryTables(s: Summary): Table[] {
  const tables: Table[] = SUMMARY_DIMENSIONS.map(({ key, label }) => ({
    title: `Theo ${label.toLowerCase()}`,
    headers: [label, ...COUNT_HEADERS, ...(key === 'byUnit' ? ['Không xuất bản tin, bài nào'] : [])],
    rows: s[key].map((r) => [r.name, ...countCells(r), ...(key === 'byUnit' ? [r.flagged ? 'Có' : ''] : [])]),
  }));
  tables.push({
    title: 'Số tin, bài xuất bản theo đơn vị và tháng',
    headers: ['Đơn vị', ...s.chart.months.map(monthLabel)],
    rows: s.chart.series.map((x) => [x.name, ...x.counts]),
  });
  return tables;
}

/** One flat table for CSV: a "Nhóm" column tells the dimension. */
export function summaryCsvTable(s: Summary): Table {
  return {
    title: 'Báo cáo tình hình cung cấp thông tin',
    headers: ['Nhóm', 'Tên', ...COUNT_HEADERS, 'Không xuất bản tin, bài nào'],
    rows: [
      ['Tổng cộng', 'Tất cả', ...countCells(s.totals), ''],
      ...SUMMARY_DIMENSIONS.flatMap(({ key, label }) => s[key].map((r) => [label, r.name, ...countCells(r), r.flagged ? 'Có' : ''])),
    ],
  };
}

export const ROYALTY_LINE_HEADERS = [
  'Người viết',
  'Đơn vị',
  'Tiêu đề',
  'Loại',
  'Ngày xuất bản',
  'Điểm',
  'Hệ số',
  'Điểm tính',
  'Thành tiền (đồng)',
];

type RoyaltyLine = RoyaltyReport['statements'][number]['lines'][number];
const lineCells = (l: RoyaltyLine): Array<string | number> => [
  l.title,
  ROYALTY_KIND_LABELS[l.kind],
  localDay(l.publishedAt).split('-').reverse().join('/'),
  l.points,
  l.grade,
  l.value,
  l.amount,
];

export function royaltyLinesTable(r: RoyaltyReport): Table {
  return {
    title: 'Bảng kê nhuận bút',
    headers: ROYALTY_LINE_HEADERS,
    rows: r.statements.flatMap((s) => s.lines.map((l) => [s.name, s.unitName, ...lineCells(l)])),
  };
}

/** One table per contributor: their lines, the caption carrying their totals. */
export function royaltyStatementTables(r: RoyaltyReport): Table[] {
  const n = (x: number) => x.toLocaleString('vi-VN');
  return r.statements.map((s) => ({
    title: `${s.name} — ${s.unitName}: ${n(s.lines.length)} tin, bài, ${n(s.totalValue)} điểm, ${n(s.totalAmount)} đồng`,
    headers: ROYALTY_LINE_HEADERS.slice(2),
    rows: s.lines.map(lineCells),
  }));
}

export function royaltyUnitTable(r: RoyaltyReport): Table {
  return {
    title: 'Tổng hợp nhuận bút theo đơn vị',
    headers: ['Đơn vị', 'Số người viết', 'Số tin, bài', 'Tổng điểm tính', 'Tổng tiền (đồng)'],
    rows: [
      ...r.byUnit.map((u) => [u.name, u.contributors, u.items, u.totalValue, u.totalAmount]),
      ['Tổng cộng', r.statements.length, r.total.items, r.total.totalValue, r.total.totalAmount],
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// CSV

const csvCell = (v: string | number | null) => {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  // A leading = + - @ (or TAB, CR, which spreadsheet programs skip before reading one) would be read
  // as a formula: put an apostrophe in front, so the cell is text.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n'\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a UTF-8 byte order mark (so spreadsheet programs read Vietnamese correctly). */
export function toCsv(t: Table): string {
  return '\uFEFF' + [t.headers, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
