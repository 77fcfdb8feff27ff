import type { CalendarDay } from './working-days.js';

// Holidays and day swaps of state agencies for 2026 and 2027 (Labour Code 45/2019/QH14 Art. 112; the
// government's yearly announcement decides Tết and the extra National Day and swaps). The IT officer keeps
// them in the admin (Cấu hình cổng → Lịch làm việc); this is only the first filling.
// What is assumed (check against the Ministry of Home Affairs' announcement and correct in the admin):
// - 2026: Tết Dương lịch 1/1 only (no swap); Tết Bính Ngọ 16–20/2 (with the weekends, 14–22/2);
//   Giỗ Tổ 10/3 âm lịch = Sunday 26/4, compensated Monday 27/4; National Day 1–2/9.
// - 2027 (not announced as of 2026-12): Tết Đinh Mùi 5–9/2 with the two weekend days compensated on
//   10–11/2; Giỗ Tổ = Friday 16/4; 1/5 (Saturday) compensated Monday 3/5; National Day 2–3/9.
// - No other day off (e.g. Vietnamese Culture Day 24/11) unless the government announces one.
export const WORK_CALENDAR_SEED: CalendarDay[] = [
  { date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  { date: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ' },
  { date: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ (mùng 1)' },
  { date: '2026-02-18', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ' },
  { date: '2026-02-19', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ' },
  { date: '2026-02-20', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ' },
  { date: '2026-04-26', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2026-04-27', kind: 'day_off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
  { date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
  { date: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
  { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  { date: '2027-02-05', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi' },
  { date: '2027-02-06', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi (mùng 1)' },
  { date: '2027-02-07', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi' },
  { date: '2027-02-08', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi' },
  { date: '2027-02-09', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi' },
  { date: '2027-02-10', kind: 'day_off', name: 'Nghỉ bù Tết Nguyên đán' },
  { date: '2027-02-11', kind: 'day_off', name: 'Nghỉ bù Tết Nguyên đán' },
  { date: '2027-04-16', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2027-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
  { date: '2027-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
  { date: '2027-05-03', kind: 'day_off', name: 'Nghỉ bù Ngày Quốc tế Lao động' },
  { date: '2027-09-02', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2027-09-03', kind: 'holiday', name: 'Quốc khánh' },
];
