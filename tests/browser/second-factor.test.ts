// The second step of sign-in in Chromium (issue 19): the Super Admin of a CMS that requires it enrols
// TOTP with the QR code of the sign-in page, keeps the recovery codes, reaches the admin, and signs in
// again with a code; on the screen "Tài khoản đăng nhập" resets an approver's second factor and unlocks
// an account slowed down by wrong passwords; an editor-in-chief who uses Strapi's own login form is
// refused, told where to sign in, and handed nothing.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, typeStockLogin } from '../helpers/browser.ts';
import { type OwnCms, startOwnCms } from '../helpers/own-cms.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const otplib = createRequire(join(ROOT, 'apps', 'cms', 'src', 'plugins', 'editorial', 'package.json'))('otplib') as {
  generate(o: { secret: string; epoch?: number }): Promise<string>;
};
const Database = createRequire(join(ROOT, 'apps', 'cms', 'package.json'))('better-sqlite3');

const SUPER = { firstname: 'Quản trị', lastname: 'Hệ thống', email: 'qtht@hoabinh.example.gov.vn', password: 'Ng4y-Hoi-Tu-Tren-Dinh-Nui' };
let cms: OwnCms;
let browser: Browser;
let secret = '';

/** The code of the next unused time step of this secret (the server takes each once, ±30 s): waits when needed. */
const lastStep = new Map<string, number>();
async function freshCode(key: string): Promise<string> {
  const step = Math.max(Math.floor(Date.now() / 30_000), (lastStep.get(key) ?? -1) + 1);
  const wait = (step - 1) * 30_000 + 1000 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  lastStep.set(key, step);
  return otplib.generate({ secret: key, epoch: step * 30 + 1 });
}

beforeAll(async () => {
  cms = await startOwnCms('cms:second-factor-browser', {
    ADMIN_SECOND_FACTOR: 'required',
    // Three wrong passwords start a wait of ten minutes (the account the Super Admin unlocks).
    ADMIN_LOGIN_FREE_ATTEMPTS: '3',
    ADMIN_LOGIN_DELAY_MS: '600000',
    ADMIN_LOGIN_MAX_DELAY_MS: '600000',
  });
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
    await page.getByLabel('Mã xác thực').fill(await freshCode(secret));
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
    await code.fill(await freshCode(secret));
    await inAdmin(page, () => page.getByRole('button', { name: 'Đăng nhập' }).click());
    await page.context().close();
  });
});

// Accounts made by the Super Admin for the screen's test: an approver that enrols, an editor that types
// wrong passwords.
const APPROVER = {
  firstname: 'Nguyễn',
  lastname: 'Thị Duyệt',
  email: 'truongban@hoabinh.example.gov.vn',
  password: 'Duyet-Tin-Bai-Truoc-Khi-Dang-7',
};
const EDITOR = { firstname: 'Trần', lastname: 'Văn Biên', email: 'bientap@hoabinh.example.gov.vn', password: 'Kiem-Tra-So-Lieu-Truoc-8' };
const nameOf = (a: { firstname: string; lastname: string }) => `${a.firstname} ${a.lastname}`;

/** What the tests read from an answer. */
interface Answer {
  data: { id: number; registrationToken: string; ok: boolean } & { id: number; code: string }[];
  error: { message: string; details: { secondFactor?: string; secret: string } };
}
async function api(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const res = await fetch(cms.base + path, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Answer };
}
const login = (a: { email: string; password: string }, code?: string) =>
  api('POST', '/admin/login', { body: { email: a.email, password: a.password, ...(code ? { code } : {}) } });

/** An account invited by the Super Admin with this role and registered with its link. */
async function invite(token: string, a: typeof APPROVER, role: string) {
  const roles = await api('GET', '/admin/roles', { token });
  const roleId = roles.body.data.find((r) => r.code === role)!.id;
  const invited = await api('POST', '/admin/users', {
    token,
    body: { firstname: a.firstname, lastname: a.lastname, email: a.email, roles: [roleId] },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const registered = await api('POST', '/admin/register', {
    body: {
      registrationToken: invited.body.data.registrationToken,
      userInfo: { firstname: a.firstname, lastname: a.lastname, password: a.password },
    },
  });
  // The approver's role needs the second step: the password is saved, no session handed out.
  expect(registered.status, JSON.stringify(registered.body)).toBe(role === 'editor-in-chief' ? 403 : 200);
  return invited.body.data.id as number;
}

function auditEntries(id: number) {
  const db = new Database(join(cms.dir, 'cms.db'), { readonly: true });
  try {
    return db
      .prepare(
        "SELECT action, actor_name FROM editorial_review_logs WHERE target_uid = 'admin::user' AND target_document_id = ? ORDER BY seq",
      )
      .all(String(id)) as { action: string; actor_name: string }[];
  } finally {
    db.close();
  }
}

describe('the screen "Tài khoản đăng nhập"', () => {
  let approverId = 0;
  let editorId = 0;
  let superToken = '';

  it("the Super Admin resets an approver's second factor and unlocks a throttled account, with real clicks", async () => {
    const page = await signInPage();
    const code = page.getByLabel('Mã xác thực');
    await code.waitFor({ state: 'visible', timeout: 30_000 });
    await code.fill(await freshCode(secret));
    await inAdmin(page, () => page.getByRole('button', { name: 'Đăng nhập' }).click());
    superToken = await page.evaluate(() => JSON.parse(localStorage.getItem('jwtToken') ?? 'null'));
    expect(superToken).toBeTruthy();

    // The approver enrols (first code of a new secret); the editor types three wrong passwords.
    approverId = await invite(superToken, APPROVER, 'editor-in-chief');
    const enrol = await login(APPROVER);
    expect(enrol.body.error.details.secondFactor).toBe('enrol');
    expect((await login(APPROVER, await freshCode(enrol.body.error.details.secret))).status).toBe(200);
    editorId = await invite(superToken, EDITOR, 'editor');
    for (let i = 0; i < 3; i++) expect((await login({ ...EDITOR, password: `Sai-Mat-Khau-${i}` })).status).toBe(400);
    expect((await login(EDITOR)).status, 'waits ten minutes').toBe(429);

    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('link', { name: 'Tài khoản đăng nhập' }).first().click();
    await page.waitForURL(/\/admin\/plugins\/editorial\/accounts/);
    const card = (email: string) => page.getByRole('listitem').filter({ hasText: email });
    await card(APPROVER.email).waitFor({ timeout: 60_000 });
    const text = async (email: string) => (await card(email).textContent()) ?? '';
    expect(await text(APPROVER.email)).toContain(nameOf(APPROVER));
    expect(await text(APPROVER.email)).toContain('Trưởng ban biên tập');
    expect(await text(APPROVER.email)).toContain('Đã kích hoạt');
    expect(await text(SUPER.email)).toContain('Quản trị hệ thống');
    expect(await text(EDITOR.email)).toContain('Không bắt buộc');
    expect(await text(EDITOR.email)).toMatch(/Tạm dừng đăng nhập đến \d{2}:\d{2}, \d{2}\/\d{2}\/\d{4} \(3 lần nhập sai mật khẩu\)/);

    // Reset, behind a confirmation.
    await card(APPROVER.email).getByRole('button', { name: 'Đặt lại xác thực hai bước' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(APPROVER.email);
    await dialog.getByRole('button', { name: 'Đặt lại xác thực hai bước' }).click();
    await page
      .getByText(`Đã đặt lại xác thực hai bước của ${nameOf(APPROVER)}.`)
      .first()
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => text(APPROVER.email)).toContain('Chưa kích hoạt');
    expect(await card(APPROVER.email).getByRole('button', { name: 'Đặt lại xác thực hai bước' }).count()).toBe(0);

    // Unlock: "Hủy" first changes nothing; then confirmed.
    await card(EDITOR.email).getByRole('button', { name: 'Mở khóa' }).click();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await text(EDITOR.email)).toContain('Tạm dừng đăng nhập');
    await card(EDITOR.email).getByRole('button', { name: 'Mở khóa' }).click();
    expect(await dialog.textContent()).toContain(EDITOR.email);
    await dialog.getByRole('button', { name: 'Mở khóa' }).click();
    await page
      .getByText(`Đã mở khóa đăng nhập của ${nameOf(EDITOR)}.`)
      .first()
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => text(EDITOR.email)).toContain('Đăng nhập: Bình thường');
    expect(await card(EDITOR.email).getByRole('button', { name: 'Mở khóa' }).count()).toBe(0);

    // The approver must enrol again; both actions are in the audit chain, which verifies.
    expect((await login(APPROVER)).body.error.details.secondFactor).toBe('enrol');
    expect(auditEntries(approverId)).toContainEqual({ action: 'second-factor-reset', actor_name: nameOf(SUPER) });
    expect(auditEntries(editorId)).toContainEqual({ action: 'login-unlocked', actor_name: nameOf(SUPER) });
    const verify = await api('GET', '/editorial/audit/verify', { token: superToken });
    expect(verify.body.data.ok, JSON.stringify(verify.body)).toBe(true);

    // Phone width: the cards stack inside the screen, the actions within reach.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await card(APPROVER.email).waitFor({ timeout: 60_000 });
    const box = await card(APPROVER.email).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    if (process.env.PORTAL_SCREENSHOT_DIR)
      await page.screenshot({ path: join(process.env.PORTAL_SCREENSHOT_DIR, 'accounts-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("Strapi's own login form refuses the editor-in-chief, says where to sign in, and hands out nothing", async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await typeStockLogin(page, cms.base, APPROVER.email, APPROVER.password);
    const answer = page.waitForResponse((r) => r.url().endsWith('/admin/login') && r.request().method() === 'POST');
    await page.getByRole('button', { name: /login|đăng nhập/i }).click();
    expect((await answer).status()).toBe(403);
    const alert = page.locator('#global-form-error');
    await expect
      .poll(() => alert.textContent())
      .toContain('Vai trò của tài khoản này bắt buộc xác thực hai bước: vui lòng đăng nhập tại /editorial/dang-nhap');
    expect(new URL(page.url()).pathname).toBe('/admin/auth/login');
    if (process.env.PORTAL_SCREENSHOT_DIR)
      await page.screenshot({ path: join(process.env.PORTAL_SCREENSHOT_DIR, 'stock-login.png'), fullPage: true });
    // No token, no session cookie.
    expect((await context.cookies()).map((c) => c.name).filter((n) => /refresh|jwt/i.test(n))).toEqual([]);
    expect(await page.evaluate(() => [localStorage.getItem('jwtToken'), sessionStorage.getItem('jwtToken')])).toEqual([null, null]);

    // The link under the message leads to the sign-in page with the second step, the e-mail carried over.
    await alert.getByRole('link', { name: 'Đến trang đăng nhập với mã xác thực' }).click();
    await page.waitForURL((u) => u.pathname === '/editorial/dang-nhap');
    expect(await page.getByLabel('Email').inputValue()).toBe(APPROVER.email);
    await page.getByLabel('Mật khẩu').fill(APPROVER.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('img', { name: 'Mã QR để kích hoạt xác thực hai bước' }).waitFor({ state: 'visible', timeout: 30_000 });
    await context.close();
  });

  it('the editor, unlocked, signs in with the stock form and has no link to the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await typeStockLogin(page, cms.base, EDITOR.email, EDITOR.password);
    await page.getByRole('button', { name: /login|đăng nhập/i }).click();
    await page.waitForURL((u) => !u.pathname.includes('/auth/'), { timeout: 60_000 });
    await page.getByRole('link', { name: 'Việc chờ xử lý' }).first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('link', { name: 'Tài khoản đăng nhập' }).count()).toBe(0);
    await context.close();
  });
});
