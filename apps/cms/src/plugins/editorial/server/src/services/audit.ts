import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { GENESIS_HASH, canonicalJson, hashEntry, verifyChain } from '@cong-ttdt/workflow/audit';

const LOG = 'plugin::editorial.review-log';

// Fields covered by each entry's hash (everything but the database id and timestamps).
const HASHED = ['seq', 'targetUid', 'targetDocumentId', 'action', 'fromStage', 'toStage', 'actorId', 'actorName', 'actorRoles', 'comment', 'meta', 'at', 'contentHash', 'prevHash'] as const;

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

const VOLATILE = new Set(['id', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'localizations', 'locale']);

/** Hash of an entry's content as saved (volatile bookkeeping fields left out). */
export function contentHash(content: unknown): string {
  const strip = (v: any): any => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !VOLATILE.has(k)).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  return createHash('sha256').update(canonicalJson(strip(content ?? null))).digest('hex');
}

// Every writer (transitions, the Publish-button path, role changes, reports) appends through here:
// one append at a time in this process, so two entries never take the same seq or previous hash.
let appendLock: Promise<unknown> = Promise.resolve();

const pick = (row: Record<string, any>) => Object.fromEntries(HASHED.map((k) => [k, row[k] ?? null]));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const appendNow = async (input: LogInput) => {
    const last = (await strapi.db.query(LOG).findOne({ orderBy: { seq: 'desc' }, select: ['seq', 'hash'] })) as { seq: number; hash: string } | null;
    const entry = pick({
      ...input,
      seq: (last?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      prevHash: last?.hash ?? GENESIS_HASH,
      comment: input.comment ?? null,
      meta: input.meta ?? null,
      contentHash: input.contentHash ?? null,
    });
    const hash = hashEntry(entry.prevHash as string, entry);
    return strapi.db.query(LOG).create({ data: { ...entry, hash } });
  };

  return {
    /** Appends one entry to the chain (serialised with every other append in this process). */
    append(input: LogInput) {
      const run = appendLock.then(
        () => appendNow(input),
        () => appendNow(input),
      );
      appendLock = run.catch(() => undefined);
      return run;
    },

    /** Checks the whole chain: ok, or the sequence number of the first bad entry. */
    async verify(): Promise<{ ok: boolean; entries: number; firstBadSeq: number | null; head: string | null }> {
      const rows = (await strapi.db.query(LOG).findMany({ orderBy: { seq: 'asc' } })) as Record<string, any>[];
      const chain = rows.map((r) => ({ ...pick(r), hash: r.hash }));
      const bad = verifyChain(chain);
      const seqGap = rows.findIndex((r, i) => r.seq !== i + 1);
      const first = bad === -1 ? seqGap : seqGap === -1 ? bad : Math.min(bad, seqGap);
      return { ok: first === -1, entries: rows.length, firstBadSeq: first === -1 ? null : rows[first].seq, head: rows.length ? rows[rows.length - 1].hash : null };
    },

    async history(uid: string, documentId: string) {
      return strapi.db.query(LOG).findMany({ where: { targetUid: uid, targetDocumentId: documentId }, orderBy: { seq: 'asc' } });
    },
  };
};
