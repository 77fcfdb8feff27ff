// "Installs what is missing, builds what changed": each step is skipped when a fingerprint of its
// inputs (paths, sizes, modification times) matches the one recorded after its last success.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CMS_DIR, NODE, PLUGIN_DIR, PNPM, ROOT } from './paths.ts';
import { run } from './proc.ts';
import { writeModel } from '../generate-model.ts';

const STAMPS = join(ROOT, 'node_modules', '.portal-stamps');
const SKIP = new Set(['node_modules', 'dist', '.astro', '.strapi', '.tmp', 'build', '.cache', 'uploads', 'coverage']);

function walk(path: string, h: ReturnType<typeof createHash>): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) walk(join(path, name), h);
  } else {
    h.update(`${relative(ROOT, path)}\0${st.size}\0${st.mtimeMs}\n`);
  }
}

export function fingerprint(inputs: string[]): string {
  const h = createHash('sha256');
  for (const p of inputs) walk(p, h);
  return h.digest('hex');
}

async function step(name: string, inputs: string[], outputs: string[], action: () => Promise<void>): Promise<boolean> {
  mkdirSync(STAMPS, { recursive: true });
  const stamp = join(STAMPS, name);
  const fp = fingerprint(inputs);
  const fresh = existsSync(stamp) && readFileSync(stamp, 'utf8') === fp && outputs.every((o) => existsSync(o));
  if (fresh) return false;
  const t0 = Date.now();
  process.stdout.write(`[build] ${name}…\n`);
  await action();
  // The inputs as they were when the build started: a file changed meanwhile triggers the next build.
  writeFileSync(stamp, fp);
  process.stdout.write(`[build] ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return true;
}

const pnpm = (args: string[], cwd = ROOT, quiet = false) => run(NODE, [PNPM, ...args], { cwd, quiet });

/** pnpm install when the lockfile or a manifest changed since the last install. */
export async function ensureInstalled(): Promise<void> {
  const manifests = [join(ROOT, 'pnpm-lock.yaml'), join(ROOT, 'pnpm-workspace.yaml'), join(ROOT, 'package.json')];
  for (const dir of ['apps', 'packages']) {
    for (const name of existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)) : [])
      manifests.push(join(ROOT, dir, name, 'package.json'));
  }
  manifests.push(join(PLUGIN_DIR, 'package.json'));
  const h = createHash('sha256');
  for (const m of manifests) if (existsSync(m)) h.update(m).update(readFileSync(m));
  const fp = h.digest('hex');
  const stamp = join(STAMPS, 'install');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fp && existsSync(join(ROOT, 'node_modules', '.modules.yaml'))) return;
  process.stdout.write('[build] installing dependencies (pnpm install --frozen-lockfile)…\n');
  const frozen = process.env.CI || !process.env.PORTAL_ALLOW_LOCK_UPDATE ? ['--frozen-lockfile'] : [];
  await pnpm(['install', ...frozen, '--prefer-offline', '--reporter=append-only'], ROOT, true);
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stamp, fp);
}

function packageDirs(): string[] {
  const dir = join(ROOT, 'packages');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => existsSync(join(dir, n, 'tsconfig.json')))
        .map((n) => join(dir, n))
    : [];
}

/** Builds the shared packages, the editorial plugin and the CMS (admin panel included) when changed. */
export async function buildAll(): Promise<void> {
  // The content model's types come from the CMS schemas; a schema edit reaches every package's build.
  writeModel();
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const dir of packageDirs()) {
    await step(
      `pkg-${relative(join(ROOT, 'packages'), dir)}`,
      [join(dir, 'src'), join(dir, 'tsconfig.json'), join(dir, 'package.json')],
      [join(dir, 'dist')],
      () => run(NODE, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: dir }),
    );
  }
  if (existsSync(join(PLUGIN_DIR, 'package.json'))) {
    await step(
      'plugin-editorial',
      [join(PLUGIN_DIR, 'admin'), join(PLUGIN_DIR, 'server'), join(PLUGIN_DIR, 'package.json'), join(ROOT, 'packages')],
      [join(PLUGIN_DIR, 'dist')],
      () => pnpm(['--filter', './apps/cms/src/plugins/editorial', 'run', 'build'], ROOT, true),
    );
  }
  const cmsInputs = ['src', 'config', 'package.json', 'tsconfig.json', 'database'].map((p) => join(CMS_DIR, p));
  // The admin panel bundles installed packages: an upgrade or a patch to one rebuilds it.
  cmsInputs.push(join(ROOT, 'packages'), join(PLUGIN_DIR, 'dist'), join(ROOT, 'pnpm-lock.yaml'), join(ROOT, 'patches'));
  await step('cms', cmsInputs, [join(CMS_DIR, 'dist', 'build', 'index.html'), join(CMS_DIR, 'dist', 'src', 'index.js')], async () => {
    await pnpm(['--filter', '@cong-ttdt/cms', 'exec', 'strapi', 'build'], ROOT, true);
  });
}
