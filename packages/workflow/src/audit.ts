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
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(rest)}`, 'utf8')
    .digest('hex');
}

export type ChainedEntry<T extends Record<string, unknown> = Record<string, unknown>> = T & { hash: string };

/** Return `entry` with its hash, chained after `chain`'s last entry. */
export function appendEntry<T extends Record<string, unknown>>(chain: readonly { hash: string }[], entry: T): ChainedEntry<T> {
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

// ---------------------------------------------------------------------------------------------------------------
// The editorial review log (plugin::editorial.review-log): one definition of what each entry's hash covers,
// shared by the CMS (append and GET /editorial/audit/verify) and `npm run audit:verify` (reads the database).

/** Fields of a review-log entry covered by its hash: everything but the database id, timestamps and the hash. */
export const LOG_HASHED_FIELDS = [
  'seq',
  'targetUid',
  'targetDocumentId',
  'action',
  'fromStage',
  'toStage',
  'actorId',
  'actorName',
  'actorRoles',
  'comment',
  'meta',
  'at',
  'contentHash',
  'prevHash',
] as const;

export type LogHashedField = (typeof LOG_HASHED_FIELDS)[number];

/** The hashed part of a log entry (attribute names, values as the CMS reads them); missing fields are null. */
export function logHashedPart(row: Readonly<Record<string, unknown>>): Record<LogHashedField, unknown> {
  return Object.fromEntries(LOG_HASHED_FIELDS.map((k) => [k, row[k] ?? null])) as Record<LogHashedField, unknown>;
}

export interface LogVerification {
  ok: boolean;
  entries: number;
  /** seq of the first entry that does not verify, or null. */
  firstBadSeq: number | null;
  /** hash of the last entry (null for an empty log). */
  head: string | null;
  /** Why the first bad entry fails (English), or null. */
  problem: string | null;
}

/**
 * Verifies a whole review log, given in seq order: each entry's hash must match its content and its
 * predecessor's hash, and seq must run 1, 2, 3… (a removed or inserted row shows as a gap).
 */
export function verifyLog(rows: readonly Readonly<Record<string, unknown>>[]): LogVerification {
  const chain = rows.map((r) => ({ ...logHashedPart(r), hash: r.hash }));
  const bad = verifyChain(chain);
  const gap = rows.findIndex((r, i) => r.seq !== i + 1);
  const first = bad === -1 ? gap : gap === -1 ? bad : Math.min(bad, gap);
  const head = rows.length ? ((rows[rows.length - 1]!.hash as string | undefined) ?? null) : null;
  if (first === -1) return { ok: true, entries: rows.length, firstBadSeq: null, head, problem: null };
  const row = rows[first]!;
  const prev = first > 0 ? rows[first - 1]!.hash : GENESIS_HASH;
  const problem =
    first === gap
      ? `seq ${String(row.seq)} found where ${first + 1} was expected: an entry is missing or was inserted`
      : row.prevHash !== prev
        ? first === 0
          ? 'prevHash of the first entry is not the genesis hash'
          : 'prevHash does not match the hash of the entry before it'
        : "the stored hash does not match the entry's content";
  return { ok: false, entries: rows.length, firstBadSeq: Number(row.seq), head, problem };
}
