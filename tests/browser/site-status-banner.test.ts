// Issue 21, visible failures, in the admin itself: when the publisher says the public site is stale, the
// editor-in-chief sees the Vietnamese banner on every page (time in Asia/Ho_Chi_Minh); an editor does not.
// The publisher is a fake on the port the suite gave the CMS as PUBLISHER_STATUS_URL (tests/setup/cms.ts).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { adminPage, launch } from '../helpers/browser.ts';
import { cms } from '../helpers/http.ts';

let browser: Browser;
let server: Server;

beforeAll(async () => {
  const url = new URL(cms().env.PUBLISHER_STATUS_URL!);
  server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        freshness: 'stale',
        live: { builtAt: '2026-12-02T01:00:00.000Z' },
        failures: 4,
        stale: { since: '2026-12-02T01:15:00.000Z', failures: 4, pending: [], errors: [] },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(Number(url.port), '127.0.0.1', r));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('site status banner', () => {
  it('the editor-in-chief sees "Trang công khai chưa cập nhật từ 08:15, 02/12/2026"; an editor sees no banner', async () => {
    const chief = await adminPage(browser, 'editor-in-chief', { locale: 'vi-VN' });
    const banner = chief.getByTestId('site-status-banner');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toContain('Trang công khai chưa cập nhật từ 08:15, 02/12/2026');
    expect(await banner.getAttribute('role')).toBe('alert');
    // It covers nothing of the admin: the admin's root starts below it.
    const overlap = await chief.evaluate(() => {
      const b = document.querySelector('[data-testid="site-status-banner"]')!.getBoundingClientRect();
      return b.bottom - document.getElementById('strapi')!.getBoundingClientRect().top;
    });
    expect(overlap).toBeLessThanOrEqual(0);

    const editor = await adminPage(browser, 'editor', { locale: 'vi-VN' });
    await editor.waitForTimeout(3000);
    expect(await editor.getByTestId('site-status-banner').count()).toBe(0);
  });
});
