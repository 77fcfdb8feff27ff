// Wall-clock maths in a named time zone via Intl, independent of the machine's TZ.

function parts(date: Date, timeZone: string): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const o: Record<string, number> = {};
  for (const p of f.formatToParts(date)) if (p.type !== 'literal') o[p.type] = Number(p.value);
  return { y: o.year, m: o.month, d: o.day, h: o.hour, mi: o.minute, s: o.second };
}

function offsetMs(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The UTC instant at which the wall clock in `timeZone` shows y-m-d h:mi. */
export function zonedTimeToUtc(y: number, m: number, d: number, h: number, mi: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d, h, mi);
  let t = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(t), timeZone); // corrects across a DST change
  if (second !== t) t = second;
  return new Date(t);
}

/** Next time the wall clock in `timeZone` reads hour:minute, strictly after `now`. */
export function nextDailyRun(now: Date, timeZone: string, hour: number, minute: number): Date {
  const p = parts(now, timeZone);
  let t = zonedTimeToUtc(p.y, p.m, p.d, hour, minute, timeZone);
  if (t.getTime() <= now.getTime()) {
    const tomorrow = new Date(Date.UTC(p.y, p.m - 1, p.d + 1));
    t = zonedTimeToUtc(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), hour, minute, timeZone);
  }
  return t;
}
