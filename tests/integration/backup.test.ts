// Backup → restore round trip on the suite's CMS (SQLite or PostgreSQL, demo content): the archive
// holds the database, uploads, settings and a manifest; restore refuses a non-empty target; a CMS
// started on the restored data serves the same content, its review log still verifies, and the
// content checksum of the restored database equals the one of the backup.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, prune } from '../../scripts/backup.ts';
import { restore } from '../../scripts/restore.ts';
import { dbTarget, openDb, snapshot, uploadsDir } from '../../scripts/lib/dbsnap.ts';
import { startCms, waitForCms } from '../../scripts/lib/portal.ts';
import { stopService } from '../../scripts/lib/proc.ts';
import { freePort } from '../setup/cms.ts';
import { createTestDatabase, type TestDatabase } from '../setup/postgres.ts';
import { adminToken, cms, http, readJson } from '../helpers/http.ts';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PUBLIC_TYPES = ['articles', 'documents', 'procedures', 'questions', 'units', 'schedules', 'contacts', 'links', 'pages'];

const work = mkdtempSync(join(tmpdir(), 'portal-backup-it-'));
let restoredDb: TestDatabase | null = null;
let restoredCms: ChildProcess | null = null;

afterAll(async () => {
  await stopService(restoredCms);
  await restoredDb?.drop();
  rmSync(work, { recursive: true, force: true });
});

async function login(base: string, role: string): Promise<string> {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(cms().accounts[role]),
  });
  expect(res.status).toBe(200);
  return (await readJson<{ data: { token: string } }>(res)).data.token;
}

async function verify(base: string) {
  const res = await fetch(`${base}/editorial/audit/verify`, { headers: { Authorization: `Bearer ${await login(base, 'inspector')}` } });
  expect(res.status).toBe(200);
  return (await readJson<{ data: { ok: boolean; entries: number; head: string } }>(res)).data;
}

async function totals(base: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of PUBLIC_TYPES) {
    const res = await fetch(`${base}/api/${t}?pagination[pageSize]=1`);
    out[t] = res.status === 200 ? (await readJson<{ meta: { pagination: { total: number } } }>(res)).meta.pagination.total : -res.status;
  }
  return out;
}

describe('backup and restore', () => {
  it('round-trips the demo data exactly into a fresh installation', { timeout: 420_000 }, async () => {
    const info = cms();
    // An uploaded file, so the archive carries media too.
    const form = new FormData();
    form.append('files', new Blob([PNG], { type: 'image/png' }), 'backup-test.png');
    const up = await http('POST', '/upload', { token: await adminToken('strapi-super-admin'), body: form });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const fileUrl: string = (Array.isArray(up.body) ? up.body[0] : (up.body.data?.[0] ?? up.body[0])).url;
    expect(fileUrl).toMatch(/^\/uploads\//);
    const fileBytes = Buffer.from(await (await fetch(info.url + fileUrl)).arrayBuffer());
    expect(fileBytes.length).toBeGreaterThan(0);

    const before = await verify(info.url);
    expect(before.ok).toBe(true);
    expect(before.entries).toBeGreaterThan(0);
    const beforeTotals = await totals(info.url);

    const { archive, manifest } = await backup({ env: info.env, dir: join(work, 'archives'), keep: 3, log: () => {} });
    const listing = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(
      expect.arrayContaining(['./manifest.json', './settings.json', `./db/${info.dbClient === 'sqlite' ? 'cms.db' : 'portal.pgdump'}`]),
    );
    expect(listing.some((f) => f.startsWith('./uploads/') && f.endsWith('.png'))).toBe(true);
    expect(manifest.database.client).toBe(info.dbClient);
    expect(manifest.versions.strapi).toMatch(/^5\./);
    expect(manifest.counts['api::article.article'].documents).toBeGreaterThanOrEqual(50);
    expect(manifest.counts['plugin::editorial.review-log'].rows).toBe(before.entries);
    expect(manifest.uploads.files).toBeGreaterThanOrEqual(1);
    // The manifest describes the live database exactly.
    const live = await openDb(dbTarget(info.env));
    try {
      expect((await snapshot(live)).contentChecksum).toBe(manifest.contentChecksum);
    } finally {
      await live.close();
    }

    // A fresh installation: another database and another public dir.
    const fresh: Record<string, string> = { ...info.env, CMS_PUBLIC_DIR: join(work, 'restored-public') };
    if (info.dbClient === 'postgres') {
      restoredDb = await createTestDatabase();
      fresh.DATABASE_URL = restoredDb.url;
    } else {
      fresh.DATABASE_FILENAME = join(work, 'restored', 'cms.db');
    }
    const restored = await restore({ archive, env: fresh, log: () => {} });
    expect(restored.contentChecksum).toBe(manifest.contentChecksum);
    expect(existsSync(join(uploadsDir(fresh), fileUrl.replace('/uploads/', '')))).toBe(true);

    // Never over a database in use without --force.
    await expect(restore({ archive, env: fresh, log: () => {} })).rejects.toThrow(/not empty/);
    await expect(restore({ archive, env: info.env, log: () => {} })).rejects.toThrow(/not empty/);

    // A CMS on the restored data.
    const port = await freePort();
    const env = { ...process.env, ...fresh, CMS_PORT: String(port), PORTAL_DEMO: '0', PORTAL_DEMO_ACCOUNTS_FILE: '' };
    restoredCms = startCms(env as Record<string, string>, 'cms:restored');
    await waitForCms(env, restoredCms, 300_000);
    const base = `http://127.0.0.1:${port}`;
    const after = await verify(base);
    expect(after).toEqual(before);
    expect(await totals(base)).toEqual(beforeTotals);
    const media = await fetch(base + fileUrl);
    expect(media.status).toBe(200);
    expect(Buffer.from(await media.arrayBuffer()).equals(fileBytes)).toBe(true);
    const settings = JSON.parse(execFileSync('tar', ['-xzOf', archive, './settings.json'], { encoding: 'utf8' }));
    const apiSettings = (await readJson<{ data: { portalName: string } }>(await fetch(`${base}/api/site-setting`))).data;
    expect(settings[0].portal_name).toBe(apiSettings.portalName);
    await stopService(restoredCms);

    // Starting the CMS on the restored data changed no content row.
    const db = await openDb(dbTarget(fresh));
    try {
      expect((await snapshot(db)).contentChecksum).toBe(manifest.contentChecksum);
    } finally {
      await db.close();
    }

    // --force replaces a database in use (PostgreSQL: pg_restore --clean over the existing tables).
    const forced = await restore({ archive, env: fresh, force: true, log: () => {} });
    expect(forced.contentChecksum).toBe(manifest.contentChecksum);
    expect(readdirSync(uploadsDir(fresh)).filter((n) => n !== '.gitkeep').length).toBe(manifest.uploads.files);
  });

  it('keeps the newest BACKUP_KEEP archives', () => {
    const dir = join(work, 'prune');
    execFileSync('mkdir', ['-p', dir]);
    const names = ['20250101-020000-000', '20250102-020000-000', '20250103-020000-000', '20250104-020000-000'].map(
      (s) => `portal-backup-${s}.tar.gz`,
    );
    for (const n of names) writeFileSync(join(dir, n), '');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    expect(prune(dir, 2)).toEqual(names.slice(0, 2));
    expect(readdirSync(dir).sort()).toEqual([...names.slice(2), 'notes.txt'].sort());
    expect(prune(dir, 0)).toEqual([]);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('kept');
  });
});
