// The build request (packages/content/src/build-request.ts): the one contract between the publisher and
// the site. Validated on both sides with clear errors, and read by the site in one place only.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRequest, encodeBuildRequest, parseBuildRequest, parseBuildResult } from '../../packages/content/src/build-request.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('build request', () => {
  it('round-trips a quick-lane request and fills the defaults of a plain full build', () => {
    const fast = buildRequest({
      mode: 'fast',
      changed: [{ model: 'article', documentId: 'abc' }],
      outDir: '/d/fast/dist',
      cacheDir: '/d/fast/cache',
      seed: { dir: '/d/fast/seed', window: 60 },
      manifest: '/d/fast/manifest.json',
    });
    expect(parseBuildRequest(JSON.parse(encodeBuildRequest(fast)))).toEqual(fast);
    expect(buildRequest()).toEqual({
      version: 1,
      site: 'main',
      mode: 'full',
      changed: [],
      outDir: null,
      cacheDir: null,
      seed: null,
      manifest: null,
    });
  });

  it('refuses a malformed request naming the field', () => {
    const ok = { version: 1, site: 'main', mode: 'full', changed: [], outDir: null, cacheDir: null, seed: null, manifest: null };
    expect(() => parseBuildRequest({ ...ok, version: 2 })).toThrow(/unknown version 2/);
    expect(() => parseBuildRequest({ ...ok, site: 'Xã A' })).toThrow(/site must be a slug/);
    expect(() => parseBuildRequest({ ...ok, mode: 'preview' })).toThrow(/mode must be/);
    expect(() => parseBuildRequest({ ...ok, changed: [{ model: 'articel', documentId: 'x' }] })).toThrow(/changed\[0\]\.model/);
    expect(() => parseBuildRequest({ ...ok, seed: { dir: '/s', window: 0 } })).toThrow(/seed\.window/);
    expect(() => parseBuildRequest({ ...ok, mode: 'fast' })).toThrow(/needs a manifest/);
    expect(() => parseBuildResult({ version: 1, site: 'main', rendered: ['/'], removed: [3] })).toThrow(/removed/);
  });

  it('no build variable of the quick lane or of Astro is read outside the one decoder', () => {
    const files = execFileSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', 'apps/site/src', 'apps/site/astro.config.mjs', 'apps/publisher/src'],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .split('\n')
      .filter((f) => /\.(ts|mjs|astro)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const readers = files.filter((f) =>
      /\b(PORTAL_FAST_\w+|PORTAL_BUILD_MODE|ASTRO_OUT_DIR|ASTRO_CACHE_DIR)\b/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(readers).toEqual(['apps/site/src/lib/build-request.ts']);
  });
});
