// Starting twice on the same database adds nothing: seed, roles, demo accounts, site token, and no
// stored webhook (the CMS signs and sends the publisher's notifications itself).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_SECRETS } from '../../scripts/lib/env.ts';
import { startCms, waitForCms } from '../../scripts/lib/portal.ts';
import { stopService } from '../../scripts/lib/proc.ts';
import { freePort } from '../setup/cms.ts';

const require = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'package.json'));
const TABLES = [
  'articles',
  'documents',
  'units',
  'contacts',
  'boards',
  'schedules',
  'procedures',
  'questions',
  'pages',
  'links',
  'fields',
  'site_settings',
  'admin_roles',
  'admin_users',
  'strapi_api_tokens',
  'strapi_webhooks',
  'editorial_review_states',
  'editorial_review_logs',
  'up_permissions',
];

function counts(file: string): Record<string, number> {
  const Database = require('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

async function boot(env: Record<string, string>) {
  const child = startCms({ ...process.env, ...env } as Record<string, string>, 'cms:again');
  await waitForCms(env, child);
  await stopService(child);
}

describe('npm start is idempotent', () => {
  it('a second start on the same database creates no duplicates', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-idem-'));
    try {
      const accounts = join(dir, 'accounts.json');
      writeFileSync(
        accounts,
        JSON.stringify([
          { role: 'strapi-super-admin', email: 'root@example.com', password: 'Idem-Passw0rd-A1', firstname: 'A', lastname: 'B' },
          { role: 'contributor', email: 'ctv@example.com', password: 'Idem-Passw0rd-A1', firstname: 'C', lastname: 'D' },
        ]),
      );
      const env: Record<string, string> = {
        ...Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()])),
        DATABASE_FILENAME: join(dir, 'cms.db'),
        CMS_PORT: String(await freePort()),
        HOST: '127.0.0.1',
        PORTAL_DEMO: '1',
        PORTAL_DEMO_ACCOUNTS_FILE: accounts,
        PUBLISHER_WEBHOOK_URL: 'http://127.0.0.1:9/webhook',
      };
      await boot(env);
      const first = counts(env.DATABASE_FILENAME);
      expect(first.articles).toBeGreaterThan(100); // drafts + published rows
      expect(first.admin_users).toBe(2);
      expect(first.strapi_webhooks).toBe(0);
      await boot(env);
      expect(counts(env.DATABASE_FILENAME)).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
