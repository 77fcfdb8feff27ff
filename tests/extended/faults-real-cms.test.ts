// The CMS stopped during a real build and started again, on SQLite and on PostgreSQL (issue 22): the
// real CMS with the demo content, the real publisher and the real Astro build. The build that runs while
// the CMS is down fails, the old site is served throughout, and once the CMS is back the live site
// reaches the CMS revision with no human step. (The other faults, which do not depend on the database,
// run in CI: apps/publisher/test/faults.e2e.test.ts.)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_SECRETS } from '../../scripts/lib/env.ts';
import { startCms, startPublisher, waitForCms } from '../../scripts/lib/portal.ts';
import { stopService } from '../../scripts/lib/proc.ts';
import { freePort } from '../setup/cms.ts';
import { createTestDatabase, type TestDatabase } from '../setup/postgres.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(f: () => Promise<T>, what: string, ms: number): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await f().catch(() => null);
    if (v) return v;
    await sleep(500);
  }
  throw new Error(`timed out: ${what}`);
}

for (const client of ['sqlite', 'postgres'] as const) {
  describe.skipIf(client === 'postgres' && !process.env.PORTAL_TEST_PG_URL)(`the CMS stopped during a build (${client})`, () => {
    const dir = mkdtempSync(join(tmpdir(), `faults-${client}-`));
    let db: TestDatabase | null = null;
    const stops: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const stop of stops.reverse()) await stop();
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('fails that build, keeps serving the old site, converges when the CMS is back', { timeout: 1_500_000 }, async () => {
      const [cmsPort, sitePort, apiPort] = [await freePort(), await freePort(), await freePort()];
      const password = `Test-${randomBytes(6).toString('hex')}-A1`;
      const accounts = join(dir, 'accounts.json');
      writeFileSync(
        accounts,
        JSON.stringify([
          { role: 'strapi-super-admin', email: 'admin@test.example.com', password, firstname: 'Quản trị', lastname: 'Test' },
        ]),
      );
      const secrets = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
      if (client === 'postgres') db = await createTestDatabase();
      const dbEnv: Record<string, string> = db
        ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: db.url }
        : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(dir, 'cms.db') };
      const cmsEnv: Record<string, string> = {
        ...(process.env as Record<string, string>),
        ...secrets,
        ...dbEnv,
        CMS_PORT: String(cmsPort),
        HOST: '127.0.0.1',
        CMS_PUBLIC_DIR: join(dir, 'public'),
        PORTAL_DEMO: '1',
        PORTAL_DEMO_ACCOUNTS_FILE: accounts,
        STRAPI_TELEMETRY_DISABLED: 'true',
        SITE_URL: `http://127.0.0.1:${sitePort}`,
        PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/webhook`,
      };
      const cmsUrl = `http://127.0.0.1:${cmsPort}`;
      let cms = startCms(cmsEnv, `cms:${client}`);
      stops.push(() => stopService(cms));
      await waitForCms(cmsEnv, cms, 300_000);

      const publisher = startPublisher(
        {
          ...cmsEnv,
          CMS_URL: cmsUrl,
          CMS_PUBLIC_URL: cmsUrl,
          SITE_PORT: String(sitePort),
          SITE_HOST: '127.0.0.1',
          PUBLISHER_PORT: String(apiPort),
          PUBLISHER_DATA_DIR: join(dir, 'publisher'),
          PUBLISHER_ADMIN_TOKEN: 'test-admin-token-0123456789abcdef',
          PUBLISHER_DEBOUNCE_MS: '4000',
          PUBLISHER_RECONCILE_MS: '3000',
          PUBLISHER_RETRY_BASE_MS: '2000',
          PUBLISHER_FAST_LANE: 'off',
        },
        `publisher:${client}`,
      );
      stops.push(() => stopService(publisher));
      const status = async () => (await fetch(`http://127.0.0.1:${apiPort}/status`)).json();
      const revision = async () =>
        (await (await fetch(`${cmsUrl}/api/revision`, { headers: { Authorization: `Bearer ${secrets.SITE_API_TOKEN}` } })).json()).data
          .revision as number;
      const home = async () => (await fetch(`http://127.0.0.1:${sitePort}/`)).status;
      const first = await until(async () => (await status()).live, 'the first build', 900_000);

      // A change (a web link: no review), then the CMS goes away before the debounced build reads it.
      const login = await (
        await fetch(`${cmsUrl}/admin/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@test.example.com', password }),
        })
      ).json();
      const token = login.data.token as string;
      const title = `Liên kết thử lỗi ${Date.now()}`;
      const created = await fetch(`${cmsUrl}/content-manager/collection-types/api::link.link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ title, url: 'https://dichvucong.gov.vn/', group: 'web' }),
      });
      expect(created.status).toBe(201);
      const target = await revision();
      expect(target).toBeGreaterThan(first.revision);
      await stopService(cms);

      const failed = await until(async () => (await status()).lastError, 'the build to fail while the CMS is down', 600_000);
      expect(failed.at).toBeTruthy();
      expect(await home()).toBe(200);
      expect((await status()).live.id).toBe(first.id);

      cms = startCms(cmsEnv, `cms:${client}:again`);
      await waitForCms(cmsEnv, cms, 300_000);
      const live = await until(
        async () => ((await status()).live?.revision === target ? (await status()).live : null),
        'the site to reach the CMS revision',
        900_000,
      );
      expect(live.id).not.toBe(first.id);
      expect(await home()).toBe(200);
    });
  });
}
