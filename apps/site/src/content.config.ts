/**
 * Content collections: one CMS loader per content type (see src/lib/cms-loader.ts).
 * Data comes from the CMS REST API at CMS_URL (token SITE_API_TOKEN), or from the JSON file named by
 * PORTAL_CONTENT_SNAPSHOT (src/lib/snapshot-source.ts).
 */
import { defineCollection } from 'astro:content';
import { cmsLoader, listTotalsLoader } from './lib/cms-loader';

export const collections = {
  articles: defineCollection({ loader: cmsLoader('articles') }),
  documents: defineCollection({ loader: cmsLoader('documents') }),
  units: defineCollection({ loader: cmsLoader('units') }),
  contacts: defineCollection({ loader: cmsLoader('contacts') }),
  boards: defineCollection({ loader: cmsLoader('boards') }),
  schedules: defineCollection({ loader: cmsLoader('schedules') }),
  procedures: defineCollection({ loader: cmsLoader('procedures') }),
  questions: defineCollection({ loader: cmsLoader('questions') }),
  pages: defineCollection({ loader: cmsLoader('pages') }),
  links: defineCollection({ loader: cmsLoader('links') }),
  fields: defineCollection({ loader: cmsLoader('fields') }),
  settings: defineCollection({ loader: cmsLoader('settings') }),
  // Fast builds only: list sizes for the pager (their article store is a window).
  listTotals: defineCollection({ loader: listTotalsLoader() }),
};
