/**
 * Content collections: one CMS loader per content type (see src/lib/cms-loader.ts).
 * Data comes from the CMS REST API at CMS_URL (token SITE_API_TOKEN), or from the JSON file named by
 * PORTAL_CONTENT_SNAPSHOT (src/lib/snapshot-source.ts). Each collection's schema is generated from the
 * CMS's schema.json files (src/generated/collections.ts, scripts/generate-model.ts): it types the entries.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { ENTRIES } from './generated/collections';
import { cmsLoader, listTotalsLoader } from './lib/cms-loader';
import type { COLLECTIONS } from './lib/cms-projection';

/**
 * A content type's loader and schema; the schema must be that type's entry schema (COLLECTIONS), or this
 * does not compile. defineCollection is called on each result below: through a generic it loses the type.
 */
const cms = <N extends keyof typeof COLLECTIONS, S extends (typeof ENTRIES)[(typeof COLLECTIONS)[N]]>(name: N, schema: S) => ({
  loader: cmsLoader(name),
  schema,
});

export const collections = {
  articles: defineCollection(cms('articles', ENTRIES.article)),
  documents: defineCollection(cms('documents', ENTRIES.document)),
  units: defineCollection(cms('units', ENTRIES.unit)),
  contacts: defineCollection(cms('contacts', ENTRIES.contact)),
  boards: defineCollection(cms('boards', ENTRIES.board)),
  schedules: defineCollection(cms('schedules', ENTRIES.schedule)),
  procedures: defineCollection(cms('procedures', ENTRIES.procedure)),
  questions: defineCollection(cms('questions', ENTRIES.question)),
  pages: defineCollection(cms('pages', ENTRIES.page)),
  links: defineCollection(cms('links', ENTRIES.link)),
  fields: defineCollection(cms('fields', ENTRIES.field)),
  settings: defineCollection(cms('settings', ENTRIES['site-setting'])),
  // Fast builds only: list sizes for the pager (their article store is a window).
  listTotals: defineCollection({ loader: listTotalsLoader(), schema: z.object({ count: z.number() }) }),
};
