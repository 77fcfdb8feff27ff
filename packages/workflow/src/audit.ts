// Hash chain for the workflow audit log. Separate entry point because it needs node:crypto (server only).
import { createHash } from 'node:crypto';

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted (recursively) so the same entry always hashes the same,
 * whatever order the database returns columns in. Follows JSON.stringify for toJSON, undefined and non-finite numbers.
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown, inArray: boolean): string | undefined => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? JSON.stringify(v) : 'null';
      case 'bigint':
        throw new TypeError('canonicalJson: BigInt is not serialisable');
      case 'undefined':
      case 'function':
      case 'symbol':
        return inArray ? 'null' : undefined;
    }
    const obj = v as object;
    if (seen.has(obj)) throw new TypeError('canonicalJson: circular structure');
    seen.add(obj);
    let out: string;
    if (Array.isArray(obj)) {
      out = `[${obj.map((x) => walk(x, true)).join(',')}]`;
    } else {
      const parts: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const s = walk((obj as Record<string, unknown>)[key], false);
        if (s !== undefined) parts.push(`${JSON.stringify(key)}:${s}`);
      }
      out = `{${parts.join(',')}}`;
    }
    seen.delete(obj);
    return out;
  };
  return walk(value, false) ?? 'null';
}

/** sha256 hex of prevHash + canonical entry. Any `hash` field on the entry itself is ignored. */
export function hashEntry(prevHash: string, entry: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = entry;
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(rest)}`, 'utf8').digest('hex');
}

export type ChainedEntry<T extends Record<string, unknown> = Record<string, unknown>> = T & { hash: string };

/** Return `entry` with its hash, chained after `chain`'s last entry. */
export function appendEntry<T extends Record<string, unknown>>(
  chain: readonly { hash: string }[],
  entry: T,
): ChainedEntry<T> {
  const prev = chain.length ? chain[chain.length - 1]!.hash : GENESIS_HASH;
  return { ...entry, hash: hashEntry(prev, entry) };
}

/** Index of the first entry whose hash does not match its content and predecessor, or -1 if the chain is intact. */
export function verifyChain(entries: readonly Record<string, unknown>[], genesis: string = GENESIS_HASH): number {
  let prev = genesis;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (typeof entry.hash !== 'string' || entry.hash !== hashEntry(prev, entry)) return i;
    prev = entry.hash;
  }
  return -1;
}
