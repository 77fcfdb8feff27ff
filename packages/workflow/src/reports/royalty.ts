// Royalty statements (nhuận bút) per contributor and unit. Pure.
import type { Period } from './period.js';
import type { RoyaltyKind, RoyaltyRate } from './rates.js';
import { eventKind, inPeriod, itemKey, type ReportInput } from './events.js';
import { NO_AUTHOR, NO_UNIT, byName } from './summary.js';

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
