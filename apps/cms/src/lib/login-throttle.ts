// Throttling of admin sign-in per account, whatever the address (Strapi's own limit counts per
// address and e-mail, so four addresses get four times the attempts). A progressive delay rather than
// a lockout: after ADMIN_LOGIN_FREE_ATTEMPTS wrong passwords each further one doubles the wait, from
// ADMIN_LOGIN_DELAY_MS up to ADMIN_LOGIN_MAX_DELAY_MS (a few minutes), so an attacker cannot keep the
// editor-in-chief out for long, only slow the guessing down to a handful of tries an hour.

export interface ThrottleConfig {
  freeAttempts: number;
  delayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  forgetAfterMs: number;
  maxAccounts: number;
}

const int = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number => {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min} (got "${raw}")`);
  return n;
};

export function throttleConfig(env: NodeJS.ProcessEnv = process.env): ThrottleConfig {
  const maxDelayMs = int(env, 'ADMIN_LOGIN_MAX_DELAY_MS', 5 * 60_000, 1000);
  return {
    freeAttempts: int(env, 'ADMIN_LOGIN_FREE_ATTEMPTS', 5, 1),
    delayMs: Math.min(int(env, 'ADMIN_LOGIN_DELAY_MS', 30_000, 100), maxDelayMs),
    maxDelayMs,
    forgetAfterMs: 24 * 60 * 60_000,
    maxAccounts: 10_000,
  };
}

interface AccountState {
  failures: number;
  lockedUntil: number;
  lastFailureAt: number;
  addresses: string[];
}

export interface Lock {
  failures: number;
  delayMs: number;
  until: number;
  addresses: string[];
}

export class LoginThrottle {
  private accounts = new Map<string, AccountState>();
  private queues = new Map<string, Promise<unknown>>();
  constructor(private cfg: ThrottleConfig) {}

  /** Milliseconds the account must still wait (0: it may try now). */
  waitMs(key: string, now: number): number {
    const s = this.accounts.get(key);
    if (!s) return 0;
    if (now - s.lastFailureAt > this.cfg.forgetAfterMs) {
      this.accounts.delete(key);
      return 0;
    }
    return Math.max(0, s.lockedUntil - now);
  }

  succeeded(key: string): void {
    this.accounts.delete(key);
  }

  /** The account's wrong passwords and wait, if it has any (for the Super Admin's view). */
  state(key: string, now: number): { failures: number; waitMs: number; addresses: string[] } | null {
    const waitMs = this.waitMs(key, now);
    const s = this.accounts.get(key);
    return s ? { failures: s.failures, waitMs, addresses: s.addresses } : null;
  }

  /** The Super Admin's unlock: forgets the account's failures; returns what was forgotten. */
  release(key: string, now: number): { failures: number; waitMs: number; addresses: string[] } | null {
    const s = this.state(key, now);
    this.accounts.delete(key);
    return s;
  }

  /** Records a wrong password; returns the lock it starts, if any. */
  failed(key: string, address: string, now: number): Lock | null {
    let s = this.accounts.get(key);
    if (s && now - s.lastFailureAt > this.cfg.forgetAfterMs) s = undefined;
    if (!s) {
      if (this.accounts.size >= this.cfg.maxAccounts) this.accounts.delete(this.accounts.keys().next().value!);
      s = { failures: 0, lockedUntil: 0, lastFailureAt: now, addresses: [] };
    }
    this.accounts.delete(key);
    this.accounts.set(key, s);
    s.failures += 1;
    s.lastFailureAt = now;
    if (!s.addresses.includes(address)) s.addresses = [...s.addresses, address].slice(-10);
    const over = s.failures - this.cfg.freeAttempts;
    if (over < 0) return null;
    const delayMs = Math.min(this.cfg.delayMs * 2 ** Math.min(over, 30), this.cfg.maxDelayMs);
    s.lockedUntil = now + delayMs;
    return { failures: s.failures, delayMs, until: s.lockedUntil, addresses: s.addresses };
  }

  /** Runs attempts on one account one at a time, so parallel guesses cannot slip past a lock. */
  serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }
}

/** "45 giây", "3 phút", "2 phút 30 giây". */
export function vietnameseDuration(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (!m) return `${s} giây`;
  return s ? `${m} phút ${s} giây` : `${m} phút`;
}
