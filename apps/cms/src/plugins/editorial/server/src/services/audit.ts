import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { GENESIS_HASH, canonicalJson, hashEntry, logHashedPart, verifyLog } from '@cong-ttdt/workflow/audit';
import { query } from '../seams';

const LOG = 'plugin::editorial.review-log';

export interface LogInput {
  targetUid: string;
  targetDocumentId: string;
  action: string;
  fromStage: string | null;
  toStage: string;
  actorId: number | null;
  actorName: string;
  actorRoles: string[];
  comment?: string | null;
  meta?: Record<string, unknown> | null;
  contentHash?: string | null;
}

/** An entry as stored: its fields, its place in the chain and its hash. */
export interface StoredEntry extends LogInput {
  id: number;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** Who an entry names: an admin user (id, display name, role codes) or a named system writer (id null). */
export interface LogActor {
  id: number | null;
  name: string;
  roles: readonly string[];
}

/** What happened, in the terms of the workflow; `logEntry` turns it into the stored fields. */
export interface LogRecord {
  target: { uid: string; documentId: string };
  action: string;
  from: string | null;
  to: string;
  actor: LogActor;
  comment?: string | null;
  meta?: Record<string, unknown> | null;
  /** The content the entry is about (its hash is stored); left out for entries about no content. */
  content?: unknown;
  /** A hash computed elsewhere, for content that is not a document (a media file's bytes). */
  contentHash?: string | null;
}

/** The one place an audit entry's fields are built (every writer records through `record`). */
export function logEntry(r: LogRecord): LogInput {
  return {
    targetUid: r.target.uid,
    targetDocumentId: r.target.documentId,
    action: r.action,
    fromStage: r.from,
    toStage: r.to,
    actorId: r.actor.id,
    actorName: r.actor.name,
    actorRoles: [...r.actor.roles],
    comment: r.comment ?? null,
    meta: r.meta ?? null,
    contentHash: r.contentHash ?? (r.content === undefined ? null : contentHash(r.content)),
  };
}

const VOLATILE = new Set(['id', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'localizations', 'locale']);

/** Hash of an entry's content as saved (volatile bookkeeping fields left out). */
export function contentHash(content: unknown): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !VOLATILE.has(k))
          .map(([k, x]) => [k, strip(x)]),
      );
    return v;
  };
  return createHash('sha256')
    .update(canonicalJson(strip(content ?? null)))
    .digest('hex');
}

// Every writer (transitions, role changes, the rate table, the seed) records through here:
// one append at a time in this process, so two entries never take the same seq or previous hash.
let appendLock: Promise<unknown> = Promise.resolve();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => query<StoredEntry>(strapi, LOG);
  const appendNow = async (input: LogInput) => {
    const last = await log().findOne({ orderBy: { seq: 'desc' }, select: ['seq', 'hash'] });
    // The fields each entry's hash covers are defined once, in @cong-ttdt/workflow/audit (LOG_HASHED_FIELDS).
    const entry = logHashedPart({
      ...input,
      seq: (last?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      prevHash: last?.hash ?? GENESIS_HASH,
      comment: input.comment ?? null,
      meta: input.meta ?? null,
      contentHash: input.contentHash ?? null,
    });
    const hash = hashEntry(entry.prevHash as string, entry);
    return query<StoredEntry>(strapi, LOG).create({ data: { ...entry, hash } });
  };

  return {
    /** Appends one entry to the chain (serialised with every other append in this process). */
    record(r: LogRecord) {
      const input = logEntry(r);
      const run = appendLock.then(
        () => appendNow(input),
        () => appendNow(input),
      );
      appendLock = run.catch(() => undefined);
      return run;
    },

    /** Checks the whole chain: ok, or the sequence number of the first bad entry. */
    async verify(): Promise<{ ok: boolean; entries: number; firstBadSeq: number | null; head: string | null }> {
      // Every stored field, as the chain hashed it (not only those StoredEntry names).
      const rows = await query<Record<string, unknown>>(strapi, LOG).findMany({ orderBy: { seq: 'asc' } });
      const { ok, entries, firstBadSeq, head } = verifyLog(rows);
      return { ok, entries, firstBadSeq, head };
    },

    async history(uid: string, documentId: string): Promise<StoredEntry[]> {
      return log().findMany({ where: { targetUid: uid, targetDocumentId: documentId }, orderBy: { seq: 'asc' } });
    },
  };
};
