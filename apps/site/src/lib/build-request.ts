/**
 * The one decoder of the publisher's build request (packages/content/src/build-request.ts): the file
 * named by PORTAL_BUILD_REQUEST. Nothing else in the site reads build variables. Read on every call, so
 * a process that runs several builds (tests, a warm renderer later) sees each build's own request.
 *
 * Without a request the build is a plain full build; ASTRO_OUT_DIR and ASTRO_CACHE_DIR then (and for a
 * request that leaves them null) move Astro's output and cache, for standalone builds and the benchmark.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_REQUEST_ENV, type BuildRequest, type BuildResult, buildRequest, parseBuildRequest } from '@cong-ttdt/content';

type Env = Record<string, string | undefined>;

export function currentBuild(env: Env = process.env): BuildRequest {
  const file = env[BUILD_REQUEST_ENV]?.trim();
  const fallback = { outDir: env.ASTRO_OUT_DIR?.trim() || null, cacheDir: env.ASTRO_CACHE_DIR?.trim() || null };
  if (!file) return buildRequest(fallback);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${BUILD_REQUEST_ENV}: cannot read the build request ${file} (${(e as Error).message})`);
  }
  const r = parseBuildRequest(value);
  const abs = (p: string | null) => (p ? path.resolve(p) : null);
  return {
    ...r,
    outDir: abs(r.outDir ?? fallback.outDir),
    cacheDir: abs(r.cacheDir ?? fallback.cacheDir),
    seed: r.seed ? { ...r.seed, dir: path.resolve(r.seed.dir) } : null,
    manifest: abs(r.manifest),
  };
}

export const isFast = (): boolean => currentBuild().mode === 'fast';

// The loaders run in the same process as the integration that writes the result, but in another module
// graph (Vite's): removed paths are collected on a process-wide key, not in module state.
const REMOVED = Symbol.for('cong-ttdt.build-result.removed');
type WithRemoved = typeof globalThis & { [REMOVED]?: Set<string> };
const removedPaths = (): Set<string> => ((globalThis as WithRemoved)[REMOVED] ??= new Set());

/** Records the public path of an entry that left the site (unpublished, deleted, slug changed). */
export function recordRemoved(publicPath: string): void {
  if (isFast()) removedPaths().add(publicPath);
}

/** The paths recorded since the last call (each build answers for its own). */
export function takeRemoved(): string[] {
  const out = [...removedPaths()];
  removedPaths().clear();
  return out;
}

/** Writes the fast build's answer for the publisher; a path both removed and rendered stays. */
export function writeBuildResult(request: BuildRequest, rendered: string[], removed: string[]): BuildResult {
  const keep = new Set(rendered);
  const result: BuildResult = { version: 1, site: request.site, rendered, removed: [...new Set(removed)].filter((p) => !keep.has(p)) };
  if (request.manifest) writeFileSync(request.manifest, JSON.stringify(result));
  return result;
}
