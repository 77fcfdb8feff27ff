/**
 * Queries over the content collections. Pages stay thin: everything they show comes from here,
 * together with the digests they need for `cacheKey`.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { documentStatus, isoDay, vnYear, weekStart as weekStartOf, type DocumentStatus } from '@cong-ttdt/content';
import {
  catalogueRows,
  documentKind,
  hasDeadline,
  workCalendar,
  type CalendarDay,
  type CatalogueRow,
  type DisclosureItem,
  type WorkCalendar,
} from '@cong-ttdt/workflow';
import { SECTIONS, documentUrl, procedureUrl } from './urls';
import type { Article, Board, Contact, Doc, Entry, Field, Link, Page, Procedure, Question, Schedule, Settings, Unit } from './types';

import { isFast } from './build-request';
import type { COLLECTIONS } from './cms-projection';
import { collator, compareArticles, dateOf } from './order';

export { collator, dateOf };

type Name = keyof typeof COLLECTIONS;

/** A collection's entries, typed by its generated schema (content.config.ts). */
async function all<N extends Name>(name: N): Promise<Entry<CollectionEntry<N>['data']>[]> {
  const rows = await getCollection(name);
  return rows.map((r) => ({ id: r.id, data: r.data, digest: String(r.digest ?? '') }));
}

const byOrder =
  <T extends { order?: number | null }>(name: (x: T) => string) =>
  (a: Entry<T>, b: Entry<T>) =>
    (a.data.order ?? 9999) - (b.data.order ?? 9999) || collator.compare(name(a.data), name(b.data));

/** Build time "now" (one value per build). PORTAL_NOW overrides it for reproducible tests. */
export const NOW = process.env.PORTAL_NOW ? new Date(process.env.PORTAL_NOW) : new Date();

export interface Site {
  settings: Entry<Settings>;
  fields: Entry<Field>[];
  fieldById: Map<string, Entry<Field>>;
  articles: Entry<Article>[];
  documents: Entry<Doc>[];
  documentById: Map<string, Entry<Doc>>;
  units: Entry<Unit>[];
  unitById: Map<string, Entry<Unit>>;
  contacts: Entry<Contact>[];
  boards: Entry<Board>[];
  schedules: Entry<Schedule>[];
  procedures: Entry<Procedure>[];
  questions: Entry<Question>[];
  pages: Entry<Page>[];
  pageById: Map<string, Entry<Page>>;
  links: Entry<Link>[];
  /** Articles per field id, newest first. */
  articlesByField: Map<string, Entry<Article>[]>;
  /** Inverse relations: documents whose `replaces`/`replacedBy`/`amends`/`amendedBy` list an id. */
  docInverse: Record<'replaces' | 'replacedBy' | 'amends' | 'amendedBy', Map<string, string[]>>;
  /** Fast builds: true list sizes (`articles`, `articles:<field id>`); their article store is a window. */
  totals: Map<string, number>;
}

const EMPTY_SETTINGS: Entry<Settings> = {
  id: 'site-setting',
  digest: 'none',
  // adminLevel: the CMS schema's default.
  data: { documentId: 'site-setting', portalName: 'Cổng Thông tin điện tử', agencyName: '', adminLevel: 'commune', workCalendar: [] },
};

let cached: Promise<Site> | null = null;

/** Every collection, sorted, with lookup maps. Loaded once per build (fresh on each request in dev). */
export function site(): Promise<Site> {
  if (cached && import.meta.env.PROD) return cached;
  cached = (async () => {
    let [settings, fields, articles, documents, units, contacts, boards, schedules, procedures, questions, pages, links] =
      await Promise.all([
        all('settings'),
        all('fields'),
        all('articles'),
        all('documents'),
        all('units'),
        all('contacts'),
        all('boards'),
        all('schedules'),
        all('procedures'),
        all('questions'),
        all('pages'),
        all('links'),
      ]);
    // Only fast builds fill it (an empty collection makes Astro warn on every page).
    const totals = new Map(isFast() ? (await getCollection('listTotals')).map((r) => [r.id, r.data.count]) : []);
    // Entries without a slug cannot have a page (uid fields can be empty when set through the API).
    const slugged = <T extends { slug?: string | null }>(name: string, list: Entry<T>[]) => {
      const ok = list.filter((e) => typeof e.data.slug === 'string' && e.data.slug.trim() !== '');
      if (ok.length !== list.length) console.warn(`[site] ${list.length - ok.length} ${name} without slug skipped`);
      return ok;
    };
    [fields, articles, documents, boards, procedures, questions, pages] = [
      slugged('fields', fields),
      slugged('articles', articles),
      slugged('documents', documents),
      slugged('boards', boards),
      slugged('procedures', procedures),
      slugged('questions', questions),
      slugged('pages', pages),
    ] as [typeof fields, typeof articles, typeof documents, typeof boards, typeof procedures, typeof questions, typeof pages];
    fields.sort(byOrder<Field>((f) => f.name));
    articles.sort((a, b) => compareArticles(a.data, b.data));
    documents.sort((a, b) => b.data.issueDate.localeCompare(a.data.issueDate) || collator.compare(a.data.number, b.data.number));
    units.sort(byOrder<Unit>((u) => u.name));
    contacts.sort(byOrder<Contact>((c) => c.fullName));
    boards.sort(byOrder<Board>((b) => b.name));
    schedules.sort((a, b) => b.data.weekStart.localeCompare(a.data.weekStart));
    procedures.sort((a, b) => collator.compare(a.data.name, b.data.name));
    questions.sort((a, b) => (b.data.answeredAt ?? '').localeCompare(a.data.answeredAt ?? ''));
    pages.sort(byOrder<Page>((p) => p.title));
    // The loader dropped URLs that fail the portal's rule: such a link is not shown at all.
    links = links.filter((l) => !!l.data.url);
    links.sort(byOrder<Link>((l) => l.title));
    const articlesByField = new Map<string, Entry<Article>[]>();
    for (const a of articles) {
      if (!a.data.field) continue;
      if (!articlesByField.has(a.data.field)) articlesByField.set(a.data.field, []);
      articlesByField.get(a.data.field)!.push(a);
    }
    const inverse = (rel: 'replaces' | 'replacedBy' | 'amends' | 'amendedBy') => {
      const m = new Map<string, string[]>();
      for (const d of documents)
        for (const target of d.data[rel] ?? []) {
          if (!m.has(target)) m.set(target, []);
          m.get(target)!.push(d.id);
        }
      return m;
    };
    return {
      articlesByField,
      docInverse: {
        replaces: inverse('replaces'),
        replacedBy: inverse('replacedBy'),
        amends: inverse('amends'),
        amendedBy: inverse('amendedBy'),
      },
      settings: settings[0] ?? EMPTY_SETTINGS,
      fields,
      fieldById: new Map(fields.map((f) => [f.id, f])),
      articles,
      documents,
      documentById: new Map(documents.map((d) => [d.id, d])),
      units,
      unitById: new Map(units.map((u) => [u.id, u])),
      contacts,
      boards,
      schedules,
      procedures,
      questions,
      pages,
      pageById: new Map(pages.map((p) => [p.id, p])),
      links,
      totals,
    };
  })();
  return cached;
}

// ---------- articles ----------

export function articlesOfField(s: Site, fieldId: string) {
  return s.articlesByField.get(fieldId) ?? [];
}

/** How many articles a list has (all of them in a full build; a fast build only holds the newest). */
export function articleCount(s: Site, fieldId?: string): number {
  const key = fieldId ? `articles:${fieldId}` : 'articles';
  return s.totals.get(key) ?? (fieldId ? articlesOfField(s, fieldId) : s.articles).length;
}

/** Newest articles of the same field (excluding the article itself). */
export function relatedArticles(s: Site, a: Entry<Article>, n = 4) {
  if (!a.data.field) return [];
  const out: Entry<Article>[] = [];
  for (const x of articlesOfField(s, a.data.field)) {
    if (x.id !== a.id) out.push(x);
    if (out.length >= n) break;
  }
  return out;
}

/** Headline: newest featured article, else newest article. */
export function headline(s: Site) {
  return s.articles.find((a) => a.data.featured) ?? s.articles[0];
}

// ---------- documents ----------

export interface DocView {
  entry: Entry<Doc>;
  status: DocumentStatus;
  year: number;
}

/**
 * Status on the build day (comment window, in force, partly or wholly expired, replaced); relations count
 * from either side. It changes with the date: pages put it in their cacheKey and the publisher rebuilds
 * daily (PUBLISHER_DAILY_AT, 00:05 by default), so the static value is never a day old.
 */
export function docStatus(s: Site, d: Entry<Doc>): DocumentStatus {
  const rel = docRelations(s, d);
  const dates = (l: Entry<Doc>[]) => l.map((x) => x.data);
  return documentStatus({ ...d.data, replacedBy: dates(rel.replacedBy), amendedBy: dates(rel.amendedBy) }, NOW);
}

export function docView(s: Site, d: Entry<Doc>): DocView {
  return { entry: d, status: docStatus(s, d), year: vnYear(d.data.issueDate) };
}

/** Related documents (both sides of each relation, deduplicated). */
export function docRelations(s: Site, d: Entry<Doc>) {
  const resolve = (ids: string[]) => [...new Set(ids)].map((id) => s.documentById.get(id)).filter((x): x is Entry<Doc> => !!x);
  const inv = (rel: keyof Site['docInverse']) => s.docInverse[rel].get(d.id) ?? [];
  return {
    replaces: resolve([...d.data.replaces, ...inv('replacedBy')]),
    replacedBy: resolve([...d.data.replacedBy, ...inv('replaces')]),
    amends: resolve([...d.data.amends, ...inv('amendedBy')]),
    amendedBy: resolve([...d.data.amendedBy, ...inv('amends')]),
  };
}

// ---------- units & contacts ----------

/** Units in tree order (depth-first by order), with depth. */
export function unitTree(s: Site) {
  const children = new Map<string | null, Entry<Unit>[]>();
  for (const u of s.units) {
    const p = u.data.parent && s.unitById.has(u.data.parent) ? u.data.parent : null;
    if (!children.has(p)) children.set(p, []);
    children.get(p)!.push(u);
  }
  const out: { unit: Entry<Unit>; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (p: string | null, depth: number) => {
    for (const u of children.get(p) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function contactsByUnit(s: Site) {
  const groups = unitTree(s)
    .map(({ unit, depth }) => ({ unit, depth, contacts: s.contacts.filter((c) => c.data.unit === unit.id) }))
    .filter((g) => g.contacts.length > 0 || g.unit.data.phone || g.unit.data.email);
  const orphans = s.contacts.filter((c) => !c.data.unit || !s.unitById.has(c.data.unit));
  return { groups, orphans };
}

// ---------- schedules ----------

export const currentWeek = () => weekStartOf(NOW);

/** A board's weeks, newest first; one schedule per week (the most recently updated wins). */
export function schedulesOfBoard(s: Site, boardId: string) {
  const byWeek = new Map<string, Entry<Schedule>>();
  for (const x of s.schedules) {
    if (x.data.board !== boardId || !/^\d{4}-\d{2}-\d{2}$/.test(x.data.weekStart ?? '')) continue;
    const prev = byWeek.get(x.data.weekStart);
    if (!prev || (x.data.updatedAt ?? '') > (prev.data.updatedAt ?? '')) byWeek.set(x.data.weekStart, x);
  }
  return [...byWeek.values()].sort((a, b) => b.data.weekStart.localeCompare(a.data.weekStart));
}

/** The schedule to show as "this week": the current week, else the latest week before it, else the next one. */
export function currentSchedule(list: Entry<Schedule>[]) {
  const now = currentWeek();
  return list.find((x) => x.data.weekStart === now) ?? list.find((x) => x.data.weekStart < now) ?? list[list.length - 1];
}

export function entriesByDay(sch: Schedule) {
  const days = new Map<string, NonNullable<Schedule['entries']>>();
  const sorted = [...(sch.entries ?? [])].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''),
  );
  for (const e of sorted) {
    if (!days.has(e.date)) days.set(e.date, []);
    days.get(e.date)!.push(e);
  }
  return [...days.entries()];
}

// ---------- procedures, questions, pages, links ----------

/** Items grouped by field in field order; items without a known field go last under "Khác". */
export function groupByField<T extends { field?: string | null }>(s: Site, items: Entry<T>[]) {
  const groups = s.fields
    .map((f) => ({ field: f as Entry<Field> | null, items: items.filter((i) => i.data.field === f.id) }))
    .filter((g) => g.items.length);
  const rest = items.filter((i) => !i.data.field || !s.fieldById.has(i.data.field));
  if (rest.length) groups.push({ field: null, items: rest });
  return groups;
}

export const isAnswered = (q: Question) => !!(q.answer && q.answer.trim());
export const answeredQuestions = (s: Site) => s.questions.filter((q) => isAnswered(q.data));

export function pageTree(s: Site) {
  const kids = new Map<string | null, Entry<Page>[]>();
  for (const p of s.pages) {
    const parent = p.data.parent && s.pageById.has(p.data.parent) ? p.data.parent : null;
    if (!kids.has(parent)) kids.set(parent, []);
    kids.get(parent)!.push(p);
  }
  return kids;
}

/** Ancestors of a page, root first (cycle-safe). */
export function pageAncestors(s: Site, p: Entry<Page>) {
  const out: Entry<Page>[] = [];
  const seen = new Set([p.id]);
  let cur = p.data.parent ? s.pageById.get(p.data.parent) : undefined;
  while (cur && !seen.has(cur.id)) {
    out.unshift(cur);
    seen.add(cur.id);
    cur = cur.data.parent ? s.pageById.get(cur.data.parent) : undefined;
  }
  return out;
}

export function linksByGroup(s: Site) {
  return {
    online: s.links.filter((l) => l.data.group === 'online_service'),
    web: s.links.filter((l) => l.data.group !== 'online_service'),
  };
}

export const fieldName = (s: Site, id: string | null | undefined) => (id ? s.fieldById.get(id)?.data.name : undefined);

// ---------- disclosure catalogue (Danh mục thông tin phải được công khai) ----------

export interface CatalogueView {
  rows: CatalogueRow[];
  /** The build day: the page is rebuilt every day (publisher's daily build), so "missing" never goes stale. */
  today: string;
  /** Years of the working calendar (site settings), for the note under the table. */
  calendarYears: readonly number[];
}

/** Each kind of the catalogue with its newest item and whether anything was published late. */
export function disclosureCatalogue(s: Site): CatalogueView {
  const today = isoDay(NOW);
  const days: CalendarDay[] = (s.settings.data.workCalendar ?? []).map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null }));
  let cal: WorkCalendar;
  try {
    cal = workCalendar(days);
  } catch {
    // The CMS refuses a bad calendar on save; a snapshot that has one counts weekends only.
    cal = workCalendar([]);
  }
  const items = new Map<string, DisclosureItem[]>();
  const add = (kind: string, item: DisclosureItem) => {
    if (!items.has(kind)) items.set(kind, []);
    items.get(kind)!.push(item);
  };
  const adminLevel = s.settings.data.adminLevel;
  for (const d of s.documents)
    add(documentKind(d.data), {
      id: d.id,
      title: `${d.data.number}: ${d.data.title}`,
      created: d.data.issueDate,
      published: d.data.publishedAt ? isoDay(d.data.publishedAt) : null,
      deadline: hasDeadline(d.data, adminLevel),
      url: documentUrl(d.data.slug),
    });
  for (const p of s.procedures) {
    const day = p.data.publishedAt ? isoDay(p.data.publishedAt) : null;
    add('thu-tuc-hanh-chinh', {
      id: p.id,
      title: p.data.name,
      created: day,
      published: day,
      deadline: false,
      url: procedureUrl(p.data.slug),
    });
  }
  for (const u of s.units)
    add('to-chuc-lien-he', { id: u.id, title: u.data.name, created: null, published: null, deadline: false, url: SECTIONS.contacts });
  return { rows: catalogueRows(cal, items, today), today, calendarYears: cal.years };
}
