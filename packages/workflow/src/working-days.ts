// Working days (ngày làm việc) of Vietnamese state agencies: Monday to Friday, minus public holidays and the
// days the government's yearly announcement swaps. Pure: days are local dates 'YYYY-MM-DD' (Asia/Ho_Chi_Minh);
// the calendar is data (edited in the admin, seeded per year), never hard-coded here.
// Used by the disclosure deadlines (Law 104/2016 Art. 18 §4: 5 working days) and the downtime notice
// (Decree 224/2026 Art. 13: 7 working days ahead).

/** `holiday`: public holiday (nghỉ lễ, Tết); `day_off`: a weekday off by swap or compensation (nghỉ bù);
 * `workday`: a Saturday or Sunday worked instead (làm bù). */
export type CalendarDayKind = 'holiday' | 'day_off' | 'workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name?: string | null;
}

export interface WorkCalendar {
  /** Years with at least one entry: only those are known; other years count weekends only. */
  readonly years: readonly number[];
  /** Entries by date. */
  readonly days: ReadonlyMap<string, CalendarDay>;
}

/** Law 104/2016 Art. 18 §4: unless a law says otherwise, within 5 working days of the information's creation. */
export const DEFAULT_DISCLOSURE_WORKING_DAYS = 5;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const KINDS: readonly CalendarDayKind[] = ['holiday', 'day_off', 'workday'];

export class CalendarError extends Error {}

function toMs(day: string): number {
  const m = DATE_RE.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) throw new CalendarError(`Ngày không hợp lệ: ${day}`);
  return ms;
}

const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const weekend = (ms: number) => {
  const d = new Date(ms).getUTCDay();
  return d === 0 || d === 6;
};

/** Problems with a list of calendar entries, in Vietnamese (empty when it is usable). */
export function calendarProblems(days: readonly CalendarDay[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of days) {
    let ms: number;
    try {
      ms = toMs(d.date);
    } catch {
      problems.push(`Lịch làm việc: ngày không hợp lệ "${d.date}".`);
      continue;
    }
    if (!KINDS.includes(d.kind)) problems.push(`Lịch làm việc: loại ngày không hợp lệ ở ngày ${d.date}.`);
    if (seen.has(d.date)) problems.push(`Lịch làm việc: ngày ${d.date} được khai báo hai lần.`);
    seen.add(d.date);
    if (d.kind === 'workday' && !weekend(ms)) problems.push(`Lịch làm việc: ngày làm bù ${d.date} phải là thứ Bảy hoặc Chủ nhật.`);
    if (d.kind === 'day_off' && weekend(ms)) problems.push(`Lịch làm việc: ngày nghỉ bù ${d.date} phải là ngày trong tuần.`);
  }
  return problems;
}

/** Builds a calendar; throws CalendarError with the first problem. */
export function workCalendar(days: readonly CalendarDay[]): WorkCalendar {
  const problems = calendarProblems(days);
  if (problems.length) throw new CalendarError(problems[0]);
  const map = new Map(days.map((d) => [d.date, d]));
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
  return { years, days: map };
}

export function isWorkingDay(cal: WorkCalendar, day: string): boolean {
  const ms = toMs(day);
  const entry = cal.days.get(day);
  if (entry?.kind === 'workday') return true;
  if (entry) return false;
  return !weekend(ms);
}

/**
 * The n-th working day after `day` (n > 0), or before it (n < 0); `day` itself is not counted.
 * n = 0 gives `day` when it is a working day, else the next working day.
 */
export function addWorkingDays(cal: WorkCalendar, day: string, n: number): string {
  if (!Number.isInteger(n)) throw new CalendarError(`Số ngày làm việc không hợp lệ: ${n}`);
  let ms = toMs(day);
  if (n === 0) {
    while (!isWorkingDay(cal, fromMs(ms))) ms += DAY_MS;
    return fromMs(ms);
  }
  const step = n > 0 ? DAY_MS : -DAY_MS;
  for (let left = Math.abs(n); left > 0; ) {
    ms += step;
    if (isWorkingDay(cal, fromMs(ms))) left--;
  }
  return fromMs(ms);
}

/** Working days in (from, to]; negative when `to` is before `from`. */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = toMs(from);
  const b = toMs(to);
  if (b < a) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let ms = a + DAY_MS; ms <= b; ms += DAY_MS) if (isWorkingDay(cal, fromMs(ms))) count++;
  return count;
}

/** Years of the span [from, to] the calendar has no entry for (their holidays are unknown). */
export function uncoveredYears(cal: WorkCalendar, from: string, to: string): number[] {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y);
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!cal.years.includes(y)) out.push(y);
  return out;
}

/** The admin's warning: next year's holidays and swaps are not entered yet (null when they are). */
export function missingYearWarning(cal: WorkCalendar, today: string): string | null {
  const next = Number(today.slice(0, 4)) + 1;
  const missing = [next - 1, next].filter((y) => !cal.years.includes(y));
  if (!missing.length) return null;
  return `Chưa có lịch nghỉ lễ, hoán đổi ngày làm việc năm ${missing.join(', ')}: hạn công khai tính theo ngày làm việc sẽ chỉ trừ thứ Bảy, Chủ nhật. Vào Cấu hình cổng → Lịch làm việc để nhập.`;
}

export type Timeliness =
  /** Published by the deadline. */
  | { state: 'on_time'; due: string; publishedOn: string; lateBy: 0 }
  /** Published after the deadline. */
  | { state: 'late'; due: string; publishedOn: string; lateBy: number }
  /** Not published, deadline not passed. */
  | { state: 'pending'; due: string; publishedOn: null; lateBy: 0 }
  /** Not published, deadline passed. */
  | { state: 'overdue'; due: string; publishedOn: null; lateBy: number };

export interface TimelinessInput {
  /** The day the information was created (issue or signing date). */
  created: string;
  /** The local day it went public, or null. */
  published: string | null;
  today: string;
  /** Default Art. 18 §4 (5 working days). */
  limit?: TimeLimit;
}

/** A time limit in working days, or in calendar days where a law counts those (e.g. the State Budget Law). */
export type TimeLimit = { workingDays: number } | { days: number };

/** The last day allowed: the n-th working day (or calendar day) after `created`. */
export function deadline(cal: WorkCalendar, created: string, limit: TimeLimit = { workingDays: DEFAULT_DISCLOSURE_WORKING_DAYS }): string {
  if ('workingDays' in limit) return addWorkingDays(cal, created, limit.workingDays);
  if (!Number.isInteger(limit.days)) throw new CalendarError(`Số ngày không hợp lệ: ${limit.days}`);
  // Civil Code 2015 Art. 148 §5: a period ending on a day off ends on the next working day.
  return addWorkingDays(cal, fromMs(toMs(created) + limit.days * DAY_MS), 0);
}

/**
 * On time or late by how many working days (also for limits in calendar days). A publication on a day off
 * right after the deadline still counts as one working day late.
 */
export function timeliness(cal: WorkCalendar, input: TimelinessInput): Timeliness {
  const due = deadline(cal, input.created, input.limit);
  const lateBy = (day: string) => Math.max(1, workingDaysBetween(cal, due, day));
  if (input.published) {
    if (input.published <= due) return { state: 'on_time', due, publishedOn: input.published, lateBy: 0 };
    return { state: 'late', due, publishedOn: input.published, lateBy: lateBy(input.published) };
  }
  if (input.today <= due) return { state: 'pending', due, publishedOn: null, lateBy: 0 };
  return { state: 'overdue', due, publishedOn: null, lateBy: lateBy(input.today) };
}

/** "đúng hạn", "trễ 3 ngày làm việc", … (what the site and reports show). */
export function timelinessLabel(t: { state: Timeliness['state']; lateBy: number }): string {
  if (t.state === 'on_time') return 'Đúng hạn';
  if (t.state === 'pending') return 'Trong hạn';
  if (t.state === 'late') return `Trễ ${t.lateBy} ngày làm việc`;
  return `Quá hạn ${t.lateBy} ngày làm việc`;
}

// The first filling of the calendar (2026–2027), with what it assumes.
export { WORK_CALENDAR_SEED } from './work-calendar-seed.js';
