import { describe, expect, it } from 'vitest';
import { WORK_CALENDAR_SEED } from '../src/work-calendar-seed.ts';
import { DISCLOSURE_KINDS, catalogueRows, documentKind, hasDeadline, type DisclosureItem } from '../src/disclosure.ts';
import { computeOverdue, overdueTables } from '../src/reports.ts';
import { workCalendar } from '../src/working-days.ts';

const cal = workCalendar(WORK_CALENDAR_SEED);
const TODAY = '2026-12-02';

describe('disclosure catalogue', () => {
  it('places every document in one kind', () => {
    expect(documentKind({ disclosure: 'budget', docType: 'decision' })).toBe('ngan-sach');
    expect(documentKind({ disclosure: 'none', docType: 'plan' })).toBe('chien-luoc-ke-hoach');
    expect(documentKind({ disclosure: 'none', docType: 'report' })).toBe('bao-cao-dinh-ky');
    expect(documentKind({ disclosure: 'none', docType: 'decision' })).toBe('van-ban-phap-luat');
    expect(documentKind({ disclosure: 'financial_report', docType: 'report' })).toBe('bao-cao-tai-chinh');
    expect(hasDeadline({ level: 'commune' }, 'commune')).toBe(true);
    expect(hasDeadline({ level: 'central' }, 'commune')).toBe(false);
    const ids = DISCLOSURE_KINDS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of DISCLOSURE_KINDS) expect(k.name.normalize('NFC')).toBe(k.name);
  });

  it('on time, late and missing per kind, with the newest item', () => {
    const items = new Map<string, DisclosureItem[]>([
      [
        'van-ban-phap-luat',
        [
          { id: 'a', title: 'Đúng hạn', created: '2026-11-27', published: '2026-12-01' },
          { id: 'b', title: 'Cũ', created: '2026-10-01', published: '2026-10-02' },
        ],
      ],
      // Created Friday 13/2 (before Tết), due Friday 27/2; published 3/3 = 2 working days late.
      ['mua-sam-dau-thau', [{ id: 'c', title: 'Kết quả đấu thầu', created: '2026-02-13', published: '2026-03-03' }]],
      // Yearly: the newest financial report is from 2024 → missing for 2025.
      ['bao-cao-tai-chinh', [{ id: 'd', title: 'Báo cáo tài chính 2023', created: '2024-03-01', published: '2024-03-04' }]],
    ]);
    const rows = new Map(catalogueRows(cal, items, TODAY).map((r) => [r.kind.id, r]));
    expect(rows.get('van-ban-phap-luat')).toMatchObject({
      state: 'ok',
      count: 2,
      late: 0,
      newest: { id: 'a', timeliness: { state: 'on_time' } },
    });
    expect(rows.get('mua-sam-dau-thau')).toMatchObject({
      state: 'late',
      late: 1,
      newest: { timeliness: { due: '2026-02-27', lateBy: 2 } },
    });
    expect(rows.get('bao-cao-tai-chinh')?.state).toBe('missing');
    expect(rows.get('thong-ke')).toMatchObject({ state: 'missing', count: 0, newest: null });
  });
});

describe('overdue list per unit and kind', () => {
  it('counts on time, late, overdue and pending, and lists the late ones', () => {
    const r = computeOverdue(
      cal,
      [
        { documentId: '1', title: 'A', kind: 'ngan-sach', unit: 'Phòng Tài chính', created: '2026-10-01', published: '2026-10-20' },
        { documentId: '2', title: 'B', kind: 'ngan-sach', unit: 'Phòng Tài chính', created: '2026-10-01', published: '2026-11-10' },
        { documentId: '3', title: 'C', kind: 'mua-sam-dau-thau', unit: 'Phòng Tài chính', created: '2026-11-20', published: null },
        { documentId: '4', title: 'D', kind: 'van-ban-phap-luat', unit: null, created: '2026-12-01', published: null },
      ],
      TODAY,
    );
    expect(r.rows.map((x) => [x.unit, x.kind, x.onTime, x.late, x.overdue, x.pending])).toEqual([
      ['(chưa có đơn vị)', 'van-ban-phap-luat', 0, 0, 0, 1],
      ['Phòng Tài chính', 'ngan-sach', 1, 1, 0, 0],
      ['Phòng Tài chính', 'mua-sam-dau-thau', 0, 0, 1, 0],
    ]);
    // Overdue first: 20/11 (Fri) + 5 → 27/11; today 2/12 = 3 working days past. Then B: 1/10 + 30 days = 31/10 (Sat) → 2/11.
    expect(r.lines.map((l) => [l.documentId, l.state, l.due, l.lateBy])).toEqual([
      ['3', 'overdue', '2026-11-27', 3],
      ['2', 'late', '2026-11-02', 6],
    ]);
    const [byUnit, lines] = overdueTables(r);
    expect(byUnit?.headers).toContain('Quá hạn chưa công khai');
    expect(lines?.rows[0]?.at(-1)).toBe('Quá hạn 3 ngày làm việc');
    expect(r.calendarWarning).toBeNull();
  });
});
