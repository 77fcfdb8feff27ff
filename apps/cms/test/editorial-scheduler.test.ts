import { describe, expect, it } from 'vitest';
import { schedulerInterval } from '../src/plugins/editorial/server/src/scheduler-interval.ts';

describe('EDITORIAL_SCHEDULER_MS', () => {
  it('defaults to 30 s when unset', () => {
    for (const raw of [undefined, null, '']) expect(schedulerInterval(raw)).toEqual({ ms: 30_000, warning: null });
  });

  it('takes a whole number of milliseconds from 1000 up', () => {
    expect(schedulerInterval('1000')).toEqual({ ms: 1000, warning: null });
    expect(schedulerInterval(' 60000 ')).toEqual({ ms: 60_000, warning: null });
    expect(schedulerInterval(5000)).toEqual({ ms: 5000, warning: null });
  });

  it('refuses anything else with a warning naming the variable, and uses 30 s', () => {
    for (const raw of ['999', '0', '-5000', '1.5e3', '1500.5', 'abc', '30s', 999, 1500.5, Number.NaN, Infinity, true]) {
      const r = schedulerInterval(raw);
      expect(r.ms, String(raw)).toBe(30_000);
      expect(r.warning, String(raw)).toMatch(/^EDITORIAL_SCHEDULER_MS .* at least 1000; got .*\. Using 30000 ms\.$/);
    }
  });
});
