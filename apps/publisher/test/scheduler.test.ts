// The scheduler's transitions (src/scheduler.ts), driven with a fake clock: no timers, no processes.
import { describe, expect, it } from 'vitest';
import { type Effect, initialState, next, nextDeadline, type SchedulerConfig, type SchedulerEvent } from '../src/scheduler.ts';

const CFG: SchedulerConfig = {
  fastLane: true,
  debounceMs: 1500,
  maxWaitMs: 15_000,
  fullAfterFastMs: 60_000,
  retryBaseMs: 30_000,
  retryFailedMs: 600_000,
  graceMs: 3000,
  lockRetryMs: 5000,
  timeZone: 'Asia/Ho_Chi_Minh',
  dailyAt: null,
};

type Build = Extract<Effect, { type: 'build' }>;

/** The machine with a clock that moves only when told; ticks fire at each deadline on the way. */
function machine(cfg: Partial<SchedulerConfig> = {}, start = Date.UTC(2026, 11, 1, 3, 0, 0)) {
  const c = { ...CFG, ...cfg };
  let state = initialState();
  let now = start;
  const builds: Build[] = [];
  const effects: Effect[] = [];
  const send = (e: SchedulerEvent) => {
    const r = next(state, e, now, c);
    state = r.state;
    effects.push(...r.effects);
    for (const x of r.effects) if (x.type === 'build') builds.push(x);
    settle();
  };
  /** Fires what is due now (a deadline in the past fires at once, as the shell's setTimeout(0) does). */
  const settle = () => {
    const d = nextDeadline(state, c);
    if (d !== null && d <= now) send({ type: 'tick' });
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const d = nextDeadline(state, c);
      if (d === null || d > end) break;
      now = Math.max(now, d);
      send({ type: 'tick' });
    }
    now = end;
  };
  const done = (outcome: 'ok' | 'failed' | 'locked' | 'cancelled', failures?: number) => {
    const lane = state.building!.lane;
    send({ type: 'buildDone', lane, outcome, failures });
  };
  const seen = (
    revision: number,
    live: { revision: number; mode?: 'fast' | 'full' } | null,
    o: Partial<Extract<SchedulerEvent, { type: 'revisionSeen' }>> = {},
  ) =>
    send({
      type: 'revisionSeen',
      revision,
      nextTimedEvent: null,
      live: live ? { revision: live.revision, mode: live.mode ?? 'full', builtAt: now - 1000 } : null,
      rolledBack: false,
      failedAt: null,
      first: false,
      ...o,
    });
  const approve = (documentId: string, model = 'article') => send({ type: 'webhook', event: 'entry.publish', model, documentId });
  return {
    send,
    advance,
    done,
    seen,
    approve,
    builds,
    effects,
    get state() {
      return state;
    },
    get now() {
      return now;
    },
  };
}

describe('scheduler: debounce and single flight', () => {
  it('coalesces a burst of approvals into one quick-lane build after the quiet period', () => {
    const m = machine();
    for (let i = 0; i < 20; i++) {
      m.approve(`doc${i}`);
      expect(m.state.phase).toBe('debouncing');
      m.advance(100);
    }
    expect(m.builds).toHaveLength(0);
    m.advance(1500);
    expect(m.builds).toHaveLength(1);
    expect(m.builds[0]).toMatchObject({ lane: 'fast' });
    expect((m.builds[0] as Extract<Build, { lane: 'fast' }>).changed).toHaveLength(20);
    expect(m.state.phase).toBe('building');
  });

  it('caps how long a stream of events can postpone a build (maxWait)', () => {
    const m = machine();
    for (let t = 0; t < 20_000 && !m.builds.length; t += 500) {
      m.approve('same');
      m.advance(500);
    }
    expect(m.builds).toHaveLength(1);
    expect(m.now - Date.UTC(2026, 11, 1, 3, 0, 0)).toBeLessThanOrEqual(15_500);
  });

  it('events during a build wait for it and give exactly one follow-up build', () => {
    const m = machine();
    m.approve('a');
    m.advance(1500);
    expect(m.builds).toHaveLength(1);
    for (let i = 0; i < 10; i++) m.approve(`b${i}`);
    m.advance(10_000);
    expect(m.builds).toHaveLength(1); // never two at once
    // Their quiet period passed during the build: the follow-up starts as soon as it ends.
    m.done('ok');
    expect(m.builds).toHaveLength(2);
    expect(m.state.phase).toBe('building');
    expect((m.builds[1] as Extract<Build, { lane: 'fast' }>).changed.map((c) => c.documentId)).toHaveLength(10);
  });

  it('sends a change without a page of its own (a unit, a setting) and a deletion of media to a full build', () => {
    const m = machine();
    m.approve('u1', 'unit');
    m.advance(1500);
    expect(m.builds[0]).toMatchObject({ lane: 'full' });
    m.done('ok');
    m.send({ type: 'webhook', event: 'media.delete', model: null, documentId: null });
    m.advance(1500);
    expect(m.builds[1]).toMatchObject({ lane: 'full' });
  });

  it('a rebuild request skips the debounce; with the quick lane off every build is full', () => {
    const m = machine({ fastLane: false });
    m.send({ type: 'rebuild', reason: 'admin' });
    expect(m.builds).toEqual([{ type: 'build', lane: 'full', reasons: ['admin'] }]);
    m.done('ok');
    m.approve('a');
    m.advance(1500);
    expect(m.builds[1]).toMatchObject({ lane: 'full' });
  });
});

describe('scheduler: the three timer promises', () => {
  it('a quick-lane release is followed by a full build PUBLISHER_FULL_AFTER_FAST_MS later, not postponed by more approvals', () => {
    const m = machine();
    m.approve('a');
    m.advance(1500);
    m.done('ok');
    const releasedAt = m.now;
    expect(m.state.fullDueAt).toBe(releasedAt + 60_000);
    expect(m.effects).toContainEqual({ type: 'prepareBase' });
    // another approval 30 s later stays quick and does not move the full build
    m.advance(30_000);
    m.approve('b');
    m.advance(1500);
    expect(m.builds.at(-1)).toMatchObject({ lane: 'fast' });
    m.done('ok');
    m.advance(releasedAt + 60_000 - m.now - 1);
    expect(m.builds.filter((b) => b.lane === 'full')).toHaveLength(0);
    m.advance(1);
    expect(m.builds.at(-1)).toEqual({ type: 'build', lane: 'full', reasons: ['full build after quick-lane release'] });
    expect(m.state.fullDueAt).toBeNull();
  });

  it('a revision bump seen without its webhook waits the grace for it, then builds in full', () => {
    const m = machine();
    m.seen(1, { revision: 1 });
    m.seen(2, { revision: 1 });
    expect(m.builds).toHaveLength(0);
    m.advance(2000);
    m.seen(2, { revision: 1 });
    expect(m.builds).toHaveLength(0); // 2 s: still within the grace
    m.advance(1000);
    m.seen(2, { revision: 1 });
    expect(m.builds).toEqual([{ type: 'build', lane: 'full', reasons: ['reconcile: cms revision 2, live 1'] }]);
  });

  it('within the grace the webhook arrives: the quick lane takes the change and reconcile adds no full build', () => {
    const m = machine();
    m.seen(2, { revision: 1 });
    m.approve('a');
    m.advance(1000);
    m.seen(2, { revision: 1 }); // debouncing: the webhook's build is on its way
    m.advance(500);
    expect(m.builds).toHaveLength(1);
    expect(m.builds[0]).toMatchObject({ lane: 'fast' });
    m.send({ type: 'buildRevision', revision: 2 });
    m.advance(5000);
    m.seen(2, { revision: 1 }); // the running build reads revision 2
    m.done('ok');
    m.seen(2, { revision: 2, mode: 'fast' });
    expect(m.builds).toHaveLength(1);
    expect(m.state.behindSince).toBeNull();
  });

  it('at start (first reconcile) a live site behind the CMS is rebuilt at once; its release ends "behind"', () => {
    const m = machine();
    m.seen(5, null, { first: true });
    expect(m.builds).toHaveLength(1);
    expect(m.state.behindSince).toBe(m.now);
    m.send({ type: 'buildRevision', revision: 5 });
    m.advance(4000);
    m.done('ok');
    // not only at the next reconcile (minutes later): /status must not date "stale since" from before it
    expect(m.state.behindSince).toBeNull();
  });

  it('a restarted publisher whose live release came from the quick lane schedules the full build it owes', () => {
    const m = machine();
    m.send({ type: 'start' });
    m.seen(7, { revision: 7, mode: 'fast' }, { first: true });
    expect(m.builds).toHaveLength(0);
    expect(m.state.fullDueAt).toBe(m.now + 60_000);
    m.advance(60_000);
    expect(m.builds).toEqual([{ type: 'build', lane: 'full', reasons: ['full build after quick-lane release'] }]);
    m.done('ok');
    m.seen(7, { revision: 7, mode: 'full' });
    expect(m.state.fullDueAt).toBeNull();
  });

  it('a quick-lane release that was rolled back owes nothing', () => {
    const m = machine();
    m.seen(7, { revision: 7, mode: 'fast' }, { first: true, rolledBack: true });
    expect(m.state.fullDueAt).toBeNull();
  });
});

describe('scheduler: failures', () => {
  it('a failed quick lane falls back to a full build in the same slot', () => {
    const m = machine();
    m.approve('a');
    m.advance(1500);
    m.done('failed');
    expect(m.builds.map((b) => b.lane)).toEqual(['fast', 'full']);
    expect(m.state.phase).toBe('building');
    expect(m.effects).toContainEqual(expect.objectContaining({ type: 'log', message: 'quick lane not used; running a full build' }));
  });

  it('a failed full build is retried with backoff (30 s, 1 min, 2 min … capped), and reconcile does not retry it sooner', () => {
    const m = machine();
    m.send({ type: 'rebuild', reason: 'x' });
    m.done('failed', 1);
    expect(m.state.retry).toEqual({ at: m.now + 30_000, attempt: 2 });
    m.advance(10_000);
    m.seen(2, { revision: 1 }, { failedAt: m.now - 10_000 });
    m.advance(5000);
    m.seen(2, { revision: 1 }, { failedAt: m.now - 15_000 });
    expect(m.builds).toHaveLength(1);
    m.advance(15_000);
    expect(m.builds.at(-1)).toEqual({ type: 'build', lane: 'full', reasons: ['retry after failed build (attempt 2)'] });
    m.done('failed', 3);
    expect(m.state.retry!.at - m.now).toBe(120_000);
    m.advance(120_000);
    m.done('failed', 9);
    expect(m.state.retry!.at - m.now).toBe(600_000);
    m.advance(600_000);
    m.done('ok');
    expect(m.state.retry).toBeNull();
  });

  it('while full builds keep failing, a withdrawal still takes the quick lane at once (issue 21: urgent changes first)', () => {
    const m = machine();
    m.send({ type: 'rebuild', reason: 'x' });
    m.done('failed', 3);
    const retryAt = m.state.retry!.at;
    m.send({ type: 'webhook', event: 'entry.unpublish', model: 'procedure', documentId: 'p1' });
    m.advance(1500);
    expect(m.builds.at(-1)).toEqual({
      type: 'build',
      lane: 'fast',
      changed: [{ model: 'procedure', documentId: 'p1' }],
      reasons: ['entry.unpublish procedure p1'],
    });
    expect(m.now).toBeLessThan(retryAt);
    m.done('ok');
    // the retry of the failing full build is still owed
    expect(m.state.retry?.at).toBe(retryAt);
  });

  it('a withdrawal debouncing when a failed full build is retried goes first; the full build follows it', () => {
    const m = machine({ retryBaseMs: 1000 });
    m.send({ type: 'rebuild', reason: 'x' });
    m.done('failed', 1);
    m.send({ type: 'webhook', event: 'entry.unpublish', model: 'article', documentId: 'a' });
    m.advance(1500); // the retry (1 s) falls inside the withdrawal's debounce
    expect(m.builds.at(-1)).toMatchObject({ lane: 'fast', changed: [{ model: 'article', documentId: 'a' }] });
    expect(m.state.pending.full).toBe(true);
    m.done('ok');
    expect(m.builds.at(-1)).toMatchObject({ lane: 'full' });
    expect((m.builds.at(-1) as { reasons: string[] }).reasons).toContain('entry.unpublish article a');
  });

  it('an approval joins a full build already asked (only withdrawals go first)', () => {
    const m = machine();
    m.approve('a');
    m.send({ type: 'rebuild', reason: 'x' });
    expect(m.builds.at(-1)).toMatchObject({ lane: 'full' });
    expect(m.builds).toHaveLength(1);
  });

  it('the quick lane fails on a withdrawal (CMS unreachable): the page leaves the live release without a build, then a full build', () => {
    const m = machine();
    m.send({ type: 'webhook', event: 'entry.unpublish', model: 'article', documentId: 'a' });
    m.approve('b');
    m.advance(1500);
    expect(m.builds).toHaveLength(1);
    m.done('failed');
    expect(m.builds.at(-1)).toEqual({
      type: 'build',
      lane: 'withdraw',
      changed: [{ model: 'article', documentId: 'a' }],
      reasons: ['entry.unpublish article a', 'entry.publish article b'],
    });
    expect(m.state.phase).toBe('building');
    m.done('ok');
    expect(m.builds.at(-1)).toEqual({ type: 'build', lane: 'full', reasons: ['entry.unpublish article a', 'entry.publish article b'] });
    m.done('failed', 1);
    expect(m.state.retry).not.toBeNull();
  });

  it('a failed withdrawal without a build still hands over to a full build; an approval alone never takes that path', () => {
    const m = machine();
    m.send({ type: 'webhook', event: 'entry.delete', model: 'page', documentId: 'p' });
    m.advance(1500);
    m.done('failed');
    expect(m.state.building?.lane).toBe('withdraw');
    m.done('failed');
    expect(m.builds.at(-1)).toMatchObject({ lane: 'full' });

    const n = machine();
    n.approve('a');
    n.advance(1500);
    n.done('failed');
    expect(n.builds.map((b) => b.lane)).toEqual(['fast', 'full']);
  });

  it('a withdrawal while a full build runs stops it; the withdrawal goes first, the full build runs again after it', () => {
    const m = machine();
    m.send({ type: 'rebuild', reason: 'daily rebuild' });
    expect(m.state.building?.lane).toBe('full');
    m.send({ type: 'webhook', event: 'entry.unpublish', model: 'article', documentId: 'a' });
    expect(m.effects.filter((e) => e.type === 'cancel')).toEqual([{ type: 'cancel', reason: 'entry.unpublish article a' }]);
    m.done('cancelled');
    m.advance(1500);
    expect(m.builds.at(-1)).toMatchObject({ lane: 'fast', changed: [{ model: 'article', documentId: 'a' }] });
    m.done('ok');
    expect(m.builds.at(-1)).toMatchObject({ lane: 'full' });
    expect((m.builds.at(-1) as { reasons: string[] }).reasons).toEqual(
      expect.arrayContaining(['daily rebuild', 'entry.unpublish article a']),
    );
  });

  it('an approval does not stop a running full build, nor does a withdrawal stop a quick lane', () => {
    const m = machine();
    m.send({ type: 'rebuild', reason: 'x' });
    m.approve('a');
    expect(m.effects.some((e) => e.type === 'cancel')).toBe(false);
    m.done('ok');
    m.advance(1500);
    expect(m.state.building?.lane).toBe('fast');
    m.send({ type: 'webhook', event: 'entry.unpublish', model: 'article', documentId: 'b' });
    expect(m.effects.some((e) => e.type === 'cancel')).toBe(false);
  });

  it('a busy build lock keeps the changed entries and tries the quick lane again 5 s later', () => {
    const m = machine();
    m.approve('a');
    m.advance(1500);
    m.done('locked');
    expect(m.state.phase).toBe('idle');
    m.advance(4999);
    expect(m.builds).toHaveLength(1);
    m.advance(1 + 1500);
    expect(m.builds[1]).toMatchObject({ lane: 'fast', changed: [{ model: 'article', documentId: 'a' }] });
  });

  it('stops: nothing runs after stop', () => {
    const m = machine();
    m.approve('a');
    m.send({ type: 'stop' });
    m.advance(100_000);
    expect(m.builds).toHaveLength(0);
    expect(nextDeadline(m.state, CFG)).toBeNull();
  });
});

describe('scheduler: the clock (fake, across midnight in Asia/Ho_Chi_Minh)', () => {
  it('rebuilds at the day boundary (00:05 local) and again the next day', () => {
    // 23:50 on 1 December in Hồ Chí Minh City (UTC+7) is 16:50 UTC.
    const m = machine({ dailyAt: { hour: 0, minute: 5 } }, Date.UTC(2026, 11, 1, 16, 50));
    m.send({ type: 'start' });
    expect(new Date(m.state.dailyAt!).toISOString()).toBe('2026-12-01T17:05:00.000Z');
    m.advance(15 * 60_000 - 1);
    expect(m.builds).toHaveLength(0);
    m.advance(1);
    expect(m.builds).toEqual([{ type: 'build', lane: 'full', reasons: ['daily rebuild'] }]);
    expect(new Date(m.state.dailyAt!).toISOString()).toBe('2026-12-02T17:05:00.000Z');
    m.done('ok');
    m.advance(24 * 3600_000);
    expect(m.builds).toHaveLength(2);
  });

  it('rebuilds a second after a timed CMS event (a scheduled go-live or expiry), and at once for one just missed', () => {
    const m = machine();
    const at = m.now + 10 * 60_000;
    m.seen(3, { revision: 3 }, { nextTimedEvent: at });
    expect(m.state.timedEvent).toBe(at);
    m.advance(10 * 60_000 + 999);
    expect(m.builds).toHaveLength(0);
    m.advance(1);
    expect(m.builds).toEqual([{ type: 'build', lane: 'full', reasons: [`scheduled event at ${new Date(at).toISOString()}`] }]);
    m.done('ok');
    // An event that passed while the publisher was down, after the live release was built.
    const missed = machine();
    missed.seen(
      3,
      { revision: 3 },
      { nextTimedEvent: missed.now - 60_000, live: { revision: 3, mode: 'full', builtAt: missed.now - 120_000 } },
    );
    expect(missed.builds).toHaveLength(1);
  });
});
