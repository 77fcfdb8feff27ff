// The long-running publisher: API + static server, build queue, reconcile and timers.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiServer } from './api.ts';
import { runBuild } from './build.ts';
import { FAST_MODELS, prepareBase, runFastBuild } from './fast.ts';
import { fetchRevision } from './cms.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { BuildQueue } from './queue.ts';
import { cleanStaging, listReleases, readLiveId } from './release.ts';
import { createStaticServer } from './static.ts';
import { ensureDirs, paths, readMeta, readState, type LiveInfo } from './state.ts';
import { nextDailyRun } from './time.ts';
import { readFile } from 'node:fs/promises';

const MAX_TIMEOUT = 2 ** 31 - 1;

export interface Publisher {
  cfg: Config;
  apiPort: number;
  sitePort: number;
  queue: BuildQueue;
  reconcile: () => Promise<void>;
  status: () => Promise<unknown>;
  stop: () => Promise<void>;
}

/** The live release as the `live` symlink says (the CLI may have rolled back behind our back). */
export async function liveInfo(dataDir: string): Promise<LiveInfo | null> {
  const id = await readLiveId(dataDir);
  if (!id) return null;
  const s = await readState(dataDir);
  if (s.live?.id === id) return s.live;
  const meta = await readMeta(dataDir, id);
  if (!meta) return { id, revision: null, builtAt: '', durationMs: 0, pageCount: 0 };
  const { files: _files, delta: _delta, ...info } = meta;
  return info;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function lockHeldByOther(dataDir: string): Promise<boolean> {
  try {
    const { pid } = JSON.parse(await readFile(paths(dataDir).lock, 'utf8')) as { pid: number };
    if (pid === process.pid) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startPublisher(cfg: Config, log: Logger): Promise<Publisher> {
  await ensureDirs(cfg.dataDir);
  if (!(await lockHeldByOther(cfg.dataDir))) await cleanStaging(cfg.dataDir);

  const abort = new AbortController();
  let cmsRevision: number | null = null;
  let buildingRevision: number | null = null;
  let nextTimed: { at: Date; timer: ReturnType<typeof setTimeout> } | null = null;
  let dailyTimer: ReturnType<typeof setTimeout> | null = null;
  let lockRetry: ReturnType<typeof setTimeout> | null = null;
  let reconcileRetry: ReturnType<typeof setTimeout> | null = null;
  let reconcileFailures = 0;
  let firstReconcileDone = false;
  let behind: { revision: number; since: number } | null = null;
  // Since when reconcile has seen the CMS ahead of the live release (reset when they agree).
  let behindSince: number | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let nextRetryAt: Date | null = null;
  const clearRetry = () => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    nextRetryAt = null;
  };
  /** A failed full build is tried again by itself: 30 s, 1 min, 2 min … up to PUBLISHER_RETRY_FAILED_MS. */
  const scheduleRetry = async () => {
    if (stopping) return;
    const failures = (await readState(cfg.dataDir)).failing?.count ?? 1;
    const delay = Math.min(cfg.retryFailedMs, cfg.retryBaseMs * 2 ** (failures - 1));
    clearRetry();
    nextRetryAt = new Date(Date.now() + delay);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      nextRetryAt = null;
      requestFull(`retry after failed build (attempt ${failures + 1})`, true);
    }, delay);
    retryTimer.unref();
    log.warn('full build failed; retrying', { failures, retryInMs: delay });
  };
  let stopping: Promise<void> | null = null;

  // What the next build must cover: entries the quick lane can render alone (`model:documentId`), or
  // anything else (full).
  let fastIds = new Set<string>();
  let fullPending = false;
  let fullTimer: ReturnType<typeof setTimeout> | null = null;
  let fullDueAt: Date | null = null;
  const clearFullTimer = () => {
    if (fullTimer) clearTimeout(fullTimer);
    fullTimer = null;
    fullDueAt = null;
  };
  const requestFull = (reason: string, immediate = false) => {
    fullPending = true;
    queue.request(reason, immediate);
  };
  const armFullAfterFast = () => {
    if (fullTimer || stopping) return;
    fullDueAt = new Date(Date.now() + cfg.fullAfterFastMs);
    fullTimer = setTimeout(() => {
      fullTimer = null;
      fullDueAt = null;
      requestFull('full build after quick-lane release', true);
    }, cfg.fullAfterFastMs);
    fullTimer.unref();
  };

  // One at a time, after each release: the quick lane's next copy of the live release.
  let preparing: Promise<unknown> = Promise.resolve();
  let prepareRuns = 0;
  const prepareNext = () => {
    if (!cfg.fastLane || abort.signal.aborted) return;
    prepareRuns++;
    preparing = preparing
      .then(() => prepareBase(cfg, log))
      .catch((e) => log.warn('could not prepare the next quick-lane release', { error: (e as Error).message }))
      .finally(() => prepareRuns--);
  };

  const queue = new BuildQueue(
    async (reasons) => {
      const ids = [...fastIds];
      const full = fullPending || !ids.length;
      fastIds = new Set();
      fullPending = false;
      try {
        if (!full && cfg.fastLane) {
          const r = await runFastBuild(cfg, { ids, signal: abort.signal, log, onRevision: (rev) => (buildingRevision = rev) });
          if (r.ok) {
            armFullAfterFast();
            prepareNext();
            return;
          }
          if (abort.signal.aborted || ('cancelled' in r && r.cancelled)) return;
          if ('locked' in r && r.locked) {
            for (const id of ids) fastIds.add(id);
            if (lockRetry) clearTimeout(lockRetry);
            lockRetry = setTimeout(() => queue.request('retry after the build lock was busy'), 5000);
            return;
          }
          // No release to lay changes over, or the quick lane failed: a full build covers everything.
          log.info('quick lane not used; running a full build', { reason: r.error });
        }
        clearFullTimer();
        const r = await runBuild(cfg, { reasons, signal: abort.signal, log, onRevision: (rev) => (buildingRevision = rev) });
        if (r.ok) {
          clearRetry();
          prepareNext();
        } else if (!r.locked && !r.cancelled && !abort.signal.aborted) await scheduleRetry();
        // A CLI build holds the lock: try again shortly rather than dropping these events.
        if (!r.ok && r.locked && !abort.signal.aborted) {
          if (lockRetry) clearTimeout(lockRetry);
          lockRetry = setTimeout(() => requestFull('retry after the build lock was busy'), 5000);
        }
      } finally {
        buildingRevision = null;
      }
    },
    { debounceMs: cfg.debounceMs, maxWaitMs: cfg.debounceMaxMs, onError: (e) => log.error('build crashed', { error: e as Error }) },
  );

  const scheduleTimed = async (at: Date | null) => {
    if (nextTimed && (!at || nextTimed.at.getTime() !== at.getTime())) {
      clearTimeout(nextTimed.timer);
      nextTimed = null;
    }
    if (!at || nextTimed) return;
    const delay = at.getTime() - Date.now() + 1000; // a second late so the CMS already shows the change
    if (delay > MAX_TIMEOUT) return; // far away: a later reconcile re-arms it
    if (delay <= 0) {
      const live = await liveInfo(cfg.dataDir);
      if (live?.builtAt && Date.parse(live.builtAt) < at.getTime()) requestFull(`scheduled event at ${at.toISOString()}`, true);
      return;
    }
    const timer = setTimeout(() => {
      nextTimed = null;
      requestFull(`scheduled event at ${at.toISOString()}`, true);
    }, delay);
    timer.unref();
    nextTimed = { at, timer };
    log.info('scheduled rebuild for a timed CMS event', { at: at.toISOString() });
  };

  const armDaily = () => {
    if (!cfg.dailyAt) return;
    const at = nextDailyRun(new Date(), cfg.timeZone, cfg.dailyAt.hour, cfg.dailyAt.minute);
    dailyTimer = setTimeout(
      () => {
        requestFull('daily rebuild', true);
        armDaily();
      },
      Math.min(at.getTime() - Date.now(), MAX_TIMEOUT),
    );
    dailyTimer.unref();
  };

  const reconcile = async () => {
    let rev: Awaited<ReturnType<typeof fetchRevision>>;
    try {
      rev = await fetchRevision(cfg);
    } catch (e) {
      // Retry sooner than the regular timer (2 s, 4 s, 8 s …): the CMS is often just restarting.
      reconcileFailures++;
      const retryInMs = Math.min(cfg.reconcileMs, 1000 * 2 ** reconcileFailures);
      if (reconcileRetry) clearTimeout(reconcileRetry);
      if (!stopping) {
        reconcileRetry = setTimeout(() => void reconcile(), retryInMs);
        reconcileRetry.unref();
      }
      log.warn('reconcile: could not read the CMS revision; will retry', { error: (e as Error).message, retryInMs });
      return;
    }
    reconcileFailures = 0;
    cmsRevision = rev.revision;
    const first = !firstReconcileDone;
    firstReconcileDone = true;
    await scheduleTimed(rev.nextTimedEvent);
    const [state, live] = await Promise.all([readState(cfg.dataDir), liveInfo(cfg.dataDir)]);
    // A quick-lane release (also one left by an earlier run of the publisher) still owes a full build.
    if (live?.mode === 'fast' && !fullTimer && queue.state === 'idle' && !state.rolledBack) armFullAfterFast();
    if (live && live.revision === rev.revision) {
      behind = null;
      behindSince = null;
      return;
    }
    behindSince ??= Date.now();
    if (live && state.rolledBack) {
      log.info('reconcile: live release was rolled back; waiting for a webhook or /rebuild', { live: live.id, cmsRevision: rev.revision });
      return;
    }
    if (queue.state === 'building' && buildingRevision === rev.revision) return;
    const err = state.lastError;
    // A failed revision is retried by scheduleRetry (with backoff), not at every reconcile.
    if (err && err.revision === rev.revision && (retryTimer || Date.now() - Date.parse(err.at) < cfg.retryFailedMs)) {
      log.debug('reconcile: this revision failed to build recently; not retrying yet', { revision: rev.revision });
      return;
    }
    // The webhook of a change usually arrives within a second of the revision bump: give it that time
    // (the quick lane can then handle it) unless this is the check at start.
    if (queue.state === 'debouncing') return;
    if (!first) {
      if (!behind || behind.revision !== rev.revision) {
        behind = { revision: rev.revision, since: Date.now() };
        return;
      }
      if (Date.now() - behind.since < 3000) return;
    }
    behind = null;
    log.info('reconcile: live site is behind the CMS; rebuilding', { live: live?.revision ?? null, cmsRevision: rev.revision });
    requestFull(`reconcile: cms revision ${rev.revision}, live ${live?.revision ?? 'none'}`, true);
  };

  const status = async () => {
    const [state, live, releases] = await Promise.all([readState(cfg.dataDir), liveInfo(cfg.dataDir), listReleases(cfg.dataDir)]);
    // Stale: full builds keep failing (N in a row, or for PUBLISHER_STALE_AFTER_MS), or the CMS has
    // been ahead of the live release that long.
    const failing = state.failing ?? null;
    const now = Date.now();
    const failingSince = failing ? Date.parse(failing.since) : null;
    const stale =
      (!!failing && (failing.count >= cfg.staleAfterFailures || now - failingSince! >= cfg.staleAfterMs)) ||
      (behindSince !== null && !state.rolledBack && now - behindSince >= cfg.staleAfterMs);
    const since = Math.min(failingSince ?? Infinity, behindSince ?? Infinity);
    // The newest revision known to be wanted: reconcile's last read, or what the failed build read.
    const known = [cmsRevision, state.lastError?.revision].filter((r): r is number => typeof r === 'number');
    const wanted = known.length ? Math.max(...known) : null;
    return {
      live,
      freshness: stale ? 'stale' : 'current',
      stale: stale
        ? {
            since: new Date(since).toISOString(),
            failures: failing?.count ?? 0,
            pending: [
              ...(failing?.pending ?? []),
              ...(wanted !== null && wanted !== live?.revision ? [`cms revision ${wanted} (live ${live?.revision ?? 'none'})`] : []),
            ],
            errors: failing?.errors ?? [],
          }
        : null,
      failures: failing?.count ?? 0,
      nextRetryAt: nextRetryAt?.toISOString() ?? null,
      state: queue.state,
      queued: queue.queued,
      cmsRevision,
      lastError: state.lastError
        ? { at: state.lastError.at, message: state.lastError.message, releaseId: state.lastError.releaseId }
        : null,
      builds: state.builds,
      fastBuilds: state.fastBuilds ?? 0,
      fullBuildDueAt: fullDueAt?.toISOString() ?? null,
      // The quick lane's copy of the live release is still being made (an approval now waits for it).
      preparing: prepareRuns > 0,
      releases,
      rolledBack: state.rolledBack,
      nextTimedEvent: nextTimed?.at.toISOString() ?? null,
    };
  };

  const api = createApiServer({
    webhookSecret: cfg.webhookSecret,
    adminToken: cfg.adminToken,
    log,
    status,
    onWebhook: (event, model, documentId) => {
      log.info('webhook accepted', { event, model, documentId });
      if (cfg.fastLane && event.startsWith('entry.') && model && FAST_MODELS.has(model) && documentId)
        fastIds.add(`${model}:${documentId}`);
      else fullPending = true;
      queue.request(`${event}${model ? ` ${model}` : ''}${documentId ? ` ${documentId}` : ''}`);
    },
    onRebuild: (reason) => {
      log.info('rebuild requested');
      requestFull(reason, true);
    },
  });
  const site = createStaticServer({ cfg, log });
  const apiPort = await listen(api, cfg.port, cfg.host);
  let sitePort: number;
  try {
    sitePort = await listen(site, cfg.sitePort, cfg.siteHost);
  } catch (e) {
    api.close();
    throw e;
  }
  log.info('publisher listening', {
    api: `http://${cfg.host}:${apiPort}`,
    site: `http://${cfg.siteHost}:${sitePort}`,
    apiPort,
    sitePort,
    dataDir: cfg.dataDir,
  });

  void reconcile();
  const reconcileTimer = setInterval(() => void reconcile(), cfg.reconcileMs);
  reconcileTimer.unref();
  armDaily();
  prepareNext();

  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(reconcileTimer);
      if (dailyTimer) clearTimeout(dailyTimer);
      if (lockRetry) clearTimeout(lockRetry);
      if (reconcileRetry) clearTimeout(reconcileRetry);
      clearRetry();
      if (nextTimed) clearTimeout(nextTimed.timer);
      clearFullTimer();
      abort.abort(); // kills a running build's process group
      const closing = Promise.all([new Promise((r) => api.close(r)), new Promise((r) => site.close(r))]);
      api.closeIdleConnections();
      site.closeIdleConnections();
      const force = setTimeout(() => {
        api.closeAllConnections();
        site.closeAllConnections();
      }, 3000);
      await queue.stop();
      await preparing; // a copy in progress must not write into a folder the caller removes next
      await closing;
      clearTimeout(force);
    })());

  return { cfg, apiPort, sitePort, queue, reconcile, status, stop };
}

/** Entry point for `node src/main.ts` and `cli.ts serve`. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let cfg: Config;
  try {
    cfg = loadConfig(env, { requireWebhookSecret: true });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`publisher: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger({ level: cfg.logLevel });
  if (!cfg.adminToken) log.warn('PUBLISHER_ADMIN_TOKEN is not set; POST /rebuild is disabled');
  if (!cfg.siteApiToken) log.warn('SITE_API_TOKEN is not set; the CMS will refuse revision and content requests');
  let pub: Publisher;
  try {
    pub = await startPublisher(cfg, log);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(
      `publisher: could not start: ${err.code === 'EADDRINUSE' ? `port already in use (${err.message})` : err.message}\n`,
    );
    process.exit(1);
  }
  const onSignal = (sig: string) => {
    log.info('shutting down', { signal: sig });
    pub.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
}

if (import.meta.main) await main();
