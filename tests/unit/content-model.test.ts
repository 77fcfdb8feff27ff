// One content model: the CMS schema.json files are the source; scripts/generate-model.ts writes the
// types and projections that packages/content, the site's loader and the publisher use. Adding a field
// means editing one schema.json: this test does exactly that in a scratch copy and type-checks the result.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('content model generator', () => {
  it('the committed generated file matches the schemas (npm run lint checks the same)', () => {
    const r = generate(ROOT, true);
    expect(r.stderr + r.stdout).toContain('up to date');
    expect(r.status).toBe(0);
  });

  it('a field added to one schema.json is typed and projected with no other edit; a private one never appears', {
    timeout: 180_000,
  }, () => {
    for (const p of [
      'apps/cms/src/api',
      'apps/cms/src/components',
      'packages/content/src',
      'packages/content/tsconfig.json',
      'packages/content/package.json',
      'tsconfig.base.json',
    ])
      cpSync(join(ROOT, p), join(scratch, p), { recursive: true });
    cpSync(join(ROOT, 'node_modules', '@types'), join(scratch, 'node_modules', '@types'), { recursive: true });
    writeFileSync(join(scratch, 'packages/content/src/probe.ts'), PROBE);
    // Before the schema changes, the probe cannot compile: the test can fail.
    expect(typecheck().status).not.toBe(0);

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
  });

  it('the site loader reads exactly the generated projections', () => {
    const loader = readFileSync(join(ROOT, 'apps/site/src/lib/cms-projection.ts'), 'utf8');
    expect(loader).toMatch(/PROJECTIONS\[model\]/);
    // No hand-written attribute list is left beside it.
    expect(loader).not.toMatch(/attrs:\s*\{\s*title: true/);
  });
});
