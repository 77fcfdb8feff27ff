import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_TABLE,
  chartLayout,
  computeRoyalty,
  computeSummary,
  localDay,
  monthsOf,
  reportAccess,
  resolvePeriod,
  royaltyKindOf,
  toCsv,
  validateRateTable,
  type LogRow,
  type ReportInput,
} from '../src/reports.ts';

describe('periods (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it('month, quarter, year and custom ranges start and end at local midnight', () => {
    const m = resolvePeriod({ period: 'month', year: 2025, month: 1 });
    expect([m.from, m.to, m.start, m.end]).toEqual(['2025-01-01', '2025-01-31', '2024-12-31T17:00:00.000Z', '2025-01-31T17:00:00.000Z']);
    expect(m.label).toBe('Tháng 01/2025');
    const q = resolvePeriod({ period: 'quarter', year: 2024, quarter: 1 });
    expect([q.from, q.to, q.label]).toEqual(['2024-01-01', '2024-03-31', 'Quý I/2024']);
    expect(monthsOf(q)).toEqual(['2024-01', '2024-02', '2024-03']);
    const y = resolvePeriod({ period: 'year', year: 2024 });
    expect(monthsOf(y).length).toBe(12);
    const c = resolvePeriod({ period: 'custom', from: '2024-12-15', to: '2025-02-03' });
    expect(monthsOf(c)).toEqual(['2024-12', '2025-01', '2025-02']);
    expect(c.end).toBe('2025-02-03T17:00:00.000Z');
  });
  it('defaults to the current local month (a UTC evening is already tomorrow in Vietnam)', () => {
    const p = resolvePeriod({}, new Date('2025-03-31T18:00:00Z'));
    expect(p.from).toBe('2025-04-01');
    expect(localDay('2025-03-31T16:59:59Z')).toBe('2025-03-31');
    expect(localDay('2025-03-31T17:00:00Z')).toBe('2025-04-01');
  });
  it('refuses bad parameters', () => {
    for (const q of [
      { period: 'week' },
      { period: 'month', month: 13 },
      { period: 'custom', from: '2025-02-01' },
      { period: 'custom', from: '2025-03-01', to: '2025-02-01' },
    ]) {
      expect(() => resolvePeriod(q)).toThrow();
    }
  });
});

describe('access', () => {
  it('board roles see everything, finance the royalty only, contributors their own statement, others nothing', () => {
    expect(reportAccess(['inspector'])).toEqual({ summary: true, royalty: 'all', editRates: false });
    expect(reportAccess(['editor-in-chief'])).toEqual({ summary: true, royalty: 'all', editRates: true });
    expect(reportAccess(['portal-admin'])).toEqual({ summary: true, royalty: 'all', editRates: true });
    expect(reportAccess(['finance'])).toEqual({ summary: false, royalty: 'all', editRates: false });
    expect(reportAccess(['contributor'])).toEqual({ summary: false, royalty: 'own', editRates: false });
    expect(reportAccess(['editor'])).toEqual({ summary: false, royalty: 'none', editRates: false });
    expect(reportAccess(['strapi-super-admin'])).toEqual({ summary: false, royalty: 'none', editRates: false });
  });
});

describe('royalty kinds and rates', () => {
  it('classifies items', () => {
    expect(royaltyKindOf('api::question.question', { title: 'x' })).toBe('answer');
    expect(royaltyKindOf('api::article.article', { kind: 'collected', body: 'x' })).toBe('collected');
    expect(royaltyKindOf('api::article.article', { kind: 'translated', body: 'x' })).toBe('translated');
    expect(royaltyKindOf('api::article.article', { kind: 'original', body: 'Một tin ngắn.' })).toBe('news');
    expect(royaltyKindOf('api::article.article', { kind: 'original', body: Array(600).fill('chữ').join(' ') })).toBe('article');
    expect(royaltyKindOf('api::article.article', { kind: 'original', body: '![Ảnh](/a.jpg) Chú thích ảnh.' })).toBe('photo');
    expect(royaltyKindOf('api::document.document', { title: 'x' })).toBeNull();
  });
  it('validates the rate table', () => {
    expect(validateRateTable(DEFAULT_RATE_TABLE).ok).toBe(true);
    expect(validateRateTable({ pointValue: -1, rates: [] }).ok).toBe(false);
    expect(validateRateTable({ pointValue: 1, rates: [{ kind: 'poem', points: 1, defaultGrade: 1 }] }).ok).toBe(false);
    expect(validateRateTable({ pointValue: 1, rates: [{ kind: 'news', points: 1, defaultGrade: 5 }] }).ok).toBe(false);
  });
});

const A = 'api::article.article';
const at = (s: string) => new Date(s).toISOString();

function input(log: Array<Partial<LogRow> & { action: string; doc: string; at: string }>): ReportInput {
  return {
    period: resolvePeriod({ period: 'month', year: 2025, month: 3 }),
    log: log.map((r, i) => ({
      seq: i + 1,
      targetUid: A,
      targetDocumentId: r.doc,
      toStage: r.toStage ?? (r.action === 'approve' ? 'published' : 'x'),
      actorId: r.actorId ?? 1,
      meta: r.meta ?? null,
      ...r,
    })) as LogRow[],
    items: [
      { uid: A, documentId: 'a', title: 'Tin A', authorId: 1, fieldId: 10, royaltyKind: 'news' },
      { uid: A, documentId: 'b', title: 'Bài B', authorId: 2, fieldId: null, royaltyKind: 'article' },
    ],
    people: [
      { id: 1, name: 'Người 1', unitId: 100 },
      { id: 2, name: 'Người 2', unitId: 200 },
    ],
    units: [
      { id: 100, name: 'Đơn vị 1' },
      { id: 200, name: 'Đơn vị 2' },
      { id: 300, name: 'Đơn vị 3' },
    ],
    fields: [{ id: 10, name: 'Lĩnh vực 10' }],
    typeLabels: { [A]: 'Tin bài' },
    rates: DEFAULT_RATE_TABLE,
  };
}

describe('summary and royalty from the log', () => {
  const log = [
    { doc: 'a', action: 'submit', at: at('2025-02-28T10:00:00+07:00') }, // before the period
    { doc: 'a', action: 'approve', at: at('2025-03-01T00:00:00+07:00'), meta: { royaltyGrade: 2 } }, // first instant of March, local
    { doc: 'b', action: 'submit', actorId: 2, at: at('2025-03-10T08:00:00+07:00') },
    { doc: 'b', action: 'return', actorId: 3, at: at('2025-03-10T09:00:00+07:00') },
    { doc: 'b', action: 'submit', actorId: 2, at: at('2025-03-11T08:00:00+07:00') },
    { doc: 'b', action: 'approve', toStage: 'scheduled', actorId: 4, at: at('2025-03-11T10:00:00+07:00') },
    { doc: 'b', action: 'golive', actorId: null, at: at('2025-03-12T08:00:00+07:00') },
    { doc: 'a', action: 'withdraw', at: at('2025-03-20T08:00:00+07:00') },
    { doc: 'a', action: 'submit', at: at('2025-03-21T08:00:00+07:00') },
    { doc: 'a', action: 'approve', at: at('2025-03-22T08:00:00+07:00') }, // re-publication: counted, not paid again
    { doc: 'b', action: 'submit', actorId: 2, at: at('2025-04-01T00:00:00+07:00') }, // after the period
  ];
  it('counts per unit, contributor, field and type; median lead time; flags silent units', () => {
    const s = computeSummary(input(log));
    expect(s.totals).toEqual({ submitted: 3, returned: 1, published: 3, withdrawn: 1, medianHours: 24 });
    const u1 = s.byUnit.find((r) => r.id === 100)!;
    expect(u1).toMatchObject({ submitted: 1, published: 2, withdrawn: 1, medianHours: (14 + 24) / 2, flagged: false });
    expect(s.byUnit.find((r) => r.id === 300)).toMatchObject({ published: 0, flagged: true });
    expect(s.inactiveUnits.map((u) => u.id)).toEqual([300]);
    expect(s.byField.map((r) => r.name).sort()).toEqual(['Chưa phân lĩnh vực', 'Lĩnh vực 10']);
    expect(s.byType).toEqual([expect.objectContaining({ name: 'Tin bài', published: 3 })]);
    expect(s.chart).toEqual({
      months: ['2025-03'],
      series: [expect.objectContaining({ id: 100, counts: [2] }), expect.objectContaining({ id: 200, counts: [1] })],
    });
  });
  it('royalty: first publication only, grade from the approval (or the scheduling approval), else the default', () => {
    const r = computeRoyalty(input(log));
    const lines = r.statements.flatMap((s) => s.lines.map((l) => [s.contributorId, l.documentId, l.grade, l.value, l.amount]));
    expect(lines).toEqual([
      [1, 'a', 2, 6, 600_000],
      [2, 'b', 1, 8, 800_000],
    ]);
    expect(r.byUnit.map((u) => [u.unitId, u.totalAmount])).toEqual([
      [100, 600_000],
      [200, 800_000],
    ]);
    expect(computeRoyalty(input(log), 2).statements.map((s) => s.contributorId)).toEqual([2]);
  });
});

describe('rendering', () => {
  it('CSV: BOM, quoting, formula-looking text neutralised', () => {
    const csv = toCsv({
      title: 't',
      headers: ['Tên', 'Số'],
      rows: [
        ['Tin "A", mới', 1],
        ['=SUM(A1)', null],
      ],
    });
    expect(csv).toBe('\uFEFFTên,Số\r\n"Tin ""A"", mới",1\r\n"\'=SUM(A1)",\r\n');
  });
  it.each([
    ['=1+2', `"'=1+2"`],
    ['+1', `"'+1"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+2', `"'\t=1+2"`],
    ['\r=1+2', `"'\r=1+2"`],
    ['Tin\tmới', '"Tin\tmới"'],
    ['Tin thường', 'Tin thường'],
  ])('CSV: a cell %j is written %s', (cell, written) => {
    expect(toCsv({ title: 't', headers: ['A'], rows: [[cell]] })).toBe(`\uFEFFA\r\n${written}\r\n`);
  });
  it('chart layout: every bar carries its number, each row its unit name; alternate months hatched', () => {
    const l = chartLayout({ months: ['2025-01', '2025-02'], series: [{ id: 1, name: 'Phòng <Nội vụ>', counts: [3, 0] }] });
    expect(l.rows.map((r) => [r.name, r.total])).toEqual([['Phòng <Nội vụ>', 3]]);
    expect(l.rows[0].bars.map((b) => [b.value, b.hatched, b.month])).toEqual([
      [3, false, '01'],
      [0, true, '02'],
    ]);
    expect(l.rows[0].bars[0].height).toBe(40);
    expect(l.rows[0].bars[1].height).toBe(0);
    expect(l.rows[0].bars[0].title).toBe('Phòng <Nội vụ>, tháng 01/2025: 3');
  });
});
