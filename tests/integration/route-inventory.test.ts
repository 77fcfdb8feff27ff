// Every registered route has a row in tests/integration/route-table.ts, and the anonymous caller gets
// what the rules say for its row (`expected`; every role: route-matrix.test.ts). SQLite only: the
// route list comes from `strapi routes:list` on a copy of the suite's database.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbQuery } from '../helpers/db.ts';
import { cms, http } from '../helpers/http.ts';
import { listRoutes, parseRoutes } from '../helpers/routes.ts';
import { ROUTES, expected } from './route-table.ts';

const CMS_DIR = join(import.meta.dirname, '..', '..', 'apps', 'cms');
const require = createRequire(join(CMS_DIR, 'package.json'));

/** Row counts and latest change of the tables a refused call could touch. */
const DIGEST_TABLES = [
  'articles',
  'documents',
  'questions',
  'units',
  'editorial_review_states',
  'editorial_review_logs',
  'editorial_originals',
  'admin_users',
  'admin_roles',
  'admin_permissions',
  'strapi_api_tokens',
  'strapi_transfer_tokens',
  'files',
  'up_users',
  'up_roles',
  'strapi_webhooks',
  'strapi_core_store_settings',
];
let columns: Record<string, boolean> | null = null;
function digest(): string {
  columns ??= Object.fromEntries(
    DIGEST_TABLES.map((t) => [t, dbQuery<{ name: string }>(`PRAGMA table_info(${t})`).some((c) => c.name === 'updated_at')]),
  );
  return JSON.stringify(
    DIGEST_TABLES.map((t) => dbQuery(`SELECT COUNT(*) AS n, MAX(id) AS m${columns![t] ? ', MAX(updated_at) AS u' : ''} FROM ${t}`)[0]),
  );
}

describe.runIf(process.env.PORTAL_TEST_DB !== 'postgres')('route inventory', () => {
  let registered: string[] = [];
  let articleId = '';

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-routes-'));
    const copy = join(dir, 'cms.db');
    const Database = require('better-sqlite3');
    const src = new Database(cms().env.DATABASE_FILENAME, { readonly: true });
    src.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
    src.close();
    registered = parseRoutes(
      await listRoutes({
        ...cms().env,
        DATABASE_FILENAME: copy,
        PORTAL_DEMO: '0',
        EDITORIAL_SCHEDULER_MS: '3600000',
        STRAPI_TELEMETRY_DISABLED: 'true',
      }),
    );
    articleId = (await http('GET', '/api/articles?pagination[pageSize]=1')).body.data[0].documentId;
  }, 240_000);

  it('has exactly one row per registered route, and no row for a route that is gone', () => {
    expect(registered.length).toBeGreaterThan(250);
    expect(
      registered.filter((r) => !(r in ROUTES)),
      'routes without a row',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !registered.includes(r)),
      'rows without a route',
    ).toEqual([]);
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('the anonymous caller gets what each row says', { timeout: 300_000 }, async () => {
    const wrong: string[] = [];
    for (const [route, row] of Object.entries(ROUTES)) {
      // Item rows as another's draft: the anonymous caller has no item of its own.
      const anonymous = expected(row, 'anonymous', { owner: 'another', stage: 'draft' });
      if (anonymous === 'n/a') continue;
      const [methods, path] = route.split(' ');
      const method = methods.split('|').includes('GET') ? 'GET' : methods.split('|')[0];
      // Real ids where a parameter is expected; regexp parts of a path get a plain segment.
      const url = path
        .replace(/:(id|documentId)\b/g, articleId)
        .replace(/:[a-zA-Z]+\*?/g, 'api::article.article')
        .replace(/\(\.\*\)/g, 'x');
      const before = digest();
      const res = await http(method, url, method === 'GET' || method === 'DELETE' ? {} : { body: {} });
      const changed = digest() !== before;
      const ok = anonymous === 'refused' ? [401, 403].includes(res.status) && !changed : res.status < 500 && !changed;
      if (!ok) wrong.push(`${route} → ${res.status}${changed ? ' (database changed)' : ''}`);
    }
    expect(wrong).toEqual([]);
  });
});
