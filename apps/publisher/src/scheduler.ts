// The publisher's scheduler as one named state machine (docs/design/publishing.md): pure, no I/O, no
// timers of its own. `next(state, event, now)` returns the new state and the effects the shell in
// main.ts performs (start a build, prepare the quick lane's copy, log); timers are deadlines in the
// state (`nextDeadline`), so tests drive it with a fake clock.
import { type EntryRef, isPageModel } from '@cong-ttdt/content';
import { nextDailyRun } from './time.ts';

/** `withdraw`: the live release minus withdrawn pages, no build (when the quick lane could not run). */
export type Lane = 'fast' | 'full' | 'withdraw';
export type Phase = 'idle' | 'debouncing' | 'building';

export interface SchedulerConfig {
  fastLane: boolean;
  debounceMs: number;
  /** Upper bound on how long a continuous stream of events can postpone a build. */
  maxWaitMs: number;
  /** How long after a quick-lane release the full build starts. */
  fullAfterFastMs: number;
  retryBaseMs: number;
  retryFailedMs: number;
  /** A revision bump seen by reconcile waits this long for its webhook (the quick lane) before a full build. */
  graceMs: number;
  /** A build lock held by another process (the CLI): try again after this long. */
  lockRetryMs: number;
  timeZone: string;
  dailyAt: { hour: number; minute: number } | null;
}

/** What the next build must cover. `reasons` empty: nothing asked yet (entries kept for a later request). */
export interface Pending {
  changed: EntryRef[];
  /** Of `changed`, the withdrawn and deleted entries: they go first, before a full build that is also asked. */
  urgent: EntryRef[];
  full: boolean;
  reasons: string[];
  immediate: boolean;
  /** When the debounce window opened and when the last event came. */
  windowStart: number;
  lastEventAt: number;
}

export interface SchedulerState {
  phase: Phase;
  /** The running build: its lane, what it covers, the CMS revision it reads. */
  building: { lane: Lane; changed: EntryRef[]; urgent: EntryRef[]; reasons: string[]; revision: number | null } | null;
  pending: Pending;
  /** A quick-lane release is live: the full build it owes is due then. */
  fullDueAt: number | null;
  /** A failed full build is tried again then (`attempt`: the number of that try). */
  retry: { at: number; attempt: number } | null;
  /** The build lock was busy: try again then (`full`: the retried build is a full one). */
  lockRetry: { at: number; full: boolean } | null;
  /** Reconcile saw the CMS ahead (revision, since when), waiting `graceMs` for the webhook. */
  behind: { revision: number; since: number } | null;
  /** Since when reconcile has seen the CMS ahead of the live release (for `stale`). */
  behindSince: number | null;
  /** The newest CMS revision reconcile read. */
  cmsRevision: number | null;
  /** The next timed CMS event (go-live, expiry); rebuilt a second after it. */
  timedEvent: number | null;
  /** The next daily rebuild (day boundary in the portal's time zone). */
  dailyAt: number | null;
  stopped: boolean;
}

export type BuildOutcome = 'ok' | 'failed' | 'locked' | 'cancelled';

export type SchedulerEvent =
  | { type: 'start' }
  /** A webhook: an entry event of a model (the quick lane may take it) or anything else. */
  | { type: 'webhook'; event: string; model: string | null; documentId: string | null }
  /** POST /rebuild or the CLI: a full build now. */
  | { type: 'rebuild'; reason: string }
  /** Time passed: due timers fire. */
  | { type: 'tick' }
  /** The running build read this CMS revision. */
  | { type: 'buildRevision'; revision: number | null }
  /** The running build ended. `failures`: full builds failed in a row (the durable state's count). */
  | { type: 'buildDone'; lane: Lane; outcome: BuildOutcome; failures?: number; error?: string }
  /** Reconcile read the CMS revision. */
  | {
      type: 'revisionSeen';
      revision: number;
      nextTimedEvent: number | null;
      live: { revision: number | null; mode: 'fast' | 'full'; builtAt: number | null } | null;
      rolledBack: boolean;
      /** The last failure was of this revision, when. */
      failedAt: number | null;
      /** The first reconcile of this process (no grace: nothing is on its way). */
      first: boolean;
    }
  | { type: 'stop' };

export type Effect =
  | { type: 'build'; lane: 'fast'; changed: EntryRef[]; reasons: string[] }
  | { type: 'build'; lane: 'full'; reasons: string[] }
  | { type: 'build'; lane: 'withdraw'; changed: EntryRef[]; reasons: string[] }
  | { type: 'prepareBase' }
  /** Stop the running build (a full one, so that a withdrawal does not wait for it); it ends as `cancelled`. */
  | { type: 'cancel'; reason: string }
  | { type: 'log'; level: 'debug' | 'info' | 'warn'; message: string; fields?: Record<string, unknown> };

/** Webhook events that take a page off the site: they go first (docs/operations.md, "Gỡ bài"). */
const URGENT_EVENTS = new Set(['entry.unpublish', 'entry.delete']);

const emptyPending = (): Pending => ({
  changed: [],
  urgent: [],
  full: false,
  reasons: [],
  immediate: false,
  windowStart: 0,
  lastEventAt: 0,
});

export function initialState(): SchedulerState {
  return {
    phase: 'idle',
    building: null,
    pending: emptyPending(),
    fullDueAt: null,
    retry: null,
    lockRetry: null,
    behind: null,
    behindSince: null,
    cmsRevision: null,
    timedEvent: null,
    dailyAt: null,
    stopped: false,
  };
}

/** When the shell must wake the machine next (a `tick`), or null. */
export function nextDeadline(s: SchedulerState, cfg: SchedulerConfig): number | null {
  if (s.stopped) return null;
  const times = [s.fullDueAt, s.retry?.at ?? null, s.lockRetry?.at ?? null, s.timedEvent === null ? null : s.timedEvent + 1000, s.dailyAt];
  if (s.phase === 'debouncing') times.push(debounceEnd(s.pending, cfg));
  const due = times.filter((t): t is number => t !== null);
  return due.length ? Math.min(...due) : null;
}

function debounceEnd(p: Pending, cfg: SchedulerConfig): number {
  if (p.immediate) return p.windowStart;
  return Math.min(p.lastEventAt + cfg.debounceMs, p.windowStart + cfg.maxWaitMs);
}

/** The machine: one event in, the next state and what to do out. */
export function next(
  state: SchedulerState,
  event: SchedulerEvent,
  now: number,
  cfg: SchedulerConfig,
): { state: SchedulerState; effects: Effect[] } {
  const s: SchedulerState = {
    ...state,
    pending: {
      ...state.pending,
      changed: [...state.pending.changed],
      urgent: [...state.pending.urgent],
      reasons: [...state.pending.reasons],
    },
  };
  const effects: Effect[] = [];
  if (s.stopped) return { state: s, effects };
  const log = (level: 'debug' | 'info' | 'warn', message: string, fields?: Record<string, unknown>) =>
    effects.push({ type: 'log', level, message, ...(fields ? { fields } : {}) });

  const request = (reason: string, immediate = false) => {
    const p = s.pending;
    // While a build runs, events wait for it to end (one follow-up build sees them all).
    if (s.phase === 'idle') {
      s.phase = 'debouncing';
      p.windowStart = now;
    }
    p.reasons.push(reason);
    p.lastEventAt = now;
    if (immediate) p.immediate = true;
  };
  const requestFull = (reason: string, immediate = false) => {
    s.pending.full = true;
    request(reason, immediate);
  };
  const has = (list: EntryRef[], r: EntryRef) => list.some((c) => c.model === r.model && c.documentId === r.documentId);
  const addChanged = (refs: EntryRef[], urgent: EntryRef[] = []) => {
    for (const r of refs) if (!has(s.pending.changed, r)) s.pending.changed.push(r);
    for (const r of urgent) if (!has(s.pending.urgent, r)) s.pending.urgent.push(r);
  };
  const startFull = (reasons: string[]) => {
    s.fullDueAt = null; // this build is the one owed
    s.building = { lane: 'full', changed: [], urgent: [], reasons, revision: null };
    effects.push({ type: 'build', lane: 'full', reasons });
  };
  /** A build ended: the follow-up waits for its own debounce, counted from its last event. */
  const afterBuild = (ok: boolean) => {
    // A release of the newest revision reconcile saw: the site is no longer behind (until it reads more).
    if (ok && s.building?.revision != null && s.cmsRevision !== null && s.building.revision >= s.cmsRevision) {
      s.behind = null;
      s.behindSince = null;
    }
    s.building = null;
    if (s.pending.reasons.length) {
      s.phase = 'debouncing';
      s.pending.windowStart = now;
    } else s.phase = 'idle';
  };

  switch (event.type) {
    case 'start':
      if (cfg.dailyAt) s.dailyAt = nextDailyRun(new Date(now), cfg.timeZone, cfg.dailyAt.hour, cfg.dailyAt.minute).getTime();
      break;

    case 'webhook': {
      const { model, documentId } = event;
      if (cfg.fastLane && event.event.startsWith('entry.') && model && isPageModel(model) && documentId) {
        const ref = { model, documentId };
        addChanged([ref], URGENT_EVENTS.has(event.event) ? [ref] : []);
      } else s.pending.full = true;
      const reason = `${event.event}${model ? ` ${model}` : ''}${documentId ? ` ${documentId}` : ''}`;
      request(reason);
      // A withdrawal does not wait for a running full build (minutes on a large site, and perhaps failing):
      // it is stopped, the withdrawal goes first, the full build runs again after it.
      if (s.pending.urgent.length && s.phase === 'building' && s.building?.lane === 'full') {
        log('info', 'withdrawal while a full build runs: stopping it; it runs again after the withdrawal', { reason });
        effects.push({ type: 'cancel', reason });
      }
      break;
    }

    case 'rebuild':
      requestFull(event.reason, true);
      break;

    case 'tick': {
      if (s.fullDueAt !== null && now >= s.fullDueAt) {
        s.fullDueAt = null;
        requestFull('full build after quick-lane release', true);
      }
      if (s.retry && now >= s.retry.at) {
        requestFull(`retry after failed build (attempt ${s.retry.attempt})`, true);
        s.retry = null;
      }
      if (s.lockRetry && now >= s.lockRetry.at) {
        if (s.lockRetry.full) s.pending.full = true;
        s.lockRetry = null;
        request('retry after the build lock was busy');
      }
      if (s.timedEvent !== null && now >= s.timedEvent + 1000) {
        requestFull(`scheduled event at ${new Date(s.timedEvent).toISOString()}`, true);
        s.timedEvent = null;
      }
      if (s.dailyAt !== null && now >= s.dailyAt) {
        requestFull('daily rebuild', true);
        if (cfg.dailyAt) s.dailyAt = nextDailyRun(new Date(now), cfg.timeZone, cfg.dailyAt.hour, cfg.dailyAt.minute).getTime();
      }
      if (s.phase === 'debouncing' && now >= debounceEnd(s.pending, cfg)) {
        const { changed, urgent, full, reasons } = s.pending;
        s.pending = emptyPending();
        s.phase = 'building';
        if (changed.length && cfg.fastLane && (!full || urgent.length)) {
          // A withdrawal does not wait for a full build (which may be failing): the quick lane first, the
          // full build right after it.
          if (full) {
            s.pending = { ...emptyPending(), full: true, reasons: [...reasons], immediate: true, windowStart: now, lastEventAt: now };
            log('info', 'withdrawal first; the full build follows', { urgent: urgent.map((u) => `${u.model}:${u.documentId}`) });
          }
          s.building = { lane: 'fast', changed, urgent, reasons, revision: null };
          effects.push({ type: 'build', lane: 'fast', changed, reasons });
        } else startFull(reasons);
      }
      break;
    }

    case 'buildRevision':
      if (s.building) s.building = { ...s.building, revision: event.revision };
      break;

    case 'buildDone': {
      const b = s.building;
      if (!b) break;
      if (event.lane === 'withdraw') {
        if (event.outcome === 'failed' || event.outcome === 'locked')
          log('warn', 'withdrawal without a build failed; a full build covers it', { reason: event.error });
        // The full build confirms it (lists, feeds, the main index): now, or the one already asked.
        if (event.outcome !== 'cancelled' && !s.pending.full) {
          startFull(b.reasons);
          break;
        }
        afterBuild(false);
        break;
      }
      if (event.lane === 'fast') {
        if (event.outcome === 'ok') {
          s.fullDueAt ??= now + cfg.fullAfterFastMs;
          effects.push({ type: 'prepareBase' });
        } else if (event.outcome === 'locked') {
          // The entries wait for the retry; the retry's request starts the build.
          addChanged(b.changed, b.urgent);
          s.lockRetry = { at: now + cfg.lockRetryMs, full: false };
        } else if (event.outcome === 'failed' && b.urgent.length) {
          // The quick lane could not run (the CMS unreachable…): the withdrawn pages leave the live release
          // without a build; the full build after it confirms lists and feeds.
          log('warn', 'quick lane failed; taking the withdrawn pages out of the live release', { reason: event.error });
          s.building = { lane: 'withdraw', changed: b.urgent, urgent: b.urgent, reasons: b.reasons, revision: null };
          effects.push({ type: 'build', lane: 'withdraw', changed: b.urgent, reasons: b.reasons });
          break;
        } else if (event.outcome === 'failed') {
          // No release to lay changes over, or the quick lane failed: a full build covers everything.
          log('info', 'quick lane not used; running a full build', { reason: event.error });
          startFull(b.reasons);
          break;
        }
      } else if (event.outcome === 'ok') {
        s.retry = null;
        effects.push({ type: 'prepareBase' });
      } else if (event.outcome === 'failed') {
        // Tried again by itself: 30 s, 1 min, 2 min … up to retryFailedMs.
        const failures = Math.max(1, event.failures ?? 1);
        const delay = Math.min(cfg.retryFailedMs, cfg.retryBaseMs * 2 ** (failures - 1));
        s.retry = { at: now + delay, attempt: failures + 1 };
        log('warn', 'full build failed; retrying', { failures, retryInMs: delay });
      } else if (event.outcome === 'locked') {
        s.lockRetry = { at: now + cfg.lockRetryMs, full: true };
      } else if (event.outcome === 'cancelled' && s.pending.urgent.length) {
        // Stopped for a withdrawal: what it was for is still owed, after the withdrawal.
        s.pending.full = true;
        for (const r of b.reasons) if (!s.pending.reasons.includes(r)) s.pending.reasons.push(r);
      }
      afterBuild(event.outcome === 'ok');
      break;
    }

    case 'revisionSeen': {
      const { revision, live } = event;
      s.cmsRevision = revision;
      // A timed event: a second after it (the CMS then shows the change); one already past is rebuilt
      // when the live release is older than it.
      const t = event.nextTimedEvent;
      if (t === null) s.timedEvent = null;
      else if (t + 1000 > now) s.timedEvent = t;
      else if (live?.builtAt != null && live.builtAt < t) {
        requestFull(`scheduled event at ${new Date(t).toISOString()}`, true);
        s.timedEvent = null;
      }
      // A quick-lane release (also one left by an earlier run of the publisher) still owes a full build.
      if (live?.mode === 'fast' && s.fullDueAt === null && s.phase === 'idle' && !event.rolledBack) s.fullDueAt = now + cfg.fullAfterFastMs;
      if (live && live.revision === revision) {
        s.behind = null;
        s.behindSince = null;
        break;
      }
      s.behindSince ??= now;
      if (live && event.rolledBack) {
        log('info', 'reconcile: live release was rolled back; waiting for a webhook or /rebuild', { cmsRevision: revision });
        break;
      }
      if (s.phase === 'building' && s.building?.revision === revision) break;
      // A failed revision is retried with backoff (`retry`), not at every reconcile.
      if (event.failedAt !== null && (s.retry !== null || now - event.failedAt < cfg.retryFailedMs)) {
        log('debug', 'reconcile: this revision failed to build recently; not retrying yet', { revision });
        break;
      }
      // The webhook of a change usually arrives within a second of the revision bump: give it that
      // time (the quick lane can then handle it) unless this is the check at start.
      if (s.phase === 'debouncing') break;
      if (!event.first) {
        if (!s.behind || s.behind.revision !== revision) {
          s.behind = { revision, since: now };
          break;
        }
        if (now - s.behind.since < cfg.graceMs) break;
      }
      s.behind = null;
      log('info', 'reconcile: live site is behind the CMS; rebuilding', { live: live?.revision ?? null, cmsRevision: revision });
      requestFull(`reconcile: cms revision ${revision}, live ${live?.revision ?? 'none'}`, true);
      break;
    }

    case 'stop':
      s.stopped = true;
      s.pending = emptyPending();
      break;
  }
  return { state: s, effects };
}
