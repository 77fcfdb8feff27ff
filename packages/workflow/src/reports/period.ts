// Report periods in local time (the portal's time zone, from the one dates module). Pure.
import { isoDay, localDayStart } from '@cong-ttdt/content/dates';

export { localDayStart };

// ---------------------------------------------------------------------------------------------------
// Periods

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** First local day, YYYY-MM-DD. */
  from: string;
  /** Last local day (inclusive), YYYY-MM-DD. */
  to: string;
  label: string;
  /** UTC instants: [start, end). */
  start: string;
  end: string;
}

export interface PeriodQuery {
  period?: string;
  year?: string | number;
  month?: string | number;
  quarter?: string | number;
  from?: string;
  to?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Local day (YYYY-MM-DD) of an instant. */
export const localDay = (at: string | Date): string => isoDay(at);

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86400_000).toISOString().slice(0, 10);
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export class PeriodError extends Error {}

/** Parses period parameters; defaults to the current local month. */
export function resolvePeriod(q: PeriodQuery, now: Date = new Date()): Period {
  const today = localDay(now);
  const kind = (q.period ?? 'month') as PeriodKind;
  const int = (v: unknown, name: string, min: number, max: number, dflt: number): number => {
    if (v === undefined || v === '') return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new PeriodError(`Tham số ${name} không hợp lệ: ${String(v)}`);
    return n;
  };
  const year = int(q.year, 'year', 2000, 2100, Number(today.slice(0, 4)));
  let from: string;
  let to: string;
  let label: string;
  if (kind === 'month') {
    const m = int(q.month, 'month', 1, 12, Number(today.slice(5, 7)));
    from = ymd(year, m, 1);
    to = ymd(year, m, lastDayOfMonth(year, m));
    label = `Tháng ${pad(m)}/${year}`;
  } else if (kind === 'quarter') {
    const qn = int(q.quarter, 'quarter', 1, 4, Math.ceil(Number(today.slice(5, 7)) / 3));
    from = ymd(year, 3 * qn - 2, 1);
    to = ymd(year, 3 * qn, lastDayOfMonth(year, 3 * qn));
    label = `Quý ${['I', 'II', 'III', 'IV'][qn - 1]}/${year}`;
  } else if (kind === 'year') {
    from = ymd(year, 1, 1);
    to = ymd(year, 12, 31);
    label = `Năm ${year}`;
  } else if (kind === 'custom') {
    if (
      !q.from ||
      !q.to ||
      !DATE_RE.test(q.from) ||
      !DATE_RE.test(q.to) ||
      Number.isNaN(Date.parse(q.from)) ||
      Number.isNaN(Date.parse(q.to))
    ) {
      throw new PeriodError('Khoảng thời gian tùy chọn cần from và to dạng YYYY-MM-DD.');
    }
    if (q.from > q.to) throw new PeriodError('Ngày bắt đầu phải trước ngày kết thúc.');
    if (Date.parse(q.to) - Date.parse(q.from) > 5 * 366 * 86400_000) throw new PeriodError('Khoảng thời gian tối đa 5 năm.');
    from = q.from;
    to = q.to;
    label = `Từ ${from.split('-').reverse().join('/')} đến ${to.split('-').reverse().join('/')}`;
  } else {
    throw new PeriodError(`Kỳ báo cáo không hợp lệ: ${String(kind)}`);
  }
  return { kind, from, to, label, start: localDayStart(from).toISOString(), end: localDayStart(nextDay(to)).toISOString() };
}

/** Local months (YYYY-MM) covered by a period. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let [y, m] = period.from.slice(0, 7).split('-').map(Number);
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function monthLabel(m: string): string {
  return `${m.slice(5, 7)}/${m.slice(0, 4)}`;
}
