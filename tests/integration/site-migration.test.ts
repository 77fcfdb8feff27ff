// Migration to sites (issue 28): a single-site database — made here by taking the site tables out of a
// small CMS's database, as it was before sites existed — is backed up, restored into an empty
// installation, and on its first start its settings become the first (primary) site and every content
// row, file and folder joins it. The CMS has its own SQLite database (the suite's CMS stays untouched).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backup } from '../../scripts/backup.ts';
import { restore } from '../../scripts/restore.ts';
import { GENERATED_SECRETS } from '../../scripts/lib/env.ts';
import { startCms, waitForCms } from '../../scripts/lib/portal.ts';
import { stopService } from '../../scripts/lib/proc.ts';
import { freePort } from '../setup/cms.ts';

const require = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'package.json'));
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SUPER = { firstname: 'Quản', lastname: 'Trị', email: 'quantri-migration@example.com', password: 'Chuyen-Doi-So-2026-xQ7!' };

const work = mkdtempSync(join(tmpdir(), 'portal-site-migration-'));
let child: ChildProcess | null = null;
afterAll(async () => {
  await stopService(child);
  rmSync(work, { recursive: true, force: true });
});

function envFor(name: string, port: number): Record<string, string> {
  const env: Record<string, string> = {
    ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>),
    ...Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()])),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: join(work, name, 'cms.db'),
    CMS_PUBLIC_DIR: join(work, name, 'public'),
    CMS_PORT: String(port),
    HOST: '127.0.0.1',
    PORTAL_DEMO: '0',
    // The first Super Admin signs up through the API here; the second step is tested in second-factor.test.ts.
    ADMIN_SECOND_FACTOR: 'off',
    PORTAL_DEMO_ACCOUNTS_FILE: '',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  delete env.DATABASE_URL;
  return env;
}

async function call(base: string, method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = opts.token ? { Authorization: `Bearer ${opts.token}` } : {};
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The few better-sqlite3 calls used here. */
interface Sqlite {
  prepare(sql: string): { all(): unknown[]; get(): unknown; run(): unknown };
  close(): void;
}

function sqlite<T>(file: string, fn: (db: Sqlite) => T): T {
  const Database = require('better-sqlite3');
  const db = new Database(file) as Sqlite;
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('migration of a single-site installation', () => {
  it('restores a pre-migration backup, and its content becomes the first site', { timeout: 420_000 }, async () => {
    // 1. A small installation with settings, a link and a file.
    const old = envFor('old', await freePort());
    const oldBase = `http://127.0.0.1:${old.CMS_PORT}`;
    child = startCms(old, 'cms:before-sites');
    await waitForCms(old, child);
    const admin = await call(oldBase, 'POST', '/admin/register-admin', { body: SUPER });
    expect(admin.status, JSON.stringify(admin.body)).toBe(200);
    const token = admin.body.data.token;
    const settings = await call(oldBase, 'PUT', '/content-manager/single-types/api::site-setting.site-setting', {
      token,
      body: {
        portalName: 'Cổng thông tin điện tử xã Mỹ Lâm',
        agencyName: 'Ủy ban nhân dân xã Mỹ Lâm',
        adminLevel: 'commune',
        domain: 'mylam.example.gov.vn',
      },
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const link = await call(oldBase, 'POST', '/content-manager/collection-types/api::link.link', {
      token,
      body: { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn', group: 'online_service' },
    });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    const form = new FormData();
    form.append('files', new Blob([PNG], { type: 'image/png' }), 'logo-cu.png');
    expect((await call(oldBase, 'POST', '/upload', { token, body: form })).status).toBe(201);
    await stopService(child);
    child = null;

    // 2. Back to the schema before sites: no site tables, no site on profiles, no proposals.
    sqlite(old.DATABASE_FILENAME, (db) => {
      const tables = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE '%site_lnk' OR name LIKE 'sites%' OR name = 'editorial_proposals')",
        )
        .all()
        .map((r) => (r as { name: string }).name);
      expect(tables).toContain('links_site_lnk');
      for (const t of tables) db.prepare(`DROP TABLE "${t}"`).run();
      db.prepare("DELETE FROM files_related_mph WHERE related_type = 'api::site.site'").run();
      for (const c of ['site_id', 'across_sites']) db.prepare(`ALTER TABLE editorial_profiles DROP COLUMN ${c}`).run();
      // Strapi compares its stored schema with the model at start: without it, the tables are made anew.
      db.prepare('DELETE FROM strapi_database_schema').run();
    });

    // 3. The pre-migration backup, restored into an empty installation.
    const { archive } = await backup({ env: old, dir: join(work, 'archives'), keep: 3, log: () => {} });
    const fresh = envFor('fresh', await freePort());
    await restore({ archive, env: fresh, log: () => {} });
    expect(sqlite(fresh.DATABASE_FILENAME, (db) => db.prepare("SELECT name FROM sqlite_master WHERE name = 'sites'").all())).toEqual([]);

    // 4. First start on the restored data: the migration.
    const base = `http://127.0.0.1:${fresh.CMS_PORT}`;
    child = startCms(fresh, 'cms:migrated');
    await waitForCms(fresh, child);
    const sites = await call(base, 'GET', '/api/sites');
    expect(sites.status).toBe(200);
    expect(sites.body.data).toHaveLength(1);
    expect(sites.body.data[0]).toMatchObject({
      name: 'Cổng thông tin điện tử xã Mỹ Lâm',
      portalName: 'Cổng thông tin điện tử xã Mỹ Lâm',
      agencyName: 'Ủy ban nhân dân xã Mỹ Lâm',
      domain: 'mylam.example.gov.vn',
      level: 'commune',
      primary: true,
    });
    const siteId = sites.body.data[0].id;
    const links = await call(base, 'GET', '/api/links');
    expect(links.body.data.map((l: { title: string }) => l.title)).toEqual(['Cổng Dịch vụ công quốc gia']);
    await stopService(child);
    child = null;
    // Every row of every site-scoped table joined the first site (content, files).
    sqlite(fresh.DATABASE_FILENAME, (db) => {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM links')).toBe(1);
      expect(count(`SELECT count(*) AS n FROM links_site_lnk WHERE site_id = ${siteId}`)).toBe(1);
      expect(count('SELECT count(*) AS n FROM files')).toBe(1);
      expect(count(`SELECT count(*) AS n FROM files_site_lnk WHERE site_id = ${siteId}`)).toBe(1);
    });

    // 5. A second start changes nothing (the migration runs once).
    child = startCms(fresh, 'cms:migrated-again');
    await waitForCms(fresh, child);
    expect((await call(base, 'GET', '/api/sites')).body.data).toHaveLength(1);
  });
});
