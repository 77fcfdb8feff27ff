import { describe, expect, it } from 'vitest';
import { WORK_CALENDAR_SEED } from '../../../apps/cms/src/seed/work-calendar.ts';
import { DISCLOSURE_KINDS, catalogueRows, documentKind, type DisclosureItem } from '../src/disclosure.ts';
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
