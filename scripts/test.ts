// `npm test`: every suite — unit (Vitest), integration against a real Strapi on SQLite and on
// PostgreSQL, the publisher and site suites, and browser tests in Debian's Chromium.
// Ends with one line "N passed, N failed"; exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
// The portal's one time zone (packages/content, built by prepare.ts before any command runs).
import { TIME_ZONE } from '../packages/content/dist/dates.js';
import { NODE, ROOT } from './lib/paths.ts';
import { ensureChromium, ensureDockerCompose, ensureJava, ensureNginx, startPostgres, type Postgres } from './lib/services.ts';

interface Suite {
  name: string;
  args: string[];
  env?: Record<string, string>;
  when?: () => boolean;
  extended?: boolean;
}

const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

const SUITES: Suite[] = [
  { name: 'unit', args: ['run', '--config', 'vitest.config.ts'] },
  { name: 'publisher', args: ['run', '--root', 'apps/publisher'], when: () => existsSync(join(ROOT, 'apps/publisher/vitest.config.ts')) },
  { name: 'site', args: ['run', '--root', 'apps/site'], when: () => existsSync(join(ROOT, 'apps/site/vitest.config.ts')) },
  { name: 'integration-sqlite', args: ['run', '--config', 'tests/vitest.integration.config.ts'] },
  { name: 'integration-postgres', args: ['run', '--config', 'tests/vitest.integration.config.ts'], env: { PORTAL_TEST_DB: 'postgres' } },
  {
    name: 'browser',
    args: ['run', '--config', 'tests/vitest.browser.config.ts'],
    when: () => existsSync(join(ROOT, 'tests/vitest.browser.config.ts')),
  },
  {
    name: 'browser-admin',
    args: ['run', '--config', 'tests/vitest.browser-admin.config.ts'],
    when: () => existsSync(join(ROOT, 'tests/vitest.browser-admin.config.ts')),
  },
  // `npm run test:extended` (heavier matrices, outside CI's budget); never part of a plain `npm test`.
  { name: 'extended', args: ['run', '--config', 'tests/vitest.extended.config.ts'], extended: true },
  // The route matrix (every route × every role, tests/integration/route-matrix.test.ts) on PostgreSQL;
  // the integration suites run it on SQLite.
  {
    name: 'route-matrix-postgres',
    args: ['run', '--config', 'tests/vitest.integration.config.ts', 'tests/integration/route-matrix.test.ts'],
    env: { PORTAL_TEST_DB: 'postgres', PORTAL_ROUTE_MATRIX_ROLES: 'all' },
    extended: true,
  },
  // The admin in Vietnamese and its menus for every board role (CI walks two of each; admin-vietnamese
  // and admin-editorial in tests/browser).
  {
    name: 'browser-admin-all-roles',
    args: [
      'run',
      '--config',
      'tests/vitest.browser-admin.config.ts',
      'tests/browser/admin-vietnamese.test.ts',
      'tests/browser/admin-editorial.test.ts',
    ],
    env: { PORTAL_ADMIN_ALL_ROLES: '1' },
    extended: true,
  },
];

// `npm test -- integration-sqlite tests/integration/workflow.test.ts`: suite names select suites, any
// other argument is a Vitest file filter passed to each selected suite.
const EXTENDED = process.argv.includes('--extended');
const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const only = args.filter((a) => SUITES.some((s) => s.name === a));
const filters = args.filter((a) => !only.includes(a));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function runSuite(
  suite: Suite,
  env: NodeJS.ProcessEnv,
  out: string,
): Promise<{ passed: number; failed: number; skipped: number; ok: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [VITEST, ...suite.args, ...filters, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...env, ...suite.env },
    });
    child.on('exit', (code) => {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      if (existsSync(out)) {
        const r = JSON.parse(readFileSync(out, 'utf8'));
        passed = r.numPassedTests ?? 0;
        failed = r.numFailedTests ?? 0;
        skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
        // Files that failed to load count as failures even when no test inside them ran.
        failed += (r.testResults ?? []).filter((f: any) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
      } else if (code !== 0) failed = 1;
      resolve({ passed, failed, skipped, ok: code === 0 && failed === 0 });
    });
  });
}

async function main() {
  const t0 = Date.now();
  if (filters.length && !only.length)
    throw new Error(`name the suite to run ${filters.join(' ')} in (one of: ${SUITES.map((s) => s.name).join(', ')})`);
  const selected = SUITES.filter((s) => (only.length ? only.includes(s.name) : !!s.extended === EXTENDED) && (s.when?.() ?? true));
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: TIME_ZONE };
  if (selected.some((s) => s.name === 'unit')) {
    ensureDockerCompose();
    ensureNginx();
  }
  if (selected.some((s) => s.name.startsWith('browser'))) env.PORTAL_CHROMIUM = ensureChromium();
  if (selected.some((s) => s.name === 'site')) env.PORTAL_JAVA = ensureJava();
  let pg: Postgres | null = null;
  if (!selected.length) throw new Error('no suite selected');
  // PostgreSQL for its suite, and for the extended matrices that repeat a case on it.
  if (selected.some((s) => ['integration-postgres', 'extended', 'route-matrix-postgres'].includes(s.name))) {
    pg = startPostgres(await freePort());
    env.PORTAL_TEST_PG_URL = pg.url;
    // An interrupted run must not leave the private cluster running.
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        pg?.stop();
        process.exit(130);
      });
    }
  }
  const tmp = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  let allOk = true;
  try {
    for (const suite of selected) {
      console.log(`\n===== ${suite.name} =====`);
      const s0 = Date.now();
      const r = await runSuite(suite, env, join(tmp, `${suite.name}.json`));
      totals.passed += r.passed;
      totals.failed += r.failed;
      totals.skipped += r.skipped;
      allOk &&= r.ok;
      lines.push(
        `${suite.name.padEnd(22)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${((Date.now() - s0) / 1000).toFixed(0)} s${r.ok ? '' : '  FAILED'}`,
      );
    }
  } finally {
    pg?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\n${lines.join('\n')}\ntotal time ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (!allOk && totals.failed === 0) totals.failed = 1; // a suite crashed without reporting tests
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(allOk ? 0 : 1);
}

main().catch((err) => {
  console.error(`[test] ${err instanceof Error ? err.stack : err}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
