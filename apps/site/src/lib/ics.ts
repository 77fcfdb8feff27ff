/**
 * iCalendar (RFC 5545) feed of a board's schedule: one VEVENT per entry, local times with
 * TZID of the portal's time zone (VTIMEZONE included), stable UIDs, escaped text, lines folded at 75 octets,
 * CRLF line endings.
 */
import { TIME_ZONE, VN_OFFSET_ISO } from '@cong-ttdt/content';
import type { Board, Schedule } from './types';

const enc = new TextEncoder();

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Fold a content line to ≤ 75 octets per physical line, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if (enc.encode(line).length <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
      limit = 74; // continuation lines start with a space
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const compactDate = (d: string) => d.replace(/-/g, '');
function localTime(date: string, time: string) {
  const [h = '0', m = '0'] = time.split(':');
  return `${compactDate(date)}T${h.padStart(2, '0')}${m.padStart(2, '0')}00`;
}
const utcStamp = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
function nextDay(date: string) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface IcsOptions {
  board: Board;
  schedules: Schedule[];
  /** Host part of UIDs, e.g. the portal's domain. */
  domain: string;
  calendarName: string;
  url?: string;
}

export function buildIcs({ board, schedules, domain, calendarName, url }: IcsOptions): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cong TTDT//Lich cong tac//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    'BEGIN:VTIMEZONE',
    `TZID:${TIME_ZONE}`,
    'BEGIN:STANDARD',
    'DTSTART:19750613T000000',
    `TZOFFSETFROM:${VN_OFFSET_ISO.replace(':', '')}`,
    `TZOFFSETTO:${VN_OFFSET_ISO.replace(':', '')}`,
    'TZNAME:ICT',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  for (const s of schedules) {
    const stamp = utcStamp(s.updatedAt || s.publishedAt || new Date().toISOString());
    const perDay = new Map<string, number>();
    for (const e of s.entries ?? []) {
      // Stable across rebuilds and publishes (Strapi 5 gives components new ids on each publish):
      // the schedule's documentId, the day, and the entry's position within that day.
      const n = (perDay.get(e.date) ?? 0) + 1;
      perDay.set(e.date, n);
      const uid = `${s.documentId}-${compactDate(e.date)}-${n}@${domain}`;
      lines.push('BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${stamp}`);
      if (e.startTime) {
        lines.push(`DTSTART;TZID=${TIME_ZONE}:${localTime(e.date, e.startTime)}`);
        if (e.endTime) lines.push(`DTEND;TZID=${TIME_ZONE}:${localTime(e.date, e.endTime)}`);
        else lines.push('DURATION:PT1H');
      } else {
        lines.push(`DTSTART;VALUE=DATE:${compactDate(e.date)}`, `DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`);
      }
      lines.push(`SUMMARY:${escapeText(e.content)}`);
      if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
      const desc = [
        e.chair && `Chủ trì: ${e.chair}`,
        e.participants && `Thành phần: ${e.participants}`,
        e.preparingUnit && `Chuẩn bị: ${e.preparingUnit}`,
        e.note && `Ghi chú: ${e.note}`,
        e.amended && 'Nội dung đã được điều chỉnh.',
      ]
        .filter(Boolean)
        .join('\n');
      if (desc) lines.push(`DESCRIPTION:${escapeText(desc)}`);
      lines.push(`CATEGORIES:${escapeText(board.name)}`);
      if (e.amended) lines.push('SEQUENCE:1');
      if (url) lines.push(`URL:${url}`);
      lines.push('END:VEVENT');
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
