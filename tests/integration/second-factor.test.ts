// Second factor (TOTP) for the roles that publish or administer, the Super Admin's reset and unlock, and
// permission edits in the audit chain (issue 19), on a CMS of its own with the second step required.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnCms, startOwnCms } from '../helpers/own-cms.ts';
import { listRoutes, parseRoutes } from '../helpers/routes.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const cmsRequire = createRequire(join(ROOT, 'apps', 'cms', 'package.json'));
const otplib = createRequire(join(ROOT, 'apps', 'cms', 'src', 'plugins', 'editorial', 'package.json'))('otplib') as {
  generate(o: { secret: string; epoch?: number }): Promise<string>;
};

let cms: OwnCms;
// Each request from its own address (behind the trusted proxy): Strapi's own per-address login limit stays out of the way.
let address = 0;
const SIGN_IN_REFUSAL = 'SecondFactorRequired';
const SIGN_IN_ROUTES = [
  'POST /admin/login',
  'POST /admin/access-token',
  'POST /admin/register-admin',
  'POST /admin/register',
  'POST /admin/reset-password',
];

/** What the tests read from an answer: `data` is an object or a list, depending on the route. */
interface Listed {
  id: number;
  code: string;
  secondFactor: { required: boolean; forRoles: boolean; state: string };
  login: { failures: number; waitSeconds: number; until: string | null };
}
interface Data {
  token: string;
  id: number;
  code: string;
  user: { id: number };
  registrationToken: string;
  secondFactor: { recoveryCodes: string[] };
  ok: boolean;
}
interface Body {
  data: Data & Listed[];
  error: { name: string; message: string; details: Record<string, string> };
}
interface Answer {
  status: number;
  body: Body;
  headers: Headers;
  cookies: string[];
}
async function call(method: string, path: string, opts: { token?: string; body?: unknown; cookie?: string } = {}): Promise<Answer> {
  const res = await fetch(cms.base + path, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.cookie ? { Cookie: opts.cookie } : {}),
      'X-Forwarded-For': `198.51.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}`,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  let body: Body | null = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, body: body as Body, headers: res.headers, cookies: res.headers.getSetCookie() };
}
const refreshCookie = (a: Answer) => a.cookies.find((c) => c.startsWith('strapi_admin_refresh='))?.split(';')[0];

function dbRows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): T[] {
  const Database = cmsRequire('better-sqlite3');
  const db = new Database(join(cms.dir, 'cms.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const entriesOf = (uid: string, id: number | string) =>
  dbRows<{ action: string; actor_name: string; comment: string | null; meta: string | null }>(
    'SELECT action, actor_name, comment, meta FROM editorial_review_logs WHERE target_uid = ? AND target_document_id = ? ORDER BY seq',
    [uid, String(id)],
  );

const SUPER = { firstname: 'Quản trị', lastname: 'Hệ thống', email: 'qtht@hoabinh.example.gov.vn', password: 'Ng4y-Hoi-Tu-Tren-Dinh-Nui' };
let superToken = '';
let superSecret = '';
/** A code of the next time step: each step is taken once, and the server accepts ±30 s. */
let lastEpoch = 0;
const nextCode = (secret: string) => {
  lastEpoch = Math.max(Date.now() / 1000, lastEpoch + 30);
  return otplib.generate({ secret, epoch: lastEpoch });
};

async function roleId(code: string) {
  const roles = await call('GET', '/admin/roles', { token: superToken });
  return roles.body.data.find((r) => r.code === code).id as number;
}
/** An invited account registered with its link; the answer of the registration. */
async function invite(email: string, password: string, code: string) {
  const invited = await call('POST', '/admin/users', {
    token: superToken,
    body: { firstname: 'Lê', lastname: 'Văn Thử', email, roles: [await roleId(code)] },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const registered = await call('POST', '/admin/register', {
    body: { registrationToken: invited.body.data.registrationToken, userInfo: { firstname: 'Lê', lastname: 'Văn Thử', password } },
  });
  return { id: invited.body.data.id as number, registered };
}

beforeAll(async () => {
  cms = await startOwnCms('cms:second-factor', {
    ADMIN_SECOND_FACTOR: 'required',
    CMS_BEHIND_PROXY: 'true',
    ADMIN_LOGIN_FREE_ATTEMPTS: '3',
    ADMIN_LOGIN_DELAY_MS: '60000',
    ADMIN_LOGIN_MAX_DELAY_MS: '120000',
  });
}, 240_000);
afterAll(async () => {
  await cms?.stop();
});

describe('second factor for the roles that publish or administer', () => {
  it('the first Super Admin is created, but gets no token nor refresh cookie before the second step', async () => {
    const res = await call('POST', '/admin/register-admin', { body: SUPER });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.name).toBe(SIGN_IN_REFUSAL);
    expect(res.body.error.message).toMatch(/^Đã lưu mật khẩu\. Vai trò của tài khoản này bắt buộc xác thực hai bước/);
    expect(res.body.data).toBeNull();
    expect(refreshCookie(res)).toBeUndefined();
    expect(dbRows('SELECT id FROM strapi_sessions')).toEqual([]);
  });

  it('enrols with a QR code at the first sign-in, then signs in with a code; recovery codes work once', async () => {
    const login = (extra: Record<string, string> = {}) =>
      call('POST', '/admin/login', { body: { email: SUPER.email, password: SUPER.password, ...extra } });
    // A wrong password says nothing about the second step.
    const wrong = await call('POST', '/admin/login', { body: { email: SUPER.email, password: 'Sai-Mat-Khau-Roi-1' } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).not.toMatch(/secondFactor|otpauth/);

    const first = await login();
    expect(first.status).toBe(403);
    expect(first.body.error.details.secondFactor).toBe('enrol');
    expect(first.body.error.details.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(first.body.error.details.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(refreshCookie(first)).toBeUndefined();
    superSecret = first.body.error.details.secret;
    // The same pending secret until it is confirmed.
    expect((await login()).body.error.details.secret).toBe(superSecret);

    const bad = await login({ code: '000000' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Mã xác thực không đúng hoặc đã hết hạn.');

    const code = await nextCode(superSecret);
    const ok = await login({ code });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    superToken = ok.body.data.token;
    const recovery: string[] = ok.body.data.secondFactor.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(refreshCookie(ok)).toBeTruthy();
    expect((await call('GET', '/admin/users/me', { token: superToken })).status).toBe(200);
    // The refreshed session keeps the mark of the second step.
    const refreshed = await call('POST', '/admin/access-token', { cookie: refreshCookie(ok) });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect((await call('GET', '/admin/users/me', { token: refreshed.body.data.token })).status).toBe(200);

    // Enrolled: the login asks for the code and no longer shows the secret; a code is taken once.
    const again = await login();
    expect(again.status).toBe(403);
    expect(again.body.error.details).toEqual({ secondFactor: 'code' });
    expect((await login({ code })).status, 'replayed code').toBe(400);

    const byRecovery = await login({ code: recovery[0].toUpperCase() });
    expect(byRecovery.status, JSON.stringify(byRecovery.body)).toBe(200);
    expect((await login({ code: recovery[0] })).status, 'recovery code used twice').toBe(400);

    const entries = entriesOf('admin::user', ok.body.data.user.id).map((e) => e.action);
    expect(entries).toContain('second-factor-enrolled');
    expect(entries).toContain('second-factor-recovery-used');
  });

  it('an invited editor-in-chief registers, and gets no session before the second step', async () => {
    const { registered } = await invite('truongban@hoabinh.example.gov.vn', 'Duyet-Tin-Bai-Truoc-Khi-Dang-7', 'editor-in-chief');
    expect(registered.status, JSON.stringify(registered.body)).toBe(403);
    expect(registered.body.error.name).toBe(SIGN_IN_REFUSAL);
    expect(refreshCookie(registered)).toBeUndefined();
    // A contributor does not need the second step.
    const contributor = await invite('ctv@hoabinh.example.gov.vn', 'Viet-Tin-Ve-Mua-Lua-Moi-5', 'contributor');
    expect(contributor.registered.status, JSON.stringify(contributor.registered.body)).toBe(200);
    expect(contributor.registered.body.data.token).toBeTruthy();
  });

  it('a member made editor-in-chief while signed in gets nothing from any route, nor a new token', { timeout: 600_000 }, async () => {
    const email = 'thanhvien@hoabinh.example.gov.vn';
    const password = 'Bao-Cao-Tuan-Nay-Da-Xong-3';
    const { id, registered } = await invite(email, password, 'contributor');
    expect(registered.status).toBe(200);
    const login = await call('POST', '/admin/login', { body: { email, password } });
    expect(login.status).toBe(200);
    const token = login.body.data.token;
    const cookie = refreshCookie(login);
    expect((await call('GET', '/admin/users/me', { token })).status).toBe(200);

    const promoted = await call('PUT', `/admin/users/${id}`, { token: superToken, body: { roles: [await roleId('editor-in-chief')] } });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);

    // Every route the running Strapi registers (strapi routes:list on a copy of this CMS's database).
    const dir = mkdtempSync(join(tmpdir(), 'portal-2fa-routes-'));
    const copy = join(dir, 'cms.db');
    const Database = cmsRequire('better-sqlite3');
    const src = new Database(join(cms.dir, 'cms.db'), { readonly: true });
    src.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
    src.close();
    const routes = parseRoutes(await listRoutes({ ...cms.env, DATABASE_FILENAME: copy, EDITORIAL_SCHEDULER_MS: '3600000' }));
    expect(routes.length).toBeGreaterThan(250);
    const answered: string[] = [];
    for (const route of routes) {
      const [methods, path] = route.split(' ');
      const list = methods.split('|');
      const method = list.includes('GET') ? 'GET' : list[0];
      // A value where a parameter is expected; the site's catch-all and the uploads get a plain segment.
      const url = path === '/((?!uploads/).+)' ? '/x' : path.replace(/:[a-zA-Z]+\*?/g, '1').replace(/\(\.\*\)/g, 'x');
      const res = await call(method, url, ['GET', 'HEAD', 'DELETE'].includes(method) ? { token } : { token, body: {} });
      // HEAD answers carry no body: the status says it. The sign-in routes stay open (that is where the
      // step is passed); with a token and no credentials they refuse and hand out nothing.
      const refused = SIGN_IN_ROUTES.includes(route)
        ? res.status >= 400 && res.status < 500 && !res.body?.data?.token
        : res.status === 401 && (method === 'HEAD' || res.body?.error?.name === SIGN_IN_REFUSAL);
      if (!refused) answered.push(`${route} (${method} ${url}) → ${res.status}`);
    }
    expect(answered).toEqual([]);

    const refresh = await call('POST', '/admin/access-token', { cookie });
    expect(refresh.status).toBe(401);
    expect(refresh.body.error.name).toBe(SIGN_IN_REFUSAL);
    expect(refreshCookie(refresh)).toBeUndefined();
  });

  it('the Super Admin resets a second factor: the sessions end, the account enrols again; logged', async () => {
    const email = 'quantricong@hoabinh.example.gov.vn';
    const password = 'Lien-Ket-Don-Vi-Cap-Xa-4';
    const { id } = await invite(email, password, 'portal-admin');
    const first = await call('POST', '/admin/login', { body: { email, password } });
    const secret = first.body.error.details.secret;
    const ok = await call('POST', '/admin/login', { body: { email, password, code: await nextCode(secret) } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const token = ok.body.data.token;
    expect((await call('GET', '/admin/users/me', { token })).status).toBe(200);

    // Only the Super Admin may reset (the portal administrator has passed the step, and is still refused).
    const byOther = await call('POST', `/editorial/accounts/${id}/second-factor/reset`, { token });
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.message).toBe('Chỉ Quản trị hệ thống (Super Admin) được dùng chức năng này.');
    const accounts = await call('GET', '/editorial/accounts', { token: superToken });
    expect(accounts.body.data.find((a) => a.id === id).secondFactor).toEqual({ required: true, forRoles: true, state: 'enrolled' });

    const reset = await call('POST', `/editorial/accounts/${id}/second-factor/reset`, { token: superToken });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await call('GET', '/admin/users/me', { token })).status).toBe(401);
    const after = await call('POST', '/admin/login', { body: { email, password } });
    expect(after.body.error.details.secondFactor).toBe('enrol');
    expect(after.body.error.details.secret).not.toBe(secret);
    const entry = entriesOf('admin::user', id).find((e) => e.action === 'second-factor-reset')!;
    expect(entry.actor_name).toBe(`${SUPER.firstname} ${SUPER.lastname}`);
    expect(JSON.parse(entry.meta!)).toMatchObject({ email, wasEnrolled: true });
  });
});

describe('the Super Admin unlocks an account slowed down by wrong passwords', () => {
  it('unlocks it at once, and each lock and unlock is in the chain', async () => {
    const email = 'bientap@hoabinh.example.gov.vn';
    const password = 'Kiem-Tra-So-Lieu-Truoc-8';
    const { id, registered } = await invite(email, password, 'editor');
    expect(registered.status).toBe(200);
    const login = (pw: string) => call('POST', '/admin/login', { body: { email, password: pw } });
    for (let i = 0; i < 3; i++) expect((await login(`sai-${i}`)).status).toBe(400);
    expect((await login(password)).status, 'waits a minute').toBe(429);
    const listed = (await call('GET', '/editorial/accounts', { token: superToken })).body.data.find((a) => a.id === id);
    expect(listed.login.failures).toBe(3);
    expect(listed.login.waitSeconds).toBeGreaterThan(30);

    const unlocked = await call('POST', `/editorial/accounts/${id}/unlock`, { token: superToken });
    expect(unlocked.status, JSON.stringify(unlocked.body)).toBe(200);
    expect((await login(password)).status).toBe(200);
    const twice = await call('POST', `/editorial/accounts/${id}/unlock`, { token: superToken });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('Tài khoản này không bị tạm dừng đăng nhập.');

    const entries = entriesOf('admin::user', id);
    expect(entries.filter((e) => e.action === 'login-throttled')).toHaveLength(1);
    const unlock = entries.filter((e) => e.action === 'login-unlocked');
    expect(unlock).toHaveLength(1);
    expect(unlock[0].actor_name).toBe(`${SUPER.firstname} ${SUPER.lastname}`);
    expect(unlock[0].comment).toBe('Mở khóa đăng nhập sau 3 lần nhập sai mật khẩu.');
    const verify = await call('GET', '/editorial/audit/verify', { token: superToken });
    expect(verify.body.data.ok).toBe(true);
  });
});

describe('the screen "Tài khoản đăng nhập" is the Super Admin\'s alone', () => {
  it('each board role gets 403 from its three routes, and nothing changes', { timeout: 300_000 }, async () => {
    /** Signs in, enrolling the second step when the role needs it (a new secret: its first code); the access token. */
    const signIn = async (email: string, password: string) => {
      const first = await call('POST', '/admin/login', { body: { email, password } });
      if (first.status === 200) return first.body.data.token;
      expect(first.body.error.details.secondFactor, JSON.stringify(first.body)).toBe('enrol');
      const code = await otplib.generate({ secret: first.body.error.details.secret });
      const ok = await call('POST', '/admin/login', { body: { email, password, code } });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      return ok.body.data.token as string;
    };
    // The target: an enrolled editor-in-chief, signed in, then slowed down by wrong passwords.
    const email = 'pho-truongban@hoabinh.example.gov.vn';
    const password = 'Duyet-Tin-Thay-Khi-Vang-9';
    const target = await invite(email, password, 'editor-in-chief');
    const targetToken = await signIn(email, password);
    for (let i = 0; i < 3; i++) expect((await call('POST', '/admin/login', { body: { email, password: `sai-${i}` } })).status).toBe(400);
    const listed = async () => (await call('GET', '/editorial/accounts', { token: superToken })).body.data.find((a) => a.id === target.id);
    const before = await listed();
    expect(before.secondFactor).toEqual({ required: true, forRoles: true, state: 'enrolled' });
    expect(before.login.failures).toBe(3);
    expect(before.login.until).toBeTruthy();
    // One account per board role, signed in (the second step passed where the role needs it).
    const tokens: [string, string][] = [];
    for (const role of ['contributor', 'portal-admin', 'editor', 'editor-in-chief', 'inspector', 'finance']) {
      const account = { email: `thu-${role}@hoabinh.example.gov.vn`, password: `Vai-Tro-${role}-Thu-Quyen-2` };
      await invite(account.email, account.password, role);
      const token = await signIn(account.email, account.password);
      expect((await call('GET', '/admin/users/me', { token })).status, role).toBe(200);
      tokens.push([role, token]);
    }
    const state = () =>
      JSON.stringify({
        factor: dbRows('SELECT * FROM editorial_second_factors WHERE user_id = ?', [target.id]),
        sessions: dbRows('SELECT session_id FROM strapi_sessions WHERE user_id = ? ORDER BY id', [String(target.id)]),
        log: dbRows('SELECT COUNT(*) AS n, MAX(seq) AS last FROM editorial_review_logs'),
      });
    const was = state();

    const refusals: string[] = [];
    for (const [role, token] of tokens) {
      for (const [method, path] of [
        ['GET', '/editorial/accounts'],
        ['POST', `/editorial/accounts/${target.id}/second-factor/reset`],
        ['POST', `/editorial/accounts/${target.id}/unlock`],
      ]) {
        const res = await call(method, path, method === 'POST' ? { token, body: {} } : { token });
        if (res.status !== 403 || res.body?.data) refusals.push(`${method} ${path} as ${role}: ${res.status}`);
        else expect(res.body.error.message).toBe('Chỉ Quản trị hệ thống (Super Admin) được dùng chức năng này.');
      }
    }
    expect(refusals).toEqual([]);
    // Nothing changed: the enrolment, the sessions and the audit chain are as they were; still locked.
    expect(state()).toBe(was);
    expect((await call('GET', '/admin/users/me', { token: targetToken })).status).toBe(200);
    const after = await listed();
    expect(after.secondFactor.state).toBe('enrolled');
    expect(after.login.failures).toBe(3);
    expect(after.login.until).toBe(before.login.until);
  });
});

describe('permission edits in the audit chain', () => {
  it('logs a role created, its permissions changed, given to a user, and deleted; the chain verifies', async () => {
    const created = await call('POST', '/admin/roles', { token: superToken, body: { name: 'Cộng tác viên ảnh', description: 'Thử' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.id;
    const permissions = [{ action: 'plugin::upload.read', subject: null, properties: {}, conditions: [] }];
    const set = await call('PUT', `/admin/roles/${id}/permissions`, { token: superToken, body: { permissions } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const unchanged = await call('PUT', `/admin/roles/${id}/permissions`, { token: superToken, body: { permissions } });
    expect(unchanged.status).toBe(200);
    const changed = await call('PUT', `/admin/roles/${id}/permissions`, {
      token: superToken,
      body: { permissions: [{ action: 'plugin::upload.assets.create', subject: null, properties: {}, conditions: [] }] },
    });
    expect(changed.status).toBe(200);
    const user = await invite('anh@hoabinh.example.gov.vn', 'Chup-Anh-Le-Hoi-Dua-Ghe-6', 'contributor');
    expect((await call('PUT', `/admin/users/${user.id}`, { token: superToken, body: { roles: [id] } })).status).toBe(200);
    expect(
      (await call('PUT', `/admin/users/${user.id}`, { token: superToken, body: { roles: [await roleId('contributor')] } })).status,
    ).toBe(200);
    expect((await call('DELETE', `/admin/roles/${id}`, { token: superToken })).status).toBe(200);

    const entries = entriesOf('admin::role', id);
    expect(entries.map((e) => e.action)).toEqual(['role-created', 'role-permissions-changed', 'role-permissions-changed', 'role-deleted']);
    expect(entries.every((e) => e.actor_name === `${SUPER.firstname} ${SUPER.lastname}`)).toBe(true);
    expect(JSON.parse(entries[1].meta!)).toMatchObject({ added: ['plugin::upload.read'], removed: [] });
    expect(JSON.parse(entries[2].meta!)).toMatchObject({ added: ['plugin::upload.assets.create'], removed: ['plugin::upload.read'] });
    const given = entriesOf('admin::user', user.id).filter((e) => e.action === 'roles-changed');
    expect(given.map((e) => JSON.parse(e.meta!).roles)).toEqual([[created.body.data.code], ['contributor']]);

    // The board's roles were set at start (no request): logged by the named writer, with what each got.
    const board = dbRows<{ actor_name: string; meta: string }>(
      "SELECT actor_name, meta FROM editorial_review_logs WHERE target_uid = 'admin::role' AND action = 'role-permissions-changed' AND actor_name <> ?",
      [`${SUPER.firstname} ${SUPER.lastname}`],
    );
    expect(board.map((e) => JSON.parse(e.meta).code).sort()).toEqual(
      ['contributor', 'editor', 'editor-in-chief', 'finance', 'inspector', 'portal-admin'].sort(),
    );
    expect(new Set(board.map((e) => e.actor_name))).toEqual(new Set(['Hệ thống']));
    const verify = await call('GET', '/editorial/audit/verify', { token: superToken });
    expect(verify.body.data).toMatchObject({ ok: true });
  });
});
