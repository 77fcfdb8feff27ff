// `npm run lint`: what CI checks about the code itself, in one place.
//   1. Biome: formatting and the recommended lint rules over the whole tree (`biome ci`; errors fail).
//   2. Suppressions (biome-ignore, eslint-disable, @ts-ignore, @ts-expect-error): counted; each must say why.
//   3. Explicit `any` and `as unknown as` casts: counted against a budget that only goes down.
//   4. The generated content model and the site's collection schemas are up to date
//      (scripts/generate-model.ts --check) and committed.
//   5. TypeScript: the shared packages (tsc, which also builds what their dependents check against), the
//      publisher, and the site: `astro sync` over the test snapshot (no CMS needed), tsc, and `astro check`
//      over every .astro file.
//   6. One module per term: the time zone, role groups and content-type lists are defined once.
//   7. Dead exports: knip finds exports, types and namespace members that nothing imports.
// Prints the counts; exits 1 on any error or a count over its budget.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE, ROOT } from './lib/paths.ts';

/** Lower these as the code is typed; raising one needs a reason in the commit (issue 16 aims at 20 `any` in all). */
export const BUDGET = { explicitAny: 96, asUnknownAs: 6, suppressions: 0 };
/** Shared packages: tsc builds them (dist), so the apps below check against today's sources. */
const PACKAGES = ['packages/content', 'packages/vn-text', 'packages/workflow'];
/** Apps whose `tsc --noEmit` passes; the site is checked on its own below. */
const TYPECHECKED = ['apps/publisher', 'apps/cms/src/plugins/editorial/server'];

const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = false;
const report = (name: string, ok: boolean, detail: string) => {
  console.log(`[lint] ${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(28)} ${detail}`);
  failed ||= !ok;
};

const tracked = spawnSync('git', ['ls-files', '-z', '--', '*.ts', '*.tsx', '*.mjs', '*.js', '*.astro'], { cwd: ROOT, encoding: 'utf8' })
  .stdout.split('\0')
  .filter((f) => f && !f.includes('/fixtures/'));
const sources = tracked.map((f) => ({ f, text: readFileSync(join(ROOT, f), 'utf8') }));

// 1. Biome
const ci = spawnSync(NODE, [BIOME, 'ci', '.', '--colors=off', '--max-diagnostics=50'], { cwd: ROOT, encoding: 'utf8' });
const errors = Number(/Found (\d+) errors?/.exec(ci.stdout + ci.stderr)?.[1] ?? 0);
const warnings = Number(/Found (\d+) warnings?/.exec(ci.stdout + ci.stderr)?.[1] ?? 0);
if (ci.status !== 0) process.stdout.write(ci.stdout.slice(-6000) + ci.stderr.slice(-2000));
report('biome ci (format + lint)', ci.status === 0, `${errors} errors, ${warnings} warnings`);

// 2. Suppressions, each with a reason after the directive.
const SUPPRESS = /(biome-ignore\S*|eslint-disable\S*|@ts-ignore|@ts-expect-error)(.*)$/gm;
const suppressions: string[] = [];
const unexplained: string[] = [];
for (const { f, text } of sources) {
  if (f === 'scripts/lint.ts') continue;
  for (const m of text.matchAll(SUPPRESS)) {
    suppressions.push(`${f}: ${m[0].trim()}`);
    if (!/[:—-]\s*\S{3,}/.test(m[2])) unexplained.push(`${f}: ${m[0].trim()}`);
  }
}
for (const u of unexplained) console.log(`  suppression without a reason: ${u}`);
report(
  'suppressions',
  unexplained.length === 0 && suppressions.length <= BUDGET.suppressions,
  `${suppressions.length} (budget ${BUDGET.suppressions}), ${unexplained.length} without a reason`,
);

// 3. Explicit any (Biome's noExplicitAny finds them exactly) and double casts.
const anyRun = spawnSync(NODE, [BIOME, 'lint', '.', '--colors=off', '--only=suspicious/noExplicitAny', '--max-diagnostics=0'], {
  cwd: ROOT,
  encoding: 'utf8',
});
const anyCount = Number(/Found (\d+) (warnings?|errors?)/.exec(anyRun.stdout + anyRun.stderr)?.[1] ?? 0);
report('explicit any', anyCount <= BUDGET.explicitAny, `${anyCount} (budget ${BUDGET.explicitAny})`);
const doubleCasts = sources.reduce((n, { text }) => n + (text.match(/\bas unknown as\b/g)?.length ?? 0), 0);
report('as unknown as', doubleCasts <= BUDGET.asUnknownAs, `${doubleCasts} (budget ${BUDGET.asUnknownAs})`);

// 4. The generated content model matches the schemas, and what is committed is what the generator writes.
const gen = spawnSync(NODE, [join(ROOT, 'scripts', 'generate-model.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
// Uncommitted edits and new files both count: the generated output must be in the commit.
const committed = spawnSync('git', ['status', '--porcelain', '--', 'packages/content/src/generated', 'apps/site/src/generated'], {
  cwd: ROOT,
  encoding: 'utf8',
});
report(
  'generated content model',
  gen.status === 0 && committed.stdout.trim() === '',
  gen.status !== 0
    ? 'stale: run npm run generate'
    : committed.stdout.trim()
      ? 'differs from the committed files: commit them'
      : 'up to date',
);

// 5. TypeScript
const tsc = (dir: string, emit: boolean) => {
  const t0 = Date.now();
  const r = spawnSync(NODE, [TSC, '-p', join(ROOT, dir, 'tsconfig.json'), ...(emit ? [] : ['--noEmit'])], {
    cwd: join(ROOT, dir),
    encoding: 'utf8',
  });
  if (r.status !== 0) process.stdout.write(r.stdout.slice(-4000));
  report(
    `tsc ${dir}`,
    r.status === 0,
    `${r.status === 0 ? 0 : (r.stdout.match(/error TS/g)?.length ?? 1)} errors (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
};
for (const dir of PACKAGES) tsc(dir, true);
for (const dir of TYPECHECKED) tsc(dir, false);

// The site: its content-collection types come from `astro sync`, which runs the loaders; they read the
// site tests' snapshot instead of a CMS, into a cache of their own (the builds' stays untouched).
{
  const SITE = join(ROOT, 'apps', 'site');
  const ASTRO = join(SITE, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const cache = mkdtempSync(join(tmpdir(), 'lint-astro-'));
  const env = {
    ...process.env,
    PORTAL_CONTENT_SNAPSHOT: join(SITE, 'test', 'fixtures', 'snapshot.json'),
    ASTRO_CACHE_DIR: cache,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  try {
    let t0 = Date.now();
    const sync = spawnSync(NODE, [ASTRO, 'sync'], { cwd: SITE, env, encoding: 'utf8' });
    if (sync.status !== 0) process.stdout.write((sync.stdout + sync.stderr).slice(-4000));
    report(
      'astro sync (test snapshot)',
      sync.status === 0,
      `${sync.status === 0 ? 'types generated' : 'failed'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
    tsc('apps/site', false);
    t0 = Date.now();
    const check = spawnSync(NODE, [ASTRO, 'check'], { cwd: SITE, env, encoding: 'utf8' });
    const out = check.stdout + check.stderr;
    // "Result (N files): - E errors - W warnings - H hints"
    const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(out)?.[1] ?? NaN);
    const [files, errs, warns, hints] = [count('files'), count('errors?'), count('warnings?'), count('hints?')];
    if (check.status !== 0) process.stdout.write(out.slice(-6000));
    // Astro says this when @astrojs/check fails to load, e.g. its WASI runtime missing from an older install:
    // pnpm keeps skipping packages it once skipped as optional (node_modules/.modules.yaml), so `pnpm install
    // --force` once (a fresh clone installs them).
    if (out.includes('requires the following dependency')) console.log('  @astrojs/check does not load: run `pnpm install --force` once');
    report(
      'astro check (.astro files)',
      check.status === 0 && errs === 0,
      `${errs} errors, ${warns} warnings, ${hints} hints in ${files} files (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

// 6. One module per term (issue 34): a term's definition lives in one module; a second copy elsewhere
// fails here. Tests are left out (they pin expectations independently on purpose), as are comments.
const isTest = (f: string) => /(^|\/)(tests?|__tests__)\//.test(f) || /\.test\.tsx?$/.test(f);
const codeOnly = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\/\/.*$/, '').replace(/\s\/\/ .*$/, ''))
    .join('\n');
const ROLE = /'(contributor|portal-admin|editor|editor-in-chief|inspector|finance|strapi-super-admin)'/g;
const UID = /'api::[a-z-]+\.[a-z-]+'/g;
interface Term {
  name: string;
  owners: string[];
  /** Files allowed a copy, each with the reason it cannot import the owner. */
  except: Record<string, string>;
  find: (code: string) => string[];
}
const arraysWith = (re: RegExp, min: number) => (code: string) =>
  [...code.matchAll(/\[[^[\]]*\]/g)]
    .map((m) => m[0])
    .filter((a) => (a.match(re)?.length ?? 0) >= min)
    .map((a) => a.slice(0, 90));
export const TERMS: Term[] = [
  {
    name: 'time zone',
    owners: ['packages/content/src/dates.ts'],
    except: {
      'apps/cms/src/seed/data/*': 'demo content: dated entries written as ISO timestamps',
      'scripts/bootstrap.mjs': 'runs before anything is installed (Node built-ins only)',
      'apps/site/public/js/question-status.js': 'a browser script served as it is, with no bundler to import through',
    },
    find: (code) => [...code.matchAll(/Asia\/Ho_Chi_Minh|\b7 \* 3600|[+]07:?00\b/g)].map((m) => m[0]),
  },
  {
    name: 'role groups',
    owners: [
      'packages/workflow/src/constants.ts',
      'packages/workflow/src/workflow.ts',
      'packages/workflow/src/access.ts',
      'packages/workflow/src/read.ts',
      'apps/cms/src/plugins/editorial/server/src/roles-access.ts',
      'apps/cms/src/plugins/editorial/server/src/services/roles.ts',
    ],
    except: { 'apps/cms/src/seed/data/*': 'demo content: each item names the role of its author' },
    find: arraysWith(ROLE, 2),
  },
  {
    name: 'display names',
    owners: ['apps/cms/src/plugins/editorial/server/src/actor.ts'],
    except: {},
    find: (code) => [...code.matchAll(/\[\s*[\w?.]+\.firstname,\s*[\w?.]+\.lastname\s*\]/g)].map((m) => m[0]),
  },
  {
    name: 'content-type lists',
    owners: ['packages/content/src/generated/model.ts', 'packages/workflow/src/constants.ts', 'apps/cms/src/lib/content-types.ts'],
    except: {},
    find: arraysWith(UID, 2),
  },
];
const copies: string[] = [];
for (const term of TERMS) {
  for (const { f, text } of sources) {
    const excepted = Object.keys(term.except).some((e) => (e.endsWith('/*') ? f.startsWith(e.slice(0, -1)) : f === e));
    if (isTest(f) || term.owners.includes(f) || excepted || f === 'scripts/lint.ts') continue;
    for (const hit of term.find(codeOnly(text))) copies.push(`${term.name}: ${f}: ${hit}`);
  }
}
for (const c of copies) console.log(`  second copy of a term: ${c}`);
report('one module per term', copies.length === 0, `${copies.length} copies (${TERMS.map((t) => t.name).join(', ')})`);

// 7. Dead exports (knip.jsonc): an export nothing imports is removed, not kept "in case".
{
  const t0 = Date.now();
  const knip = spawnSync(NODE, [join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js'), '--no-progress', '--no-config-hints'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const out = (knip.stdout + knip.stderr).trim();
  if (knip.status !== 0) console.log(out.slice(-6000));
  const findings = out ? out.split('\n').filter((l) => /^\S+\s+.*:\d+:\d+/.test(l) || /^\S.*\.(ts|tsx|mjs)\b/.test(l)).length : 0;
  report(
    'dead exports (knip)',
    knip.status === 0,
    `${knip.status === 0 ? 0 : findings || 'some'} findings (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
}

process.exit(failed ? 1 : 0);
