import { VN_OFFSET_ISO } from '@cong-ttdt/content';
import type { Board, Schedule } from './types';

/** `2026-11-23` + `07:30:00.000` → `2026-11-23T07:30:00+07:00` (or the bare date without a time). */
export function vnDateTime(date: string, time?: string | null): string {
  const m = time && /^(\d{1,2}):(\d{2})/.exec(time);
  return m ? `${date}T${m[1]!.padStart(2, '0')}:${m[2]}:00${VN_OFFSET_ISO}` : date;
}

/** schema.org Event for each schedule entry. */
export function scheduleEvents(s: Schedule, board: Board): Record<string, unknown>[] {
  return (s.entries ?? []).map((e) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.content.slice(0, 200),
    startDate: vnDateTime(e.date, e.startTime),
    ...(e.endTime ? { endDate: vnDateTime(e.date, e.endTime) } : {}),
    eventStatus: e.amended ? 'https://schema.org/EventRescheduled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(e.location ? { location: { '@type': 'Place', name: e.location, address: e.location } } : {}),
    organizer: { '@type': 'GovernmentOrganization', name: board.name },
    inLanguage: 'vi',
  }));
}
