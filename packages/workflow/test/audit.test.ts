import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, appendEntry, canonicalJson, hashEntry, verifyChain } from '../src/audit.ts';

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
