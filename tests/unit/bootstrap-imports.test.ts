// The bootstrap phase of every README command runs before `pnpm install`: on a clean clone there is no
// node_modules yet, so everything it loads may import only Node built-ins and the project's own files.
// (A `dotenv` import there once broke `npm start` for every newcomer while `npm test` stayed green.)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRIES = ['scripts/bootstrap.mjs', 'scripts/prepare.ts'];

/** Every module specifier of a source file: static imports, re-exports and dynamic imports. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /^\s*import\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /^\s*export\s+[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

/** The modules a file loads at run time, followed through relative imports; type-only imports are erased. */
function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8').replace(/^\s*import\s+type\s[^;]*;?$/gm, '');
    const specs = specifiers(source);
    seen.set(file, specs);
    for (const s of specs) if (s.startsWith('.')) visit(resolve(dirname(file), s));
  };
  visit(join(ROOT, entry));
  return seen;
}

describe('bootstrap phase (before the install)', () => {
  it('finds the imports it is meant to find', () => {
    expect(specifiers("import { a } from 'x';\nimport 'y';\nexport * from './z.ts';\nconst m = await import('w');")).toEqual([
      'x',
      'y',
      './z.ts',
      'w',
    ]);
  });

  for (const entry of ENTRIES) {
    it(`${entry} loads only Node built-ins and project files`, () => {
      const g = graph(entry);
      expect(g.size).toBeGreaterThan(0);
      const bad: string[] = [];
      for (const [file, specs] of g) {
        expect(existsSync(file), file).toBe(true);
        for (const s of specs) if (!s.startsWith('node:') && !s.startsWith('.')) bad.push(`${file.slice(ROOT.length + 1)} imports '${s}'`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('runs prepare.ts before the command', () => {
    const boot = readFileSync(join(ROOT, 'scripts/bootstrap.mjs'), 'utf8');
    expect(boot.indexOf("'prepare.ts'")).toBeGreaterThan(0);
    expect(boot.indexOf("'prepare.ts'")).toBeLessThan(boot.indexOf('`${command}.ts`'));
    // No command script installs or builds by itself: one path per action.
    for (const cmd of ['start', 'test', 'dev', 'bench'])
      expect(readFileSync(join(ROOT, 'scripts', `${cmd}.ts`), 'utf8')).not.toMatch(/ensureInstalled|buildAll/);
  });
});
