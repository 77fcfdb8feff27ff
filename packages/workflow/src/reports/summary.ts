// Inspection summary: counts per unit, contributor, field and type, and the chart's data. Pure.
import { localDay, monthsOf, type Period } from './period.js';
import {
  eventKind,
  inPeriod,
  itemKey,
  median,
  roundHours,
  type EventKind,
  type ItemInfo,
  type LogRow,
  type Named,
  type ReportInput,
} from './events.js';

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

export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');

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
