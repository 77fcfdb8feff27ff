// The progressive delay of admin sign-in per account (apps/cms/src/lib/login-throttle.ts).
import { describe, expect, it } from 'vitest';
import { LoginThrottle, throttleConfig, vietnameseDuration } from '../src/lib/login-throttle.ts';

describe('login throttle', () => {
  const cfg = { freeAttempts: 5, delayMs: 30_000, maxDelayMs: 300_000, forgetAfterMs: 86_400_000, maxAccounts: 3 };

  it('lets five wrong passwords through, then doubles the wait up to the cap, never more', () => {
    const t = new LoginThrottle(cfg);
    let now = 0;
    const delays: (number | null)[] = [];
    for (let i = 0; i < 12; i++) {
      now += t.waitMs('a', now);
      delays.push(t.failed('a', `10.0.0.${i % 4}`, now)?.delayMs ?? null);
    }
    expect(delays).toEqual([null, null, null, null, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000, 300_000]);
    expect(t.waitMs('a', now)).toBe(300_000);
    expect(t.waitMs('b', now)).toBe(0);
  });

  it('forgets an account after a success, and old failures after a day', () => {
    const t = new LoginThrottle(cfg);
    for (let i = 0; i < 5; i++) t.failed('a', 'x', 0);
    expect(t.waitMs('a', 1)).toBeGreaterThan(0);
    t.succeeded('a');
    expect(t.waitMs('a', 1)).toBe(0);
    for (let i = 0; i < 5; i++) t.failed('b', 'x', 0);
    expect(t.waitMs('b', 86_400_001)).toBe(0);
    expect(t.failed('b', 'x', 86_400_002)).toBeNull();
  });

  it("tells the Super Admin an account's state, and the unlock forgets it", () => {
    const t = new LoginThrottle(cfg);
    expect(t.state('a', 0)).toBeNull();
    for (let i = 0; i < 5; i++) t.failed('a', `10.0.0.${i % 2}`, 0);
    expect(t.state('a', 1000)).toEqual({ failures: 5, waitMs: 29_000, addresses: ['10.0.0.0', '10.0.0.1'] });
    expect(t.release('a', 1000)).toEqual({ failures: 5, waitMs: 29_000, addresses: ['10.0.0.0', '10.0.0.1'] });
    expect(t.waitMs('a', 1000)).toBe(0);
    expect(t.state('a', 1000)).toBeNull();
    // Counting starts again from nothing.
    expect(t.failed('a', 'x', 2000)).toBeNull();
  });

  it('runs attempts on one account one after another', async () => {
    const t = new LoginThrottle(cfg);
    const order: string[] = [];
    const slow = (name: string, ms: number) =>
      t.serial('a', () => new Promise<void>((r) => setTimeout(() => r(void order.push(name)), ms)));
    await Promise.all([slow('first', 30), slow('second', 1)]);
    expect(order).toEqual(['first', 'second']);
  });

  it('reads its settings, and says durations in Vietnamese', () => {
    expect(throttleConfig({})).toMatchObject({ freeAttempts: 5, delayMs: 30_000, maxDelayMs: 300_000 });
    expect(() => throttleConfig({ ADMIN_LOGIN_DELAY_MS: 'abc' })).toThrow(/ADMIN_LOGIN_DELAY_MS/);
    expect(vietnameseDuration(45_000)).toBe('45 giây');
    expect(vietnameseDuration(180_000)).toBe('3 phút');
    expect(vietnameseDuration(150_500)).toBe('2 phút 31 giây');
  });
});
