/**
 * Astro content-layer loaders, one per content type. How a collection's store is filled is a sync
 * strategy, chosen per build from the build request (src/lib/build-request.ts); the pages only see
 * the store:
 *
 * - `liveSync` (full builds): reads `${CMS_URL}/api/<plural>` with the site token. Every build
 *   1. fetches the list of live entries (documentId, updatedAt and the *relations* as documentIds) —
 *      cheap, and it sees deletions/unpublishing and relation edits made on the other side of a
 *      relation (which do not touch this entry's updatedAt);
 *   2. fetches full entries changed since `meta.lastSync` (`filters[updatedAt][$gt]`), plus any live
 *      entry that is missing from the store or whose updatedAt differs from the stored one;
 *   3. `store.set`s them with a digest and deletes ids that are no longer live;
 *   and, when the request names a seed, writes the quick lane's seed (src/lib/fast-seed.ts).
 * - `quickLaneSync` (fast builds): starts from the seed (or its own warm store) and reads only what
 *   changed since and the entries the request names.
 * - `snapshotStrategy` (src/lib/snapshot-source.ts): a JSON file instead of the CMS.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { type BuildRequest, type CmsClient, createClient, isPageModel, type Populate, seedPagesFile } from '@cong-ttdt/content';
import { currentBuild, recordRemoved } from './build-request';
import {
  detailPath,
  hasPages,
  liveMedia,
  populateFor,
  project,
  type Raw,
  relationIds,
  relationPopulate,
  SPECS,
  type TypeSpec,
} from './cms-projection';
import { addSeedPages, articleWindow, readSeed, readSlugs, type SeedPages, writeSeed } from './fast-seed';
import { snapshotPath, snapshotStrategy } from './snapshot-source';

export { liveMedia, project, relationIds, SPECS, type TypeSpec } from './cms-projection';

/** One way of filling a collection's store for this build. */
export interface SyncStrategy {
  name: string;
  load(ctx: LoaderContext, spec: TypeSpec): Promise<void>;
  /** List sizes for a fast build's pagers: `articles` and `articles:<field documentId>`. */
  articleTotals(): Promise<Map<string, number>>;
}

function client(): CmsClient {
  return createClient({ baseUrl: process.env.CMS_URL || 'http://127.0.0.1:1337', token: process.env.SITE_API_TOKEN });
}

function setEntry(ctx: LoaderContext, id: string, data: Raw): boolean {
  return ctx.store.set({ id, data, digest: ctx.generateDigest(data) });
}

function removed(spec: TypeSpec, slug: unknown): void {
  const p = detailPath(spec, slug);
  if (p) recordRemoved(p);
}

/** Full entries by documentId, 50 to a request. */
async function fetchByIds(cms: CmsClient, spec: TypeSpec, ids: string[], populate: Populate | undefined, into: Map<string, Raw>) {
  for (let i = 0; i < ids.length; i += 50) {
    const rows = await cms.fetchAll<Raw>(spec.plural, { populate, filters: { documentId: { $in: ids.slice(i, i + 50) } } });
    for (const r of rows) into.set(String(r.documentId), r);
  }
}

function newestUpdate(rows: Iterable<Raw>, since: string | undefined): string {
  let max = since ?? '';
  for (const r of rows) if (typeof r.updatedAt === 'string' && r.updatedAt > max) max = r.updatedAt;
  return max;
}

/** CMS article totals (apps/cms/src/api/article-total): the same live versions as the REST lists. */
async function cmsArticleTotals(cms: CmsClient): Promise<Map<string, number>> {
  const res = await cms.get<{ data?: { total?: number; byField?: Record<string, number> } }>('article-totals');
  if (typeof res.data?.total !== 'number') throw new Error('the CMS did not return article totals (GET /api/article-totals)');
  return new Map([
    ['articles', res.data.total],
    ...Object.entries(res.data.byField ?? {}).map(([id, n]): [string, number] => [`articles:${id}`, n]),
  ]);
}

export function liveSync(cms: CmsClient, request: BuildRequest): SyncStrategy {
  return {
    name: 'live',
    articleTotals: () => cmsArticleTotals(cms),
    async load(ctx, spec) {
      const populate = populateFor(spec);
      if (spec.single) {
        const raw = await cms.fetchSingle<Raw>(spec.plural, { populate });
        const entries = raw ? new Map([[spec.plural, project(raw, spec)]]) : new Map<string, Raw>();
        for (const [id, data] of entries) setEntry(ctx, id, data);
        for (const id of ctx.store.keys()) if (!entries.has(id)) ctx.store.delete(id);
        // Single types are seeded too: a quick-lane build reads its settings from the seed.
        if (request.mode === 'full' && request.seed) await writeFastSeed(ctx, spec, request.seed);
        return;
      }
      const relations = spec.relations ?? {};
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
      await fetchByIds(cms, spec, missing, populate, fetched);

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
          removed(spec, ctx.store.get(id)?.data.slug);
          ctx.store.delete(id);
          deleted++;
        }
      }
      // Use the CMS's own clock (the newest updatedAt it served), not ours.
      const maxUpdated = newestUpdate(fetched.values(), lastSync);
      if (maxUpdated) ctx.meta.set('lastSync', maxUpdated);
      ctx.logger.info(`${spec.plural}: ${liveById.size} live, ${fetched.size} fetched, ${updated} changed, ${deleted} removed`);
      if (request.mode === 'full' && request.seed) await writeFastSeed(ctx, spec, request.seed);
    },
  };
}

/**
 * Attributes a fast build never shows for an entry it did not re-fetch: only the entry's own page
 * shows them, and a fast build renders only the pages of the entries it fetched.
 */
const PAGE_ONLY: Partial<Record<TypeSpec['model'], string[]>> = { article: ['body'], document: ['body'] };

/** After a full sync: what the quick lane's store starts from (src/lib/fast-seed.ts). */
async function writeFastSeed(ctx: LoaderContext, spec: TypeSpec, seed: NonNullable<BuildRequest['seed']>) {
  const all = [...ctx.store.values()];
  const keep = spec.model === 'article' ? articleWindow(all, seed.window) : null;
  const lean = PAGE_ONLY[spec.model] ?? [];
  const entries = all
    .filter((e) => !keep || keep.has(e.id))
    .map((e): [string, Raw] => [e.id, lean.length ? { ...e.data, ...Object.fromEntries(lean.map((k) => [k, null])) } : e.data]);
  const slugs = hasPages(spec)
    ? Object.fromEntries(all.filter((e) => typeof e.data.slug === 'string').map((e) => [e.id, e.data.slug as string]))
    : null;
  // Each entry's public path, for the publisher's withdrawal without a build (src/withdraw.ts there).
  let pages: SeedPages | null = null;
  if (slugs && isPageModel(spec.model)) {
    pages = { file: seedPagesFile(spec.model), paths: {} };
    for (const [id, slug] of Object.entries(slugs)) {
      const p = detailPath(spec, slug);
      if (p) pages.paths[id] = p;
    }
  }
  await writeSeed(seed.dir, spec.plural, { lastSync: ctx.meta.get('lastSync') ?? null, entries }, slugs, pages);
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
 * Fast builds read only what changed: entries updated since the last sync, and the entries the request
 * names, which are dropped when the CMS no longer serves them. The cost does not grow with the number
 * of entries; what this misses (relation edits, lost webhooks) the full build catches. The store holds
 * a window of the articles: the page of an entry outside it is found in the seed's slug index.
 */
export function quickLaneSync(cms: CmsClient, request: BuildRequest): SyncStrategy {
  const dir = request.seed?.dir ?? null;
  return {
    name: 'quick-lane',
    articleTotals: () => cmsArticleTotals(cms),
    async load(ctx, spec) {
      const warm = !!ctx.meta.get('lastSync') && ctx.store.keys().length > 0;
      if (dir && !warm) await loadSeed(ctx, spec, dir);
      // The publisher sends every change of a collection without pages (units, fields, links…) to a full
      // build: in a fast build they are as the last full build saw them.
      if (dir && !hasPages(spec)) return;
      const relations = spec.relations ?? {};
      const populate = { ...(populateFor(spec) ?? {}), ...(relationPopulate(spec) ?? {}) };
      const lastSync = ctx.meta.get('lastSync');
      const changed = await cms.fetchAll<Raw>(spec.plural, { populate, updatedSince: lastSync || undefined });
      const fetched = new Map(changed.map((r) => [String(r.documentId), r]));
      const asked = request.changed.filter((c) => c.model === spec.model && !fetched.has(c.documentId)).map((c) => c.documentId);
      await fetchByIds(cms, spec, asked, populate, fetched);
      let slugs: Record<string, string> | null = null;
      const slugBefore = async (id: string) => {
        const stored = ctx.store.get(id)?.data;
        if (stored) return stored.slug;
        if (!dir || !hasPages(spec)) return undefined;
        slugs ??= await readSlugs(dir, spec.plural);
        return slugs[id];
      };
      let dropped = 0;
      for (const [id, raw] of fetched) {
        const data = { ...project(raw, spec), ...relationIds(raw, relations) };
        const before = await slugBefore(id);
        if (before && before !== data.slug) removed(spec, before);
        setEntry(ctx, id, data);
      }
      for (const id of asked) {
        if (fetched.has(id)) continue;
        const before = await slugBefore(id);
        if (!before && !ctx.store.has(id)) continue;
        removed(spec, before);
        ctx.store.delete(id);
        dropped++;
      }
      // Entries published since the full build get their path in the seed's page index too, so a withdrawal
      // the publisher must do without a build (the CMS unreachable) finds them.
      if (dir && isPageModel(spec.model) && fetched.size) {
        const pages: SeedPages = { file: seedPagesFile(spec.model), paths: {} };
        for (const [id] of fetched) {
          const p = detailPath(spec, ctx.store.get(id)?.data.slug);
          if (p) pages.paths[id] = p;
        }
        await addSeedPages(dir, pages);
      }
      const maxUpdated = newestUpdate(changed, lastSync);
      if (maxUpdated) ctx.meta.set('lastSync', maxUpdated);
      ctx.logger.info(`${spec.plural}: fast sync, ${fetched.size} fetched, ${dropped} removed`);
    },
  };
}

/**
 * The strategy for this build and collection: the snapshot when one is named; the quick lane for a fast
 * build with a seed or a warm store of its own; otherwise a full sync.
 */
export function strategyFor(request: BuildRequest, ctx: LoaderContext): SyncStrategy {
  const file = snapshotPath();
  if (file) return snapshotStrategy(file, request);
  const warm = !!ctx.meta.get('lastSync') && ctx.store.keys().length > 0;
  if (request.mode === 'fast' && (request.seed || warm)) return quickLaneSync(client(), request);
  return liveSync(client(), request);
}

/** The loader of one content type. */
export function cmsLoader(collection: keyof typeof SPECS): Loader {
  const spec = SPECS[collection]!;
  return {
    name: `cms-${collection}`,
    load: (ctx) => strategyFor(currentBuild(), ctx).load(ctx, spec),
  };
}

/**
 * List sizes for the pager of a fast build, whose store holds only a window of the articles
 * ("Trang 1 / N" must count every article). Empty in a full build: the pages count their lists.
 */
export function listTotalsLoader(): Loader {
  return {
    name: 'cms-list-totals',
    load: async (ctx) => {
      ctx.store.clear();
      const request = currentBuild();
      if (request.mode !== 'fast') return;
      for (const [id, count] of await strategyFor(request, ctx).articleTotals()) setEntry(ctx, id, { count });
    },
  };
}
