// Signed webhooks: the CMS sends X-Portal-Timestamp (Unix seconds) and X-Portal-Signature
// ("sha256=" + hex HMAC-SHA256 of "<timestamp>.<raw body>" with PUBLISHER_WEBHOOK_SECRET); the CMS's
// sender is apps/cms/src/lib/publisher-notify.ts. A captured request cannot be altered (the body is
// signed), sent again later (the timestamp is signed and must be recent) or replayed within the window
// (each signature is accepted once).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-portal-timestamp';
export const SIGNATURE_HEADER = 'x-portal-signature';
/** How far a webhook's timestamp may be from the publisher's clock, either way. */
export const REPLAY_WINDOW_S = 300;

export function signWebhook(secret: string, timestamp: number | string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export type Refusal = 'unsigned' | 'stale' | 'bad-signature' | 'replayed';

/** Signatures accepted within the window; each one only once. */
export class ReplayGuard {
  private seen = new Map<string, number>();
  private max: number;
  constructor(max = 10_000) {
    this.max = max;
  }

  /** True the first time a signature is used; expired entries are forgotten. */
  claim(signature: string, expiresAtMs: number, nowMs: number): boolean {
    for (const [sig, exp] of this.seen) {
      if (exp > nowMs) break;
      this.seen.delete(sig);
    }
    if (this.seen.has(signature)) return false;
    // Beyond the cap the oldest go first (their timestamps are the closest to expiring anyway).
    if (this.seen.size >= this.max) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(signature, expiresAtMs);
    return true;
  }
}

/** Checks the headers alone (before any body is read): present, well formed, within the window. */
export function checkTimestamp(timestamp: string | undefined, signature: string | undefined, nowMs: number): Refusal | null {
  if (!timestamp || !signature) return 'unsigned';
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/.test(signature)) return 'bad-signature';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > REPLAY_WINDOW_S) return 'stale';
  return null;
}

export function verifyWebhook(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  body: Buffer,
  guard: ReplayGuard,
  nowMs = Date.now(),
): Refusal | null {
  if (!secret) return 'bad-signature';
  const early = checkTimestamp(headers.timestamp, headers.signature, nowMs);
  if (early) return early;
  const expected = Buffer.from(signWebhook(secret, headers.timestamp!, body));
  const given = Buffer.from(headers.signature!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature';
  // Remembered until the timestamp leaves the window, so it is refused later by age instead.
  if (!guard.claim(headers.signature!, (Number(headers.timestamp) + REPLAY_WINDOW_S) * 1000, nowMs)) return 'replayed';
  return null;
}
