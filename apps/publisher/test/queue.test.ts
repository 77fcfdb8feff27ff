import { describe, expect, it } from 'vitest';
import { BuildQueue } from '../src/queue.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeBuild(durationMs: number) {
  const runs: string[][] = [];
  let active = 0;
  let maxActive = 0;
  const run = async (reasons: string[]) => {
    active++;
    maxActive = Math.max(maxActive, active);
    runs.push(reasons);
    await sleep(durationMs);
    active--;
  };
  return { run, runs, maxActive: () => maxActive };
}

describe('BuildQueue', () => {
  it('coalesces a burst into one build after the debounce', async () => {
    const b = fakeBuild(10);
    const q = new BuildQueue(b.run, { debounceMs: 60 });
    for (let i = 0; i < 20; i++) {
      q.request(`e${i}`);
      expect(q.state).toBe('debouncing');
      await sleep(5);
    }
    expect(b.runs.length).toBe(0);
    await q.whenIdle();
    expect(b.runs.length).toBe(1);
    expect(b.runs[0]).toHaveLength(20);
    expect(q.state).toBe('idle');
  });

  it('queues exactly one follow-up for events arriving during a build', async () => {
    const b = fakeBuild(150);
    const q = new BuildQueue(b.run, { debounceMs: 20 });
    q.request('first');
    await sleep(60); // build running now
    expect(q.state).toBe('building');
    expect(q.queued).toBe(false);
    for (let i = 0; i < 10; i++) q.request(`during${i}`);
    expect(q.queued).toBe(true);
    await q.whenIdle();
    expect(b.runs.length).toBe(2);
    expect(b.runs[1]).toHaveLength(10);
    expect(b.maxActive()).toBe(1);
  });

  it('never runs two builds at once, and a stream of events during builds gives at most one follow-up each', async () => {
    const b = fakeBuild(80);
    const q = new BuildQueue(b.run, { debounceMs: 10 });
    const end = Date.now() + 400;
    while (Date.now() < end) {
      q.request('tick');
      await sleep(7);
    }
    await q.whenIdle();
    expect(b.maxActive()).toBe(1);
    // ~400 ms of events with 80 ms builds: a handful of builds, never one per event
    expect(b.runs.length).toBeLessThan(10);
  });

  it('immediate requests skip the debounce', async () => {
    const b = fakeBuild(5);
    const q = new BuildQueue(b.run, { debounceMs: 10_000 });
    q.request('admin', true);
    await sleep(30);
    expect(b.runs.length).toBe(1);
    await q.whenIdle();
  });

  it('caps how long continuous events can postpone a build (maxWait)', async () => {
    const b = fakeBuild(5);
    const q = new BuildQueue(b.run, { debounceMs: 50, maxWaitMs: 120 });
    const start = Date.now();
    while (Date.now() - start < 300 && b.runs.length === 0) {
      q.request('x');
      await sleep(10);
    }
    expect(b.runs.length).toBe(1);
    expect(Date.now() - start).toBeLessThan(250);
    await q.stop();
  });

  it('survives a throwing build and reports it', async () => {
    const errors: unknown[] = [];
    const q = new BuildQueue(
      async () => {
        throw new Error('boom');
      },
      { debounceMs: 5, onError: (e) => errors.push(e) },
    );
    q.request('a');
    await q.whenIdle();
    expect(errors).toHaveLength(1);
    expect(q.state).toBe('idle');
  });

  it('stop() drops pending work', async () => {
    const b = fakeBuild(5);
    const q = new BuildQueue(b.run, { debounceMs: 50 });
    q.request('a');
    await q.stop();
    await sleep(80);
    expect(b.runs.length).toBe(0);
    q.request('after stop');
    await sleep(80);
    expect(b.runs.length).toBe(0);
  });
});
