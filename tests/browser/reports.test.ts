// The Báo cáo page in the real admin (Chromium): period form, chart, and both exports downloaded.
// Needs only the CMS (tests/vitest.browser-admin.config.ts), not the site.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, adminPage as adminPageAs } from '../helpers/browser.ts';
import { cmCreate, publishThroughWorkflow, uniq, validArticle } from '../helpers/content.ts';
import { cms } from '../helpers/http.ts';

/** The plugin's exceljs, as far as this test reads a workbook. */
interface Workbook {
  xlsx: { readFile(path: string): Promise<unknown> };
  worksheets: Array<{ name: string }>;
  getWorksheet(name: string): { getRow(n: number): { getCell(n: number): { value: unknown } } };
}
const ExcelJS = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'src', 'plugins', 'editorial', 'package.json'))(
  'exceljs',
) as { Workbook: new () => Workbook };

let browser: Browser;
const title = uniq('Tin cho báo cáo');

beforeAll(async () => {
  const created = await cmCreate('api::article.article', validArticle({ title }));
  expect(created.status).toBe(201);
  expect(await publishThroughWorkflow('api::article.article', created.body.data.documentId)).toBe('published');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const adminPage = (role: string) => adminPageAs(browser, role, { acceptDownloads: true, locale: 'vi-VN' });

describe('Báo cáo page', () => {
  it('the inspector sees the summary and chart, and downloads CSV and XLSX', async () => {
    const page = await adminPage('inspector');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('link', { name: 'Báo cáo' }).first().click();
    await page.waitForURL(/\/admin\/plugins\/editorial\/reports/);
    await page.getByTestId('reports-summary').waitFor({ timeout: 60_000 });
    const chart = page.getByTestId('reports-chart');
    await expect.poll(() => chart.count()).toBe(1);
    expect(await page.textContent('[data-testid="reports-summary"]')).toContain('Theo đơn vị');
    expect(await chart.getAttribute('role')).toBe('img');
    // the period form: the current month is selected; switching to the year reloads the figures
    await page.selectOption('select[name="period"]', 'year');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await expect.poll(async () => (await page.textContent('h1')) ?? '').toContain('Báo cáo');
    await expect.poll(async () => (await page.textContent('body')) ?? '').toMatch(/Kỳ báo cáo: Năm \d{4}/);

    if (process.env.PORTAL_SCREENSHOT_DIR)
      await page.screenshot({ path: join(process.env.PORTAL_SCREENSHOT_DIR, 'reports.png'), fullPage: true });

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-summary-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^bao-cao-cung-cap-thong-tin_\d{4}-01-01_\d{4}-12-31\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFNhóm,Tên,Số đã gửi')).toBe(true);
    expect(csv).toMatch(/Tổng cộng,Tất cả,\d+,\d+,[1-9]\d*/);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-summary-xlsx').click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsxDownload.path())!);
    expect(wb.worksheets.map((w) => w.name)).toContain('Theo đơn vị');
    expect(wb.getWorksheet('Theo đơn vị').getRow(1).getCell(1).value).toBe('Đơn vị');

    const [royaltyCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-royalty-csv').click()]);
    expect(readFileSync((await royaltyCsv.path())!, 'utf8')).toContain(title);

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-summary').click()]);
    await expect
      .poll(async () => (await popup.textContent('h1')) ?? '', { timeout: 20_000 })
      .toContain('Báo cáo tình hình cung cấp thông tin');
    expect(await page.getByTestId('reports-profiles').count()).toBe(0); // profiles are the portal administrator's
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the portal administrator sets a contributor's unit in the Hồ sơ biên tập section", async () => {
    const page = await adminPage('portal-admin');
    await page.goto(`${cms().url}/admin/plugins/editorial/reports`);
    await page.getByTestId('reports-profiles').waitFor({ timeout: 60_000 });
    const select = page.getByLabel(/^Đơn vị của contributor/);
    const before = await select.inputValue();
    const options = await select.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    const other = options.find((v) => v !== before)!;
    await select.selectOption(other);
    const row = page.locator('tr', { has: select });
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/editorial/profiles/') && r.request().method() === 'PUT'),
      row.getByRole('button', { name: 'Lưu' }).click(),
    ]);
    expect(res.status()).toBe(200);
    expect((await res.json()).data.unitId).toBe(Number(other));
    // put it back for the other tests
    await select.selectOption(before);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/editorial/profiles/') && r.request().method() === 'PUT'),
      row.getByRole('button', { name: 'Lưu' }).click(),
    ]);
    await page.context().close();
  });

  it('a contributor sees only their own royalty statement', async () => {
    const page = await adminPage('contributor');
    await page.goto(`${cms().url}/admin/plugins/editorial/reports`);
    await page.getByTestId('reports-royalty').waitFor({ timeout: 60_000 });
    expect(await page.textContent('[data-testid="reports-royalty"]')).toContain('Bảng kê nhuận bút của tôi');
    expect(await page.getByTestId('reports-summary').count()).toBe(0);
    await page.context().close();
  });

  it('an editor has no menu link and the page says no', async () => {
    const page = await adminPage('editor');
    await page.getByRole('link', { name: 'Việc chờ xử lý' }).first().waitFor({ timeout: 60_000 }); // the menu is drawn
    expect(await page.getByRole('link', { name: 'Báo cáo' }).count()).toBe(0);
    await page.goto(`${cms().url}/admin/plugins/editorial/reports`);
    await page.getByTestId('reports-forbidden').waitFor({ timeout: 60_000 });
    await page.context().close();
  });
});
