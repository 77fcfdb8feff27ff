// Self-hosted proof of work (ALTCHA, altcha-lib): the browser spends a little CPU per question; the
// server checks it offline with an HMAC, no third-party service. Each solved challenge is used once.
import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { QuestionsConfig } from './config';

const ALGORITHM = 'SHA-256';

const keys = (cfg: QuestionsConfig) => {
  if (!cfg.powSecret) throw new Error('APP_KEYS is not set: the proof-of-work key is derived from it.');
  const base = createHmac('sha256', cfg.powSecret).update('cong-ttdt:questions:pow').digest('hex');
  return {
    hmacSignatureSecret: base,
    hmacKeySignatureSecret: createHmac('sha256', base).update('key').digest('hex'),
  };
};

/** A new challenge; the work is `counter` SHA-256 rounds, between half the difficulty and the difficulty. */
export async function newChallenge(cfg: QuestionsConfig) {
  const max = Math.max(1, cfg.powDifficulty);
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(Math.ceil(max / 2), max),
    deriveKey,
    expiresAt: new Date(Date.now() + cfg.powTtlMs),
    ...keys(cfg),
  });
}

export type PowCheck = { ok: true; key: string } | { ok: false; message: string };

/** Reads the widget's payload: base64 of JSON `{ challenge, solution }`, or that object itself. */
function decode(payload: unknown): { challenge: any; solution: any } | null {
  let value: unknown = payload;
  if (typeof payload === 'string') {
    const s = payload.trim();
    try {
      value = JSON.parse(s.startsWith('{') ? s : Buffer.from(s, 'base64').toString('utf8'));
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object') return null;
  const v = value as { challenge?: any; solution?: any };
  if (!v.challenge?.parameters || typeof v.challenge.signature !== 'string' || !v.solution || typeof v.solution !== 'object') return null;
  return { challenge: { parameters: v.challenge.parameters, signature: v.challenge.signature }, solution: v.solution };
}

/** Verifies a payload; `key` (the challenge signature) identifies the challenge for one-time use. */
export async function checkPow(cfg: QuestionsConfig, payload: unknown): Promise<PowCheck> {
  const decoded = decode(payload);
  if (!decoded) return { ok: false, message: 'Mã xác minh chống thư rác không hợp lệ. Vui lòng tải lại trang rồi gửi lại.' };
  if (decoded.challenge.parameters.algorithm !== ALGORITHM) return { ok: false, message: 'Mã xác minh chống thư rác không hợp lệ.' };
  try {
    const r = await verifySolution({ challenge: decoded.challenge, solution: decoded.solution, deriveKey, ...keys(cfg) });
    if (r.verified) return { ok: true, key: decoded.challenge.signature };
    if (r.expired) return { ok: false, message: 'Mã xác minh chống thư rác đã hết hạn. Vui lòng tải lại trang rồi gửi lại.' };
  } catch {
    /* malformed parameters */
  }
  return { ok: false, message: 'Mã xác minh chống thư rác không đúng. Vui lòng tải lại trang rồi gửi lại.' };
}

/**
 * Challenges already used, kept until they expire. The same challenge sent again (a double click, a
 * retried request) gets the first submission's result back instead of storing the question twice.
 */
export class OnceStore<T> {
  private map = new Map<string, { until: number; value: Promise<T> }>();

  constructor(private readonly ttlMs: number) {}

  /** Runs `fn` for a key the first time; later calls with the same key get the same promise. */
  once(key: string, fn: () => Promise<T>, now = Date.now()): { first: boolean; value: Promise<T> } {
    if (this.map.size > 50_000) for (const [k, e] of this.map) if (e.until <= now) this.map.delete(k);
    const hit = this.map.get(key);
    if (hit && hit.until > now) return { first: false, value: hit.value };
    const value = fn();
    this.map.set(key, { until: now + this.ttlMs, value });
    // A failed attempt (e.g. invalid fields) does not burn the challenge.
    value.catch(() => this.map.delete(key));
    return { first: true, value };
  }
}
