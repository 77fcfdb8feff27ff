import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (or PORTAL_CHROMIUM), with flags that keep it off the network. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PORTAL_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Whether the site's own search page (at `base`) lists `text` for `query` within 15 s. */
export async function searchFinds(browser: Browser, base: string, query: string, text: string): Promise<boolean> {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent(query)}`);
    try {
      await page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t), text, { timeout: 15_000 });
      return true;
    } catch {
      return false;
    }
  } finally {
    await page.close();
  }
}

/** Waits until the publisher's live release was built from at least this CMS revision. */
export async function waitForRevision(publisherUrl: string, minRevision: number, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const s = await (await fetch(`${publisherUrl}/status`)).json();
    if (s.live && s.live.revision >= minRevision && s.state === 'idle' && !s.queued) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`site not rebuilt to revision ${minRevision} in time`);
}

/** Opens Strapi's own login form at `base` and types the e-mail and password into it, key by key (not submitted). */
export async function typeStockLogin(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel(/email|thư điện tử/i).pressSequentially(email);
  await page
    .getByLabel(/password|mật khẩu/i)
    .first()
    .pressSequentially(password);
}

/** Signs in to the admin UI as the test account holding this role (in a new context of its own). */
export async function adminPage(browser: Browser, role: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const { cms } = await import('./http.ts');
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  const account = cms().accounts[role];
  await typeStockLogin(page, cms().url, account.email, account.password);
  await page.getByRole('button', { name: /login|đăng nhập/i }).click();
  await page.waitForURL((u) => !u.pathname.includes('/auth/login'), { timeout: 60_000 });
  return page;
}
