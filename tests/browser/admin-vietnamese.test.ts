// The admin in Vietnamese from the first screen, in a browser that asks for English (locale en-US, no
// stored choice): what each role reads must not be a string of the installed Strapi en catalogues, a raw
// enumeration code, or an id in a relation picker. Needs only the CMS (tests/vitest.browser-admin.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { cms } from '../helpers/http.ts';
import {
  englishCatalogue,
  englishMatcher,
  englishMessage,
  type EnglishMatcher,
  type SeenText,
  visibleTexts,
} from '../helpers/admin-text.ts';

/**
 * Reviewed exceptions: English catalogue strings that may be read as they are.
 * - "draft", "published", "modified": aria-label of Strapi's status badge, hard-coded to the status code in
 *   @strapi/content-manager (DocumentStatus); the badge's visible text is translated.
 * - "Editor": CodeMirror's screen-reader label, hard-coded in the content manager's Markdown editor.
 */
const ALLOWED = ['draft', 'published', 'modified', 'Editor'];

let browser: Browser;
let english: EnglishMatcher;

beforeAll(async () => {
  english = englishMatcher(await englishCatalogue(), ALLOWED);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function englishPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  return context.newPage();
}

function englishIn(seen: SeenText[]): string[] {
  const found = new Set<string>();
  for (const s of seen) {
    const message = englishMessage(english, s.text);
    if (message) found.add(`${s.kind} "${s.text}" (en: "${message}")`);
  }
  return [...found];
}

describe('admin language', () => {
  it('opens the login page in Vietnamese for an English-speaking browser', async () => {
    const page = await englishPage();
    await page.goto(`${cms().url}/admin/auth/login`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    expect(await page.evaluate(() => localStorage.getItem('strapi-admin-language'))).toBe('vi');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('body')).toContain('Cổng thông tin điện tử');
    expect(englishIn(await visibleTexts(page))).toEqual([]);
    await page.context().close();
  });

  it('keeps a language the user chose', async () => {
    const page = await englishPage();
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('strapi-admin-language', 'en');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(`${cms().url}/admin/auth/login`);
    await page.getByRole('button', { name: 'Login' }).waitFor({ timeout: 60_000 });
    await page.context().close();
  });
});
