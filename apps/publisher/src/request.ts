// The publisher's one encoder of the site's build request (packages/content's BuildRequest): written to a
// file named by PORTAL_BUILD_REQUEST in the build command's environment; the site decodes it in one place.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_REQUEST_ENV, type BuildRequest, buildRequest, encodeBuildRequest, type EntryRef } from '@cong-ttdt/content';
import type { Config } from './config.ts';

/**
 * The quick lane's files under the data dir: its seed (written by each full build: the content its
 * store starts from, see the site's src/lib/fast-seed.ts), its Astro cache, output and manifest.
 */
export function fastPaths(cfg: Pick<Config, 'dataDir'>) {
  const dir = join(cfg.dataDir, 'fast');
  return {
    dir,
    seed: join(dir, 'seed'),
    /** Where a running full build writes the next seed; it replaces `seed` once the site built. */
    seedNext: join(dir, 'seed-next'),
    cache: join(dir, 'cache'),
    dist: join(dir, 'dist'),
    manifest: join(dir, 'manifest.json'),
  };
}

/** A full build: every page into the build output; with the quick lane on, the next seed too. */
export function fullRequest(cfg: Config): BuildRequest {
  const fp = fastPaths(cfg);
  return buildRequest({
    site: cfg.site,
    mode: 'full',
    outDir: cfg.buildOutput,
    seed: cfg.fastLane ? { dir: fp.seedNext, window: cfg.fastWindow } : null,
  });
}

/** A quick-lane build of the changed entries, from the last full build's seed, into its own folders. */
export function fastRequest(cfg: Config, changed: EntryRef[]): BuildRequest {
  const fp = fastPaths(cfg);
  return buildRequest({
    site: cfg.site,
    mode: 'fast',
    changed,
    outDir: fp.dist,
    // Its own cache: the full build's incremental cache must only ever see full builds.
    cacheDir: fp.cache,
    seed: { dir: fp.seed, window: cfg.fastWindow },
    manifest: fp.manifest,
  });
}

/** Writes the request next to the lane's other files; returns the variables for the build command. */
export async function requestEnv(cfg: Config, request: BuildRequest): Promise<Record<string, string>> {
  const dir = join(cfg.dataDir, 'requests');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${request.site}-${request.mode}.json`);
  await writeFile(file, encodeBuildRequest(request));
  return { [BUILD_REQUEST_ENV]: file };
}
