import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, waitForRevision } from '../helpers/browser.ts';
import { cms, http } from '../helpers/http.ts';

let browser: Browser;
const site = () => inject('site');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function adminLogin(page: Page, role: string) {
  const account = cms().accounts[role];
  await page.goto(`${cms().url}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(account.email);
  await page.getByLabel(/password|mật khẩu/i).first().fill(account.password);
  await page.getByRole('button', { name: /login|đăng nhập/i }).click();
  await page.waitForURL((u) => !u.pathname.includes('/auth/login'), { timeout: 60_000 });
}

describe('what a citizen sees', () => {
  it('the home page is built from the CMS content, in Vietnamese', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site().url + '/');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const settings = await http('GET', '/api/site-setting');
    await expect.poll(() => page.textContent('body')).toContain(settings.body.data.portalName);
    const latest = await http('GET', '/api/articles?sort=date:desc&pagination[pageSize]=1');
    expect(await page.textContent('body')).toContain(latest.body.data[0].title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('search finds accented text without diacritics, đ included', async () => {
    const page = await browser.newPage();
    await page.goto(site().url + '/tim-kiem/?q=dong%20chi');
    await expect.poll(async () => (await page.textContent('main')) ?? '', { timeout: 20_000 }).toMatch(/[Đđ]ồng chí/);
    await page.close();
  });
});

describe('what the editorial board sees', () => {
  it('the admin UI is in Vietnamese and the edit view shows the review panel', async () => {
    const page = await browser.newPage();
    await adminLogin(page, 'contributor');
    await page.goto(`${cms().url}/admin/content-manager/collection-types/api::article.article/create`);
    await expect.poll(async () => (await page.textContent('body')) ?? '', { timeout: 60_000 }).toMatch(/Biên tập, duyệt tin/);
    await page.close();
  });

  it('an approval in the CMS reaches the public site', async () => {
    const { publishThroughWorkflow, cmCreate, validArticle } = await import('../helpers/content.ts');
    const title = `Tin duyệt thử ${Date.now()}`;
    const created = await cmCreate('api::article.article', validArticle({ title }));
    expect(created.status).toBe(201);
    expect(await publishThroughWorkflow('api::article.article', created.body.data.documentId)).toBe('published');
    const rev = (await http('GET', '/api/revision', { token: cms().env.SITE_API_TOKEN })).body.data.revision;
    await waitForRevision(site().publisherUrl, rev);
    const page = await browser.newPage();
    await page.goto(site().url + '/tin-tuc/');
    expect(await page.textContent('body')).toContain(title);
    await page.close();
  });
});
