// Sign-in and cross-origin rules (issue 19), on a CMS of its own: the admin on its public host name
// behind a trusted proxy, the site on the province's registrable domain.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../../apps/publisher/src/api.ts';
import { createLogger } from '../../apps/publisher/src/log.ts';
import { type OwnCms, startOwnCms } from '../helpers/own-cms.ts';
import { parseBody, type Res } from '../helpers/http.ts';

const DOMAIN = 'hoabinh.example.gov.vn';
const ADMIN_ORIGIN = `https://cms.${DOMAIN}`;
const EXTRA_ADMIN_ORIGIN = `https://bbt.${DOMAIN}`;
const SITE = `https://${DOMAIN}`;
const FOREIGN = 'https://evil.example';
const SAME_SITE = `https://attacker.${DOMAIN}`;

let cms: OwnCms;
const url = (path: string) => cms.base + path;

// The publisher's real HTTP API (apps/publisher/src/api.ts), behind a recorder that keeps each request
// the CMS sends, so the test can send it again, altered or unsigned.
const WEBHOOK_SECRET = 'webhook-secret-for-the-sign-in-test-0123456789';
const accepted: { event: string; model?: string }[] = [];
const received: { headers: IncomingHttpHeaders; body: Buffer; status: number }[] = [];
let publisherApi: Server;
let recorder: Server;
let publisherUrl = '';
const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const toPublisher = (headers: Record<string, string>, body: Buffer | string) =>
  fetch(`${publisherUrl}/webhook`, { method: 'POST', headers, body });

async function startPublisherApi(): Promise<string> {
  publisherApi = createApiServer({
    webhookSecret: WEBHOOK_SECRET,
    adminToken: '',
    log: createLogger({ write: () => {} }),
    status: async () => ({}),
    onWebhook: (event, model) => accepted.push({ event, model }),
    onRebuild: () => {},
  });
  publisherUrl = `http://127.0.0.1:${await listen(publisherApi)}`;
  recorder = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const forwarded = await toPublisher(pick(req.headers), body);
      received.push({ headers: req.headers, body, status: forwarded.status });
      res.writeHead(forwarded.status, { 'Content-Type': 'application/json' }).end(await forwarded.text());
    });
  });
  return `http://127.0.0.1:${await listen(recorder)}/webhook`;
}
const pick = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    ['content-type', 'x-portal-timestamp', 'x-portal-signature', 'authorization'].filter((k) => h[k]).map((k) => [k, String(h[k])]),
  );

async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Res> {
  const res = await fetch(url(path), {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  return { status: res.status, body: parseBody(await res.text()), headers: res.headers };
}

/** An admin role as GET /admin/roles lists it. */
interface AdminRole {
  id: number;
  code: string;
}

// The first Super Admin of this empty CMS, created once through the admin's own first-run route.
const SUPER = { firstname: 'Quản trị', lastname: 'Hệ thống', email: 'qtht@hoabinh.example.gov.vn', password: 'Ng4y-Hoi-Tu-Tren-Dinh-Nui' };
let superToken = '';

const cmsRequire = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'package.json'));
/** Reads this CMS's SQLite database directly (read-only). */
function dbRows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): T[] {
  const Database = cmsRequire('better-sqlite3');
  const db = new Database(join(cms.dir, 'cms.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const auditOf = (userId: number) =>
  dbRows<{ action: string; comment: string | null; meta: string | null; actor_name: string }>(
    "SELECT action, comment, meta, actor_name FROM editorial_review_logs WHERE target_uid = 'admin::user' AND target_document_id = ? ORDER BY seq",
    [String(userId)],
  );

/** An admin account with one board role, invited by the Super Admin and registered with its link. */
async function createAdmin(email: string, password: string, roleCode = 'editor-in-chief') {
  const token = await superAdmin();
  const roles = await call('GET', '/admin/roles', { token });
  const role = roles.body.data.find((r: AdminRole) => r.code === roleCode);
  const invited = await call('POST', '/admin/users', {
    token,
    body: { firstname: 'Trần', lastname: 'Thị Duyệt', email, roles: [role.id] },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const registered = await call('POST', '/admin/register', {
    body: { registrationToken: invited.body.data.registrationToken, userInfo: { firstname: 'Trần', lastname: 'Thị Duyệt', password } },
  });
  return { id: invited.body.data.id as number, registered };
}
async function superAdmin(): Promise<string> {
  if (superToken) return superToken;
  const res = await call('POST', '/admin/register-admin', { body: SUPER });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  superToken = res.body.data.token;
  return superToken;
}

beforeAll(async () => {
  cms = await startOwnCms('cms:sign-in', {
    CMS_PUBLIC_URL: ADMIN_ORIGIN,
    CMS_ADMIN_ORIGINS: EXTRA_ADMIN_ORIGIN,
    SITE_URL: SITE,
    CMS_BEHIND_PROXY: 'true',
    PUBLISHER_WEBHOOK_URL: await startPublisherApi(),
    PUBLISHER_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // Short delays so the test can wait them out: 2 s after the fifth wrong password, doubling to 8 s.
    ADMIN_LOGIN_FREE_ATTEMPTS: '5',
    ADMIN_LOGIN_DELAY_MS: '2000',
    ADMIN_LOGIN_MAX_DELAY_MS: '8000',
  });
}, 240_000);

afterAll(async () => {
  await cms?.stop();
  recorder?.close();
  publisherApi?.close();
});

describe('CORS from configuration', () => {
  const preflight = (path: string, origin: string) =>
    fetch(url(path), {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,authorization' },
    });
  const post = (path: string, origin: string) =>
    fetch(url(path), { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' });
  const get = (path: string, origin: string) => fetch(url(path), { headers: { Origin: origin } });
  const cors = (res: Response) => ({
    origin: res.headers.get('access-control-allow-origin'),
    credentials: res.headers.get('access-control-allow-credentials'),
  });
  const none = { origin: null, credentials: null };

  for (const origin of [FOREIGN, SAME_SITE, SITE]) {
    it(`sends no CORS header to ${origin} on the admin, content and editorial routes`, async () => {
      for (const path of ['/admin/access-token', '/admin/login', '/api/articles', '/editorial/queue']) {
        expect(cors(await preflight(path, origin)), `OPTIONS ${path}`).toEqual(none);
        expect(cors(await post(path, origin)), `POST ${path}`).toEqual(none);
      }
      expect(cors(await get('/api/articles', origin))).toEqual(none);
      expect(cors(await get('/editorial/queue', origin))).toEqual(none);
    });
  }

  it("allows credentials for the admin's own origins only", async () => {
    for (const origin of [ADMIN_ORIGIN, EXTRA_ADMIN_ORIGIN]) {
      const res = await preflight('/admin/access-token', origin);
      expect(cors(res)).toEqual({ origin, credentials: 'true' });
      expect(cors(await post('/admin/access-token', origin))).toEqual({ origin, credentials: 'true' });
    }
  });

  it("keeps the question routes' site allow-list, without credentials", async () => {
    expect(cors(await preflight('/api/questions/submit', SITE))).toEqual({ origin: SITE, credentials: null });
    expect(cors(await get('/api/questions/challenge', SITE))).toEqual({ origin: SITE, credentials: null });
    for (const origin of [FOREIGN, SAME_SITE]) expect(cors(await preflight('/api/questions/submit', origin))).toEqual(none);
  });
});

describe('registration closed', () => {
  it('refuses POST /api/auth/local/register and creates no account', async () => {
    const res = await call('POST', '/api/auth/local/register', {
      body: { username: 'nguoila', email: 'nguoila@example.com', password: 'Mot-Mat-Khau-Dai-2026' },
    });
    expect(res.status).toBe(403);
    expect(res.body?.jwt).toBeUndefined();
    const users = await call('GET', '/content-manager/collection-types/plugin::users-permissions.user', { token: await superAdmin() });
    expect(users.status).toBe(200);
    expect(users.body.pagination.total).toBe(0);
  });

  it('is switched off in the advanced settings, and the public role may not sign up', async () => {
    const token = await superAdmin();
    const advanced = await call('GET', '/users-permissions/advanced', { token });
    expect(advanced.status).toBe(200);
    expect(advanced.body.settings.allow_register).toBe(false);
    const roles = await call('GET', '/users-permissions/roles', { token });
    const pub = roles.body.roles.find((r: { id: number; type: string }) => r.type === 'public');
    const role = await call('GET', `/users-permissions/roles/${pub.id}`, { token });
    const perms = role.body.role.permissions;
    const auth = perms[Object.keys(perms).find((k) => k.endsWith('users-permissions'))!].controllers.auth;
    expect(auth.register.enabled).toBe(false);
    expect(auth.connect.enabled).toBe(false);
  });
});

describe('signed webhooks to the publisher', () => {
  const waitFor = async <T>(fn: () => T | undefined, what: string): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const v = fn();
      if (v) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('the CMS signs each notification; the publisher takes it once and refuses it replayed, altered or unsigned', async () => {
    const form = new FormData();
    form.append('files', new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], { type: 'application/pdf' }), 'van-ban.pdf');
    const up = await fetch(url('/upload'), { method: 'POST', headers: { Authorization: `Bearer ${await superAdmin()}` }, body: form });
    expect(up.status).toBe(201);
    const sent = await waitFor(() => received.find((r) => JSON.parse(r.body.toString()).event === 'media.create'), 'media.create');
    expect(sent.status).toBe(202);
    expect(accepted).toContainEqual({ event: 'media.create', model: undefined });
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.headers['x-portal-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const headers = pick(sent.headers);
    const count = accepted.length;

    expect((await toPublisher(headers, sent.body)).status, 'replayed').toBe(401);
    const altered = Buffer.from(sent.body.toString().replace('media.create', 'media.delete'));
    expect((await toPublisher(headers, altered)).status, 'altered').toBe(401);
    const { 'x-portal-signature': _s, 'x-portal-timestamp': _t, ...unsigned } = headers;
    expect((await toPublisher(unsigned, sent.body)).status, 'unsigned').toBe(401);
    expect((await toPublisher({ ...unsigned, authorization: `Bearer ${WEBHOOK_SECRET}` }, sent.body)).status, 'static bearer').toBe(401);
    expect(accepted.length).toBe(count);
  });
});

describe('sign-in throttled per account across addresses', () => {
  it('20 wrong passwords from 4 addresses slow the account down; the right one works after the delay', async () => {
    const email = 'truongban@hoabinh.example.gov.vn';
    const password = 'Duyet-Tin-Bai-Truoc-Khi-Dang-7';
    const { id, registered } = await createAdmin(email, password);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const login = (pw: string, ip: string) =>
      call('POST', '/admin/login', { body: { email, password: pw }, headers: { 'X-Forwarded-For': ip } });

    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await login(`sai-mat-khau-${i}`, `198.51.100.${(i % 4) + 1}`));
    const statuses = answers.map((a) => a.status);
    // Five tries, then the account waits (a try or two more may get through as a 2 s delay ends).
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(7);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(13);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.error.message).toMatch(/^Tài khoản này vừa nhập sai mật khẩu nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    // While it waits, even the right password is not checked, from any address.
    const early = await login(password, '203.0.113.9');
    expect(early.status).toBe(429);
    await new Promise((r) => setTimeout(r, Number(early.headers.get('retry-after')) * 1000 + 200));
    const ok = await login(password, '203.0.113.9');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data.token).toBeTruthy();

    // Each delay is in the audit chain, and the chain verifies.
    const locks = auditOf(id).filter((e) => e.action === 'login-throttled');
    expect(locks.length).toBeGreaterThanOrEqual(1);
    expect(locks[0].comment).toMatch(/^Tạm dừng đăng nhập 2 giây sau 5 lần nhập sai mật khẩu\.$/);
    expect(JSON.parse(locks[0].meta!).addresses).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']);
    const verify = await call('GET', '/editorial/audit/verify', { token: await superAdmin() });
    expect(verify.body.data.ok).toBe(true);
  });
});

describe('common passwords refused', () => {
  const WEAK = ['Password1', 'matkhau', 'Matkhau@123', '123456a@', 'Abc@123', 'Abc@123456', 'Nguyen1990@', 'ThanhHuong1990!', 'Qwerty@123'];
  const weakMessage = /^Mật khẩu quá dễ đoán/;

  it('on registration with the invitation link', async () => {
    for (const [i, password] of WEAK.entries()) {
      const { registered } = await createAdmin(`yeu${i}@hoabinh.example.gov.vn`, password, 'contributor');
      expect(registered.status, password).toBe(400);
      expect(registered.body.error.message, password).toMatch(weakMessage);
    }
    const { registered } = await createAdmin('manh@hoabinh.example.gov.vn', 'Song-Hau-Chay-Qua-Bac-Lieu-9', 'contributor');
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  });

  it('on a change of one’s own password, a reset and the Super Admin setting it', async () => {
    const email = 'doimatkhau@hoabinh.example.gov.vn';
    const password = 'Cay-Lua-Mua-Nuoc-Noi-Ven-Song-3';
    const { id, registered } = await createAdmin(email, password, 'contributor');
    expect(registered.status).toBe(200);
    const token = registered.body.data.token;
    for (const weak of ['Password1', 'Abc@123456']) {
      const change = await call('PUT', '/admin/users/me', { token, body: { currentPassword: password, password: weak } });
      expect(change.status, weak).toBe(400);
      expect(change.body.error.message).toMatch(weakMessage);
      const reset = await call('POST', '/admin/reset-password', { body: { resetPasswordToken: 'khong-co-that', password: weak } });
      expect(reset.status, weak).toBe(400);
      expect(reset.body.error.message).toMatch(weakMessage);
      const bySuper = await call('PUT', `/admin/users/${id}`, { token: await superAdmin(), body: { password: weak } });
      expect(bySuper.status, weak).toBe(400);
      expect(bySuper.body.error.message).toMatch(weakMessage);
    }
    const good = await call('PUT', '/admin/users/me', {
      token,
      body: { currentPassword: password, password: 'Mua-Nuoc-Noi-Nam-Nay-Den-Som-8' },
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
  });

  it('for the first Super Admin too', async () => {
    // Refused before the route looks at anything else (this CMS already has its Super Admin).
    const res = await call('POST', '/admin/register-admin', {
      body: { ...SUPER, email: 'khac@hoabinh.example.gov.vn', password: 'Password1' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(weakMessage);
  });
});

describe('account events in the audit chain', () => {
  const entriesOf = (uid: string, id: number) =>
    dbRows<{ action: string; actor_name: string; meta: string | null }>(
      'SELECT action, actor_name, meta FROM editorial_review_logs WHERE target_uid = ? AND target_document_id = ? ORDER BY seq',
      [uid, String(id)],
    );
  const actor = `${SUPER.firstname} ${SUPER.lastname}`;

  it('admin accounts created, activated, deactivated, given roles and deleted', async () => {
    const token = await superAdmin();
    const { id, registered } = await createAdmin('taikhoan@hoabinh.example.gov.vn', 'Ben-Kia-Song-Co-Cay-Da-Xanh-4', 'contributor');
    expect(registered.status).toBe(200);
    const roles = (await call('GET', '/admin/roles', { token })).body.data;
    const editor = roles.find((r: AdminRole) => r.code === 'editor-in-chief');
    expect((await call('PUT', `/admin/users/${id}`, { token, body: { roles: [editor.id] } })).status).toBe(200);
    expect((await call('PUT', `/admin/users/${id}`, { token, body: { isActive: false } })).status).toBe(200);
    expect((await call('DELETE', `/admin/users/${id}`, { token })).status).toBe(200);

    const entries = entriesOf('admin::user', id);
    expect(entries.map((e) => e.action)).toEqual([
      'account-created',
      'account-activated',
      'roles-changed',
      'account-deactivated',
      'account-deleted',
    ]);
    expect(entries[0].actor_name).toBe(actor);
    expect(JSON.parse(entries[0].meta!)).toMatchObject({ email: 'taikhoan@hoabinh.example.gov.vn', roles: ['contributor'] });
    expect(JSON.parse(entries[2].meta!)).toEqual({ roles: ['editor-in-chief'] });
    expect(entries[3].actor_name).toBe(actor);
  });

  it('API tokens created and revoked in the chain; transfer tokens cannot be made (remote transfer is off); the chain verifies', async () => {
    const token = await superAdmin();
    const api = await call('POST', '/admin/api-tokens', {
      token,
      body: { name: 'doc-thu', type: 'read-only', lifespan: null, description: 'thử' },
    });
    expect(api.status, JSON.stringify(api.body)).toBe(201);
    expect((await call('DELETE', `/admin/api-tokens/${api.body.data.id}`, { token })).status).toBe(200);
    expect(entriesOf('admin::api-token', api.body.data.id).map((e) => e.action)).toEqual(['api-token-created', 'api-token-revoked']);

    // Issue 17 switched remote data transfer off (config/server.ts): no transfer token can be made, so
    // none can pull the database. Were it switched on, account-audit.ts logs their creation and revocation.
    const transfer = await call('POST', '/admin/transfer/tokens', {
      token,
      body: { name: 'chuyen-du-lieu', permissions: ['pull'], lifespan: null, description: 'thử' },
    });
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(404);

    const verify = await call('GET', '/editorial/audit/verify', { token });
    expect(verify.body.data.ok).toBe(true);
  });
});
