// One build: fetch the revision, run the site's generator, copy the output into a new release,
// check it, switch `live`. Any failure leaves the live release untouched.
import { spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildRequest } from '@cong-ttdt/content';
import type { Config } from './config.ts';
import { fetchRevision } from './cms.ts';
import { leakMarkers, ReleaseScanner } from './checks.ts';
import type { Logger } from './log.ts';
import { fault } from './faults.ts';
import { fastPaths, fullRequest, requestEnv } from './request.ts';
import { newReleaseId, pruneLogs, pruneReleases, readLiveId, stageRelease, switchLive } from './release.ts';
import {
  acquireLock,
  ensureDirs,
  paths,
  readMeta,
  updateState,
  writeMeta,
  type LiveInfo,
  type ReleaseMeta,
  type SearchDelta,
} from './state.ts';

export type BuildResult =
  | { ok: true; release: LiveInfo; copied: number; linked: number }
  | { ok: false; error: string; releaseId: string | null; cancelled?: boolean; locked?: boolean };

export interface BuildOptions {
  reasons?: string[];
  signal?: AbortSignal;
  log: Logger;
  /** Called with the revision the build is made from, before the generator runs. */
  onRevision?: (revision: number | null) => void;
}

/** A build step failed with a message fit for /status and the log. */
export class StepError extends Error {}

// Variables the generator never needs; keeping them out limits what a build could leak.
export const STRIP_ENV = ['PUBLISHER_WEBHOOK_SECRET', 'PUBLISHER_ADMIN_TOKEN'];

export function resolveArgv(argv: string[]): string[] {
  return argv[0] === 'node' ? [process.execPath, ...argv.slice(1)] : argv;
}

export function describe(argv: string[]): string {
  return argv.map((a) => a.split('/').slice(-3).join('/')).join(' ');
}

/**
 * Astro writes its prerender chunks to <cwd>/.astro/.prerender when the output folder is outside the
 * working directory, so two builds of one checkout (quick lane and full, several portals) would overwrite
 * each other's. Each lane of each data dir gets a working directory of its own inside the site (the
 * chunks must still resolve the site's node_modules); the site is passed as --root.
 */
export async function commandCwd(cfg: Config, argv: string[], lane: 'full' | 'fast'): Promise<{ argv: string[]; cwd: string }> {
  if (!/(^|\/)astro\.mjs$/.test(argv[1] ?? '') || argv[2] !== 'build' || argv.includes('--root')) return { argv, cwd: cfg.siteDir };
  const cwd = join(cfg.siteDir, '.astro', 'publisher', `${createHash('sha256').update(cfg.dataDir).digest('hex').slice(0, 12)}-${lane}`);
  await mkdir(cwd, { recursive: true });
  return { argv: [...argv, '--root', cfg.siteDir], cwd };
}

/** Runs one command in its own process group so a timeout or shutdown can kill the whole tree. */
export function runCommand(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  out: WriteStream,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ code: number | null; signal: string | null; tail: string[]; error?: string; timedOut?: boolean; aborted?: boolean }> {
  return new Promise((resolve) => {
    const [cmd, ...args] = resolveArgv(argv);
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      out.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line.slice(0, 500));
      if (tail.length > 40) tail.splice(0, tail.length - 40);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      resolve({ code: null, signal: null, tail, error: (e as Error).message });
      return;
    }
    let timedOut = false;
    let aborted = false;
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    const stop = () => {
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 5000).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    const onAbort = () => {
      aborted = true;
      stop();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let spawnError: string | undefined;
    child.on('error', (e) => {
      spawnError = e.message;
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ code, signal: sig, tail, error: spawnError, timedOut, aborted });
    });
  });
}

/** What a lane hands the shared lifecycle: the staged release (at `run.staging`) and its facts. */
export interface Assembled {
  files: ReleaseMeta['files'];
  pageCount: number;
  copied: number;
  linked: number;
  delta?: SearchDelta;
  /** Extra fields for the "release is live" log line. */
  logFields?: Record<string, unknown>;
}

export interface BuildRun {
  id: string;
  revision: number | null;
  blog: Logger;
  out: WriteStream;
  /** Environment for build commands: the publisher's, minus its secrets, plus the release id and revision. */
  env: NodeJS.ProcessEnv;
  /** Where the lane assembles the release; removed if anything fails. */
  staging: string;
  /** Runs one command in the site; throws a StepError (with a clear message) when it fails. */
  step(argv: string[], label: string): Promise<void>;
}

export interface LaneOptions extends BuildOptions {
  lane: 'full' | 'fast';
  /** Fields of the "started" log line and the header of the build log. */
  startFields: Record<string, unknown>;
  header: string;
  /** The site's build request for this lane (src/request.ts). */
  request: BuildRequest;
}

/**
 * The life of one build, shared by both lanes: lock, revision, release id and log, then the lane's
 * `assemble`, then rename + metadata + atomic switch + pruning. Any failure removes the staging folder,
 * records lastError and leaves the live release untouched.
 */
export async function buildRelease(cfg: Config, opts: LaneOptions, assemble: (run: BuildRun) => Promise<Assembled>): Promise<BuildResult> {
  const { log, signal, lane } = opts;
  const what = lane === 'fast' ? 'fast build' : 'build';
  const started = Date.now();
  const p = paths(cfg.dataDir);
  await ensureDirs(cfg.dataDir);
  let release: () => Promise<void>;
  try {
    release = await acquireLock(cfg.dataDir, what);
  } catch (e) {
    log.warn(`${what} skipped`, { error: (e as Error).message });
    return { ok: false, error: (e as Error).message, releaseId: null, locked: true };
  }
  let id: string | null = null;
  let revision: number | null = null;
  let staging: string | null = null;
  let out: WriteStream | null = null;
  try {
    await updateState(cfg.dataDir, (s) => {
      if (lane === 'fast') s.fastBuilds = (s.fastBuilds ?? 0) + 1;
      else s.builds++;
    });
    // Recorded before building: edits made during the build bump the CMS revision past this one,
    // so reconcile notices them even if their webhook was lost.
    try {
      revision = (await fetchRevision(cfg)).revision;
    } catch (e) {
      log.warn('could not read the CMS revision before building; building anyway', { error: (e as Error).message });
    }
    opts.onRevision?.(revision);
    id = await newReleaseId(cfg.dataDir, new Date(), revision);
    const blog = log.child(lane === 'fast' ? { releaseId: id, lane } : { releaseId: id });
    blog.info(`${what} started`, { revision, ...opts.startFields });
    const logStream = createWriteStream(join(p.logs, `${id}.log`), { flags: 'a' });
    out = logStream;
    out.write(`# ${what} ${id} revision=${revision ?? 'unknown'}${opts.header} started ${new Date(started).toISOString()}\n`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...(await requestEnv(cfg, opts.request)),
      PUBLISHER_RELEASE_ID: id,
      CMS_REVISION: revision === null ? '' : String(revision),
    };
    for (const k of STRIP_ENV) delete env[k];
    staging = join(p.releases, `.staging-${id}`);
    const run: BuildRun = {
      id,
      revision,
      blog,
      out,
      env,
      staging,
      step: async (argv, label) => {
        if (signal?.aborted) throw new StepError('build cancelled (publisher shutting down, or stopped for a withdrawal)');
        blog.info(`running ${label}`);
        logStream.write(`\n$ ${resolveArgv(argv).join(' ')}\n`);
        const t0 = Date.now();
        const cmd = await commandCwd(cfg, argv, lane);
        const r = await runCommand(cmd.argv, cmd.cwd, env, logStream, cfg.buildTimeoutMs, signal);
        if (r.aborted) throw new StepError('build cancelled (publisher shutting down, or stopped for a withdrawal)');
        if (r.timedOut) throw new StepError(`${label} timed out after ${cfg.buildTimeoutMs} ms`);
        if (r.error) throw new StepError(`${label} could not start: ${r.error}`);
        if (r.code !== 0) {
          blog.error('build step failed; last output lines follow', { tail: r.tail.slice(-15) });
          throw new StepError(`${label} failed with ${r.signal ? `signal ${r.signal}` : `exit code ${r.code}`}`);
        }
        blog.info(`finished ${label}`, { ms: Date.now() - t0 });
      },
    };
    await fault('build');
    const a = await assemble(run);

    const dir = join(p.releases, id);
    await rename(staging, dir);
    staging = dir; // from here a failure removes the finished (not yet live) release
    const info: LiveInfo = {
      id,
      revision,
      builtAt: new Date().toISOString(),
      durationMs: Date.now() - started,
      pageCount: a.pageCount,
      ...(lane === 'fast' ? { mode: 'fast' as const } : {}),
    };
    await writeMeta(cfg.dataDir, { ...info, files: a.files, ...(a.delta ? { delta: a.delta } : {}) });
    await switchLive(cfg.dataDir, id);
    staging = null;
    await updateState(cfg.dataDir, (s) => {
      s.live = info;
      s.lastError = null;
      s.rolledBack = null;
      // A quick-lane release leaves the rest of the site as it was: only a full build ends a failing run.
      if (lane === 'full') s.failing = null;
    });
    out.write(`# live: ${id} (${info.durationMs} ms${lane === 'fast' ? ', fast' : ''})\n`);
    blog.info(lane === 'fast' ? 'release is live (fast lane)' : 'release is live', {
      pageCount: info.pageCount,
      durationMs: info.durationMs,
      revision,
      ...a.logFields,
    });
    await pruneReleases(cfg.dataDir, cfg.keepReleases, blog).catch((e) => blog.warn('prune failed', { error: (e as Error).message }));
    await pruneLogs(cfg.dataDir, cfg.keepLogs).catch(() => {});
    return { ok: true, release: info, copied: a.copied, linked: a.linked };
  } catch (e) {
    const message = e instanceof StepError ? e.message : `unexpected error: ${(e as Error).message}`;
    const cancelled = signal?.aborted === true;
    out?.write(`\n# FAILED: ${message}\n`);
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => {});
    if (id && (await readLiveId(cfg.dataDir)) !== id) await rm(join(p.meta, `${id}.json`), { force: true }).catch(() => {});
    if (!cancelled) {
      await updateState(cfg.dataDir, (s) => {
        const at = new Date().toISOString();
        s.lastError = {
          at,
          message: lane === 'fast' ? `fast build: ${message}` : message,
          releaseId: id,
          revision,
        };
        if (lane === 'full') {
          const f = s.failing;
          const asked = (opts.reasons ?? []).filter((r) => !r.startsWith('retry '));
          const pending = [...(f?.pending ?? []).filter((r) => !asked.includes(r)), ...asked];
          s.failing = {
            since: f?.since ?? at,
            count: (f?.count ?? 0) + 1,
            pending: pending.slice(-20),
            errors: [...(f?.errors ?? []), `${at} ${message}`].slice(-5),
          };
        }
      }).catch(() => {});
      log.error(`${what} failed; the live site is unchanged`, { releaseId: id, error: message });
    } else log.warn(`${what} cancelled`, { releaseId: id });
    return { ok: false, error: message, releaseId: id, cancelled };
  } finally {
    if (out) await new Promise<void>((r) => out!.end(r));
    await release();
  }
}

/** A full build: the site's build commands, then the whole output staged into a release and checked. */
export function runBuild(cfg: Config, opts: BuildOptions): Promise<BuildResult> {
  const fast = fastPaths(cfg);
  return buildRelease(
    cfg,
    {
      ...opts,
      lane: 'full',
      startFields: { reasons: opts.reasons?.slice(0, 10), pending: opts.reasons?.length },
      header: '',
      request: fullRequest(cfg),
    },
    async (run) => {
      const siteSt = await stat(cfg.siteDir).catch(() => null);
      if (!siteSt?.isDirectory()) throw new StepError(`the site directory ${cfg.siteDir} does not exist (set PUBLISHER_SITE_DIR)`);
      if (cfg.fastLane) await rm(fast.seedNext, { recursive: true, force: true });
      try {
        for (const [i, argv] of cfg.buildCmds.entries()) await run.step(argv, `step ${i + 1}/${cfg.buildCmds.length} (${describe(argv)})`);
      } catch (e) {
        if (cfg.fastLane) await rm(fast.seedNext, { recursive: true, force: true }); // half a seed helps no one
        throw e;
      }
      // The quick lane restarts from this build's content (fresh relations, no drift): new seed, empty store.
      if (cfg.fastLane && (await stat(fast.seedNext).catch(() => null))) {
        await rm(fast.seed, { recursive: true, force: true });
        await rename(fast.seedNext, fast.seed);
        await rm(join(fast.cache, 'data-store.json'), { force: true });
      }

      const outSt = await stat(cfg.buildOutput).catch(() => null);
      if (!outSt?.isDirectory()) throw new StepError(`the build produced no output folder at ${cfg.buildOutput}`);

      const liveId = await readLiveId(cfg.dataDir);
      const liveMeta = liveId ? await readMeta(cfg.dataDir, liveId) : null;
      const scanner = new ReleaseScanner({
        markers: leakMarkers(cfg.leakMarkers),
        secrets: [cfg.webhookSecret, cfg.adminToken, cfg.siteApiToken],
      });
      const staged = await stageRelease(
        cfg.buildOutput,
        run.staging,
        liveId ? { dir: join(paths(cfg.dataDir).releases, liveId), files: liveMeta?.files ?? null } : null,
        (rel, read) => scanner.add(rel, read),
      );
      if (staged.skipped.length) run.blog.warn('skipped non-regular files in the build output', { files: staged.skipped.slice(0, 10) });
      run.blog.info('release staged', { copied: staged.copied, linked: staged.linked });

      const checks = scanner.result({ minPages: cfg.minPages, allowShrink: cfg.allowShrink, livePageCount: liveMeta?.pageCount ?? null });
      run.out.write(`\n# checks: ${checks.ok ? 'passed' : 'FAILED'} pages=${checks.pageCount} scanned=${checks.scannedFiles}\n`);
      for (const prob of checks.problems) run.out.write(`#   ${prob}\n`);
      if (!checks.ok) throw new StepError(`checks failed: ${checks.problems.join('; ')}`);
      return { files: staged.files, pageCount: checks.pageCount, copied: staged.copied, linked: staged.linked };
    },
  );
}
