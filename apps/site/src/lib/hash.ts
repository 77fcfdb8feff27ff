import { createHash } from 'node:crypto';

/** A short cache key covering every input a page shows (digests, computed states, counts). */
export function cacheKey(...parts: (string | number | boolean | null | undefined | (string | number | null | undefined)[])[]): string {
  const h = createHash('sha1');
  for (const p of parts.flat()) h.update(String(p ?? '∅')).update('\u0000');
  return h.digest('base64url').slice(0, 22);
}
