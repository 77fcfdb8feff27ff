// Writes with no user behind them (issue 17): Strapi's data-transfer import is refused in production and,
// elsewhere, its writes meet the check for writes without a named system writer; remote transfer is off.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, cms, http } from '../helpers/http.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CMS_DIR = join(ROOT, 'apps', 'cms');
const STRAPI = join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const require = createRequire(join(CMS_DIR, 'package.json'));

function strapiCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [STRAPI, ...args], {
      cwd: CMS_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('exit', (code) => resolve({ code, text }));
  });
}

/** Row counts of the portal's content and the plugin's tables, and the head of the audit chain. */
function digest(file: string): string {
  const Database = require('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    const tables = [
      'articles',
      'documents',
      'units',
      'questions',
      'editorial_review_states',
      'editorial_review_logs',
      'editorial_originals',
    ];
    const counts = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get().n]));
    const head = db.prepare('SELECT seq, hash FROM editorial_review_logs ORDER BY seq DESC LIMIT 1').get();
    return JSON.stringify({ counts, head });
  } finally {
    db.close();
  }
}

describe.runIf(process.env.PORTAL_TEST_DB !== 'postgres')('Strapi data transfer', () => {
  let dir = '';
  let env: Record<string, string> = {};
  let archive = '';

  // A copy of the suite's database (the import must not touch the one the other files use), and an export of it.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-transfer-'));
    const copy = join(dir, 'cms.db');
    const Database = require('better-sqlite3');
    const src = new Database(cms().env.DATABASE_FILENAME, { readonly: true });
    src.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
    src.close();
    env = {
      ...cms().env,
      DATABASE_FILENAME: copy,
      PORTAL_DEMO: '0',
      EDITORIAL_SCHEDULER_MS: '3600000',
      STRAPI_TELEMETRY_DISABLED: 'true',
    };
    const out = await strapiCli(['export', '--no-encrypt', '--no-compress', '-f', join(dir, 'export')], env);
    expect(out.code, out.text).toBe(0);
    archive = join(dir, readdirSync(dir).find((f) => f.startsWith('export'))!);
  }, 240_000);

  it('refuses `strapi import` in production before anything loads', { timeout: 180_000 }, async () => {
    const before = digest(env.DATABASE_FILENAME);
    const out = await strapiCli(['import', '-f', archive, '--force'], { ...env, NODE_ENV: 'production' });
    expect(out.code, out.text).not.toBe(0);
    expect(out.text).toContain('Không được nhập dữ liệu bằng "strapi import"');
    expect(digest(env.DATABASE_FILENAME)).toBe(before);
  });

  it('outside production, the import’s writes name no system writer and are refused: nothing changes', { timeout: 180_000 }, async () => {
    const before = digest(env.DATABASE_FILENAME);
    const out = await strapiCli(['import', '-f', archive, '--force'], env);
    expect(out.code, out.text).not.toBe(0);
    expect(digest(env.DATABASE_FILENAME)).toBe(before);
  });
});

describe('remote data transfer', () => {
  it('is switched off: no transfer token can be made, the runner refuses', async () => {
    const token = await adminToken('strapi-super-admin');
    const created = await http('POST', '/admin/transfer/tokens', {
      token,
      body: { name: `push-${Date.now()}`, permissions: ['push'], lifespan: null, description: '' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(404);
    expect((await http('GET', '/admin/transfer/tokens', { token })).status).toBe(404);
    for (const path of ['/admin/transfer/runner/push', '/admin/transfer/runner/pull']) {
      const res = await http('GET', path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});
