// Citizens' questions: the only public write path. Real HTTP against the shared CMS (limits raised for
// the suite in tests/setup/cms.ts) and, for tight limits, origins and required proof of work, a second
// small CMS started here.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_SECRETS } from '../../scripts/lib/env.ts';
import { startCms, waitForCms } from '../../scripts/lib/portal.ts';
import { fieldEditorId, transition, CM, allKeys } from '../helpers/content.ts';
import { dbExec, dbQuery } from '../helpers/db.ts';
import { adminToken, cms, createApiToken, http, parseBody } from '../helpers/http.ts';
import { freePort } from '../setup/cms.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const cmsRequire = createRequire(join(ROOT, 'apps', 'cms', 'package.json'));
const UID = 'api::question.question';
const marker = () => `M${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

let fieldId = '';
const valid = (extra: Record<string, unknown> = {}) => ({
  name: 'Nguyễn Văn Dân',
  phone: '0912 345 678',
  email: 'dan.test@example.com',
  fieldId,
  title: `Hỏi về thủ tục khai sinh ${marker()}`,
  question: 'Xin hỏi làm giấy khai sinh cho con cần những giấy tờ gì, nộp ở đâu?',
  consent: 'yes',
  website: '',
  startedAt: Date.now() - 60_000,
  ...extra,
});

/** The submit route's answer: the tracking code, or a Strapi error with per-field details (the status says which). */
interface SubmitReply {
  data: { code: string };
  error: { message: string; details: { errors: Array<{ path: string[]; code?: string }> } };
}
async function post(base: string, body: string, headers: Record<string, string>, method = 'POST') {
  const res = await fetch(`${base}/api/questions/submit`, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  // Tests read `json` only when the status says JSON came back (a form post is answered with HTML).
  return { status: res.status, headers: res.headers, text, json: parseBody(text) as SubmitReply };
}
const submitJson = (body: unknown, base = cms().url, headers: Record<string, string> = {}) =>
  post(base, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers });
const form = (body: Record<string, unknown>) => new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
const submitForm = (body: Record<string, unknown>, base = cms().url, headers: Record<string, string> = {}) =>
  post(base, form(body), {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    ...headers,
  });

const rowsLike = (m: string) =>
  dbQuery<{ n: number; docs: number }>('SELECT COUNT(*) AS n, COUNT(DISTINCT document_id) AS docs FROM questions WHERE title LIKE ?', [
    `%${m}%`,
  ])[0];
interface QuestionRow {
  document_id: string;
  asker_phone: string | null;
  asker_email: string | null;
  contact_expires_at: string | number | null;
  [column: string]: unknown;
}
const rowByCode = (code: string) =>
  dbQuery<QuestionRow>('SELECT * FROM questions WHERE tracking_code = ? AND published_at IS NULL', [code])[0];

/** Solves a challenge as the ALTCHA widget does and returns the form field's value (base64 JSON). */
async function solvePow(base = cms().url): Promise<string> {
  const { solveChallenge } = cmsRequire('altcha-lib');
  const { deriveKey } = cmsRequire('altcha-lib/algorithms/sha');
  const challenge = await (await fetch(`${base}/api/questions/challenge`)).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe("citizens' questions: public submission route", () => {
  beforeAll(async () => {
    const fields = await http('GET', '/api/fields?pagination[pageSize]=1');
    fieldId = fields.body.data[0].documentId;
  });

  it('stores a valid submission exactly once, at stage submitted, with a tracking code', async () => {
    const body = valid({ altcha: await solvePow() });
    const res = await submitJson(body);
    expect(res.status, res.text).toBe(201);
    const code = res.json.data.code as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    // The same post sent again (double click, retry): same receipt, nothing stored twice.
    const again = await submitJson(body);
    expect(again.status).toBe(201);
    expect(again.json.data.code).toBe(code);
    // The same solved challenge with another question is refused.
    const other = await submitJson({ ...body, title: `Một câu hỏi khác ${marker()}` });
    expect(other.status).toBe(400);
    expect(other.json.error.details.errors[0].path).toEqual(['altcha']);

    const m = /(M[0-9a-z]+)$/.exec(body.title)![1];
    expect(rowsLike(m)).toEqual({ n: 1, docs: 1 });
    const row = rowByCode(code);
    expect(row.asker_phone).toBe('0912345678');
    expect(row.asker_email).toBe('dan.test@example.com');
    expect(row.contact_expires_at).toBeTruthy();
    const panel = await http('GET', `/editorial/panel/${UID}/${row.document_id}`, { token: await adminToken('portal-admin') });
    expect(panel.body.data.stage).toBe('submitted');
    expect(panel.body.data.history.map((h: { action: string }) => h.action)).toEqual(['receive']);
    expect(panel.body.data.actions).toContain('assign');
    const verify = await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') });
    expect(verify.body.data.ok).toBe(true);
    // The archived original keeps no contact details (it can never be changed, so it must not hold them).
    const original = dbQuery<{ content: unknown }>('SELECT content FROM editorial_originals WHERE target_document_id = ?', [
      row.document_id,
    ]);
    expect(original.length).toBe(1);
    // SQLite returns the JSON column as text, PostgreSQL (through json_agg) as an object.
    const content = typeof original[0].content === 'string' ? original[0].content : JSON.stringify(original[0].content);
    expect(content).not.toMatch(/0912345678|dan\.test@|askerPhone|trackingCode/);
  });

  it('accepts a plain HTML form post and redirects (303) to the thank-you page', async () => {
    const res = await submitForm(valid({ email: '' }), cms().url, { Origin: 'http://127.0.0.1:4999' });
    expect(res.status, res.text).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:4999\/hoi-dap\/cam-on\/\?ma=[0-9A-Z]{10}$/);
    const code = new URL(location).searchParams.get('ma')!;
    expect(rowByCode(code).asker_email).toBeNull();
  });

  it("sends a refused form post to the site's own page for the reason, with nothing typed in the URL", async () => {
    const site = 'http://127.0.0.1:4999';
    const cases: Array<[Record<string, unknown>, string]> = [
      [valid({ startedAt: Date.now() - 500, phone: '0999 888 777' }), 'qua-nhanh'],
      [valid({ startedAt: '', phone: '0999 888 777' }), 'bieu-mau'],
      [valid({ phone: '12345', email: '' }), 'thong-tin'],
    ];
    for (const [body, reason] of cases) {
      const res = await submitForm(body, cms().url, { Origin: site });
      expect(res.status, res.text).toBe(303);
      expect(res.headers.get('location')).toBe(`${site}/hoi-dap/chua-gui-duoc/${reason}/`);
    }
    // JSON callers (the site's form with JavaScript) still get the 4xx with every problem, and a code
    const fast = await submitJson(valid({ startedAt: Date.now() - 500 }), cms().url, { Origin: site });
    expect(fast.status).toBe(400);
    expect(fast.json.error.details.errors).toEqual([expect.objectContaining({ path: ['startedAt'], code: 'too_fast' })]);
    expect(fast.json.error.message).toMatch(/quá nhanh/);
  });

  it('answers a bad form post with a Vietnamese error page and the right status when the site is unknown', async () => {
    const res = await submitForm(valid({ phone: '12345', email: '' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.text).toContain('Số điện thoại không hợp lệ.');
    expect(res.text).toContain('/hoi-dap/dat-cau-hoi/');
  });

  const bad: Array<{
    name: string;
    send: (m: string) => Promise<{ status: number; json: SubmitReply; text: string }>;
    status?: number;
    path?: string;
    message?: RegExp;
  }> = [
    { name: 'empty body', send: () => submitJson({}), message: /họ và tên/ },
    { name: 'missing name', send: (m) => submitJson(valid({ name: undefined, title: `Thiếu tên ${m}` })), path: 'name' },
    {
      name: 'no way to reply',
      send: (m) => submitJson(valid({ phone: '', email: '', title: `Không liên hệ ${m}` })),
      path: 'phone',
      message: /số điện thoại hoặc thư điện tử/,
    },
    {
      name: 'invalid phone',
      send: (m) => submitJson(valid({ phone: '0123', title: `Sai số ${m}` })),
      path: 'phone',
      message: /^Số điện thoại không hợp lệ\.$/,
    },
    { name: 'invalid e-mail', send: (m) => submitJson(valid({ email: 'a@b', title: `Sai thư ${m}` })), path: 'email' },
    {
      name: 'unknown field (lĩnh vực)',
      send: (m) => submitJson(valid({ fieldId: 'khongtontai0000000000000', title: `Sai lĩnh vực ${m}` })),
      path: 'fieldId',
    },
    { name: 'title too long', send: (m) => submitJson(valid({ title: `${'Dài '.repeat(60)}${m}` })), path: 'title' },
    { name: 'question too short', send: (m) => submitJson(valid({ question: 'Hỏi?', title: `Ngắn ${m}` })), path: 'question' },
    {
      name: 'no consent',
      send: (m) => submitJson(valid({ consent: undefined, title: `Không đồng ý ${m}` })),
      path: 'consent',
      message: /Nghị định 13\/2023/,
    },
    {
      name: 'unknown fields',
      send: (m) => submitJson(valid({ isAdmin: true, askerPhone: '0912000000', title: `Trường lạ ${m}` })),
      path: 'isAdmin',
    },
    { name: 'honeypot filled', send: (m) => submitJson(valid({ website: 'http://spam.example', title: `Bẫy ${m}` })), path: 'website' },
    {
      name: 'too fast',
      send: (m) => submitJson(valid({ startedAt: Date.now() - 500, title: `Nhanh ${m}` })),
      path: 'startedAt',
      message: /quá nhanh/,
    },
    { name: 'no startedAt', send: (m) => submitJson(valid({ startedAt: undefined, title: `Không thời gian ${m}` })), path: 'startedAt' },
    { name: 'array value', send: (m) => submitJson(valid({ name: ['a', 'b'], title: `Mảng ${m}` })), path: 'name' },
    {
      name: 'nested form keys',
      send: (m) =>
        post(cms().url, `${form(valid({ title: `Lồng ${m}` }))}&name[x]=1`, {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        }),
      path: 'name',
    },
    { name: 'script only title', send: (m) => submitJson(valid({ title: `<script>alert("${m}")</script>` })), path: 'title' },
    {
      name: 'bad proof of work',
      send: async (m) =>
        submitJson(
          valid({
            title: `Sai xác minh ${m}`,
            altcha: Buffer.from(
              JSON.stringify({
                challenge: { parameters: { algorithm: 'SHA-256' }, signature: 'x' },
                solution: { counter: 1, derivedKey: 'ab' },
              }),
            ).toString('base64'),
          }),
        ),
      path: 'altcha',
    },
    { name: 'malformed JSON', send: (m) => post(cms().url, `{"title": "${m}",`, { 'Content-Type': 'application/json' }) },
    {
      name: '1 MB body',
      send: (m) => submitJson(valid({ title: `Lớn ${m}`, question: 'x'.repeat(1024 * 1024) })),
      status: 413,
      message: /quá lớn/,
    },
    { name: 'text/plain', send: (m) => post(cms().url, `title=${m}`, { 'Content-Type': 'text/plain' }), status: 415, message: /Định dạng/ },
    {
      name: 'multipart',
      send: async (m) => {
        const fd = new FormData();
        for (const [k, v] of Object.entries(valid({ title: `Nhiều phần ${m}` }))) fd.append(k, String(v));
        const res = await fetch(`${cms().url}/api/questions/submit`, { method: 'POST', body: fd });
        return { status: res.status, json: (await res.json()) as SubmitReply, text: '' };
      },
      status: 415,
    },
  ];

  for (const b of bad) {
    it(`refuses and stores nothing: ${b.name}`, async () => {
      const m = marker();
      const res = await b.send(m);
      expect(res.status, res.text).toBe(b.status ?? 400);
      const message = res.json?.error?.message;
      expect(message, res.text).toBeTruthy();
      expect(message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i); // Vietnamese
      if (b.message) expect(message).toMatch(b.message);
      if (b.path) expect(res.json.error.details.errors.map((e) => e.path[0])).toContain(b.path);
      expect(rowsLike(m).n).toBe(0);
    });
  }

  it('strips HTML: stored text has no tags', async () => {
    const m = marker();
    const res = await submitJson(
      valid({
        title: `<b>Hỏi</b> về <img src=x onerror=alert(1)>đất đai ${m}`,
        question:
          'Xin hỏi <script>alert(1)</script>thủ tục &lt;script&gt;alert(2)&lt;/script&gt; cấp sổ đỏ <a href="javascript:x">ở đâu</a>?',
        name: '<i>Trần</i> Thị B',
      }),
    );
    expect(res.status, res.text).toBe(201);
    const row = rowByCode(res.json.data.code);
    for (const v of [row.title, row.question, row.asker_name]) expect(v).not.toMatch(/[<>]/);
    expect(row.title).toBe(`Hỏi về đất đai ${m}`);
    expect(row.question).toBe('Xin hỏi thủ tục cấp sổ đỏ ở đâu?');
    expect(row.asker_name).toBe('Trần Thị B');
  });

  it('converts legacy TCVN3 text to Unicode', async () => {
    const m = marker();
    const res = await submitJson(
      valid({ title: `Céng hßa x· héi chñ nghÜa ViÖt Nam ${m}`, question: 'Xin hái vÒ thñ tôc cÊp giÊy khai sinh cho con ë x·.' }),
    );
    expect(res.status, res.text).toBe(201);
    const row = rowByCode(res.json.data.code);
    expect(row.title).toBe(`Cộng hòa xã hội chủ nghĩa Việt Nam ${m}`);
    expect(row.question).toBe('Xin hỏi về thủ tục cấp giấy khai sinh cho con ở xã.');
  });

  it('stores 1,000 submissions from 10 concurrent clients, none duplicated, none lost', { timeout: 600_000 }, async () => {
    const m = marker();
    const codes: string[] = [];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, c) => {
        for (let i = 0; i < 100; i++) {
          const res = await submitJson(
            valid({ title: `Câu hỏi tải ${m} k${c} s${i}`, phone: `09${String(c * 100 + i).padStart(8, '0')}` }),
          );
          if (res.status === 201) codes.push(res.json.data.code);
          else failures.push(`${res.status} ${res.text.slice(0, 200)}`);
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(new Set(codes).size).toBe(1000);
    expect(rowsLike(m)).toEqual({ n: 1000, docs: 1000 });
    const verify = await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') });
    expect(verify.body.data.ok).toBe(true);
  });

  it('status lookup works and leaks nothing', async () => {
    const res = await submitJson(valid());
    const code = res.json.data.code;
    const s = await http('GET', `/api/questions/status/${code.toLowerCase().slice(0, 5)}-${code.slice(5)}`);
    expect(s.status).toBe(200);
    expect(s.body.data).toMatchObject({ code, stage: 'submitted', slug: null, url: null, publishedAt: null });
    expect(s.body.data.stageLabel).toMatch(/tiếp nhận/);
    const text = JSON.stringify(s.body);
    expect(text).not.toMatch(/0912345678|dan\.test|Nguyễn Văn Dân|asker|documentId|"id"/);
    expect((await http('GET', '/api/questions/status/AAAAAAAAAA')).status).toBe(404);
    expect((await http('GET', '/api/questions/status/x')).status).toBe(400);
    expect((await http('POST', `/api/questions/status/${code}`, { body: {} })).status).toBeGreaterThanOrEqual(400);
  });

  it('goes submitted → assigned → verified → published with an answer, then appears in GET /api/questions without contact details', async () => {
    const body = valid();
    const res = await submitJson(body);
    const code = res.json.data.code;
    const documentId = rowByCode(code).document_id;
    const step = async (role: string, b: Record<string, unknown>) => {
      const r = await transition(role, { uid: UID, documentId, ...b });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.data.stage;
    };
    expect(await step('portal-admin', { action: 'assign', assigneeId: await fieldEditorId() })).toBe('assigned');
    const edit = await http('PUT', `${CM}/${UID}/${documentId}`, {
      token: await adminToken('editor'),
      body: { answer: 'Chào ông, hồ sơ gồm **tờ khai** và giấy chứng sinh.', answeredAt: new Date().toISOString() },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(await step('editor', { action: 'verify' })).toBe('verified');
    expect(await step('editor-in-chief', { action: 'approve' })).toBe('published');

    const pub = await http('GET', `/api/questions?filters[title][$eq]=${encodeURIComponent(body.title)}&populate=*`);
    expect(pub.status).toBe(200);
    expect(pub.body.data.length).toBe(1);
    expect(pub.body.data[0].answer).toMatch(/tờ khai/);
    expect(pub.body.data[0].askerName).toBe('Nguyễn Văn Dân');
    const status = await http('GET', `/api/questions/status/${code}`);
    expect(status.body.data.stage).toBe('published');
    expect(status.body.data.url).toMatch(new RegExp(`/hoi-dap/${pub.body.data[0].slug}/$`));
    expect(status.body.data.answeredAt).toBeTruthy();
  });

  it('the public API never shows contact details or tracking codes', async () => {
    const token = await createApiToken('read-only');
    for (const opts of [{}, { token }]) {
      const list = await http('GET', '/api/questions?populate=*&pagination[pageSize]=100', opts);
      expect(list.status).toBe(200);
      expect(list.body.data.length).toBeGreaterThan(0);
      const keys = allKeys(list.body);
      for (const k of ['askerPhone', 'askerEmail', 'askerAddress', 'trackingCode', 'contactExpiresAt']) expect(keys.has(k), k).toBe(false);
      const one = await http('GET', `/api/questions/${list.body.data[0].documentId}?populate=*`, opts);
      expect(allKeys(one.body).has('askerPhone')).toBe(false);
    }
    // Filtering on a private attribute is no oracle either.
    const probe = await http('GET', '/api/questions?filters[askerEmail][$eq]=dan.test@example.com');
    expect(probe.status === 400 || probe.body.data.length === (await http('GET', '/api/questions')).body.data.length).toBe(true);
  });

  it('erases contact details when their retention period is over (periodic job)', async () => {
    const res = await submitJson(valid({ address: 'Ấp 1, xã Vĩnh Mỹ A' }));
    const row = rowByCode(res.json.data.code);
    expect(row.asker_address).toBe('Ấp 1, xã Vĩnh Mỹ A');
    const past = typeof row.contact_expires_at === 'number' ? 946684800000 : '2000-01-01 00:00:00';
    dbExec('UPDATE questions SET contact_expires_at = ? WHERE document_id = ?', [past, row.document_id]);
    const deadline = Date.now() + 20_000;
    let after = rowByCode(res.json.data.code);
    while (after.asker_phone !== null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      after = rowByCode(res.json.data.code);
    }
    expect([after.asker_phone, after.asker_email, after.asker_address]).toEqual([null, null, null]);
    expect(after.asker_name).toBe('Nguyễn Văn Dân');
  });

  it('erases contact details on request with apps/cms/scripts/erase-asker.mjs', { timeout: 180_000 }, async () => {
    const email = `xoa.${marker().toLowerCase()}@example.com`;
    const a = await submitJson(valid({ email }));
    const b = await submitJson(valid({ email: email.toUpperCase(), phone: '' }));
    const keep = await submitJson(valid());
    const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'apps/cms/scripts/erase-asker.mjs'), email], {
        env: { ...process.env, ...cms().env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('exit', (code) => resolve({ code, text }));
    });
    expect(out.code, out.text).toBe(0);
    expect(out.text).toMatch(/Erased the contact details .* of 2 question\(s\) matched by email/);
    for (const r of [a, b]) expect(rowByCode(r.json.data.code).asker_email).toBeNull();
    expect(rowByCode(keep.json.data.code).asker_email).toBe('dan.test@example.com');
  });
});

// A second, small CMS (empty database) with tight limits, a site origin, trusted proxies and required
// proof of work: what the shared CMS cannot show without disturbing the other test files.
describe('question route limits on a CMS with tight settings', () => {
  let base = '';
  let child: ChildProcess;
  let dir = '';
  let dbFile = '';
  let smallFieldId = '';
  const SITE = 'http://site.example.test';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-q-'));
    dbFile = join(dir, 'cms.db');
    const port = await freePort();
    const env: Record<string, string> = {
      ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>),
      ...Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()])),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: dbFile,
      CMS_PORT: String(port),
      HOST: '127.0.0.1',
      PORTAL_DEMO: '0',
      STRAPI_TELEMETRY_DISABLED: 'true',
      SITE_URL: SITE,
      QUESTIONS_RATE_LIMIT: '3',
      QUESTIONS_RATE_WINDOW_MS: '60000',
      QUESTIONS_LOOKUP_RATE_LIMIT: '4',
      QUESTIONS_TRUSTED_PROXIES: '127.0.0.1',
      QUESTIONS_POW_REQUIRED: 'true',
      QUESTIONS_POW_DIFFICULTY: '100',
      QUESTIONS_MIN_FILL_MS: '3000',
    };
    delete env.DATABASE_URL;
    child = startCms(env, 'cms:questions');
    await waitForCms(env, child);
    base = `http://127.0.0.1:${port}`;
    // One field, written directly (this CMS has no accounts and no demo content).
    const Database = cmsRequire('better-sqlite3');
    const db = new Database(dbFile);
    smallFieldId = 'qfield00000000000000000a';
    const now = Date.now();
    db.prepare('INSERT INTO fields (document_id, name, slug, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      smallFieldId,
      'Tư pháp',
      'tu-phap',
      now,
      now,
      now,
    );
    db.close();
  }, 240_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const asClient = (ip: string, extra: Record<string, string> = {}) => ({ 'X-Forwarded-For': ip, ...extra });
  const smallValid = (extra: Record<string, unknown> = {}) => valid({ fieldId: smallFieldId, ...extra });

  it('requires the proof of work when configured, and accepts a solved one', async () => {
    const without = await submitJson(smallValid(), base, asClient('198.51.100.1'));
    expect(without.status, without.text).toBe(400);
    expect(without.json.error.details.errors[0].path).toEqual(['altcha']);
    const ok = await submitJson(smallValid({ altcha: await solvePow(base) }), base, asClient('198.51.100.1'));
    expect(ok.status, ok.text).toBe(201);
  });

  it('a client over the limit gets 429 with Retry-After; other clients are not affected', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await submitJson({}, base, asClient(ip))).status).toBe(400);
    const over = await submitJson(smallValid({ altcha: await solvePow(base) }), base, asClient(ip));
    expect(over.status).toBe(429);
    const retry = Number(over.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(over.json.error.message).toMatch(/quá nhiều/);
    // A plain form post over the limit goes to the site's own page for that reason.
    const page = await submitForm(smallValid(), base, asClient(ip));
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`${SITE}/hoi-dap/chua-gui-duoc/qua-nhieu-lan/`);
    // Through the trusted proxy, another address has its own budget.
    expect((await submitJson({}, base, asClient('203.0.113.8'))).status).toBe(400);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    // From 127.0.0.2 (not trusted): a different X-Forwarded-For on each request does not help.
    const send = (xff: string) =>
      new Promise<number>((resolve, reject) => {
        const body = '{}';
        const req = httpRequest(
          `${base}/api/questions/submit`,
          {
            method: 'POST',
            localAddress: '127.0.0.2',
            headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length), 'X-Forwarded-For': xff },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await send(`192.0.2.${i + 1}`));
    expect(statuses).toEqual([400, 400, 400, 429]);
  });

  it('the status lookup is rate-limited too', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await fetch(`${base}/api/questions/status/AAAAAAAAAA`, { headers: asClient('192.0.2.200') })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 429]);
  });

  it('only the site may post the form or read the answers cross-origin', async () => {
    const foreign = await submitJson(smallValid(), base, asClient('198.51.100.20', { Origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.message).toContain(SITE);
    const fromSite = await submitJson({}, base, asClient('198.51.100.21', { Origin: SITE }));
    expect(fromSite.status).toBe(400);
    expect(fromSite.headers.get('access-control-allow-origin')).toBe(SITE);
    const preflight = (origin: string) =>
      fetch(`${base}/api/questions/submit`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
    expect((await preflight(SITE)).headers.get('access-control-allow-origin')).toBe(SITE);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    // Form posts go back to the site: success to the thank-you page.
    const ok = await submitForm(smallValid({ altcha: await solvePow(base) }), base, asClient('198.51.100.22', { Origin: SITE }));
    expect(ok.status, ok.text).toBe(303);
    expect(ok.headers.get('location')).toMatch(new RegExp(`^${SITE}/hoi-dap/cam-on/\\?ma=[0-9A-Z]{10}$`));
  });
});
