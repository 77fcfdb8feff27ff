/**
 * Astro content-layer loaders for the CMS (Strapi 5 REST) — one per content type.
 *
 * Live mode (default): reads `${CMS_URL}/api/<plural>` with `Authorization: Bearer ${SITE_API_TOKEN}`.
 *   Every build:
 *   1. fetches the list of live entries (documentId, updatedAt and the *relations* as documentIds) —
 *      cheap, and it sees deletions/unpublishing and relation edits made on the other side of a
 *      relation (which do not touch this entry's updatedAt);
 *   2. fetches full entries changed since `meta.lastSync` (`filters[updatedAt][$gt]`), plus any live
 *      entry that is missing from the store or whose updatedAt differs from the stored one;
 *   3. `store.set`s them with a digest and deletes ids that are no longer live.
 * Snapshot mode: when PORTAL_CONTENT_SNAPSHOT points at a JSON file shaped
 *   `{ "<plural>": [...], "site-setting": {...} }` (the REST API's own JSON), entries come from it.
 *
 * Both modes project entries onto the public attributes listed below (private attributes never
 * arrive from the API; the projection guarantees the site cannot render one even if it did), and
 * store relations as documentIds (`field: "abc"`, `replaces: ["x", "y"]`): pages resolve them
 * against the other collections, so a renamed field shows up everywhere.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  createClient,
  MODELS,
  PROJECTIONS,
  safeUrl,
  URL_FIELDS,
  type CmsClient,
  type ModelName,
  type PopulateObject,
  type UrlRule,
} from '@cong-ttdt/content';
import { FAST, FAST_IDS, fastIdsOf, recordRemoved } from './build-mode';
import { articleWindow, readSeed, readSlugs, seedDir, windowSize, writeSeed } from './fast-seed';
import { articleUrl, documentUrl, pageUrl, procedureUrl, questionUrl } from './urls';

type Rel = 'one' | 'many';
/** `{ url }`: a URL attribute, kept only when it passes the portal's URL rule (else null). */
type Projection = Record<string, true | 'media' | 'media[]' | string[] | { list: string[] } | { url: UrlRule }>;

export interface TypeSpec {
  /** REST plural (or singular for a single type). */
  plural: string;
  single?: boolean;
  /** Scalar attributes (true), media, components (list of sub-attributes; `{list}` for repeatable). */
  attrs: Projection;
  relations?: Record<string, Rel>;
}

// updatedAt: Strapi's replace keeps a file's URL and writes new bytes; pages and image URLs must change.
const MEDIA_ATTRS = ['name', 'alternativeText', 'width', 'height', 'ext', 'mime', 'size', 'url', 'updatedAt'];

/** The site's collections and the content type each one loads (content.config.ts names them). */
const COLLECTIONS = {
  articles: 'article',
  documents: 'document',
  units: 'unit',
  contacts: 'contact',
  boards: 'board',
  schedules: 'schedule',
  procedures: 'procedure',
  questions: 'question',
  pages: 'page',
  links: 'link',
  fields: 'field',
  settings: 'site-setting',
} as const satisfies Record<string, ModelName>;

/** URL attributes keep only values that pass the portal's URL rule (URL_FIELDS, shared with the CMS's save check). */
function withUrlRules(uid: string, attrs: Projection): Projection {
  const out: Projection = { ...attrs };
  for (const [name, rule] of Object.entries(URL_FIELDS[uid] ?? {})) out[name] = { url: rule };
  return out;
}

/** What each collection reads: generated from the CMS schemas (packages/content, scripts/generate-model.ts). */
export const SPECS: Record<keyof typeof COLLECTIONS, TypeSpec> = Object.fromEntries(
  Object.entries(COLLECTIONS).map(([collection, model]) => {
    const m = MODELS[model];
    const p = PROJECTIONS[model];
    // A single type's REST path is its singular name.
    const spec: TypeSpec = {
      plural: m.single ? model : m.plural,
      attrs: withUrlRules(m.uid, p.attrs as Projection),
      relations: p.relations as Record<string, Rel>,
    };
    if (m.single) spec.single = true;
    return [collection, spec];
  }),
) as Record<keyof typeof COLLECTIONS, TypeSpec>;

type Raw = Record<string, unknown>;

function pick(obj: unknown, keys: string[]): Raw | null {
  if (!obj || typeof obj !== 'object') return null;
  const out: Raw = {};
  for (const k of keys) {
    const v = (obj as Raw)[k];
    out[k] = v === undefined ? null : v;
  }
  return out;
}

function refId(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && typeof (v as Raw).documentId === 'string') return (v as Raw).documentId as string;
  return null;
}

/** Relation values (populated objects or documentIds) → documentIds. */
export function relationIds(raw: Raw, relations: Record<string, Rel>): Raw {
  const out: Raw = {};
  for (const [name, kind] of Object.entries(relations)) {
    const v = raw[name];
    if (kind === 'one') out[name] = refId(Array.isArray(v) ? v[0] : v);
    else out[name] = (Array.isArray(v) ? v : v == null ? [] : [v]).map(refId).filter((x): x is string => !!x);
  }
  return out;
}

/** Public projection of one raw REST entry (relations excluded). */
export function project(raw: Raw, spec: TypeSpec): Raw {
  const out: Raw = { documentId: raw.documentId ?? null, updatedAt: raw.updatedAt ?? null, publishedAt: raw.publishedAt ?? null };
  for (const [name, how] of Object.entries(spec.attrs)) {
    const v = raw[name];
    if (how === true) out[name] = v === undefined ? null : v;
    else if (how === 'media') out[name] = pick(v, MEDIA_ATTRS);
    else if (how === 'media[]') out[name] = Array.isArray(v) ? v.map((m) => pick(m, MEDIA_ATTRS)) : [];
    else if (Array.isArray(how)) out[name] = pick(v, how);
    else if ('url' in how) out[name] = safeUrl(typeof v === 'string' ? v.normalize('NFC') : v, how.url);
    else out[name] = Array.isArray(v) ? v.map((c) => pick(c, how.list)) : [];
  }
  return nfc(out) as Raw;
}

/** Vietnamese text pasted from other tools may be decomposed (NFD): store NFC. */
function nfc(v: unknown): unknown {
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v)) return v.map(nfc);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)]));
  return v;
}

function populateFor(spec: TypeSpec): Record<string, true> | undefined {
  const names = Object.entries(spec.attrs)
    .filter(([, how]) => how !== true && !(typeof how === 'object' && 'url' in how))
    .map(([n]) => n);
  return names.length ? Object.fromEntries(names.map((n) => [n, true])) : undefined;
}

/** Top-level media attributes of a type. */
const mediaAttrs = (spec: TypeSpec) => Object.keys(spec.attrs).filter((n) => spec.attrs[n] === 'media' || spec.attrs[n] === 'media[]');

/**
 * The list pass: relations as documentIds, and media with their public attributes. A file replaced,
 * deleted or re-described in the media library does not touch the entries that use it (same
 * updatedAt), so their media are refreshed on every build like relations.
 */
function relationPopulate(spec: TypeSpec): Record<string, PopulateObject> | undefined {
  const rels = Object.keys(spec.relations ?? {});
  const media = mediaAttrs(spec);
  if (!rels.length && !media.length) return undefined;
  return {
    ...Object.fromEntries(rels.map((r) => [r, { fields: ['documentId'] }])),
    ...Object.fromEntries(media.map((m) => [m, { fields: MEDIA_ATTRS }])),
  };
}

/** Media attributes of a list-pass row, projected as in `project`. */
export function liveMedia(raw: Raw, spec: TypeSpec): Raw {
  const out: Raw = {};
  for (const name of mediaAttrs(spec)) {
    const v = raw[name];
    out[name] = spec.attrs[name] === 'media' ? pick(v, MEDIA_ATTRS) : Array.isArray(v) ? v.map((m) => pick(m, MEDIA_ATTRS)) : [];
  }
  return nfc(out) as Raw;
}

/** Public path of an entry's own page, for the collections that have one addressed by slug. */
const DETAIL_URL: Record<string, (slug: string) => string> = {
  articles: articleUrl,
  documents: documentUrl,
  procedures: procedureUrl,
  questions: questionUrl,
  pages: pageUrl,
};

/** CMS model names (webhook `model`) of those collections: the publisher names fast ids by model. */
const MODEL: Record<string, string> = {
  articles: 'article',
  documents: 'document',
  procedures: 'procedure',
  questions: 'question',
  pages: 'page',
};

function removedSlug(spec: TypeSpec, slug: unknown): void {
  const url = DETAIL_URL[spec.plural];
  if (url && typeof slug === 'string' && slug) recordRemoved(url(slug));
}

// ---------- snapshot ----------

let snapshotCache: { file: string; data: Promise<Record<string, unknown>> } | null = null;

export function snapshotPath(): string | null {
  const p = process.env.PORTAL_CONTENT_SNAPSHOT;
  return p ? path.resolve(p) : null;
}

async function readSnapshot(file: string): Promise<Record<string, unknown>> {
  // One read per build: every collection's loader shares it.
  if (!snapshotCache || snapshotCache.file !== file) {
    snapshotCache = { file, data: readFile(file, 'utf8').then((s) => JSON.parse(s) as Record<string, unknown>) };
  }
  return snapshotCache.data;
}

// ---------- loader ----------

function client(): CmsClient {
  return createClient({
    baseUrl: process.env.CMS_URL || 'http://127.0.0.1:1337',
    token: process.env.SITE_API_TOKEN,
  });
}

function setEntry(ctx: LoaderContext, id: string, data: Raw): boolean {
  return ctx.store.set({ id, data, digest: ctx.generateDigest(data) });
}

function replaceAll(ctx: LoaderContext, entries: Map<string, Raw>) {
  for (const [id, data] of entries) setEntry(ctx, id, data);
  for (const id of ctx.store.keys()) if (!entries.has(id)) ctx.store.delete(id);
}

async function loadSnapshot(ctx: LoaderContext, spec: TypeSpec, file: string) {
  const snap = await readSnapshot(file);
  const entries = new Map<string, Raw>();
  if (spec.single) {
    const raw = snap[spec.plural] as Raw | undefined;
    if (raw) entries.set(spec.plural, project(raw, spec));
  } else {
    for (const raw of (snap[spec.plural] as Raw[] | undefined) ?? []) {
      entries.set(String(raw.documentId), { ...project(raw, spec), ...relationIds(raw, spec.relations ?? {}) });
    }
  }
  if (FAST && spec.plural === 'articles') {
    // The same window as the quick lane's live store: the first pages see what a full build shows.
    const keep = articleWindow(
      [...entries].map(([id, data]) => ({ id, data })),
      windowSize(),
    );
    for (const id of entries.keys()) if (!keep.has(id) && !FAST_IDS.has(id)) entries.delete(id);
  }
  replaceAll(ctx, entries);
  ctx.logger.info(`${spec.plural}: ${entries.size} from snapshot`);
}

async function loadLive(ctx: LoaderContext, spec: TypeSpec) {
  const cms = client();
  const populate = populateFor(spec);
  if (spec.single) {
    const raw = await cms.fetchSingle<Raw>(spec.plural, { populate });
    replaceAll(ctx, raw ? new Map([[spec.plural, project(raw, spec)]]) : new Map());
    return;
  }

  const relations = spec.relations ?? {};
  const seed = seedDir();
  const warm = !!ctx.meta.get('lastSync') && ctx.store.keys().length > 0;
  if (FAST && (seed || warm)) {
    if (seed && !warm) await loadSeed(ctx, spec, seed);
    // The publisher sends every change of a collection without pages (units, fields, links…) to a full
    // build: in a fast build they are as the last full build saw them.
    if (seed && !DETAIL_URL[spec.plural]) return;
    return loadFast(ctx, spec, cms);
  }
  const lastSync = ctx.meta.get('lastSync');
  // A first sync reads every entry in full anyway: one pass, relations included.
  const cold = !lastSync || !ctx.store.keys().length;
  // 1. every live entry: id, updatedAt, relation ids
  const live = cold
    ? await cms.fetchAll<Raw>(spec.plural, { populate: { ...(populate ?? {}), ...(relationPopulate(spec) ?? {}) } })
    : await cms.fetchAll<Raw>(spec.plural, { fields: ['documentId', 'updatedAt'], populate: relationPopulate(spec) });
  const liveById = new Map(live.map((r) => [String(r.documentId), r]));

  // 2. changed entries
  const changed = cold ? live : await cms.fetchAll<Raw>(spec.plural, { populate, updatedSince: lastSync || undefined });
  const fetched = new Map(changed.map((r) => [String(r.documentId), r]));
  const missing = [...liveById.keys()].filter((id) => {
    if (fetched.has(id)) return false;
    const stored = ctx.store.get(id);
    return !stored || stored.data.updatedAt !== liveById.get(id)!.updatedAt;
  });
  for (let i = 0; i < missing.length; i += 50) {
    const chunk = missing.slice(i, i + 50);
    for (const r of await cms.fetchAll<Raw>(spec.plural, { populate, filters: { documentId: { $in: chunk } } })) {
      fetched.set(String(r.documentId), r);
    }
  }

  // 3. store: fresh attributes for fetched entries, fresh relations for all
  let updated = 0;
  for (const [id, liveRow] of liveById) {
    const rels = { ...relationIds(liveRow, relations), ...liveMedia(liveRow, spec) };
    const raw = fetched.get(id);
    let data: Raw | null = null;
    if (raw) data = { ...project(raw, spec), ...rels };
    else {
      const stored = ctx.store.get(id);
      if (stored) data = { ...stored.data, ...rels };
    }
    if (data && setEntry(ctx, id, data)) updated++;
  }
  let deleted = 0;
  for (const id of ctx.store.keys()) {
    if (!liveById.has(id)) {
      removedSlug(spec, ctx.store.get(id)?.data.slug);
      ctx.store.delete(id);
      deleted++;
    }
  }
  let maxUpdated = lastSync ?? '';
  for (const r of fetched.values()) {
    const u = typeof r.updatedAt === 'string' ? r.updatedAt : '';
    if (u > maxUpdated) maxUpdated = u;
  }
  // Use the CMS's own clock (the newest updatedAt it served), not ours.
  if (maxUpdated) ctx.meta.set('lastSync', maxUpdated);
  ctx.logger.info(`${spec.plural}: ${liveById.size} live, ${fetched.size} fetched, ${updated} changed, ${deleted} removed`);
  const dir = seedDir();
  if (dir && !FAST) await writeFastSeed(ctx, spec, dir);
}

/**
 * Attributes a fast build never shows for an entry it did not re-fetch: only the entry's own page
 * shows them, and a fast build renders only the pages of the entries it fetched.
 */
const PAGE_ONLY: Record<string, string[]> = { articles: ['body'], documents: ['body'] };

/** After a full sync: what the quick lane's store starts from (src/lib/fast-seed.ts). */
async function writeFastSeed(ctx: LoaderContext, spec: TypeSpec, dir: string) {
  const all = [...ctx.store.values()];
  const keep = spec.plural === 'articles' ? articleWindow(all, windowSize()) : null;
  const lean = PAGE_ONLY[spec.plural] ?? [];
  const entries = all
    .filter((e) => !keep || keep.has(e.id))
    .map((e): [string, Raw] => [e.id, lean.length ? { ...e.data, ...Object.fromEntries(lean.map((k) => [k, null])) } : e.data]);
  const slugs = DETAIL_URL[spec.plural]
    ? Object.fromEntries(all.filter((e) => typeof e.data.slug === 'string').map((e) => [e.id, e.data.slug as string]))
    : null;
  await writeSeed(dir, spec.plural, { lastSync: ctx.meta.get('lastSync') ?? null, entries }, slugs);
}

/** A fast build without a store of its own starts from the last full build's seed. */
async function loadSeed(ctx: LoaderContext, spec: TypeSpec, dir: string) {
  const seed = await readSeed(dir, spec.plural);
  if (!seed) throw new Error(`fast build: no content seed for ${spec.plural} in ${dir}; a full build by the publisher writes it`);
  ctx.store.clear();
  for (const [id, data] of seed.entries) setEntry(ctx, id, data);
  if (seed.lastSync) ctx.meta.set('lastSync', seed.lastSync);
  else ctx.meta.delete('lastSync');
}

/**
 * Fast builds read only what changed: entries updated since the last sync, and the entries the publisher
 * named (PORTAL_FAST_IDS), which are dropped when the CMS no longer serves them. The cost does not grow
 * with the number of entries; what this misses (relation edits, lost webhooks) the full build catches.
 * The store holds a window of the articles: the page of an entry outside it is found in the seed's
 * slug index.
 */
async function loadFast(ctx: LoaderContext, spec: TypeSpec, cms: CmsClient) {
  const relations = spec.relations ?? {};
  const populate = { ...(populateFor(spec) ?? {}), ...(relationPopulate(spec) ?? {}) };
  const lastSync = ctx.meta.get('lastSync');
  const changed = await cms.fetchAll<Raw>(spec.plural, { populate, updatedSince: lastSync || undefined });
  const fetched = new Map(changed.map((r) => [String(r.documentId), r]));
  const asked = fastIdsOf(MODEL[spec.plural] ?? spec.plural).filter((id) => !fetched.has(id));
  for (let i = 0; i < asked.length; i += 50) {
    for (const r of await cms.fetchAll<Raw>(spec.plural, { populate, filters: { documentId: { $in: asked.slice(i, i + 50) } } })) {
      fetched.set(String(r.documentId), r);
    }
  }
  const dir = seedDir();
  let slugs: Record<string, string> | null = null;
  const slugBefore = async (id: string) => {
    const stored = ctx.store.get(id)?.data;
    if (stored) return stored.slug;
    if (!dir || !DETAIL_URL[spec.plural]) return undefined;
    slugs ??= await readSlugs(dir, spec.plural);
    return slugs[id];
  };
  let removed = 0;
  for (const [id, raw] of fetched) {
    const data = { ...project(raw, spec), ...relationIds(raw, relations) };
    const before = await slugBefore(id);
    if (before && before !== data.slug) removedSlug(spec, before);
    setEntry(ctx, id, data);
  }
  for (const id of asked) {
    if (fetched.has(id)) continue;
    const before = await slugBefore(id);
    if (!before && !ctx.store.has(id)) continue; // not of this collection
    removedSlug(spec, before);
    ctx.store.delete(id);
    removed++;
  }
  let maxUpdated = lastSync ?? '';
  for (const r of changed) if (typeof r.updatedAt === 'string' && r.updatedAt > maxUpdated) maxUpdated = r.updatedAt;
  if (maxUpdated) ctx.meta.set('lastSync', maxUpdated);
  ctx.logger.info(`${spec.plural}: fast sync, ${fetched.size} fetched, ${removed} removed`);
}

/** The loader of one content type. */
export function cmsLoader(collection: keyof typeof SPECS): Loader {
  const spec = SPECS[collection]!;
  return {
    name: `cms-${collection}`,
    load: async (ctx) => {
      const file = snapshotPath();
      if (file) {
        // Leaving a previous live sync's marker would skip entries after switching back.
        ctx.meta.delete('lastSync');
        await loadSnapshot(ctx, spec, file);
      } else {
        await loadLive(ctx, spec);
      }
    },
  };
}

/**
 * List sizes for the pager of a fast build, whose store holds only a window of the articles
 * ("Trang 1 / N" must count every article). Empty in a full build: the pages count their lists.
 * Keys: `articles`, and `articles:<field documentId>` per field.
 */
export function listTotalsLoader(): Loader {
  return {
    name: 'cms-list-totals',
    load: async (ctx) => {
      ctx.store.clear();
      if (!FAST) return;
      const totals = new Map<string, number>();
      const file = snapshotPath();
      if (file) {
        const rows = ((await readSnapshot(file)).articles as Raw[] | undefined) ?? [];
        for (const r of rows) {
          if (typeof r.slug !== 'string' || !r.slug) continue;
          totals.set('articles', (totals.get('articles') ?? 0) + 1);
          const field = relationIds(r, { field: 'one' }).field;
          if (typeof field === 'string') totals.set(`articles:${field}`, (totals.get(`articles:${field}`) ?? 0) + 1);
        }
      } else {
        // One request to the CMS's own endpoint (apps/cms/src/api/article-total): the same live
        // versions as the REST lists, counted in the CMS.
        const res = await client().get<{ data?: { total?: number; byField?: Record<string, number> } }>('article-totals');
        if (typeof res.data?.total !== 'number') throw new Error('the CMS did not return article totals (GET /api/article-totals)');
        totals.set('articles', res.data.total);
        for (const [id, n] of Object.entries(res.data.byField ?? {})) totals.set(`articles:${id}`, n);
      }
      for (const [id, count] of totals) setEntry(ctx, id, { count });
    },
  };
}
