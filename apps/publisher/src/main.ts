// The long-running publisher: API + static server, and the shell of the scheduler (src/scheduler.ts):
// it performs the machine's effects (builds, the quick lane's copy), arms its one timer and reads the CMS.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiServer } from './api.ts';
import { runBuild } from './build.ts';
import { prepareBase, runFastBuild, runWithdrawal } from './fast.ts';
import { fetchRevision } from './cms.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { cleanStaging, listReleases, readLiveId } from './release.ts';
import { createStaticServer } from './static.ts';
import {
  type BuildOutcome,
  type Effect,
  initialState,
  next,
  nextDeadline,
  type SchedulerConfig,
  type SchedulerEvent,
  type SchedulerState,
} from './scheduler.ts';
import { ensureDirs, lockHeldByOther, readMeta, readState, type LiveInfo } from './state.ts';

const MAX_TIMEOUT = 2 ** 31 - 1;
/** A revision bump without a webhook waits this long for it (the quick lane could take it). */
const RECONCILE_GRACE_MS = 3000;
/** The build lock was busy (a CLI build): try again after this long. */
const LOCK_RETRY_MS = 5000;

export interface Publisher {
  cfg: Config;
  apiPort: number;
  sitePort: number;
  /** The scheduler's current state (src/scheduler.ts). */
  scheduler: () => SchedulerState;
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

export async function startPublisher(cfg: Config, log: Logger): Promise<Publisher> {
  await ensureDirs(cfg.dataDir);
  if (!(await lockHeldByOther(cfg.dataDir))) await cleanStaging(cfg.dataDir);

  const abort = new AbortController();
  const sc: SchedulerConfig = {
    fastLane: cfg.fastLane,
    debounceMs: cfg.debounceMs,
    maxWaitMs: cfg.debounceMaxMs,
    fullAfterFastMs: cfg.fullAfterFastMs,
    retryBaseMs: cfg.retryBaseMs,
    retryFailedMs: cfg.retryFailedMs,
    graceMs: RECONCILE_GRACE_MS,
    lockRetryMs: LOCK_RETRY_MS,
    timeZone: cfg.timeZone,
    dailyAt: cfg.dailyAt,
  };
  // The scheduler's state (src/scheduler.ts); this shell performs its effects and feeds back events.
  let sm = initialState();
  let wake: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;
  let cmsRevision: number | null = null;
  let reconcileRetry: ReturnType<typeof setTimeout> | null = null;
  let reconcileFailures = 0;
  let firstReconcileDone = false;

  const dispatch = (event: SchedulerEvent) => {
    const r = next(sm, event, Date.now(), sc);
    sm = r.state;
    for (const e of r.effects) perform(e);
    if (wake) clearTimeout(wake);
    wake = null;
    const at = nextDeadline(sm, sc);
    if (at === null) return;
    wake = setTimeout(
      () => {
        wake = null;
        dispatch({ type: 'tick' });
      },
      Math.min(Math.max(0, at - Date.now()), MAX_TIMEOUT),
    );
    wake.unref();
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

  const outcome = (r: { ok: boolean; cancelled?: boolean; locked?: boolean }): BuildOutcome =>
    r.ok ? 'ok' : abort.signal.aborted || r.cancelled ? 'cancelled' : r.locked ? 'locked' : 'failed';
  const onRevision = (revision: number | null) => dispatch({ type: 'buildRevision', revision });

  // The running build's own signal: aborted at shutdown, or by the machine (`cancel`: a withdrawal first).
  let current: AbortController | null = null;
  const build = (effect: Extract<Effect, { type: 'build' }>) => {
    const ctl = new AbortController();
    const onStop = () => ctl.abort();
    abort.signal.addEventListener('abort', onStop, { once: true });
    current = ctl;
    const signal = ctl.signal;
    const job = (async () => {
      try {
        if (effect.lane === 'fast' || effect.lane === 'withdraw') {
          const run = effect.lane === 'fast' ? runFastBuild : runWithdrawal;
          const r = await run(cfg, { changed: effect.changed, signal, log, onRevision });
          dispatch({ type: 'buildDone', lane: effect.lane, outcome: outcome(r), error: r.ok ? undefined : r.error });
        } else {
          const r = await runBuild(cfg, { reasons: effect.reasons, signal, log, onRevision });
          const o = outcome(r);
          const failures = o === 'failed' ? ((await readState(cfg.dataDir)).failing?.count ?? 1) : undefined;
          dispatch({ type: 'buildDone', lane: 'full', outcome: o, failures, error: r.ok ? undefined : r.error });
        }
      } catch (e) {
        log.error('build crashed', { error: e as Error });
        dispatch({ type: 'buildDone', lane: effect.lane, outcome: 'failed', error: (e as Error).message });
      }
    })();
    running = job;
    void job.finally(() => {
      abort.signal.removeEventListener('abort', onStop);
      if (current === ctl) current = null;
      if (running === job) running = null;
    });
  };

  const perform = (e: Effect) => {
    if (e.type === 'build') build(e);
    else if (e.type === 'prepareBase') prepareNext();
    else if (e.type === 'cancel') current?.abort();
    else log[e.level](e.message, e.fields);
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
    const [state, live] = await Promise.all([readState(cfg.dataDir), liveInfo(cfg.dataDir)]);
    const err = state.lastError;
    dispatch({
      type: 'revisionSeen',
      revision: rev.revision,
      nextTimedEvent: rev.nextTimedEvent?.getTime() ?? null,
      live: live ? { revision: live.revision, mode: live.mode ?? 'full', builtAt: live.builtAt ? Date.parse(live.builtAt) : null } : null,
      rolledBack: !!state.rolledBack,
      failedAt: err && err.revision === rev.revision ? Date.parse(err.at) : null,
      first,
    });
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
      (sm.behindSince !== null && !state.rolledBack && now - sm.behindSince >= cfg.staleAfterMs);
    const since = Math.min(failingSince ?? Infinity, sm.behindSince ?? Infinity);
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
      nextRetryAt: sm.retry ? new Date(sm.retry.at).toISOString() : null,
      state: sm.phase,
      queued: sm.phase === 'building' && sm.pending.reasons.length > 0,
      cmsRevision,
      lastError: state.lastError
        ? { at: state.lastError.at, message: state.lastError.message, releaseId: state.lastError.releaseId }
        : null,
      builds: state.builds,
      fastBuilds: state.fastBuilds ?? 0,
      fullBuildDueAt: sm.fullDueAt === null ? null : new Date(sm.fullDueAt).toISOString(),
      // The quick lane's copy of the live release is still being made (an approval now waits for it).
      preparing: prepareRuns > 0,
      releases,
      rolledBack: state.rolledBack,
      nextTimedEvent: sm.timedEvent === null ? null : new Date(sm.timedEvent).toISOString(),
    };
  };

  const api = createApiServer({
    webhookSecret: cfg.webhookSecret,
    adminToken: cfg.adminToken,
    log,
    status,
    onWebhook: (event, model, documentId) => {
      log.info('webhook accepted', { event, model, documentId });
      dispatch({ type: 'webhook', event, model: model ?? null, documentId: documentId ?? null });
    },
    onRebuild: (reason) => {
      log.info('rebuild requested');
      dispatch({ type: 'rebuild', reason });
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
  dispatch({ type: 'start' });
  prepareNext();

  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(reconcileTimer);
      if (reconcileRetry) clearTimeout(reconcileRetry);
      dispatch({ type: 'stop' });
      if (wake) clearTimeout(wake);
      abort.abort(); // kills a running build's process group
      const closing = Promise.all([new Promise((r) => api.close(r)), new Promise((r) => site.close(r))]);
      api.closeIdleConnections();
      site.closeIdleConnections();
      const force = setTimeout(() => {
        api.closeAllConnections();
        site.closeAllConnections();
      }, 3000);
      while (running) await running; // the build ends once its process group is killed
      await preparing; // a copy in progress must not write into a folder the caller removes next
      await closing;
      clearTimeout(force);
    })());

  return { cfg, apiPort, sitePort, scheduler: () => sm, reconcile, status, stop };
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
