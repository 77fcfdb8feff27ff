// The inspector's overdue list (issue #31): documents created in the period, per unit and catalogue kind,
// on time / late / still unpublished past their deadline (Law 104/2016 Art. 18 §4, Decree 224/2026 Art. 12 §2 a). Pure.
import { DISCLOSURE_KIND_BY_ID } from '../disclosure.js';
import { type Timeliness, type WorkCalendar, missingYearWarning, timeliness, timelinessLabel } from '../working-days.js';
import type { Table } from './tables.js';

export interface OverdueItem {
  documentId: string;
  title: string;
  number?: string | null;
  /** Catalogue kind id (`documentKind`). */
  kind: string;
  /** The author's unit (editorial profile), or null. */
  unit: string | null;
  /** Issue or signing day. */
  created: string;
  /** Local day of the first publication (audit log), or null. */
  published: string | null;
}

export interface OverdueRow {
  unit: string;
  kind: string;
  kindName: string;
  total: number;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
}

export type OverdueLine = OverdueItem & { unitName: string; kindName: string } & Pick<Timeliness, 'due' | 'state' | 'lateBy'>;

export interface OverdueReport {
  asOf: string;
  rows: OverdueRow[];
  /** Late or overdue items, the most late first. */
  lines: OverdueLine[];
  calendarWarning: string | null;
}

export const NO_UNIT_NAME = '(chưa có đơn vị)';

export function computeOverdue(cal: WorkCalendar, items: readonly OverdueItem[], today: string): OverdueReport {
  const rows = new Map<string, OverdueRow>();
  const lines: OverdueLine[] = [];
  for (const it of items) {
    const kind = DISCLOSURE_KIND_BY_ID.get(it.kind);
    if (!kind) continue;
    const t = timeliness(cal, { created: it.created, published: it.published, today, limit: kind.limit });
    const unitName = it.unit ?? NO_UNIT_NAME;
    const key = `${unitName}\u0000${kind.id}`;
    const row = rows.get(key) ?? {
      unit: unitName,
      kind: kind.id,
      kindName: kind.name,
      total: 0,
      onTime: 0,
      late: 0,
      overdue: 0,
      pending: 0,
    };
    row.total++;
    if (t.state === 'on_time') row.onTime++;
    else if (t.state === 'late') row.late++;
    else if (t.state === 'overdue') row.overdue++;
    else row.pending++;
    rows.set(key, row);
    if (t.state === 'late' || t.state === 'overdue')
      lines.push({ ...it, unitName, kindName: kind.name, due: t.due, state: t.state, lateBy: t.lateBy });
  }
  const order = [...DISCLOSURE_KIND_BY_ID.keys()];
  return {
    asOf: today,
    rows: [...rows.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'vi') || order.indexOf(a.kind) - order.indexOf(b.kind)),
    lines: lines.sort(
      (a, b) => (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) || b.lateBy - a.lateBy || a.created.localeCompare(b.created),
    ),
    calendarWarning: missingYearWarning(cal, today),
  };
}

const vnDate = (d: string | null) => (d ? d.split('-').reverse().join('/') : '');

/** The overdue list as tables (admin page, CSV, XLSX, printable view). */
export function overdueTables(r: OverdueReport): Table[] {
  return [
    {
      title: 'Công khai thông tin theo đơn vị và loại',
      headers: ['Đơn vị', 'Loại thông tin', 'Tổng số', 'Đúng hạn', 'Trễ hạn', 'Quá hạn chưa công khai', 'Còn trong hạn'],
      rows: r.rows.map((x) => [x.unit, x.kindName, x.total, x.onTime, x.late, x.overdue, x.pending]),
    },
    {
      title: 'Thông tin công khai trễ hạn, quá hạn',
      headers: ['Đơn vị', 'Loại thông tin', 'Số ký hiệu', 'Trích yếu', 'Ngày tạo', 'Hạn công khai', 'Ngày công khai', 'Tình trạng'],
      rows: r.lines.map((l) => [
        l.unitName,
        l.kindName,
        l.number ?? '',
        l.title,
        vnDate(l.created),
        vnDate(l.due),
        vnDate(l.published),
        timelinessLabel(l),
      ]),
    },
  ];
}
