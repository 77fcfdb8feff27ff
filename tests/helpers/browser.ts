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

/** Signs in to the admin UI as the test account holding this role (in a new context of its own). */
export async function adminPage(browser: Browser, role: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const { cms } = await import('./http.ts');
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  const account = cms().accounts[role];
  await page.goto(`${cms().url}/admin/auth/login`);
  await page.getByLabel(/email|thư điện tử/i).fill(account.email);
  await page
    .getByLabel(/password|mật khẩu/i)
    .first()
    .fill(account.password);
  await page.getByRole('button', { name: /login|đăng nhập/i }).click();
  await page.waitForURL((u) => !u.pathname.includes('/auth/login'), { timeout: 60_000 });
  return page;
}
