// Reports (issue #9) on a real Strapi: the figures are recomputed here, independently, from the rows of
// the audit log (and the review states, profiles, units and fields they refer to), then compared with
// the API, the CSV and the XLSX exports; each role sees only what it may.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmCreate, fieldEditorId, transition, uniq, validArticle } from '../helpers/content.ts';
import { dbQuery } from '../helpers/db.ts';
import { adminToken, cms, http } from '../helpers/http.ts';

const pluginRequire = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'src', 'plugins', 'editorial', 'package.json'));
// The plugin's exceljs, read back through the little of its API these tests use.
interface Sheet {
  name: string;
  eachRow(cb: (row: { values: unknown }) => void): void;
}
interface Workbook {
  xlsx: { load(buf: Buffer): Promise<unknown> };
  worksheets: Sheet[];
}
const ExcelJS = pluginRequire('exceljs') as { Workbook: new () => Workbook };
/** A worksheet's rows as cell values (exceljs's `row.values` starts at index 1). */
function sheetRows(ws: Sheet | undefined): unknown[][] {
  const out: unknown[][] = [];
  ws?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

const ARTICLE = 'api::article.article';
const QUESTION = 'api::question.question';
const VN = 7 * 3600_000;

// ---------------------------------------------------------------------------------------------------
// Independent computation (deliberately written apart from packages/workflow/src/reports.ts)

interface LogRow {
  seq: number;
  uid: string;
  doc: string;
  action: string;
  to: string;
  actor: number | null;
  at: string;
  meta: { royaltyGrade?: unknown } | null;
}

// Database rows: SQLite returns numbers, PostgreSQL's json_agg may return ids as strings.
type DbId = number | string;
interface LogDbRow {
  seq: DbId;
  target_uid: string;
  target_document_id: string;
  action: string;
  to_stage: string;
  actor_id: DbId | null;
  at: string;
  meta: string | LogRow['meta'];
}
interface StateRow {
  target_uid: string;
  target_document_id: string;
  author_id: DbId | null;
  field_id?: DbId | null;
}
interface ProfileRow {
  user_id: DbId;
  unit_id: DbId | null;
}

// The API's answers (plugin reports service), as far as these tests read them.
interface Counts {
  submitted: number;
  returned: number;
  published: number;
  withdrawn: number;
  medianHours: number | null;
}
interface SummaryRow extends Counts {
  id: DbId | null;
  name: string;
  flagged?: boolean;
}
interface Summary {
  period: { from: string; start: string; end: string };
  totals: Counts;
  byUnit: SummaryRow[];
  byContributor: SummaryRow[];
  byField: SummaryRow[];
  byType: SummaryRow[];
  inactiveUnits: Array<{ name: string }>;
  chart: { months: string[]; series: Array<{ name: string; counts: number[] }> };
}
interface RoyaltyLine {
  uid: string;
  documentId: string;
  title: string;
  kind: string;
  points: number;
  grade: number;
  value: number;
  amount: number;
}
interface Statement {
  contributorId: number | null;
  name: string;
  unitName: string;
  lines: RoyaltyLine[];
  totalAmount: number;
}
interface Royalty {
  scope: string;
  period: { start: string; end: string };
  statements: Statement[];
  byUnit: Array<{ unitId: number | null; name: string; totalAmount: number }>;
  total: { items: number; totalValue: number; totalAmount: number };
}
interface RateTable {
  pointValue: number;
  editable?: boolean;
  rates: Array<{ kind: string; points: number; defaultGrade: number }>;
}
interface Profiles {
  users: Array<{ id: number; unitId: number | null; fieldIds: number[] }>;
  units: Array<{ id: number }>;
}
/** GET an admin route's `data` as the given role. */
const getData = async <T>(path: string, role: string) =>
  (await http<{ data: T }>('GET', path, { token: await adminToken(role) })).body.data;

function readLog(): LogRow[] {
  return dbQuery<LogDbRow>(
    'SELECT seq, target_uid, target_document_id, action, to_stage, actor_id, at, meta FROM editorial_review_logs ORDER BY seq',
  ).map((r) => ({
    seq: Number(r.seq),
    uid: r.target_uid,
    doc: r.target_document_id,
    action: r.action,
    to: r.to_stage,
    actor: r.actor_id == null ? null : Number(r.actor_id),
    at: r.at,
    meta: typeof r.meta === 'string' ? JSON.parse(r.meta) : r.meta,
  }));
}

function kindOf(r: LogRow): 'submitted' | 'returned' | 'published' | 'withdrawn' | null {
  if (r.action === 'submit') return 'submitted';
  if (r.action === 'return') return 'returned';
  if ((r.action === 'approve' && r.to === 'published') || r.action === 'golive') return 'published';
  if (r.action === 'withdraw' || r.action === 'expire') return 'withdrawn';
  return null;
}

function expected(startIso: string, endIso: string) {
  const log = readLog();
  const states = new Map(
    dbQuery<StateRow>('SELECT target_uid, target_document_id, author_id, field_id FROM editorial_review_states').map((s) => [
      `${s.target_uid}|${s.target_document_id}`,
      s,
    ]),
  );
  const unitOfUser = new Map(
    dbQuery<ProfileRow>('SELECT user_id, unit_id FROM editorial_profiles').map((p) => [
      Number(p.user_id),
      p.unit_id == null ? null : Number(p.unit_id),
    ]),
  );
  const units = dbQuery<{ id: DbId; name: string }>('SELECT id, name FROM units').map((u) => ({ id: Number(u.id), name: u.name }));
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  const firstSubmitter = new Map<string, number | null>();
  const lastSubmit = new Map<string, number>();
  type Ev = {
    kind: string;
    author: number | null;
    unit: number | null;
    field: number | null;
    uid: string;
    lead: number | null;
    at: number;
  };
  const evs: Ev[] = [];
  for (const r of log) {
    const key = `${r.uid}|${r.doc}`;
    if (r.action === 'submit' && !firstSubmitter.has(key)) firstSubmitter.set(key, r.actor);
    const k = kindOf(r);
    const t = Date.parse(r.at);
    if (k && t >= start && t < end) {
      const st = states.get(key);
      const author = st?.author_id != null ? Number(st.author_id) : (firstSubmitter.get(key) ?? null);
      evs.push({
        kind: k,
        author,
        unit: author == null ? null : (unitOfUser.get(author) ?? null),
        field: st?.field_id == null ? null : Number(st.field_id),
        uid: r.uid,
        lead: k === 'published' && lastSubmit.has(key) ? t - lastSubmit.get(key)! : null,
        at: t,
      });
    }
    if (r.action === 'submit') lastSubmit.set(key, t);
  }
  const counts = (list: Ev[]) => {
    const leads = list
      .filter((e) => e.lead != null)
      .map((e) => e.lead!)
      .sort((a, b) => a - b);
    let med: number | null = null;
    if (leads.length) med = leads.length % 2 ? leads[(leads.length - 1) / 2] : (leads[leads.length / 2 - 1] + leads[leads.length / 2]) / 2;
    return {
      submitted: list.filter((e) => e.kind === 'submitted').length,
      returned: list.filter((e) => e.kind === 'returned').length,
      published: list.filter((e) => e.kind === 'published').length,
      withdrawn: list.filter((e) => e.kind === 'withdrawn').length,
      medianHours: med == null ? null : Math.round((med / 3600_000) * 100) / 100,
    };
  };
  const by = (f: (e: Ev) => unknown) => {
    const m = new Map<unknown, Ev[]>();
    for (const e of evs) m.set(f(e), [...(m.get(f(e)) ?? []), e]);
    return new Map([...m].map(([k, v]) => [k, counts(v)]));
  };
  const byUnit = by((e) => e.unit);
  const publishedUnits = new Set(evs.filter((e) => e.kind === 'published').map((e) => e.unit));
  return {
    log,
    evs,
    totals: counts(evs),
    byUnit,
    byContributor: by((e) => e.author),
    byField: by((e) => e.field),
    byType: by((e) => e.uid),
    inactive: units
      .filter((u) => !publishedUnits.has(u.id))
      .map((u) => u.name)
      .sort(),
    units,
  };
}

/** Royalty kind of an item, from its draft row (the rule documented in docs/workflow.md). */
function royaltyKind(uid: string, documentId: string): string | null {
  if (uid === QUESTION) return 'answer';
  if (uid !== ARTICLE) return null;
  const [a] = dbQuery<{ id: DbId; kind: string | null; body: string | null }>(
    'SELECT id, kind, body FROM articles WHERE document_id = ? ORDER BY published_at IS NULL DESC LIMIT 1',
    [documentId],
  );
  if (!a) return null;
  if (a.kind === 'collected' || a.kind === 'translated') return a.kind;
  const body = String(a.body ?? '');
  const cover = dbQuery(
    "SELECT 1 FROM files_related_mph WHERE related_type = 'api::article.article' AND field = 'cover' AND related_id = ?",
    [Number(a.id)],
  ).length;
  const images = (body.match(/!\[[^\]]*\]\([^)]*\)/g) ?? []).length + cover;
  const words = (
    body
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\]\([^)]*\)/g, ' ')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).length;
  if (images > 0 && words < 100) return 'photo';
  return words >= 600 ? 'article' : 'news';
}

function expectedRoyalty(
  startIso: string,
  endIso: string,
  rates: { pointValue: number; rates: Array<{ kind: string; points: number; defaultGrade: number }> },
) {
  const log = readLog();
  const states = new Map(
    dbQuery<StateRow>('SELECT target_uid, target_document_id, author_id FROM editorial_review_states').map((s) => [
      `${s.target_uid}|${s.target_document_id}`,
      s,
    ]),
  );
  const seen = new Set<string>();
  const grade = new Map<string, number | null>();
  const firstSubmitter = new Map<string, number | null>();
  const lines: Array<{
    author: number | null;
    uid: string;
    doc: string;
    kind: string;
    points: number;
    grade: number;
    value: number;
    amount: number;
  }> = [];
  for (const r of log) {
    const key = `${r.uid}|${r.doc}`;
    if (r.action === 'submit' && !firstSubmitter.has(key)) firstSubmitter.set(key, r.actor);
    if (r.action === 'approve') grade.set(key, typeof r.meta?.royaltyGrade === 'number' ? r.meta.royaltyGrade : null);
    if (kindOf(r) !== 'published') continue;
    const first = !seen.has(key);
    seen.add(key);
    const t = Date.parse(r.at);
    if (!first || t < Date.parse(startIso) || t >= Date.parse(endIso)) continue;
    const kind = royaltyKind(r.uid, r.doc);
    const rate = rates.rates.find((x) => x.kind === kind);
    if (!kind || !rate) continue;
    const st = states.get(key);
    const g = grade.get(key) ?? rate.defaultGrade;
    const value = Math.round(rate.points * g * 100) / 100;
    lines.push({
      author: st?.author_id != null ? Number(st.author_id) : (firstSubmitter.get(key) ?? null),
      uid: r.uid,
      doc: r.doc,
      kind,
      points: rate.points,
      grade: g,
      value,
      amount: Math.round(value * rates.pointValue),
    });
  }
  return lines;
}

/** RFC 4180 parser (quotes, doubled quotes, CRLF), BOM stripped. */
function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const numOrNull = (s: string) => (s === '' ? null : Number(s));

async function download(role: string, path: string) {
  const res = await fetch(cms().url + path, { headers: { Authorization: `Bearer ${await adminToken(role)}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    buf: Buffer.from(await res.arrayBuffer()),
  };
}

async function me(role: string): Promise<number> {
  return (await http('GET', '/admin/users/me', { token: await adminToken(role) })).body.data.id;
}

// ---------------------------------------------------------------------------------------------------
// Fixture: items taken through the workflow now, so the current month has every kind of event.

const today = new Date(Date.now() + VN).toISOString().slice(0, 10);
const [year, month] = today.split('-').map(Number);
const MONTH = `period=month&year=${year}&month=${month}`;
const titles: Record<string, string> = {};

async function step(role: string, body: Record<string, unknown>) {
  const res = await transition(role, body);
  if (res.status !== 200) throw new Error(`${role} ${body.action}: ${res.status} ${JSON.stringify(res.body)}`);
}

async function fullPath(uid: string, documentId: string, author: string, approve: Record<string, unknown> = {}) {
  await step(author, { uid, documentId, action: 'submit' });
  await step('portal-admin', { uid, documentId, action: 'assign', assigneeId: await fieldEditorId() });
  await step('editor', { uid, documentId, action: 'verify' });
  await step('editor-in-chief', { uid, documentId, action: 'approve', ...approve });
}

const docs: Record<string, string> = {};

beforeAll(async () => {
  const fields = dbQuery<{ id: DbId; document_id: string }>('SELECT id, document_id FROM fields ORDER BY id LIMIT 2');
  const make = async (key: string, uid: string, data: Record<string, unknown>, role?: string) => {
    const res = await cmCreate(uid, data, role);
    if (res.status !== 201) throw new Error(`create ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    docs[key] = res.body.data.documentId;
    titles[key] = (data.title as string) ?? '';
  };
  // a: news item, graded 1.5 at approval
  await make('a', ARTICLE, validArticle({ title: uniq('Báo cáo tin A'), field: fields[0].document_id }));
  await fullPath(ARTICLE, docs.a, 'contributor', { royaltyGrade: 1.5 });
  // b: collected, returned once then published with the default grade
  await make(
    'b',
    ARTICLE,
    validArticle({
      title: uniq('Báo cáo tin B'),
      kind: 'collected',
      field: fields[1].document_id,
      provenance: {
        authorName: 'Trần Thị B',
        authorAddress: 'Ấp 13, xã Vĩnh Mỹ A',
        sourceReference: 'Báo Bạc Liêu',
        collectorName: 'Lê Văn C',
        collectorAddress: 'Khóm 1',
      },
    }),
  );
  await step('contributor', { uid: ARTICLE, documentId: docs.b, action: 'submit' });
  await step('portal-admin', { uid: ARTICLE, documentId: docs.b, action: 'return', comment: 'Bổ sung nguồn.' });
  await fullPath(ARTICLE, docs.b, 'contributor');
  // c: a long article (bài), published then withdrawn
  await make('c', ARTICLE, validArticle({ title: uniq('Báo cáo bài C'), body: Array.from({ length: 650 }, (_, i) => `từ${i}`).join(' ') }));
  await fullPath(ARTICLE, docs.c, 'contributor', { royaltyGrade: 2 });
  await step('editor-in-chief', { uid: ARTICLE, documentId: docs.c, action: 'withdraw', comment: 'Thông tin cần cập nhật.' });
  // d: written by the field editor (another unit)
  await make('d', ARTICLE, validArticle({ title: uniq('Báo cáo tin D') }), 'editor');
  await fullPath(ARTICLE, docs.d, 'editor');
  // e: an answered question
  await make('e', QUESTION, {
    title: uniq('Báo cáo hỏi E'),
    question: 'Thủ tục cấp giấy phép xây dựng nhà ở?',
    askerName: 'Nguyễn Văn D',
    answer: 'Xem thủ tục tại Bộ phận Một cửa.',
  });
  await fullPath(QUESTION, docs.e, 'contributor');
  // f: submitted only (waits for the portal administrator)
  await make('f', ARTICLE, validArticle({ title: uniq('Báo cáo tin F') }));
  await step('contributor', { uid: ARTICLE, documentId: docs.f, action: 'submit' });
}, 180_000);

// ---------------------------------------------------------------------------------------------------

describe('demo accounts have editorial profiles', () => {
  it('each test account has its unit, resolved from the slug in the accounts file', async () => {
    const rows = dbQuery<{ user_id: DbId; slug: string }>(
      'SELECT p.user_id, u.slug FROM editorial_profiles p JOIN units u ON u.id = p.unit_id',
    );
    const bySlug = new Map(rows.map((r) => [Number(r.user_id), r.slug]));
    expect(bySlug.get(await me('contributor'))).toBe('trung-tam-van-hoa-the-thao-va-truyen-thong-huyen');
    expect(bySlug.get(await me('editor'))).toBe('phong-van-hoa-va-thong-tin');
    expect(bySlug.get(await me('inspector'))).toBe('phong-noi-vu');
  });

  it('the portal administrator can set a profile; others cannot', async () => {
    const list = await http<{ data: Profiles }>('GET', '/editorial/profiles', { token: await adminToken('portal-admin') });
    expect(list.status).toBe(200);
    const financeId = await me('finance');
    expect(list.body.data.users.find((u) => u.id === financeId)?.unitId).toBeTypeOf('number');
    for (const role of ['contributor', 'editor', 'inspector', 'finance']) {
      expect((await http('GET', '/editorial/profiles', { token: await adminToken(role) })).status).toBe(403);
      expect(
        (await http('PUT', `/editorial/profiles/${financeId}`, { token: await adminToken(role), body: { unitId: null } })).status,
      ).toBe(403);
    }
    const current = list.body.data.users.find((u) => u.id === financeId)!;
    const other = list.body.data.units.find((u) => u.id !== current.unitId)!;
    const put = await http('PUT', `/editorial/profiles/${financeId}`, {
      token: await adminToken('portal-admin'),
      body: { unitId: other.id, fieldIds: [] },
    });
    expect(put.status).toBe(200);
    expect(put.body.data.unitId).toBe(other.id);
    expect(
      (await http('PUT', `/editorial/profiles/${financeId}`, { token: await adminToken('portal-admin'), body: { unitId: 999999 } })).status,
    ).toBe(400);
    await http('PUT', `/editorial/profiles/${financeId}`, {
      token: await adminToken('portal-admin'),
      body: { unitId: current.unitId, fieldIds: current.fieldIds },
    });
  });
});

describe('summary: figures equal those recomputed from the audit log', () => {
  it('month, Asia/Ho_Chi_Minh boundaries', async () => {
    const res = await http<{ data: Summary }>('GET', `/editorial/reports/summary?${MONTH}`, { token: await adminToken('inspector') });
    expect(res.status).toBe(200);
    const s = res.body.data;
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    expect(s.period.from).toBe(first);
    expect(s.period.start).toBe(new Date(Date.parse(`${first}T00:00:00+07:00`)).toISOString());
    const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    expect(s.period.end).toBe(new Date(Date.parse(`${nextMonth}T00:00:00+07:00`)).toISOString());

    const exp = expected(s.period.start, s.period.end);
    expect(s.totals).toEqual(exp.totals);
    // our fixture alone: 7 submissions (b twice), 1 return, 5 publications, 1 withdrawal
    expect(s.totals.submitted).toBeGreaterThanOrEqual(7);
    expect(s.totals.returned).toBeGreaterThanOrEqual(1);
    expect(s.totals.published).toBeGreaterThanOrEqual(5);
    expect(s.totals.withdrawn).toBeGreaterThanOrEqual(1);
    expect(s.totals.medianHours).not.toBeNull();

    const strip = ({ id: _i, name: _n, flagged: _f, ...c }: SummaryRow): Counts => c;
    for (const r of s.byUnit) {
      const e = exp.byUnit.get(r.id) ?? { submitted: 0, returned: 0, published: 0, withdrawn: 0, medianHours: null };
      expect(strip(r), r.name).toEqual(e);
      expect(r.flagged).toBe(r.id != null && e.published === 0);
    }
    expect(s.byUnit.filter((r) => r.submitted + r.returned + r.published + r.withdrawn > 0).length).toBe(exp.byUnit.size);
    for (const [key, dim] of [
      ['byContributor', exp.byContributor],
      ['byField', exp.byField],
      ['byType', exp.byType],
    ] as const) {
      expect(s[key].length, key).toBe(dim.size);
      for (const r of s[key]) expect(strip(r), `${key} ${r.name}`).toEqual(dim.get(r.id));
    }
    expect(s.inactiveUnits.map((u) => u.name).sort()).toEqual(exp.inactive);

    // the contributor's and the editor's units both published; the inspector's unit did not
    const unitName = (slug: string) => dbQuery<{ name: string }>('SELECT name FROM units WHERE slug = ?', [slug])[0]?.name;
    const pub = (slug: string) => s.byUnit.find((r) => r.name === unitName(slug))!;
    expect(pub('trung-tam-van-hoa-the-thao-va-truyen-thong-huyen').published).toBeGreaterThanOrEqual(4);
    expect(pub('phong-van-hoa-va-thong-tin').published).toBeGreaterThanOrEqual(1);
    expect(pub('phong-noi-vu').flagged).toBe(true);

    // chart: published per unit per month
    expect(s.chart.months).toEqual([first.slice(0, 7)]);
    const chartTotal = s.chart.series.reduce((n, x) => n + (x.counts[0] ?? 0), 0);
    expect(chartTotal).toBe(exp.totals.published);
  });

  it('quarter, year and custom ranges; a range with no activity flags every unit', async () => {
    const token = await adminToken('editor-in-chief');
    const q = Math.ceil(month / 3);
    const quarter = await http<{ data: Summary }>('GET', `/editorial/reports/summary?period=quarter&year=${year}&quarter=${q}`, { token });
    expect(quarter.status).toBe(200);
    expect(quarter.body.data.chart.months.length).toBe(3);
    expect(quarter.body.data.totals).toEqual(expected(quarter.body.data.period.start, quarter.body.data.period.end).totals);
    const yr = await http<{ data: Summary }>('GET', `/editorial/reports/summary?period=year&year=${year}`, { token });
    expect(yr.body.data.period.start).toBe(new Date(Date.parse(`${year}-01-01T00:00:00+07:00`)).toISOString());
    expect(yr.body.data.chart.months.length).toBe(12);
    expect(yr.body.data.totals).toEqual(expected(yr.body.data.period.start, yr.body.data.period.end).totals);
    const day = await http<{ data: Summary }>('GET', `/editorial/reports/summary?period=custom&from=${today}&to=${today}`, { token });
    expect(day.body.data.totals).toEqual(expected(day.body.data.period.start, day.body.data.period.end).totals);
    const past = await http<{ data: Summary }>('GET', '/editorial/reports/summary?period=custom&from=2001-01-01&to=2001-03-31', { token });
    expect(past.body.data.totals).toEqual({ submitted: 0, returned: 0, published: 0, withdrawn: 0, medianHours: null });
    expect(past.body.data.inactiveUnits.length).toBe(dbQuery('SELECT id FROM units').length);
    expect(past.body.data.byUnit.every((r) => r.flagged)).toBe(true);
    for (const bad of [
      'period=custom&from=2025-02-01',
      'period=month&month=13',
      'period=week',
      'period=custom&from=2025-03-01&to=2025-02-01',
    ]) {
      expect((await http('GET', `/editorial/reports/summary?${bad}`, { token })).status, bad).toBe(400);
    }
  });
});

describe('royalty', () => {
  it('statements and unit totals equal those recomputed from the log, with the grade set at approval', async () => {
    const rates = await getData<RateTable>('/editorial/reports/rates', 'finance');
    const res = await http<{ data: Royalty }>('GET', `/editorial/reports/royalty?${MONTH}`, { token: await adminToken('finance') });
    expect(res.status).toBe(200);
    const r = res.body.data;
    expect(r.scope).toBe('all');
    const exp = expectedRoyalty(r.period.start, r.period.end, rates);
    const got = r.statements.flatMap((s) =>
      s.lines.map((l) => ({
        author: s.contributorId,
        uid: l.uid,
        doc: l.documentId,
        kind: l.kind,
        points: l.points,
        grade: l.grade,
        value: l.value,
        amount: l.amount,
      })),
    );
    const order = (a: { uid: string; doc: string }, b: { uid: string; doc: string }) =>
      `${a.uid}${a.doc}`.localeCompare(`${b.uid}${b.doc}`);
    expect(got.sort(order)).toEqual(exp.sort(order));
    const line = (key: string) => got.find((l) => l.doc === docs[key]);
    expect(line('a')).toMatchObject({ kind: 'news', grade: 1.5 });
    expect(line('b')).toMatchObject({ kind: 'collected', grade: rates.rates.find((x) => x.kind === 'collected')?.defaultGrade });
    expect(line('c')).toMatchObject({ kind: 'article', grade: 2 });
    expect(line('e')).toMatchObject({ kind: 'answer' });
    expect(line('f')).toBeUndefined();
    // totals per statement and per unit
    for (const s of r.statements) expect(s.totalAmount).toBe(s.lines.reduce((n, l) => n + l.amount, 0));
    const unitOfUser = new Map(
      dbQuery<ProfileRow>('SELECT user_id, unit_id FROM editorial_profiles').map((p) => [Number(p.user_id), Number(p.unit_id)]),
    );
    for (const u of r.byUnit) {
      const amount = exp
        .filter((l) => (l.author == null ? null : (unitOfUser.get(l.author) ?? null)) === u.unitId)
        .reduce((n, l) => n + l.amount, 0);
      expect(u.totalAmount, u.name).toBe(amount);
    }
    expect(r.total.totalAmount).toBe(exp.reduce((n, l) => n + l.amount, 0));
  });

  it('the rate table is kept by the editor-in-chief and the portal administrator; changes are logged and apply', async () => {
    const before = await getData<RateTable>('/editorial/reports/rates', 'editor-in-chief');
    expect(before.editable).toBe(true);
    expect((await getData<RateTable>('/editorial/reports/rates', 'finance')).editable).toBe(false);
    const table = { pointValue: 150_000, rates: before.rates.map((x) => (x.kind === 'news' ? { ...x, points: 5 } : x)) };
    for (const role of ['inspector', 'finance', 'contributor', 'editor', 'strapi-super-admin']) {
      expect((await http('PUT', '/editorial/reports/rates', { token: await adminToken(role), body: table })).status, role).toBe(403);
    }
    expect(
      (await http('PUT', '/editorial/reports/rates', { token: await adminToken('portal-admin'), body: { ...table, pointValue: -1 } }))
        .status,
    ).toBe(400);
    expect(
      (
        await http('PUT', '/editorial/reports/rates', {
          token: await adminToken('portal-admin'),
          body: { ...table, rates: [{ kind: 'news', points: 1, defaultGrade: 9 }] },
        })
      ).status,
    ).toBe(400);
    const put = await http('PUT', '/editorial/reports/rates', { token: await adminToken('editor-in-chief'), body: table });
    expect(put.status).toBe(200);
    const logged = dbQuery<{ actor_id: DbId }>(
      "SELECT actor_id, meta FROM editorial_review_logs WHERE action = 'rates-changed' ORDER BY seq DESC LIMIT 1",
    )[0];
    expect(Number(logged?.actor_id)).toBe(await me('editor-in-chief'));
    const r = await getData<Royalty>(`/editorial/reports/royalty?${MONTH}`, 'finance');
    const a = r.statements.flatMap((s) => s.lines).find((l) => l.documentId === docs.a);
    expect(a).toMatchObject({ points: 5, grade: 1.5, value: 7.5, amount: 7.5 * 150_000 });
    const exp = expectedRoyalty(r.period.start, r.period.end, table);
    expect(r.total.totalAmount).toBe(exp.reduce((n, l) => n + l.amount, 0));
    // the hash chain still verifies with the new entry
    const verify = await getData<{ ok: boolean; firstBadSeq: number | null }>('/editorial/audit/verify', 'inspector');
    if (!verify.ok)
      console.error(
        'chain broken at',
        verify,
        dbQuery('SELECT seq, action, target_uid, actor_id, at, meta FROM editorial_review_logs WHERE seq >= ? ORDER BY seq LIMIT 4', [
          (verify.firstBadSeq ?? 1) - 1,
        ]),
      );
    expect(verify).toMatchObject({ ok: true, firstBadSeq: null });
    await http('PUT', '/editorial/reports/rates', {
      token: await adminToken('portal-admin'),
      body: { pointValue: before.pointValue, rates: before.rates },
    });
  });
});

describe('exports parse back to the same figures', () => {
  it('summary CSV (Vietnamese headers, BOM) and XLSX', async () => {
    const s = await getData<Summary>(`/editorial/reports/summary?${MONTH}`, 'inspector');
    const csv = await download('inspector', `/editorial/reports/export/summary/csv?${MONTH}`);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.disposition).toMatch(/attachment; filename="bao-cao-cung-cap-thong-tin_/);
    const text = csv.buf.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'Nhóm',
      'Tên',
      'Số đã gửi',
      'Số bị trả lại',
      'Số đã xuất bản',
      'Số đã gỡ',
      'Thời gian trung vị từ gửi đến xuất bản (giờ)',
      'Không xuất bản tin, bài nào',
    ]);
    const fromCsv = (group: string) =>
      rows
        .filter((r) => r[0] === group)
        .map((r) => ({
          name: r[1],
          submitted: +r[2],
          returned: +r[3],
          published: +r[4],
          withdrawn: +r[5],
          medianHours: numOrNull(r[6]),
          flagged: r[7] === 'Có',
        }));
    const total = fromCsv('Tổng cộng')[0];
    expect({ ...total, name: undefined, flagged: undefined }).toEqual({ ...s.totals, name: undefined, flagged: undefined });
    const api = (list: SummaryRow[]) =>
      list.map((r) => ({
        name: r.name,
        submitted: r.submitted,
        returned: r.returned,
        published: r.published,
        withdrawn: r.withdrawn,
        medianHours: r.medianHours,
        flagged: !!r.flagged,
      }));
    expect(fromCsv('Đơn vị')).toEqual(api(s.byUnit));
    expect(fromCsv('Người viết')).toEqual(api(s.byContributor));
    expect(fromCsv('Lĩnh vực')).toEqual(api(s.byField));
    expect(fromCsv('Loại nội dung')).toEqual(api(s.byType));

    const xlsx = await download('inspector', `/editorial/reports/export/summary/xlsx?${MONTH}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.buf);
    const sheet = (title: string) => {
      const ws = wb.worksheets.find((w) => w.name === title);
      expect(ws, title).toBeTruthy();
      return sheetRows(ws);
    };
    const units = sheet('Theo đơn vị');
    expect(units[0].slice(0, 4)).toEqual(['Đơn vị', 'Số đã gửi', 'Số bị trả lại', 'Số đã xuất bản']);
    expect(
      units.slice(1).map((r) => ({
        name: r[0],
        submitted: r[1],
        returned: r[2],
        published: r[3],
        withdrawn: r[4],
        medianHours: r[5] ?? null,
        flagged: r[6] === 'Có',
      })),
    ).toEqual(api(s.byUnit));
    const people = sheet('Theo người viết');
    expect(people.slice(1).map((r) => ({ name: r[0], published: r[3], medianHours: r[5] ?? null }))).toEqual(
      s.byContributor.map((r) => ({ name: r.name, published: r.published, medianHours: r.medianHours })),
    );
    const monthlyRows = sheetRows(wb.worksheets.find((w) => w.name.startsWith('Số tin, bài xuất bản')));
    expect(monthlyRows.slice(1).map((r) => [r[0], r[1]])).toEqual(s.chart.series.map((x) => [x.name, x.counts[0]]));
  });

  it('royalty CSV and XLSX', async () => {
    const r = await getData<Royalty>(`/editorial/reports/royalty?${MONTH}`, 'finance');
    const lines = r.statements.flatMap((s) => s.lines.map((l) => [s.name, s.unitName, l.title, l.points, l.grade, l.value, l.amount]));
    const csv = await download('finance', `/editorial/reports/export/royalty/csv?${MONTH}`);
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.buf.toString('utf8'));
    expect(rows[0]).toEqual([
      'Người viết',
      'Đơn vị',
      'Tiêu đề',
      'Loại',
      'Ngày xuất bản',
      'Điểm',
      'Hệ số',
      'Điểm tính',
      'Thành tiền (đồng)',
    ]);
    expect(rows.slice(1).map((x) => [x[0], x[1], x[2], +x[5], +x[6], +x[7], +x[8]])).toEqual(lines);
    expect(rows.slice(1).some((x) => x[2] === titles.a && x[3] === 'Tin')).toBe(true);

    const xlsx = await download('finance', `/editorial/reports/export/royalty/xlsx?${MONTH}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.buf);
    const got = sheetRows(wb.worksheets.find((w) => w.name === 'Bảng kê nhuận bút'));
    expect(got.slice(1).map((x) => [x[0], x[1], x[2], x[5], x[6], x[7], x[8]])).toEqual(lines);
    const unitRows = sheetRows(wb.worksheets.find((w) => w.name === 'Tổng hợp nhuận bút theo đơn vị'));
    expect(unitRows.slice(1, -1).map((x) => [x[0], x[4]])).toEqual(r.byUnit.map((u) => [u.name, u.totalAmount]));
    expect(unitRows.at(-1)).toEqual(['Tổng cộng', r.statements.length, r.total.items, r.total.totalValue, r.total.totalAmount]);
  });

  it('printable view: a standalone Vietnamese HTML page with the chart and tables', async () => {
    const html = await download('inspector', `/editorial/reports/export/summary/html?${MONTH}`);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/text\/html/);
    const text = html.buf.toString('utf8');
    expect(text).toContain('<html lang="vi">');
    expect(text).toContain('<svg');
    expect(text).toContain('Theo đơn vị');
    expect(text).toContain('@page');
  });
});

describe('who may see what (enforced on the server)', () => {
  const paths = {
    access: '/editorial/reports/access',
    summary: `/editorial/reports/summary?${MONTH}`,
    royalty: `/editorial/reports/royalty?${MONTH}`,
    summaryCsv: `/editorial/reports/export/summary/csv?${MONTH}`,
    summaryXlsx: `/editorial/reports/export/summary/xlsx?${MONTH}`,
    summaryHtml: `/editorial/reports/export/summary/html?${MONTH}`,
    royaltyCsv: `/editorial/reports/export/royalty/csv?${MONTH}`,
    royaltyXlsx: `/editorial/reports/export/royalty/xlsx?${MONTH}`,
    rates: '/editorial/reports/rates',
  };
  const matrix: Record<string, Record<keyof typeof paths, number>> = {
    inspector: {
      access: 200,
      summary: 200,
      royalty: 200,
      summaryCsv: 200,
      summaryXlsx: 200,
      summaryHtml: 200,
      royaltyCsv: 200,
      royaltyXlsx: 200,
      rates: 200,
    },
    'editor-in-chief': {
      access: 200,
      summary: 200,
      royalty: 200,
      summaryCsv: 200,
      summaryXlsx: 200,
      summaryHtml: 200,
      royaltyCsv: 200,
      royaltyXlsx: 200,
      rates: 200,
    },
    'portal-admin': {
      access: 200,
      summary: 200,
      royalty: 200,
      summaryCsv: 200,
      summaryXlsx: 200,
      summaryHtml: 200,
      royaltyCsv: 200,
      royaltyXlsx: 200,
      rates: 200,
    },
    finance: {
      access: 200,
      summary: 403,
      royalty: 200,
      summaryCsv: 403,
      summaryXlsx: 403,
      summaryHtml: 403,
      royaltyCsv: 200,
      royaltyXlsx: 200,
      rates: 200,
    },
    contributor: {
      access: 200,
      summary: 403,
      royalty: 200,
      summaryCsv: 403,
      summaryXlsx: 403,
      summaryHtml: 403,
      royaltyCsv: 200,
      royaltyXlsx: 200,
      rates: 200,
    },
    editor: {
      access: 403,
      summary: 403,
      royalty: 403,
      summaryCsv: 403,
      summaryXlsx: 403,
      summaryHtml: 403,
      royaltyCsv: 403,
      royaltyXlsx: 403,
      rates: 403,
    },
    'strapi-super-admin': {
      access: 403,
      summary: 403,
      royalty: 403,
      summaryCsv: 403,
      summaryXlsx: 403,
      summaryHtml: 403,
      royaltyCsv: 403,
      royaltyXlsx: 403,
      rates: 403,
    },
  };
  for (const [role, expectedStatus] of Object.entries(matrix)) {
    it(role, async () => {
      for (const [name, path] of Object.entries(paths)) {
        const res = await download(role, path);
        expect(res.status, `${role} ${name}`).toBe(expectedStatus[name as keyof typeof paths]);
      }
    });
  }

  it('without a token: 401', async () => {
    expect((await http('GET', paths.summary)).status).toBe(401);
    expect((await http('GET', paths.royaltyCsv)).status).toBe(401);
  });

  it('a contributor sees only their own statement, in the API and in the exports', async () => {
    const myId = await me('contributor');
    const own = await getData<Royalty>(`/editorial/reports/royalty?${MONTH}`, 'contributor');
    expect(own.scope).toBe('own');
    expect(own.statements.length).toBe(1);
    expect(own.statements[0].contributorId).toBe(myId);
    const all = await getData<Royalty>(`/editorial/reports/royalty?${MONTH}`, 'finance');
    expect(own.statements[0]).toEqual(all.statements.find((s) => s.contributorId === myId));
    expect(all.statements.length).toBeGreaterThan(1); // the editor's item is someone else's
    const csv = parseCsv((await download('contributor', `/editorial/reports/export/royalty/csv?${MONTH}`)).buf.toString('utf8'));
    expect(csv.slice(1).length).toBe(own.statements[0].lines.length);
    expect(new Set(csv.slice(1).map((r) => r[0]))).toEqual(new Set([own.statements[0].name]));
    expect(csv.slice(1).some((r) => r[2] === titles.d)).toBe(false);
  });
});
