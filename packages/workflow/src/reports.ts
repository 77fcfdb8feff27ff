// Inspection and royalty reports (issue #9): pure computation from the editorial audit log.
// The server feeds it log rows, review states, profiles, units, fields and the rate table; the admin page
// and the exports render what it returns. No Node-only imports: the admin panel imports it too.
import { ROLES } from './constants.js';

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975). */
export const VN_OFFSET_MS = 7 * 3600_000;

// ---------------------------------------------------------------------------------------------------
// Access

export interface ReportAccess {
  /** Counts, chart, inactive units (Phòng Nội vụ's inspection). */
  summary: boolean;
  /** Royalty statements: everyone's, only one's own, or none. */
  royalty: 'all' | 'own' | 'none';
  /** May edit the royalty rate table. */
  editRates: boolean;
}

/** Who may see what. Super Admin is not listed on purpose: the regulation names the board's roles. */
export function reportAccess(roles: readonly string[]): ReportAccess {
  const has = (r: string) => roles.includes(r);
  const board = has(ROLES.inspector) || has(ROLES.editorInChief) || has(ROLES.portalAdmin);
  return {
    summary: board,
    royalty: board || has(ROLES.finance) ? 'all' : has(ROLES.contributor) ? 'own' : 'none',
    editRates: has(ROLES.editorInChief) || has(ROLES.portalAdmin),
  };
}

// ---------------------------------------------------------------------------------------------------
// Periods

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** First local day, YYYY-MM-DD. */
  from: string;
  /** Last local day (inclusive), YYYY-MM-DD. */
  to: string;
  label: string;
  /** UTC instants: [start, end). */
  start: string;
  end: string;
}

export interface PeriodQuery {
  period?: string;
  year?: string | number;
  month?: string | number;
  quarter?: string | number;
  from?: string;
  to?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** UTC instant of local midnight starting the given local day. */
export function localDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS);
}

/** Local day (YYYY-MM-DD) of an instant. */
export function localDay(at: string | Date): string {
  return new Date(new Date(at).getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86400_000).toISOString().slice(0, 10);
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export class PeriodError extends Error {}

/** Parses period parameters; defaults to the current local month. */
export function resolvePeriod(q: PeriodQuery, now: Date = new Date()): Period {
  const today = localDay(now);
  const kind = (q.period ?? 'month') as PeriodKind;
  const int = (v: unknown, name: string, min: number, max: number, dflt: number): number => {
    if (v === undefined || v === '') return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new PeriodError(`Tham số ${name} không hợp lệ: ${String(v)}`);
    return n;
  };
  const year = int(q.year, 'year', 2000, 2100, Number(today.slice(0, 4)));
  let from: string;
  let to: string;
  let label: string;
  if (kind === 'month') {
    const m = int(q.month, 'month', 1, 12, Number(today.slice(5, 7)));
    from = ymd(year, m, 1);
    to = ymd(year, m, lastDayOfMonth(year, m));
    label = `Tháng ${pad(m)}/${year}`;
  } else if (kind === 'quarter') {
    const qn = int(q.quarter, 'quarter', 1, 4, Math.ceil(Number(today.slice(5, 7)) / 3));
    from = ymd(year, 3 * qn - 2, 1);
    to = ymd(year, 3 * qn, lastDayOfMonth(year, 3 * qn));
    label = `Quý ${['I', 'II', 'III', 'IV'][qn - 1]}/${year}`;
  } else if (kind === 'year') {
    from = ymd(year, 1, 1);
    to = ymd(year, 12, 31);
    label = `Năm ${year}`;
  } else if (kind === 'custom') {
    if (
      !q.from ||
      !q.to ||
      !DATE_RE.test(q.from) ||
      !DATE_RE.test(q.to) ||
      Number.isNaN(Date.parse(q.from)) ||
      Number.isNaN(Date.parse(q.to))
    ) {
      throw new PeriodError('Khoảng thời gian tùy chọn cần from và to dạng YYYY-MM-DD.');
    }
    if (q.from > q.to) throw new PeriodError('Ngày bắt đầu phải trước ngày kết thúc.');
    if (Date.parse(q.to) - Date.parse(q.from) > 5 * 366 * 86400_000) throw new PeriodError('Khoảng thời gian tối đa 5 năm.');
    from = q.from;
    to = q.to;
    label = `Từ ${from.split('-').reverse().join('/')} đến ${to.split('-').reverse().join('/')}`;
  } else {
    throw new PeriodError(`Kỳ báo cáo không hợp lệ: ${String(kind)}`);
  }
  return { kind, from, to, label, start: localDayStart(from).toISOString(), end: localDayStart(nextDay(to)).toISOString() };
}

/** Local months (YYYY-MM) covered by a period. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let [y, m] = period.from.slice(0, 7).split('-').map(Number);
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Royalty kinds and rates

export const ROYALTY_KINDS = ['news', 'article', 'photo', 'collected', 'translated', 'answer'] as const;
export type RoyaltyKind = (typeof ROYALTY_KINDS)[number];

export const ROYALTY_KIND_LABELS: Readonly<Record<RoyaltyKind, string>> = {
  news: 'Tin',
  article: 'Bài',
  photo: 'Ảnh',
  collected: 'Tin, bài sưu tầm',
  translated: 'Tin, bài dịch',
  answer: 'Trả lời câu hỏi',
};

export interface RoyaltyRate {
  kind: RoyaltyKind;
  /** Points (điểm nhuận bút) for one published item of this kind. */
  points: number;
  /** Multiplier used when the editor-in-chief set none at approval. */
  defaultGrade: number;
}

export interface RateTable {
  /** Amount in đồng of one point. */
  pointValue: number;
  rates: RoyaltyRate[];
  updatedAt?: string | null;
  updatedBy?: string | null;
}

export const DEFAULT_RATE_TABLE: RateTable = {
  pointValue: 100_000,
  rates: [
    { kind: 'news', points: 3, defaultGrade: 1 },
    { kind: 'article', points: 8, defaultGrade: 1 },
    { kind: 'photo', points: 2, defaultGrade: 1 },
    { kind: 'collected', points: 1, defaultGrade: 1 },
    { kind: 'translated', points: 4, defaultGrade: 1 },
    { kind: 'answer', points: 2, defaultGrade: 1 },
  ],
};

/** Validates a rate table sent by the page; returns the problems (Vietnamese) or the normalised table. */
export function validateRateTable(
  input: unknown,
  gradeRange = { min: 0.5, max: 3 },
): { ok: true; table: RateTable } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const t = input as Partial<RateTable> | null;
  if (!t || typeof t !== 'object') return { ok: false, errors: ['Bảng nhuận bút không hợp lệ.'] };
  const pointValue = Number(t.pointValue);
  if (!Number.isFinite(pointValue) || pointValue < 0 || pointValue > 100_000_000)
    errors.push('Giá trị một điểm phải là số từ 0 đến 100.000.000 đồng.');
  if (!Array.isArray(t.rates)) errors.push('Thiếu danh sách mức nhuận bút.');
  const rates: RoyaltyRate[] = [];
  const seen = new Set<string>();
  for (const r of Array.isArray(t.rates) ? t.rates : []) {
    const kind = (r as RoyaltyRate)?.kind;
    if (!(ROYALTY_KINDS as readonly string[]).includes(kind)) {
      errors.push(`Loại nhuận bút không hợp lệ: ${String(kind)}`);
      continue;
    }
    if (seen.has(kind)) errors.push(`Loại ${ROYALTY_KIND_LABELS[kind]} bị lặp.`);
    seen.add(kind);
    const points = Number(r.points);
    const defaultGrade = Number(r.defaultGrade);
    if (!Number.isFinite(points) || points < 0 || points > 1000)
      errors.push(`Điểm của loại ${ROYALTY_KIND_LABELS[kind]} phải từ 0 đến 1000.`);
    if (!Number.isFinite(defaultGrade) || defaultGrade < gradeRange.min || defaultGrade > gradeRange.max) {
      errors.push(`Hệ số mặc định của loại ${ROYALTY_KIND_LABELS[kind]} phải từ ${gradeRange.min} đến ${gradeRange.max}.`);
    }
    rates.push({ kind, points, defaultGrade });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, table: { pointValue, rates } };
}

/** Word count limits that tell a news item (tin) from an article (bài) and a photo story (ảnh). */
export const ROYALTY_WORDS = { photoMax: 100, articleMin: 600 } as const;

const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * The royalty kind of an item from its content: questions answered → answer; collected and translated
 * articles → collected / translated; original articles → photo (pictures with under 100 words of text),
 * article (600 words or more) or news. Other types earn no royalty (null).
 */
export function royaltyKindOf(uid: string, doc: Record<string, any> | null | undefined): RoyaltyKind | null {
  if (!doc) return null;
  if (uid === 'api::question.question') return 'answer';
  if (uid !== 'api::article.article') return null;
  if (doc.kind === 'collected') return 'collected';
  if (doc.kind === 'translated') return 'translated';
  const body = String(doc.body ?? '');
  const images = (body.match(/!\[[^\]]*\]\([^)]*\)/g) ?? []).length + (doc.cover ? 1 : 0);
  const text = body.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\]\([^)]*\)/g, ' ');
  const n = words(text);
  if (images > 0 && n < ROYALTY_WORDS.photoMax) return 'photo';
  return n >= ROYALTY_WORDS.articleMin ? 'article' : 'news';
}

// ---------------------------------------------------------------------------------------------------
// Input shapes

export interface LogRow {
  seq: number;
  targetUid: string;
  targetDocumentId: string;
  action: string;
  fromStage?: string | null;
  toStage: string;
  actorId?: number | null;
  at: string;
  meta?: Record<string, unknown> | null;
}

export interface ItemInfo {
  uid: string;
  documentId: string;
  title: string;
  authorId: number | null;
  fieldId: number | null;
  royaltyKind: RoyaltyKind | null;
}

export interface PersonInfo {
  id: number;
  name: string;
  unitId: number | null;
}

export interface Named {
  id: number;
  name: string;
}

export interface ReportInput {
  period: Period;
  log: LogRow[];
  items: ItemInfo[];
  people: PersonInfo[];
  units: Named[];
  fields: Named[];
  typeLabels: Record<string, string>;
  rates: RateTable;
}

// ---------------------------------------------------------------------------------------------------
// Events

export type EventKind = 'submitted' | 'returned' | 'published' | 'withdrawn';

/** What a log entry counts as, or null (assign, verify, import, scheduling approvals…). */
export function eventKind(row: Pick<LogRow, 'action' | 'toStage'>): EventKind | null {
  switch (row.action) {
    case 'submit':
      return 'submitted';
    case 'return':
      return 'returned';
    case 'approve':
      return row.toStage === 'published' ? 'published' : null;
    case 'golive':
      return 'published';
    case 'withdraw':
    case 'expire':
      return 'withdrawn';
    default:
      return null;
  }
}

const inPeriod = (at: string, p: Period) => {
  const t = Date.parse(at);
  return t >= Date.parse(p.start) && t < Date.parse(p.end);
};

const itemKey = (uid: string, documentId: string) => `${uid}\u0000${documentId}`;

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Hours rounded to two decimals. */
export const roundHours = (ms: number) => Math.round((ms / 3600_000) * 100) / 100;

// ---------------------------------------------------------------------------------------------------
// Summary

export interface Counts {
  submitted: number;
  returned: number;
  published: number;
  withdrawn: number;
  /** Median hours from the item's latest submission to its publication, over publications in the period. */
  medianHours: number | null;
}

export interface Row extends Counts {
  id: number | string | null;
  name: string;
  /** Units only: nothing published in the period. */
  flagged?: boolean;
}

export interface Summary {
  period: Period;
  totals: Counts;
  byUnit: Row[];
  byContributor: Row[];
  byField: Row[];
  byType: Row[];
  inactiveUnits: Named[];
  chart: ChartData;
}

export interface ChartData {
  months: string[];
  series: Array<{ id: number | null; name: string; counts: number[] }>;
}

export const NO_UNIT = 'Chưa xác định đơn vị';
export const NO_FIELD = 'Chưa phân lĩnh vực';
export const NO_AUTHOR = 'Chưa xác định người viết';

interface Event {
  kind: EventKind;
  row: LogRow;
  item: ItemInfo | undefined;
  authorId: number | null;
  /** ms from the latest submission (publications only). */
  leadMs: number | null;
}

/** The period's counting events, attributed to the item's author (review state, else first submitter). */
function events(input: ReportInput): Event[] {
  const items = new Map(input.items.map((i) => [itemKey(i.uid, i.documentId), i]));
  const log = [...input.log].sort((a, b) => a.seq - b.seq);
  const firstSubmitter = new Map<string, number | null>();
  const lastSubmitAt = new Map<string, string>();
  const out: Event[] = [];
  for (const row of log) {
    const key = itemKey(row.targetUid, row.targetDocumentId);
    const kind = eventKind(row);
    if (row.action === 'submit' && !firstSubmitter.has(key)) firstSubmitter.set(key, row.actorId ?? null);
    if (kind && inPeriod(row.at, input.period)) {
      const item = items.get(key);
      const submitted = lastSubmitAt.get(key);
      out.push({
        kind,
        row,
        item,
        authorId: item?.authorId ?? firstSubmitter.get(key) ?? null,
        leadMs: kind === 'published' && submitted ? Date.parse(row.at) - Date.parse(submitted) : null,
      });
    }
    if (row.action === 'submit') lastSubmitAt.set(key, row.at);
  }
  return out;
}

function tally(list: Event[]): Counts {
  const c: Counts = { submitted: 0, returned: 0, published: 0, withdrawn: 0, medianHours: null };
  const leads: number[] = [];
  for (const e of list) {
    c[e.kind] += 1;
    if (e.kind === 'published' && e.leadMs != null) leads.push(e.leadMs);
  }
  const m = median(leads);
  c.medianHours = m == null ? null : roundHours(m);
  return c;
}

function group(list: Event[], keyOf: (e: Event) => number | string | null, nameOf: (k: number | string | null) => string): Row[] {
  const groups = new Map<number | string | null, Event[]>();
  for (const e of list) {
    const k = keyOf(e);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  return [...groups.entries()].map(([id, evs]) => ({ id, name: nameOf(id), ...tally(evs) })).sort(byName);
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');

export function computeSummary(input: ReportInput): Summary {
  const evs = events(input);
  const people = new Map(input.people.map((p) => [p.id, p]));
  const unitName = new Map(input.units.map((u) => [u.id, u.name]));
  const fieldName = new Map(input.fields.map((f) => [f.id, f.name]));
  const unitOf = (e: Event) => (e.authorId != null ? (people.get(e.authorId)?.unitId ?? null) : null);

  const byUnitEvents = group(evs, unitOf, (k) => (k == null ? NO_UNIT : (unitName.get(k as number) ?? `#${k}`)));
  const seen = new Set(byUnitEvents.map((r) => r.id));
  const empty: Counts = { submitted: 0, returned: 0, published: 0, withdrawn: 0, medianHours: null };
  const byUnit = [...byUnitEvents, ...input.units.filter((u) => !seen.has(u.id)).map((u) => ({ id: u.id, name: u.name, ...empty }))]
    .map((r) => ({ ...r, flagged: r.id != null && r.published === 0 }))
    .sort(byName);
  const inactiveUnits = input.units.filter((u) => !byUnit.some((r) => r.id === u.id && r.published > 0)).sort(byName);

  const months = monthsOf(input.period);
  const published = evs.filter((e) => e.kind === 'published');
  const seriesMap = new Map<number | null, number[]>();
  for (const e of published) {
    const u = unitOf(e);
    const counts = seriesMap.get(u) ?? months.map(() => 0);
    counts[months.indexOf(localDay(e.row.at).slice(0, 7))] += 1;
    seriesMap.set(u, counts);
  }
  const series = [...seriesMap.entries()]
    .map(([id, counts]) => ({ id, name: id == null ? NO_UNIT : (unitName.get(id) ?? `#${id}`), counts }))
    .sort(byName);

  return {
    period: input.period,
    totals: tally(evs),
    byUnit,
    byContributor: group(
      evs,
      (e) => e.authorId,
      (k) => (k == null ? NO_AUTHOR : (people.get(k as number)?.name ?? `#${k}`)),
    ),
    byField: group(
      evs,
      (e) => e.item?.fieldId ?? null,
      (k) => (k == null ? NO_FIELD : (fieldName.get(k as number) ?? `#${k}`)),
    ),
    byType: group(
      evs,
      (e) => e.row.targetUid,
      (k) => input.typeLabels[k as string] ?? String(k),
    ),
    inactiveUnits,
    chart: { months, series },
  };
}

// ---------------------------------------------------------------------------------------------------
// Royalty

export interface RoyaltyLine {
  uid: string;
  documentId: string;
  title: string;
  kind: RoyaltyKind;
  publishedAt: string;
  points: number;
  grade: number;
  /** points × grade */
  value: number;
  /** value × point value, rounded to whole đồng */
  amount: number;
}

export interface Statement {
  contributorId: number | null;
  name: string;
  unitId: number | null;
  unitName: string;
  lines: RoyaltyLine[];
  totalValue: number;
  totalAmount: number;
}

export interface UnitTotal {
  unitId: number | null;
  name: string;
  contributors: number;
  items: number;
  totalValue: number;
  totalAmount: number;
}

export interface RoyaltyReport {
  period: Period;
  pointValue: number;
  rates: RoyaltyRate[];
  statements: Statement[];
  byUnit: UnitTotal[];
  total: { items: number; totalValue: number; totalAmount: number };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One line per item first published in the period (a later re-publication of an edited or withdrawn
 * item earns nothing more). The grade is the one the editor-in-chief set at approval (meta.royaltyGrade
 * of the approve entry; for a scheduled item, of the approval that scheduled it), else the kind's default.
 */
export function computeRoyalty(input: ReportInput, onlyContributor?: number): RoyaltyReport {
  const items = new Map(input.items.map((i) => [itemKey(i.uid, i.documentId), i]));
  const people = new Map(input.people.map((p) => [p.id, p]));
  const unitName = new Map(input.units.map((u) => [u.id, u.name]));
  const rates = new Map(input.rates.rates.map((r) => [r.kind, r]));
  const log = [...input.log].sort((a, b) => a.seq - b.seq);
  const publishedBefore = new Set<string>();
  const lastApproveGrade = new Map<string, number | null>();
  const firstSubmitter = new Map<string, number | null>();
  const statements = new Map<number | null, Statement>();
  for (const row of log) {
    const key = itemKey(row.targetUid, row.targetDocumentId);
    if (row.action === 'submit' && !firstSubmitter.has(key)) firstSubmitter.set(key, row.actorId ?? null);
    if (row.action === 'approve') {
      const g = row.meta && typeof row.meta.royaltyGrade === 'number' ? (row.meta.royaltyGrade as number) : null;
      lastApproveGrade.set(key, g);
    }
    if (eventKind(row) !== 'published') continue;
    const first = !publishedBefore.has(key);
    publishedBefore.add(key);
    if (!first || !inPeriod(row.at, input.period)) continue;
    const item = items.get(key);
    const kind = item?.royaltyKind;
    const rate = kind ? rates.get(kind) : undefined;
    if (!item || !kind || !rate) continue;
    const authorId = item.authorId ?? firstSubmitter.get(key) ?? null;
    if (onlyContributor !== undefined && authorId !== onlyContributor) continue;
    const grade = lastApproveGrade.get(key) ?? rate.defaultGrade;
    const value = round2(rate.points * grade);
    const line: RoyaltyLine = {
      uid: item.uid,
      documentId: item.documentId,
      title: item.title,
      kind,
      publishedAt: row.at,
      points: rate.points,
      grade,
      value,
      amount: Math.round(value * input.rates.pointValue),
    };
    let st = statements.get(authorId);
    if (!st) {
      const person = authorId != null ? people.get(authorId) : undefined;
      const unitId = person?.unitId ?? null;
      st = {
        contributorId: authorId,
        name: authorId == null ? NO_AUTHOR : (person?.name ?? `#${authorId}`),
        unitId,
        unitName: unitId == null ? NO_UNIT : (unitName.get(unitId) ?? `#${unitId}`),
        lines: [],
        totalValue: 0,
        totalAmount: 0,
      };
      statements.set(authorId, st);
    }
    st.lines.push(line);
    st.totalValue = round2(st.totalValue + value);
    st.totalAmount += line.amount;
  }
  const list = [...statements.values()].sort(byName);
  const units = new Map<number | null, UnitTotal>();
  for (const s of list) {
    const u = units.get(s.unitId) ?? { unitId: s.unitId, name: s.unitName, contributors: 0, items: 0, totalValue: 0, totalAmount: 0 };
    u.contributors += 1;
    u.items += s.lines.length;
    u.totalValue = round2(u.totalValue + s.totalValue);
    u.totalAmount += s.totalAmount;
    units.set(s.unitId, u);
  }
  const byUnit = [...units.values()].sort(byName);
  return {
    period: input.period,
    pointValue: input.rates.pointValue,
    rates: input.rates.rates,
    statements: list,
    byUnit,
    total: {
      items: byUnit.reduce((n, u) => n + u.items, 0),
      totalValue: round2(byUnit.reduce((n, u) => n + u.totalValue, 0)),
      totalAmount: byUnit.reduce((n, u) => n + u.totalAmount, 0),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Tables (shared by CSV, XLSX and the printable view)

export interface Table {
  title: string;
  headers: string[];
  rows: Array<Array<string | number | null>>;
}

const COUNT_HEADERS = ['Số đã gửi', 'Số bị trả lại', 'Số đã xuất bản', 'Số đã gỡ', 'Thời gian trung vị từ gửi đến xuất bản (giờ)'];
const countCells = (r: Counts) => [r.submitted, r.returned, r.published, r.withdrawn, r.medianHours];

export const SUMMARY_DIMENSIONS = [
  { key: 'byUnit', label: 'Đơn vị' },
  { key: 'byContributor', label: 'Người viết' },
  { key: 'byField', label: 'Lĩnh vực' },
  { key: 'byType', label: 'Loại nội dung' },
] as const;

/** The summary as tables: one per dimension, then published items per unit per month. */
export function summaryTables(s: Summary): Table[] {
  const tables: Table[] = SUMMARY_DIMENSIONS.map(({ key, label }) => ({
    title: `Theo ${label.toLowerCase()}`,
    headers: [label, ...COUNT_HEADERS, ...(key === 'byUnit' ? ['Không xuất bản tin, bài nào'] : [])],
    rows: s[key].map((r) => [r.name, ...countCells(r), ...(key === 'byUnit' ? [r.flagged ? 'Có' : ''] : [])]),
  }));
  tables.push({
    title: 'Số tin, bài xuất bản theo đơn vị và tháng',
    headers: ['Đơn vị', ...s.chart.months.map(monthLabel)],
    rows: s.chart.series.map((x) => [x.name, ...x.counts]),
  });
  return tables;
}

/** One flat table for CSV: a "Nhóm" column tells the dimension. */
export function summaryCsvTable(s: Summary): Table {
  return {
    title: 'Báo cáo tình hình cung cấp thông tin',
    headers: ['Nhóm', 'Tên', ...COUNT_HEADERS, 'Không xuất bản tin, bài nào'],
    rows: [
      ['Tổng cộng', 'Tất cả', ...countCells(s.totals), ''],
      ...SUMMARY_DIMENSIONS.flatMap(({ key, label }) => s[key].map((r) => [label, r.name, ...countCells(r), r.flagged ? 'Có' : ''])),
    ],
  };
}

export const ROYALTY_LINE_HEADERS = [
  'Người viết',
  'Đơn vị',
  'Tiêu đề',
  'Loại',
  'Ngày xuất bản',
  'Điểm',
  'Hệ số',
  'Điểm tính',
  'Thành tiền (đồng)',
];

export function royaltyLinesTable(r: RoyaltyReport): Table {
  return {
    title: 'Bảng kê nhuận bút',
    headers: ROYALTY_LINE_HEADERS,
    rows: r.statements.flatMap((s) =>
      s.lines.map((l) => [
        s.name,
        s.unitName,
        l.title,
        ROYALTY_KIND_LABELS[l.kind],
        localDay(l.publishedAt).split('-').reverse().join('/'),
        l.points,
        l.grade,
        l.value,
        l.amount,
      ]),
    ),
  };
}

export function royaltyUnitTable(r: RoyaltyReport): Table {
  return {
    title: 'Tổng hợp nhuận bút theo đơn vị',
    headers: ['Đơn vị', 'Số người viết', 'Số tin, bài', 'Tổng điểm tính', 'Tổng tiền (đồng)'],
    rows: [
      ...r.byUnit.map((u) => [u.name, u.contributors, u.items, u.totalValue, u.totalAmount]),
      ['Tổng cộng', r.statements.length, r.total.items, r.total.totalValue, r.total.totalAmount],
    ],
  };
}

export function monthLabel(m: string): string {
  return `${m.slice(5, 7)}/${m.slice(0, 4)}`;
}

// ---------------------------------------------------------------------------------------------------
// CSV

const csvCell = (v: string | number | null) => {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  // A leading = + - @ (or TAB, CR, which spreadsheet programs skip before reading one) would be read
  // as a formula: put an apostrophe in front, so the cell is text.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n'\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a UTF-8 byte order mark (so spreadsheet programs read Vietnamese correctly). */
export function toCsv(t: Table): string {
  return '\uFEFF' + [t.headers, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------------
// Chart (SVG, readable without colour: each bar has its number, each row its unit name, months are
// labelled under the bars, and alternate months use a hatch pattern as well as a different shade)

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function chartSvg(c: ChartData, title = 'Số tin, bài xuất bản theo đơn vị và tháng'): string {
  const labelW = 290;
  const barW = Math.max(18, Math.min(40, Math.floor(640 / Math.max(1, c.months.length))));
  const gap = 6;
  const rowH = 78;
  const barMax = 40;
  const top = 34;
  const width = labelW + c.months.length * (barW + gap) + 20;
  const max = Math.max(1, ...c.series.flatMap((s) => s.counts));
  const height = top + Math.max(1, c.series.length) * rowH + 10;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" data-testid="reports-chart">`,
    `<title id="chart-title">${esc(title)}</title>`,
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c6d4f7"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1d3f91" stroke-width="2"/></pattern></defs>',
    `<text x="0" y="16" font-weight="bold" font-size="14">${esc(title)}</text>`,
  );
  if (!c.series.length) parts.push(`<text x="0" y="${top + 20}">Không có tin, bài nào được xuất bản trong kỳ.</text>`);
  c.series.forEach((s, i) => {
    const y0 = top + i * rowH;
    const base = y0 + 12 + barMax;
    parts.push(
      `<g data-unit="${esc(s.name)}"><text x="0" y="${base - 8}" font-weight="bold">${esc(s.name.length > 38 ? s.name.slice(0, 37) + '…' : s.name)}</text>`,
    );
    parts.push(`<text x="0" y="${base + 8}" fill="#333">Tổng: ${s.counts.reduce((a, b) => a + b, 0)}</text>`);
    s.counts.forEach((n, j) => {
      const x = labelW + j * (barW + gap);
      const h = Math.round((n / max) * barMax);
      const fill = j % 2 ? 'url(#hatch)' : '#1d3f91';
      parts.push(
        `<rect x="${x}" y="${base - h}" width="${barW}" height="${Math.max(h, n ? 1 : 0)}" fill="${fill}" stroke="#1d3f91"><title>${esc(`${s.name}, tháng ${monthLabel(c.months[j])}: ${n}`)}</title></rect>`,
        `<text x="${x + barW / 2}" y="${base - h - 3}" text-anchor="middle">${n}</text>`,
        `<text x="${x + barW / 2}" y="${base + 14}" text-anchor="middle" font-size="10" fill="#333">${c.months[j].slice(5, 7)}</text>`,
      );
    });
    parts.push(`<line x1="${labelW - 4}" y1="${base}" x2="${width - 10}" y2="${base}" stroke="#666"/></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------------
// Printable view

export function tableHtml(t: Table): string {
  const cell = (v: string | number | null) => (v == null ? '' : typeof v === 'number' ? v.toLocaleString('vi-VN') : esc(v));
  return `<table><caption>${esc(t.title)}</caption><thead><tr>${t.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row">${cell(v)}</th>` : `<td>${cell(v)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function printHtml(opts: {
  title: string;
  subtitle: string;
  agency?: string;
  tables: Table[];
  svg?: string;
  note?: string;
}): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(opts.title)}</title><style>
body{font-family:"Times New Roman",serif;margin:2cm;color:#000}
h1{font-size:18pt;text-align:center;margin:0 0 4pt}p.sub{text-align:center;margin:0 0 16pt}
table{border-collapse:collapse;width:100%;margin:0 0 18pt;font-size:11pt;page-break-inside:auto}
caption{font-weight:bold;text-align:left;margin:6pt 0}
th,td{border:1px solid #000;padding:3pt 5pt;vertical-align:top}td{text-align:right}thead th{background:#eee}
tr{page-break-inside:avoid}.sign{display:flex;justify-content:space-between;margin-top:30pt}.sign div{text-align:center;width:40%}
@page{size:A4;margin:1.5cm}@media print{body{margin:0}}
</style></head><body>
${opts.agency ? `<p style="margin:0">${esc(opts.agency)}</p>` : ''}
<h1>${esc(opts.title)}</h1><p class="sub">${esc(opts.subtitle)}</p>
${opts.svg ? `<figure style="margin:0 0 18pt">${opts.svg}</figure>` : ''}
${opts.tables.map(tableHtml).join('\n')}
${opts.note ? `<p>${esc(opts.note)}</p>` : ''}
<div class="sign"><div><strong>Người lập biểu</strong><br><em>(Ký, ghi rõ họ tên)</em></div><div><strong>Thủ trưởng đơn vị</strong><br><em>(Ký, ghi rõ họ tên)</em></div></div>
</body></html>`;
}
