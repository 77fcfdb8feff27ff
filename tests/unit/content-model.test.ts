// One content model: the CMS schema.json files are the source; scripts/generate-model.ts writes the
// types and projections that packages/content, the site's loader and the publisher use, and the site's
// collection schemas. Adding a field means editing one schema.json: this test does exactly that in a
// scratch copy and type-checks the result — packages/content, and the site's loader data and a page.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const scratch = mkdtempSync(join(tmpdir(), 'model-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const generate = (root: string, check = false) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate-model.ts'), ...(check ? ['--check'] : [])], {
    env: { ...process.env, PORTAL_MODEL_ROOT: root },
    encoding: 'utf8',
  });

const PROBE = `import type { Article } from './types.js';
import { PROJECTIONS } from './generated/model.js';
const a = {} as Article;
export const subtitle: string | null | undefined = a.subtitle;
export const projected: true = PROJECTIONS.article.attrs.subtitle;
type HasSecret = 'secretNote' extends keyof Article ? true : false;
export const noSecret: HasSecret = false;
`;
const typecheck = () =>
  spawnSync(process.execPath, [TSC, '-p', join(scratch, 'packages/content/tsconfig.json'), '--noEmit'], { encoding: 'utf8' });

// The site: what the loader stores (the collection's schema types `getCollection`) and what a page reads.
const SITE_PROBE = `import { getCollection } from 'astro:content';
export async function probe() {
  const [first] = await getCollection('articles');
  const subtitle: string | null | undefined = first?.data.subtitle;
  return subtitle;
}
`;
const PAGE_PROBE = `---
import { site } from '../lib/data';
const s = await site();
const subtitle: string | null | undefined = s.articles[0]?.data.subtitle;
---
<p>{subtitle}</p>
`;
const SITE = join(scratch, 'apps/site');
const ASTRO = join(ROOT, 'apps/site/node_modules/astro/bin/astro.mjs');
const astro = (command: string) =>
  spawnSync(process.execPath, [ASTRO, command], {
    cwd: SITE,
    env: {
      ...process.env,
      PORTAL_CONTENT_SNAPSHOT: join(SITE, 'test/fixtures/snapshot.json'),
      ASTRO_CACHE_DIR: join(scratch, 'astro-cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
const siteTypecheck = () =>
  spawnSync(process.execPath, [TSC, '-p', join(SITE, 'tsconfig.json'), '--noEmit'], { cwd: SITE, encoding: 'utf8' });

describe('content model generator', () => {
  it('the committed generated file matches the schemas (npm run lint checks the same)', () => {
    const r = generate(ROOT, true);
    expect(r.stderr + r.stdout).toContain('up to date');
    expect(r.status).toBe(0);
  });

  it('a field added to one schema.json is typed and projected with no other edit, in packages/content and in the site (loader data and a page); a private one never appears', {
    timeout: 300_000,
  }, () => {
    for (const p of [
      'apps/cms/src/api',
      'apps/cms/src/components',
      'packages/content/src',
      'packages/content/tsconfig.json',
      'packages/content/package.json',
      'tsconfig.base.json',
      'apps/site/src',
      'apps/site/tsconfig.json',
      'apps/site/astro.config.mjs',
      'apps/site/package.json',
      'apps/site/test/fixtures/snapshot.json',
    ])
      cpSync(join(ROOT, p), join(scratch, p), { recursive: true });
    cpSync(join(ROOT, 'node_modules', '@types'), join(scratch, 'node_modules', '@types'), { recursive: true });
    // The site's dependencies (astro, and @cong-ttdt/* as built) are the tree's own.
    symlinkSync(join(ROOT, 'apps/site/node_modules'), join(SITE, 'node_modules'));
    writeFileSync(join(scratch, 'packages/content/src/probe.ts'), PROBE);
    writeFileSync(join(SITE, 'src/lib/probe.ts'), SITE_PROBE);
    mkdirSync(join(SITE, 'src/pages'), { recursive: true });
    writeFileSync(join(SITE, 'src/pages/probe.astro'), PAGE_PROBE);
    // The collections' types, from the loaders over the test snapshot (no CMS).
    const sync = astro('sync');
    expect(sync.status, sync.stdout + sync.stderr).toBe(0);
    // Before the schema change, the probes cannot compile: the test can fail.
    expect(typecheck().status).not.toBe(0);
    expect(siteTypecheck().stdout).toContain("Property 'subtitle' does not exist");
    expect(astro('check').stdout).toMatch(/probe\.astro[\s\S]*subtitle/);

    const schemaFile = join(scratch, 'apps/cms/src/api/article/content-types/article/schema.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    schema.attributes.subtitle = { type: 'string', maxLength: 300 };
    schema.attributes.secretNote = { type: 'text', private: true };
    writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
    expect(generate(scratch, true).status, 'the stale check notices the change').toBe(1);
    expect(generate(scratch).status).toBe(0);
    const out = typecheck();
    expect(out.stdout, out.stdout).toBe('');
    expect(out.status).toBe(0);
    const model = readFileSync(join(scratch, 'packages/content/src/generated/model.ts'), 'utf8');
    expect(model).toContain('subtitle?: string | null;');
    expect(model).not.toContain('secretNote');

    const site = siteTypecheck();
    expect(site.stdout, site.stdout).toBe('');
    expect(site.status).toBe(0);
    const check = astro('check');
    expect(check.status, check.stdout.slice(-3000)).toBe(0);
    expect(check.stdout).toMatch(/0 errors/);
    const collections = readFileSync(join(SITE, 'src/generated/collections.ts'), 'utf8');
    expect(collections).toContain('subtitle: z.string().nullish(),');
    expect(collections).not.toContain('secretNote');
  });

  it('the site loader reads exactly the generated projections', () => {
    const loader = readFileSync(join(ROOT, 'apps/site/src/lib/cms-projection.ts'), 'utf8');
    expect(loader).toMatch(/PROJECTIONS\[model\]/);
    // No hand-written attribute list is left beside it.
    expect(loader).not.toMatch(/attrs:\s*\{\s*title: true/);
  });
});
