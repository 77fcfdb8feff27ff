// The second step of sign-in in Chromium (issue 19): the Super Admin of a CMS that requires it enrols
// TOTP with the QR code of the sign-in page, keeps the recovery codes, reaches the admin, and signs in
// again with a code.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { type OwnCms, startOwnCms } from '../helpers/own-cms.ts';

const otplib = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'src', 'plugins', 'editorial', 'package.json'))(
  'otplib',
) as { generate(o: { secret: string; epoch?: number }): Promise<string> };

const SUPER = { firstname: 'Quản trị', lastname: 'Hệ thống', email: 'qtht@hoabinh.example.gov.vn', password: 'Ng4y-Hoi-Tu-Tren-Dinh-Nui' };
let cms: OwnCms;
let browser: Browser;
let secret = '';

beforeAll(async () => {
  cms = await startOwnCms('cms:second-factor-browser', { ADMIN_SECOND_FACTOR: 'required' });
  // The first Super Admin: created, but handed no session before the second step.
  const res = await fetch(`${cms.base}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(SUPER),
  });
  expect(res.status).toBe(403);
  browser = await launch();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

async function signInPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${cms.base}/editorial/dang-nhap`);
  await page.getByLabel('Email').fill(SUPER.email);
  await page.getByLabel('Mật khẩu').fill(SUPER.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return page;
}

/** After `action`, the admin answers as the signed-in Super Admin (its own "who am I" request succeeds). */
async function inAdmin(page: Page, action: () => Promise<void>) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/admin/users/me') && r.request().method() === 'GET', { timeout: 60_000 });
  await action();
  await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.includes('/auth/'), { timeout: 60_000 });
  const me = await answer;
  expect(me.status()).toBe(200);
  expect((await me.json()).data.email).toBe(SUPER.email);
}

describe('second factor in the browser', () => {
  it('enrols with the QR code, keeps the recovery codes and reaches the admin', async () => {
    const page = await signInPage();
    const qr = page.getByRole('img', { name: 'Mã QR để kích hoạt xác thực hai bước' });
    await qr.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    secret = (await page.locator('#secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('Mã xác thực').fill(await otplib.generate({ secret }));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Mã khôi phục' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('#recovery-codes li').count()).toBe(10);
    await inAdmin(page, () => page.getByRole('button', { name: 'Tôi đã lưu các mã, vào trang quản trị' }).click());
    await page.context().close();
  });

  it('signs in again with a code from the app (no QR code this time)', async () => {
    const page = await signInPage();
    const code = page.getByLabel('Mã xác thực');
    await code.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByRole('img', { name: 'Mã QR để kích hoạt xác thực hai bước' }).isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Nhập mã xác thực 6 chữ số/);
    // Each time step is taken once: the code of the next one (the server accepts ±30 s).
    await code.fill(await otplib.generate({ secret, epoch: Date.now() / 1000 + 30 }));
    await inAdmin(page, () => page.getByRole('button', { name: 'Đăng nhập' }).click());
    await page.context().close();
  });
});
