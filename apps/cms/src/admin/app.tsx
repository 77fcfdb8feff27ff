import type { StrapiApp } from '@strapi/strapi/admin';
import vi from './translations/vi.json';

// Strapi keeps the interface language under this key and falls back to English when it is empty
// (@strapi/admin StrapiApp.render, reducer LANGUAGE_LOCAL_STORAGE_KEY); it never reads the browser's.
export const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';

/** Vietnamese unless the user has chosen a language (drop-down on the login page or profile). */
export function defaultToVietnamese(storage: Pick<Storage, 'getItem' | 'setItem'>): void {
  if (!storage.getItem(LANGUAGE_STORAGE_KEY)) storage.setItem(LANGUAGE_STORAGE_KEY, 'vi');
}

export default {
  config: {
    locales: ['vi'],
    // Keys missing from (or left in English by) Strapi's own vi catalogues; docs/admin-vietnamese.md.
    translations: { vi },
    tutorials: false,
    notifications: { releases: false },
  },
  // Runs before the store reads the stored language (render.mjs: register → bootstrap → loadTrads → render).
  register(_app: StrapiApp) {
    defaultToVietnamese(window.localStorage);
    document.documentElement.setAttribute('lang', window.localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? 'vi');
  },
  bootstrap(_app: StrapiApp) {},
};
