// `npm run bench -- [--sizes 1000,10000] [--runs 3] [--prepare] [--latency-only]`: site build and approval-to-live benchmark.
// For each size N it prints medians of: the floor (bare Astro + Pagefind over N trivial pages), the
// same templates built from a JSON snapshot of the content, and the full pipeline (publisher build from
// the real CMS); then approval-to-live latency. Peak RSS per step comes from GNU time. The CMS with N
// synthetic articles is generated once and reused from a database snapshot in .data/bench/.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { GENERATED_SECRETS } from './lib/env.ts';
import { DATA, NODE, PUBLISHER_DIR, ROOT, SITE_DIR } from './lib/paths.ts';
import { startCms, startPublisher, waitForCms } from './lib/portal.ts';
import { benchStart } from './lib/start-bench.ts';
// The content package's own list of collection plurals (built by prepare.ts before the bench runs).
import { PLURALS } from '../packages/content/dist/index.js';
import { REVIEW_CHAIN } from '../packages/workflow/dist/index.js';
import { stopAll, stopService, waitForUrl } from './lib/proc.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const SIZES = opt('sizes', '1000').split(',').map(Number);
const RUNS = Number(opt('runs', '3'));
// --prepare: only generate (or check) the CMS snapshots, so a later run measures builds alone.
const PREPARE_ONLY = args.includes('--prepare');
// --latency-only: skip the full-build measurements (quicker, e.g. while tuning the quick lane).
const LATENCY_ONLY = args.includes('--latency-only');
// --start: only the start figures (scripts/lib/start-bench.ts).
const START_ONLY = args.includes('--start');
const BENCH = join(DATA, 'bench');
const ASTRO = join(SITE_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');
const PAGEFIND = join(SITE_DIR, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
const lines: string[] = [];
const say = (s: string) => {
  console.log(s);
  lines.push(s);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs a command under GNU time; returns wall seconds and peak RSS (MB). */
function timed(cmd: string[], cwd: string, env: Record<string, string | undefined>): Promise<{ s: number; mb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'MAXRSS=%M', ...cmd], {
      cwd,
      env: { ...process.env, ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${cmd.join(' ')} failed (${code}): ${err.slice(-2000)}`));
      const kb = Number(/MAXRSS=(\d+)/.exec(err)?.[1] ?? 0);
      resolve({ s: (performance.now() - t0) / 1000, mb: Math.round(kb / 1024) });
    });
  });
}

const countHtml = (dir: string): number => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;

async function cmsFor(n: number, port: number, publisherPort: number) {
  mkdirSync(BENCH, { recursive: true });
  const snapshot = join(BENCH, `cms-${n}.db`);
  const secretsFile = join(BENCH, 'secrets.json');
  if (!existsSync(secretsFile))
    writeFileSync(secretsFile, JSON.stringify(Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, f]) => [k, f()]))));
  const secrets = JSON.parse(readFileSync(secretsFile, 'utf8'));
  const accounts = join(BENCH, 'accounts.json');
  writeFileSync(
    accounts,
    JSON.stringify(
      REVIEW_CHAIN.map((role) => ({
        role,
        email: `${role.replace(/-/g, '')}@bench.example.com`,
        password: 'Bench-Passw0rd-A1',
        firstname: role,
        lastname: 'Bench',
      })),
    ),
  );
  // The CMS sends its webhooks to the publisher started by latency() on publisherPort.
  const env = {
    ...secrets,
    PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${publisherPort}/webhook`,
    HOST: '127.0.0.1',
    CMS_PORT: String(port),
    PORTAL_DEMO: '1',
    PORTAL_DEMO_ACCOUNTS_FILE: accounts,
    PORTAL_SYNTHETIC_ARTICLES: String(n),
  };
  if (!existsSync(snapshot)) {
    say(`generating the CMS snapshot with ${n} synthetic articles (once)…`);
    const tmp = join(BENCH, `cms-${n}.tmp.db`);
    rmSync(tmp, { force: true });
    const t0 = Date.now();
    const child = startCms({ ...process.env, ...env, DATABASE_FILENAME: tmp }, 'cms-gen');
    await waitForCms(env, child, 4 * 3600_000);
    await stopAll();
    copyFileSync(tmp, snapshot);
    rmSync(tmp, { force: true });
    say(`  snapshot ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const db = join(BENCH, `cms-${n}.run.db`);
  copyFileSync(snapshot, db);
  const child = startCms({ ...process.env, ...env, DATABASE_FILENAME: db }, 'cms');
  await waitForCms(env, child, 600_000);
  return { url: `http://127.0.0.1:${port}`, env: { ...env, DATABASE_FILENAME: db } as Record<string, string> };
}

async function exportSnapshot(cmsUrl: string, token: string, file: string) {
  const out: Record<string, unknown> = {};
  for (const plural of PLURALS) {
    const all: unknown[] = [];
    for (let page = 1; ; page++) {
      const r = await (
        await fetch(`${cmsUrl}/api/${plural}?populate=*&pagination[page]=${page}&pagination[pageSize]=100`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json();
      all.push(...r.data);
      if (page >= r.meta.pagination.pageCount) break;
    }
    out[plural] = all;
  }
  out['site-setting'] = (
    await (await fetch(`${cmsUrl}/api/site-setting?populate=*`, { headers: { Authorization: `Bearer ${token}` } })).json()
  ).data;
  writeFileSync(file, JSON.stringify(out));
}

function floorProject(n: number): string {
  const dir = join(SITE_DIR, 'node_modules', '.bench', `floor-${n}`);
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}');
  writeFileSync(join(dir, 'astro.config.mjs'), "export default { output: 'static', build: { format: 'directory' } };\n");
  writeFileSync(
    join(dir, 'src', 'pages', '[slug].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${n} }, (_, i) => ({ params: { slug: 'p' + i }, props: { i } }));\n}\nconst { i } = Astro.props;\n---\n<html lang="vi"><body data-pagefind-body><h1>Trang {i}</h1><p>Nội dung trang số {i} của Cổng thông tin.</p></body></html>\n`,
  );
  return dir;
}

const USAGE = `Usage: npm run bench -- [--sizes 1000,10000] [--runs 3] [--prepare] [--latency-only] [--start]
  --sizes         article counts to measure (default 1000)
  --runs          runs per figure, medians reported (default 3)
  --prepare       only generate the CMS snapshots
  --latency-only  only approval-to-live latency, no full builds
  --start         only the npm start figures (cold store, warm store, unchanged)`;

async function main() {
  if (args.includes('--help') || args.includes('-h')) return console.log(USAGE);
  if (START_ONLY) {
    say(
      `## Start benchmark ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${RUNS} runs`,
    );
    await benchStart(RUNS, say);
    return appendToDoc();
  }
  say(
    `## Benchmark run ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${RUNS} runs per figure (median)`,
  );
  for (const n of SIZES) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const publisherPort = 30000 + Math.floor(Math.random() * 10000);
    const cms = await cmsFor(n, port, publisherPort);
    if (PREPARE_ONLY) {
      await stopAll();
      continue;
    }
    if (LATENCY_ONLY) {
      say(`\n### N = ${n}: approval-to-live only`);
      await latency(cms, n, publisherPort);
      await stopAll();
      continue;
    }
    const token = cms.env.SITE_API_TOKEN;
    const snap = join(BENCH, `snapshot-${n}.json`);
    await exportSnapshot(cms.url, token, snap);
    const floorDir = floorProject(n);
    const res: Record<string, { s: number[]; mb: number[]; pages: number }> = {};
    const add = (k: string, r: { s: number; mb: number }, pages: number) => {
      res[k] ??= { s: [], mb: [], pages };
      res[k].s.push(r.s);
      res[k].mb.push(r.mb);
      res[k].pages = pages;
    };
    for (let run = 0; run < RUNS; run++) {
      // Cold caches each run: these are full builds.
      rmSync(join(floorDir, 'dist'), { recursive: true, force: true });
      rmSync(join(floorDir, 'node_modules'), { recursive: true, force: true });
      const fa = await timed([NODE, ASTRO, 'build'], floorDir, {});
      const fp = await timed([NODE, PAGEFIND, '--site', join(floorDir, 'dist')], floorDir, {});
      add('floor: astro', fa, countHtml(join(floorDir, 'dist')));
      add('floor: pagefind', fp, countHtml(join(floorDir, 'dist')));

      const tmp = mkdtempSync(join(tmpdir(), 'bench-'));
      const siteEnv = {
        PORTAL_CONTENT_SNAPSHOT: snap,
        ASTRO_OUT_DIR: join(tmp, 'dist'),
        ASTRO_CACHE_DIR: join(tmp, 'cache'),
        SITE_URL: 'http://localhost:4321',
      };
      const ta = await timed([NODE, ASTRO, 'build'], SITE_DIR, siteEnv);
      const tp = await timed([NODE, PAGEFIND, '--site', join(tmp, 'dist')], SITE_DIR, siteEnv);
      add('templates from JSON: astro', ta, countHtml(join(tmp, 'dist')));
      add('templates from JSON: pagefind', tp, countHtml(join(tmp, 'dist')));

      const pubEnv = {
        ...cms.env,
        CMS_URL: cms.url,
        SITE_URL: 'http://localhost:4321',
        PUBLISHER_DATA_DIR: join(tmp, 'pub'),
        PUBLISHER_BUILD_OUTPUT: join(tmp, 'pdist'),
        ASTRO_OUT_DIR: join(tmp, 'pdist'),
        ASTRO_CACHE_DIR: join(tmp, 'pcache'),
        PUBLISHER_ALLOW_SHRINK: '1',
      };
      const pp = await timed([NODE, join(PUBLISHER_DIR, 'src', 'cli.ts'), 'build'], PUBLISHER_DIR, pubEnv);
      add('pipeline: publisher build from CMS', pp, countHtml(join(tmp, 'pdist')));
      rmSync(tmp, { recursive: true, force: true });
    }
    say(`\n### N = ${n} synthetic articles (+ ${Math.ceil(n / 5)} documents, + demo content)`);
    say('| step | median s | pages | pages/s | peak RSS MB |\n|---|---|---|---|---|');
    for (const [k, v] of Object.entries(res))
      say(`| ${k} | ${median(v.s).toFixed(1)} | ${v.pages} | ${(v.pages / median(v.s)).toFixed(0)} | ${Math.max(...v.mb)} |`);
    const floor = median(res['floor: astro'].s) + median(res['floor: pagefind'].s);
    const tmpl = median(res['templates from JSON: astro'].s) + median(res['templates from JSON: pagefind'].s);
    const pipe = median(res['pipeline: publisher build from CMS'].s);
    say(
      `\nfloor ${floor.toFixed(1)} s · same templates from JSON ${tmpl.toFixed(1)} s · pipeline ${pipe.toFixed(1)} s → pipeline / templates = ${(pipe / tmpl).toFixed(2)} (target ≤ 1.3), templates / floor = ${(tmpl / floor).toFixed(2)}`,
    );
    await latency(cms, n, publisherPort);
    await stopAll();
  }
  if (PREPARE_ONLY) return;
  appendToDoc();
}

function appendToDoc() {
  const doc = join(ROOT, 'docs', 'performance.md');
  appendFileSync(doc, `\n${lines.join('\n')}\n`);
  console.log(`\nappended to ${doc}`);
}

async function latency(cms: { url: string; env: Record<string, string> }, n: number, apiPort: number) {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-live-'));
  const sitePort = 40000 + Math.floor(Math.random() * 10000);
  const publisher = startPublisher(
    {
      ...process.env,
      ...cms.env,
      CMS_URL: cms.url,
      SITE_URL: `http://127.0.0.1:${sitePort}`,
      PUBLISHER_DATA_DIR: join(tmp, 'pub'),
      PUBLISHER_BUILD_OUTPUT: join(tmp, 'dist'),
      ASTRO_OUT_DIR: join(tmp, 'dist'),
      ASTRO_CACHE_DIR: join(tmp, 'cache'),
      PUBLISHER_PORT: String(apiPort),
      SITE_PORT: String(sitePort),
      SITE_HOST: '127.0.0.1',
      PUBLISHER_DEBOUNCE_MS: '300',
      PUBLISHER_RECONCILE_MS: '5000',
      PUBLISHER_FULL_AFTER_FAST_MS: '3000',
    },
    'publisher',
  );
  await waitForUrl(`http://127.0.0.1:${apiPort}/status`, 60_000);
  // Settled: idle, nothing queued, the live release a full one (no quick-lane overlay pending) and the
  // quick lane's copy of it prepared: an editor's approval, not one racing the previous build.
  const settled = async () => {
    for (;;) {
      const s = await (await fetch(`http://127.0.0.1:${apiPort}/status`)).json();
      if (s.live && s.state === 'idle' && !s.queued && s.live.mode !== 'fast' && !s.fullBuildDueAt && !s.preparing) return s;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  await settled();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const login = async (role: string) =>
    (
      await (
        await fetch(`${cms.url}/admin/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: `${role.replace(/-/g, '')}@bench.example.com`, password: 'Bench-Passw0rd-A1' }),
        })
      ).json()
    ).data.token as string;
  const tokens = Object.fromEntries(await Promise.all(REVIEW_CHAIN.map(async (r) => [r, await login(r)])));
  const call = async (role: string, method: string, path: string, body?: unknown) =>
    (
      await fetch(cms.url + path, {
        method,
        headers: { Authorization: `Bearer ${tokens[role]}`, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      })
    ).json();
  const editors = await call('portal-admin', 'GET', '/editorial/editors');
  const live: number[] = [];
  const found: number[] = [];
  const lanes: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const word = `doluong${Date.now().toString(36)}`;
    const created = await call('contributor', 'POST', '/content-manager/collection-types/api::article.article', {
      title: `Tin đo độ trễ ${word}`,
      kind: 'original',
      classification: 'thuong',
      body: `Nội dung ${word}.`,
      provenance: { authorName: 'Đo lường', authorAddress: 'Khóm 1' },
    });
    const id = created.data.documentId;
    const slug = created.data.slug;
    for (const [role, body] of [
      ['contributor', { action: 'submit' }],
      ['portal-admin', { action: 'assign', assigneeId: editors.data[0].id }],
      ['editor', { action: 'verify' }],
    ] as const)
      await call(role, 'POST', '/editorial/transition', { uid: 'api::article.article', documentId: id, ...body });
    await settled();
    const t0 = performance.now();
    await call('editor-in-chief', 'POST', '/editorial/transition', { uid: 'api::article.article', documentId: id, action: 'approve' });
    for (;;) {
      if ((await fetch(`http://127.0.0.1:${sitePort}/tin-tuc/bai/${slug}/`)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    live.push((performance.now() - t0) / 1000);
    // Found by search: the site's own search page in Chromium lists the new article.
    for (;;) {
      await page.goto(`http://127.0.0.1:${sitePort}/tim-kiem/?q=${word}`);
      const hit = await page.waitForSelector(`#search-results a[href*="${slug}"]`, { timeout: 3000 }).catch(() => null);
      if (hit) break;
    }
    found.push((performance.now() - t0) / 1000);
    const s = await (await fetch(`http://127.0.0.1:${apiPort}/status`)).json();
    lanes.push(`${s.live.mode ?? 'full'} ${(s.live.durationMs / 1000).toFixed(1)} s`);
  }
  await browser.close();
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} s [${xs.map((x) => x.toFixed(1)).join(', ')}]`;
  say(
    `approval-to-live, N = ${n}: page served ${fmt(live)}; found by the search page ${fmt(found)}; releases: ${lanes.join('; ')} (target ≤ 10 s at 10,000)`,
  );
  // The publisher may be in its follow-up full build: stop it before removing its folders.
  await stopService(publisher);
  rmSync(tmp, { recursive: true, force: true });
}

main().catch(async (e) => {
  console.error(`[bench] ${e instanceof Error ? e.stack : e}`);
  await stopAll();
  process.exit(1);
});
