// Vitest global setup: one real Strapi (built app, `strapi start`) on a fresh database and a free port,
// with the demo content and one account per role, shared by the suite over real HTTP.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { GENERATED_SECRETS } from '../../scripts/lib/env.ts';
import { startCms, waitForCms } from '../../scripts/lib/portal.ts';
import { stopAll } from '../../scripts/lib/proc.ts';
import { createTestDatabase, type TestDatabase } from './postgres.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export const TEST_ROLES = [
  'strapi-super-admin',
  'contributor',
  'portal-admin',
  'editor',
  'editor-in-chief',
  'inspector',
  'finance',
] as const;

/** Unit (slug) of each test account's editorial profile; the editor has no fields, so only assignment counts. */
export const TEST_UNITS: Record<(typeof TEST_ROLES)[number], string> = {
  'strapi-super-admin': 'van-phong-hdnd-va-ubnd-huyen',
  contributor: 'trung-tam-van-hoa-the-thao-va-truyen-thong-huyen',
  'portal-admin': 'van-phong-hdnd-va-ubnd-huyen',
  editor: 'phong-van-hoa-va-thong-tin',
  'editor-in-chief': 'van-phong-hdnd-va-ubnd-huyen',
  inspector: 'phong-noi-vu',
  finance: 'phong-tai-chinh-ke-hoach',
};

export interface CmsInfo {
  url: string;
  dbClient: 'sqlite' | 'postgres';
  dir: string;
  env: Record<string, string>;
  accounts: Record<string, { email: string; password: string }>;
  /** JSON lines of the mail the CMS sent ({ to: string[], raw: string }), from a local SMTP server. */
  mailbox: string;
}

/** A local SMTP server that appends every message to a JSON-lines file (review notifications). */
async function startMailbox(file: string): Promise<{ port: number; close: () => Promise<void> }> {
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        appendFileSync(
          file,
          JSON.stringify({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') }) + '\n',
        );
        callback();
      });
    },
  });
  // A client that drops its connection (the CMS stopping while a mail is on its way) is not an error of the run.
  server.on('error', () => undefined);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

declare module 'vitest' {
  export interface ProvidedContext {
    cms: CmsInfo;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'portal-it-'));
  const port = await freePort();
  const accounts = TEST_ROLES.map((role) => ({
    role,
    email: `${role.replace(/[^a-z]/g, '')}@test.example.com`,
    password: `Test-${randomBytes(6).toString('hex')}-A1`,
    firstname: role,
    lastname: 'Test',
    unit: TEST_UNITS[role],
  }));
  const accountsFile = join(dir, 'accounts.json');
  writeFileSync(accountsFile, JSON.stringify(accounts));
  const env: Record<string, string> = Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()]));
  let db: TestDatabase | null = null;
  if (process.env.PORTAL_TEST_DB === 'postgres') {
    db = await createTestDatabase();
    Object.assign(env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: db.url });
  } else {
    env.DATABASE_FILENAME = join(dir, 'cms.db');
  }
  const mailbox = join(dir, 'mail.jsonl');
  writeFileSync(mailbox, '');
  const smtp = await startMailbox(mailbox);
  Object.assign(env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'bbt@test.example.com',
    CMS_PORT: String(port),
    HOST: '127.0.0.1',
    // Uploads of this run stay in its own directory.
    CMS_PUBLIC_DIR: join(dir, 'public'),
    PORTAL_DEMO: '1',
    PORTAL_DEMO_ACCOUNTS_FILE: accountsFile,
    STRAPI_TELEMETRY_DISABLED: 'true',
    // The question route's limits, set for the whole suite: one client (127.0.0.1) sends >1,000
    // questions; a cheap proof of work; the retention job every 2 s. Tight limits are tested on a
    // second, small CMS started by tests/integration/questions.test.ts.
    QUESTIONS_RATE_LIMIT: '100000',
    QUESTIONS_LOOKUP_RATE_LIMIT: '100000',
    QUESTIONS_POW_DIFFICULTY: '200',
    QUESTIONS_ERASE_INTERVAL_MS: '2000',
    // Scheduled go-live and expiry are checked every second (tests/integration/workflow-schedule.test.ts).
    EDITORIAL_SCHEDULER_MS: '1000',
    // The admin's site status (tests/integration/site-status.test.ts runs a fake publisher there); the
    // browser suites name their real publisher through PORTAL_TEST_CMS_ENV instead.
    ...(process.env.PORTAL_TEST_CMS_ENV
      ? {}
      : { PUBLISHER_STATUS_URL: `http://127.0.0.1:${await freePort()}/status`, SITE_STATUS_POLL_MS: '500' }),
    ...(process.env.PORTAL_TEST_CMS_ENV ? JSON.parse(process.env.PORTAL_TEST_CMS_ENV) : {}),
  });
  const child = startCms({ ...process.env, ...env } as Record<string, string>, `cms:${db ? 'pg' : 'sqlite'}`);
  // The demo seed on a loaded 2-core machine shared by several builds can take minutes.
  await waitForCms(env, child, 420_000);
  project.provide('cms', {
    url: `http://127.0.0.1:${port}`,
    dbClient: db ? 'postgres' : 'sqlite',
    dir,
    env,
    accounts: Object.fromEntries(accounts.map((a) => [a.role, { email: a.email, password: a.password }])),
    mailbox,
  });
  return async () => {
    await stopAll();
    await smtp.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
