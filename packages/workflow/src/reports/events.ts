// The audit log's rows as reports read them, and what each row counts as. Pure.
import type { Period } from './period.js';
import type { RateTable, RoyaltyKind } from './rates.js';

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

export const inPeriod = (at: string, p: Period) => {
  const t = Date.parse(at);
  return t >= Date.parse(p.start) && t < Date.parse(p.end);
};

export const itemKey = (uid: string, documentId: string) => `${uid}\u0000${documentId}`;

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Hours rounded to two decimals. */
export const roundHours = (ms: number) => Math.round((ms / 3600_000) * 100) / 100;
