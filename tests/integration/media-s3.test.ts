// Media on S3-compatible storage, chosen by environment variables alone: a CMS of its own (fresh SQLite,
// demo content) with UPLOAD_PROVIDER=s3 against a local S3 server (@20minutes/s3rver) on 127.0.0.1.
// An upload lands in the bucket, the API returns a URL under S3_PUBLIC_URL, the admin's CSP allows
// that host. The same CMS runs with LOG_FORMAT=json: request ids in and out, on the log lines.
// Media storage does not depend on the database, so this file runs in the SQLite suite only.
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_SECRETS } from '../../scripts/lib/env.ts';
import { startCms, waitForCms } from '../../scripts/lib/portal.ts';
import { stopService } from '../../scripts/lib/proc.ts';
import { freePort } from '../setup/cms.ts';
import { readJson } from '../helpers/http.ts';

/** What this test uses of @20minutes/s3rver (it ships no types). */
interface S3Server {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
interface UploadFile {
  id: number;
  url: string;
  provider: string;
}

const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as new (options: Record<string, unknown>) => S3Server;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const BUCKET = 'portal-media';

describe.skipIf(process.env.PORTAL_TEST_DB === 'postgres')('media on S3-compatible storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-s3-'));
  let s3: S3Server | undefined;
  let endpoint = '';
  let child: ChildProcess;
  let base = '';
  let env: Record<string, string> = {};
  const lines: string[] = [];
  const admin = { email: 's3admin@test.example.com', password: `S3-${randomBytes(6).toString('hex')}-Aa1` };

  beforeAll(async () => {
    // Signatures are not what is tested here (the SDK's newest signing differs from the emulator's).
    s3 = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      allowMismatchedSignatures: true,
      directory: join(dir, 's3'),
      configureBuckets: [{ name: BUCKET }],
    });
    const addr = await s3!.run();
    endpoint = `http://127.0.0.1:${addr.port}`;
    const accounts = join(dir, 'accounts.json');
    writeFileSync(accounts, JSON.stringify([{ role: 'strapi-super-admin', firstname: 'S3', lastname: 'Admin', ...admin }]));
    const port = await freePort();
    env = {
      ...Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()])),
      DATABASE_FILENAME: join(dir, 'cms.db'),
      CMS_PUBLIC_DIR: join(dir, 'public'),
      CMS_PORT: String(port),
      HOST: '127.0.0.1',
      PORTAL_DEMO: '1',
      PORTAL_DEMO_ACCOUNTS_FILE: accounts,
      STRAPI_TELEMETRY_DISABLED: 'true',
      LOG_FORMAT: 'json',
      UPLOAD_PROVIDER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PUBLIC_URL: `${endpoint}/${BUCKET}`,
      S3_FORCE_PATH_STYLE: 'true',
    };
    child = startCms({ ...process.env, ...env }, 'cms:s3');
    createInterface({ input: child.stdout! }).on('line', (l) => lines.push(l));
    await waitForCms(env, child, 300_000);
    base = `http://127.0.0.1:${port}`;
  }, 360_000);

  afterAll(async () => {
    await stopService(child);
    await s3?.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  const token = async () => {
    const res = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(admin),
    });
    expect(res.status).toBe(200);
    return (await readJson<{ data: { token: string } }>(res)).data.token;
  };

  it('stores an upload in the bucket and the API returns its public S3 URL', async () => {
    const jwt = await token();
    const form = new FormData();
    form.append('files', new Blob([PNG], { type: 'image/png' }), 'logo-s3.png');
    const up = await fetch(`${base}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${jwt}` }, body: form });
    const upBody = await readJson<UploadFile[] | { data: UploadFile[] }>(up);
    expect(up.status, JSON.stringify(upBody)).toBe(201);
    const file = (Array.isArray(upBody) ? upBody[0] : upBody.data[0])!;
    expect(file.provider).toBe('aws-s3');
    expect(file.url.startsWith(`${endpoint}/${BUCKET}/`)).toBe(true);

    // The object is in the bucket (S3 ListObjectsV2) and served at the URL the API gave.
    const key = file.url.slice(`${endpoint}/${BUCKET}/`.length);
    const list = await (await fetch(`${endpoint}/${BUCKET}?list-type=2`)).text();
    const objects = [...list.matchAll(/<Contents>.*?<Key>([^<]+)<\/Key>.*?<Size>(\d+)<\/Size>.*?<\/Contents>/gs)].map((m) => ({
      key: m[1],
      size: Number(m[2]),
    }));
    expect(objects.map((o) => o.key)).toContain(key);
    const size = objects.find((o) => o.key === key)?.size;
    const obj = await fetch(file.url);
    expect(obj.status).toBe(200);
    // Strapi re-encodes images (size optimisation): the object is the stored PNG, not our exact bytes.
    const bytes = Buffer.from(await obj.arrayBuffer());
    expect(bytes.subarray(0, 8).equals(PNG.subarray(0, 8))).toBe(true);
    expect(bytes.length).toBe(size);
    // Nothing was written to the local uploads directory.
    const local = join(env.CMS_PUBLIC_DIR, 'uploads');
    expect(existsSync(local) ? readdirSync(local) : []).toEqual([]);

    // Used as the site's logo, the read API (what the site build calls, with the site token) returns the S3 URL.
    const st = `/content-manager/single-types/api::site-setting.site-setting`;
    const put = await fetch(base + st, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ logo: file.id }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const read = await fetch(`${base}/api/site-setting?populate=logo`, { headers: { Authorization: `Bearer ${env.SITE_API_TOKEN}` } });
    expect(read.status).toBe(200);
    expect((await readJson<{ data: { logo: { url: string } } }>(read)).data.logo.url).toBe(file.url);
  });

  it("allows the S3 host in the admin's Content-Security-Policy", async () => {
    const res = await fetch(`${base}/admin`);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of ['img-src', 'media-src']) {
      const directive =
        csp
          .split(';')
          .map((s) => s.trim())
          .find((s) => s.startsWith(d + ' ')) ?? '';
      expect(directive.split(/\s+/), csp).toContain(endpoint);
    }
  });

  it('writes JSON log lines carrying the request id it returns', async () => {
    const id = `it-${randomBytes(8).toString('hex')}`;
    const res = await fetch(`${base}/api/site-setting`, { headers: { 'X-Request-Id': id } });
    expect(res.headers.get('x-request-id')).toBe(id);
    const fresh = await fetch(`${base}/_health`, { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 300));
    const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(json.length).toBeGreaterThan(10);
    const line = json.find((j) => j.requestId === id);
    expect(line, 'a log line with the request id').toBeTruthy();
    expect(line).toMatchObject({ level: 'http', status: 200, path: '/api/site-setting' });
    expect(line.message).toMatch(/^GET \/api\/site-setting \(\d+ ms\) 200$/);
    expect(typeof line.timestamp).toBe('string');
  });
});
