/**
 * Content from a JSON file instead of the CMS (PORTAL_CONTENT_SNAPSHOT): the site's own tests, the
 * benchmark's template baseline and `astro dev` without a CMS. The file is shaped like the REST API's
 * JSON: `{ "<plural>": [...], "site-setting": {...} }`. Every build replaces the store from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BuildRequest, DEFAULT_SEED_WINDOW } from '@cong-ttdt/content';
import type { SyncStrategy } from './cms-loader';
import { project, type Raw, relationIds, type TypeSpec } from './cms-projection';
import { articleWindow } from './fast-seed';

export function snapshotPath(env: Record<string, string | undefined> = process.env): string | null {
  const p = env.PORTAL_CONTENT_SNAPSHOT?.trim();
  return p ? path.resolve(p) : null;
}

// One read per build: every collection's loader shares it.
let cache: { file: string; data: Record<string, unknown> } | null = null;
function read(file: string): Record<string, unknown> {
  if (cache?.file !== file) cache = { file, data: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
  return cache.data;
}

export function snapshotStrategy(file: string, request: BuildRequest): SyncStrategy {
  return {
    name: 'snapshot',
    async load(ctx, spec: TypeSpec) {
      const snap = read(file);
      // Leaving a previous live sync's marker would skip entries after switching back.
      ctx.meta.delete('lastSync');
      const entries = new Map<string, Raw>();
      if (spec.single) {
        const raw = snap[spec.plural] as Raw | undefined;
        if (raw) entries.set(spec.plural, project(raw, spec));
      } else {
        for (const raw of (snap[spec.plural] as Raw[] | undefined) ?? []) {
          entries.set(String(raw.documentId), { ...project(raw, spec), ...relationIds(raw, spec.relations ?? {}) });
        }
      }
      if (request.mode === 'fast' && spec.model === 'article') {
        // The same window as the quick lane's store: the first pages see what a full build shows.
        const asked = new Set(request.changed.map((c) => c.documentId));
        const keep = articleWindow(
          [...entries].map(([id, data]) => ({ id, data })),
          request.seed?.window ?? DEFAULT_SEED_WINDOW,
        );
        for (const id of entries.keys()) if (!keep.has(id) && !asked.has(id)) entries.delete(id);
      }
      for (const [id, data] of entries) ctx.store.set({ id, data, digest: ctx.generateDigest(data) });
      for (const id of ctx.store.keys()) if (!entries.has(id)) ctx.store.delete(id);
      ctx.logger.info(`${spec.plural}: ${entries.size} from snapshot`);
    },
    // Stands in for the CMS's /api/article-totals (apps/cms/src/api/article-total) over the file.
    async articleTotals() {
      const totals = new Map<string, number>();
      for (const r of (read(file).articles as Raw[] | undefined) ?? []) {
        if (typeof r.slug !== 'string' || !r.slug) continue;
        totals.set('articles', (totals.get('articles') ?? 0) + 1);
        const field = relationIds(r, { field: 'one' }).field;
        if (typeof field === 'string') totals.set(`articles:${field}`, (totals.get(`articles:${field}`) ?? 0) + 1);
      }
      return totals;
    },
  };
}
