import { describe, expect, it } from 'vitest';
import { WORK_CALENDAR_SEED } from '../src/work-calendar-seed.ts';
import {
  CalendarError,
  addWorkingDays,
  calendarProblems,
  isWorkingDay,
  missingYearWarning,
  timeliness,
  timelinessLabel,
  uncoveredYears,
  workCalendar,
  workingDaysBetween,
} from '../src/working-days.ts';

const cal = workCalendar(WORK_CALENDAR_SEED);

describe('working days', () => {
  it('skip weekends', () => {
    // Friday 2026-11-27 + 1 working day = Monday 2026-11-30.
    expect(addWorkingDays(cal, '2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays(cal, '2026-11-27', 5)).toBe('2026-12-04');
    expect(isWorkingDay(cal, '2026-11-28')).toBe(false);
    expect(workingDaysBetween(cal, '2026-11-27', '2026-12-04')).toBe(5);
    // n = 0: the day itself when working, else the next working day.
    expect(addWorkingDays(cal, '2026-11-28', 0)).toBe('2026-11-30');
    expect(addWorkingDays(cal, '2026-11-30', 0)).toBe('2026-11-30');
  });

  it('skip Tết: created on the Friday before, five working days land after mùng 4', () => {
    // 2026-02-13 (Friday): 14–22/2 off (16–20 Tết, weekends around it).
    expect(isWorkingDay(cal, '2026-02-17')).toBe(false);
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays(cal, '2026-02-13', 5)).toBe('2026-02-27');
  });

  it('a compensating day off and a swapped Saturday worked', () => {
    // Giỗ Tổ 2026 on Sunday 26/4, compensated Monday 27/4; 30/4 and 1/5 (Thu, Fri) off.
    expect(isWorkingDay(cal, '2026-04-27')).toBe(false);
    // Fri 24/4 + 3: Tue 28, Wed 29, then Mon 4/5.
    expect(addWorkingDays(cal, '2026-04-24', 3)).toBe('2026-05-04');
    const swapped = workCalendar([
      { date: '2026-01-02', kind: 'day_off', name: 'Hoán đổi' },
      { date: '2026-01-10', kind: 'workday', name: 'Làm bù' },
    ]);
    expect(isWorkingDay(swapped, '2026-01-02')).toBe(false);
    expect(isWorkingDay(swapped, '2026-01-10')).toBe(true);
    // Thu 8/1 + 2 → Fri 9/1, Sat 10/1 (worked).
    expect(addWorkingDays(swapped, '2026-01-08', 2)).toBe('2026-01-10');
    // (1/1, 12/1]: 5–9, 10 (worked), 12.
    expect(workingDaysBetween(swapped, '2026-01-01', '2026-01-12')).toBe(7);
  });

  it('cross the year boundary with both years’ holidays', () => {
    // Thu 2026-12-31 + 1: Fri 2027-01-01 is Tết Dương lịch → Mon 2027-01-04.
    expect(addWorkingDays(cal, '2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays(cal, '2026-12-28', 5)).toBe('2027-01-05');
    expect(workingDaysBetween(cal, '2026-12-28', '2027-01-05')).toBe(5);
    // Backwards too (the downtime notice counts back from the planned day).
    expect(addWorkingDays(cal, '2027-01-05', -5)).toBe('2026-12-28');
    expect(workingDaysBetween(cal, '2027-01-05', '2026-12-28')).toBe(-5);
  });

  it('name the years it does not know, and the admin warns when next year is missing', () => {
    expect(uncoveredYears(cal, '2026-12-01', '2028-01-10')).toEqual([2028]);
    expect(missingYearWarning(cal, '2026-12-02')).toBeNull();
    const only2026 = workCalendar(WORK_CALENDAR_SEED.filter((d) => d.date.startsWith('2026')));
    expect(missingYearWarning(only2026, '2026-12-02')).toMatch(/năm 2027/);
    // Unknown years count weekends only.
    expect(addWorkingDays(only2026, '2026-12-31', 1)).toBe('2027-01-01');
  });

  it('refuse bad calendar data with Vietnamese messages', () => {
    expect(calendarProblems([{ date: '2026-02-30', kind: 'holiday' }])[0]).toMatch(/ngày không hợp lệ/);
    expect(calendarProblems([{ date: '2026-01-05', kind: 'workday' }])[0]).toMatch(/thứ Bảy hoặc Chủ nhật/);
    expect(calendarProblems([{ date: '2026-01-03', kind: 'day_off' }])[0]).toMatch(/ngày trong tuần/);
    expect(
      calendarProblems([
        { date: '2026-01-01', kind: 'holiday' },
        { date: '2026-01-01', kind: 'holiday' },
      ])[0],
    ).toMatch(/hai lần/);
    expect(() => workCalendar([{ date: '2026-1-1', kind: 'holiday' }])).toThrow(CalendarError);
    expect(calendarProblems(WORK_CALENDAR_SEED)).toEqual([]);
  });
});

describe('disclosure timeliness (5 working days, Law 104/2016 Art. 18 §4)', () => {
  it('on time, late, pending, overdue', () => {
    const created = '2026-11-27'; // Friday → due Friday 2026-12-04
    expect(timeliness(cal, { created, published: '2026-12-04', today: '2026-12-10' })).toMatchObject({
      state: 'on_time',
      due: '2026-12-04',
    });
    const late = timeliness(cal, { created, published: '2026-12-08', today: '2026-12-10' });
    expect(late).toMatchObject({ state: 'late', lateBy: 2 });
    expect(timelinessLabel(late)).toBe('Trễ 2 ngày làm việc');
    // Published on the Saturday after the deadline: one working day late.
    expect(timeliness(cal, { created, published: '2026-12-05', today: '2026-12-10' })).toMatchObject({ state: 'late', lateBy: 1 });
    expect(timeliness(cal, { created, published: null, today: '2026-12-04' }).state).toBe('pending');
    const overdue = timeliness(cal, { created, published: null, today: '2026-12-09' });
    expect(overdue).toMatchObject({ state: 'overdue', lateBy: 3 });
    expect(timelinessLabel(overdue)).toBe('Quá hạn 3 ngày làm việc');
    // Another limit where a law sets one.
    expect(timeliness(cal, { created, published: '2026-12-08', today: '2026-12-10', limit: { workingDays: 10 } }).state).toBe('on_time');
    // Calendar days (State Budget Law: 30 days): day 30 is Sunday 2026-12-27, so the period ends on Monday.
    expect(timeliness(cal, { created, published: '2026-12-28', today: '2026-12-30', limit: { days: 30 } })).toMatchObject({
      due: '2026-12-28',
      state: 'on_time',
    });
    expect(timeliness(cal, { created, published: '2026-12-29', today: '2026-12-30', limit: { days: 30 } })).toMatchObject({
      state: 'late',
      lateBy: 1,
    });
  });
});
