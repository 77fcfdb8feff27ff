// The portal's one dates module: every package and app takes the time zone, the local calendar day
// and date arithmetic from here (scripts/lint.ts refuses a second copy of the time zone).

/** Dates for Vietnamese readers, always in Asia/Ho_Chi_Minh (UTC+7, no daylight saving since 1975). */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Asia/Ho_Chi_Minh's fixed offset from UTC. */
export const VN_OFFSET_MS = 7 * 3600_000;

/** The same offset as ISO 8601 writes it. */
export const VN_OFFSET_ISO = '+07:00';

const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

type DateInput = Date | string | number;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parse a value into an instant. A bare `yyyy-mm-dd` is a calendar date: it is taken as noon in
 * Vietnam so that it never shifts to another day when displayed in Asia/Ho_Chi_Minh.
 */
export function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const m = DATE_ONLY.exec(value);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, 5, 0, 0));
  return new Date(value);
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** Calendar parts of an instant in Vietnam (fixed UTC+7). */
export function vnParts(value: DateInput): Parts {
  const d = toDate(value);
  const shifted = new Date(d.getTime() + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "27/11/2026" */
export function formatDate(value: DateInput | null | undefined): string {
  if (value == null || value === '') return '';
  const p = vnParts(value);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "Thứ Sáu, 27/11/2026" */
export function formatWeekdayDate(value: DateInput | null | undefined): string {
  if (value == null || value === '') return '';
  const p = vnParts(value);
  return `${WEEKDAYS[p.weekday]}, ${formatDate(value)}`;
}

/** "09:30, 27/11/2026" */
export function formatDateTime(value: DateInput | null | undefined): string {
  if (value == null || value === '') return '';
  const p = vnParts(value);
  return `${pad(p.hour)}:${pad(p.minute)}, ${formatDate(value)}`;
}

/** `yyyy-mm-dd` of the calendar day in Vietnam. */
export function isoDay(value: DateInput): string {
  const p = vnParts(value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Monday (`yyyy-mm-dd`) of the week containing `value`, in Asia/Ho_Chi_Minh. */
export function weekStart(value: DateInput = new Date()): string {
  const p = vnParts(value);
  const offset = (p.weekday + 6) % 7; // Monday → 0 … Sunday → 6
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day - offset));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Add days to a `yyyy-mm-dd` calendar date. */
export function addDays(day: string, days: number): string {
  const m = DATE_ONLY.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]! + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "08:00" from a Strapi time "08:00:00.000". */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{1,2}):(\d{2})/.exec(value);
  return m ? `${pad(+m[1]!)}:${m[2]}` : value;
}

/** Year (in Vietnam) of a date. */
export function vnYear(value: DateInput): number {
  return vnParts(value).year;
}

/** UTC instant of the local midnight that starts a `yyyy-mm-dd` day in Vietnam. */
export function localDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS);
}
