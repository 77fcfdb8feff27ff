import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  LOG_HASHED_FIELDS,
  appendEntry,
  canonicalJson,
  hashEntry,
  logHashedPart,
  verifyChain,
  verifyLog,
} from '../src/audit.ts';

function buildChain(n: number) {
  const chain: Record<string, unknown>[] & { hash: string }[] = [];
  for (let i = 0; i < n; i++) {
    chain.push(
      appendEntry(chain, {
        at: new Date(Date.UTC(2025, 5, 1, 8, i)).toISOString(),
        actorId: i % 3,
        action: i % 2 ? 'return' : 'submit',
        from: 'draft',
        to: 'submitted',
        comment: `Ghi chú ${i}`,
      }),
    );
  }
  return chain;
}

describe('canonicalJson', () => {
  it('sorts keys recursively and ignores insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it('follows JSON.stringify for undefined, dates, non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: new Date(0), d: Number.NaN })).toBe(
      '{"b":[null],"c":"1970-01-01T00:00:00.000Z","d":null}',
    );
    expect(canonicalJson('Trưởng ban')).toBe('"Trưởng ban"');
  });
  it('equals JSON.stringify on key-sorted JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
  it('rejects cycles', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(TypeError);
  });
});

describe('audit hash chain', () => {
  it('hashEntry is sha256 hex, independent of key order and of the hash field', () => {
    const h = hashEntry(GENESIS_HASH, { a: 1, b: 2 });
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEntry(GENESIS_HASH, { b: 2, a: 1, hash: 'whatever' })).toBe(h);
    expect(hashEntry('1'.repeat(64), { a: 1, b: 2 })).not.toBe(h);
  });

  it('an intact chain verifies', () => {
    expect(verifyChain([])).toBe(-1);
    expect(verifyChain(buildChain(10))).toBe(-1);
  });

  it('tampering with any single entry is found at that index', () => {
    for (let i = 0; i < 10; i++) {
      const chain = buildChain(10);
      chain[i] = { ...chain[i], comment: 'đã sửa' } as never;
      expect(verifyChain(chain)).toBe(i);
    }
  });

  it('re-hashing a tampered entry breaks the next link; deleting or reordering is found', () => {
    const chain = buildChain(5);
    const forged = { ...chain[2], actorId: 99 } as Record<string, unknown>;
    forged.hash = hashEntry(chain[1]!.hash as string, forged);
    const c1 = [...chain];
    c1[2] = forged as never;
    expect(verifyChain(c1)).toBe(3);
    expect(verifyChain([chain[0]!, chain[2]!, chain[3]!])).toBe(1);
    expect(verifyChain([chain[1]!, chain[0]!])).toBe(0);
    expect(verifyChain(chain.slice(0, 4))).toBe(-1); // truncation at the tail needs an external head hash
    const noHash = [...chain];
    noHash[4] = { ...chain[4], hash: undefined } as never;
    expect(verifyChain(noHash)).toBe(4);
  });
});

describe('review log (LOG_HASHED_FIELDS, verifyLog)', () => {
  // Rows as the CMS reads them: attribute names, plus bookkeeping fields the hash does not cover.
  function buildLog(n: number) {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) {
      const entry = logHashedPart({
        seq: i + 1,
        targetUid: 'api::article.article',
        targetDocumentId: `doc${i % 3}`,
        action: 'submit',
        fromStage: i ? 'draft' : null,
        toStage: 'submitted',
        actorId: i % 2 ? 7 : null,
        actorName: i % 2 ? 'Nguyễn Văn A' : 'Hệ thống',
        actorRoles: i % 2 ? ['contributor'] : [],
        meta: i % 2 ? { goLiveAt: '2025-03-01T01:00:00.000Z', royaltyGrade: 1.5 } : null,
        at: new Date(Date.UTC(2025, 2, 1, 8, i)).toISOString(),
        contentHash: 'c'.repeat(64),
        prevHash: rows.length ? rows[rows.length - 1]!.hash : GENESIS_HASH,
      });
      rows.push({ id: 100 + i, documentId: `x${i}`, createdAt: new Date(), ...entry, hash: hashEntry(entry.prevHash as string, entry) });
    }
    return rows;
  }

  it('covers every field but the id, timestamps and the hash; missing ones count as null', () => {
    expect(LOG_HASHED_FIELDS).not.toContain('hash');
    expect(LOG_HASHED_FIELDS).not.toContain('id');
    const part = logHashedPart({ seq: 1, action: 'submit', id: 5, createdAt: 'x' });
    expect(Object.keys(part).sort()).toEqual([...LOG_HASHED_FIELDS].sort());
    expect(part.comment).toBeNull();
  });

  it('an intact log verifies, with its length and head', () => {
    const rows = buildLog(6);
    expect(verifyLog(rows)).toEqual({ ok: true, entries: 6, firstBadSeq: null, head: rows[5]!.hash, problem: null });
    expect(verifyLog([])).toEqual({ ok: true, entries: 0, firstBadSeq: null, head: null, problem: null });
  });

  it('names the seq and the reason of the first bad entry', () => {
    const edited = buildLog(6);
    edited[3] = { ...edited[3], meta: { goLiveAt: '2025-02-01T01:00:00.000Z', royaltyGrade: 1.5 } };
    expect(verifyLog(edited)).toMatchObject({ ok: false, firstBadSeq: 4, problem: expect.stringMatching(/hash does not match/) });

    const removed = buildLog(6);
    removed.splice(2, 1);
    expect(verifyLog(removed)).toMatchObject({
      ok: false,
      entries: 5,
      firstBadSeq: 4,
      problem: expect.stringMatching(/seq 4 found where 3 was expected/),
    });

    const relinked = buildLog(6);
    const forged = logHashedPart({ ...relinked[2], prevHash: 'f'.repeat(64) });
    relinked[2] = { ...forged, hash: hashEntry(forged.prevHash as string, forged) };
    expect(verifyLog(relinked)).toMatchObject({ ok: false, firstBadSeq: 3, problem: expect.stringMatching(/prevHash does not match/) });

    const first = buildLog(2);
    const f0 = logHashedPart({ ...first[0], prevHash: 'f'.repeat(64) });
    first[0] = { ...f0, hash: hashEntry(f0.prevHash as string, f0) };
    expect(verifyLog(first)).toMatchObject({ ok: false, firstBadSeq: 1, problem: expect.stringMatching(/genesis/) });
  });

  it('ignores fields outside the hash (database id, timestamps)', () => {
    const rows = buildLog(3).map((r) => ({ ...r, id: 1, updatedAt: 'later' }));
    expect(verifyLog(rows).ok).toBe(true);
  });
});
