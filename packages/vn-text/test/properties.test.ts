import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, isVietnameseSyllable, normalize, slugify } from '../src/index.ts';
import { asCp1252, corpusWords, tcvnBytes, toVni } from './helpers.ts';

// Syllables assembled from parts so that they are valid Vietnamese by construction.
const onset = fc.constantFrom('', 'b', 'ch', 'd', 'đ', 'h', 'kh', 'l', 'm', 'n', 'nh', 'ph', 'qu', 's', 't', 'th', 'tr', 'v', 'x');
const rime = fc.constantFrom(
  'a',
  'an',
  'ang',
  'anh',
  'ao',
  'ai',
  'ăn',
  'ăng',
  'ân',
  'âu',
  'ây',
  'e',
  'em',
  'ên',
  'ênh',
  'o',
  'on',
  'ong',
  'ô',
  'ôn',
  'ông',
  'ôi',
  'ơ',
  'ơn',
  'ơi',
  'u',
  'un',
  'ung',
  'ui',
  'ư',
  'ưng',
  'ươn',
  'ương',
  'ươi',
  'ươu',
  'uôn',
  'uông',
  'uôi',
  'iêu',
  'iên',
  'iêng',
  'oan',
  'oang',
  'oai',
  'uyên',
  'ưu',
  'ưa',
  'ơm',
  'am',
);
const stopRime = fc.constantFrom(
  'ac',
  'at',
  'ap',
  'ach',
  'ăt',
  'âc',
  'et',
  'êch',
  'ôc',
  'ơt',
  'uc',
  'ưc',
  'ươc',
  'iêt',
  'uôc',
  'oat',
  'uyêt',
);
const TONE = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const TONE_INDEX: Record<string, number> = { ươ: 1, uô: 1, iê: 1, yê: 1, oa: 1, uyê: 2, oai: 1, ươi: 1, ươu: 1, uôi: 1, iêu: 1 };

function addTone(syl: string, tone: string): string {
  const m = /[aăâeêioôơuưy]+/.exec(syl.startsWith('qu') ? syl.slice(2) : syl);
  if (!m || !tone) return syl;
  const off = (syl.startsWith('qu') ? 2 : 0) + m.index;
  const v = m[0];
  const at = off + (TONE_INDEX[v] ?? (v.length === 3 ? 1 : 0));
  return (syl.slice(0, at + 1) + tone + syl.slice(at + 1)).normalize('NFC');
}

const syllable = fc
  .oneof(
    fc.tuple(onset, rime, fc.constantFrom(...TONE)).map(([o, r, t]) => addTone(o + r, t)),
    fc.tuple(onset, stopRime, fc.constantFrom('\u0301', '\u0323')).map(([o, r, t]) => addTone(o + r, t)),
  )
  .filter((s) => isVietnameseSyllable(s));
const capitalised = fc.tuple(syllable, fc.boolean()).map(([s, up]) => (up ? s[0]!.toUpperCase() + s.slice(1) : s));
const sentence = fc.array(fc.oneof(capitalised, fc.constantFrom(...corpusWords)), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const punct = fc.constantFrom(' ', ', ', '. ', '\n', ' – ', ': ', ' (', ') ');
const document = fc.array(fc.tuple(sentence, punct), { maxLength: 6 }).map((p) => p.flat().join(''));

// Strings over an alphabet rich in mojibake characters, to try to break idempotence.
const mojibakeChars = [...new Set(asCp1252(tcvnBytes) + toVni('người được hưởng Việt Nam ĐỪNG'))];
const messy = fc
  .array(fc.oneof(fc.constantFrom(...mojibakeChars), fc.constantFrom(' ', '\n', 'a', 'é', 'ộ', '\u0301', 'đ')), { maxLength: 40 })
  .map((a) => a.join(''));

describe('properties', () => {
  it('generated syllables are valid (sanity)', () => {
    fc.assert(
      fc.property(syllable, (s) => isVietnameseSyllable(s)),
      { numRuns: 300 },
    );
  });

  it('correct NFC Vietnamese text is a fixed point', () => {
    fc.assert(
      fc.property(document, (doc) => normalize(doc) === doc),
      { numRuns: 500 },
    );
  });

  it('normalize is idempotent', () => {
    const inputs = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      messy,
      document,
      document.map(toVni),
      document.map((d) => d.normalize('NFD')),
    );
    fc.assert(
      fc.property(inputs, (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('VNI spelling of generated text converts back', () => {
    // Words that are evidence of VNI: the spelling is not itself a syllable ("chí" is spelt "chí"
    // and proves nothing) and holds a Latin letter (a lone "ö" is too short to count).
    const marked = syllable.filter((s) => !isVietnameseSyllable(toVni(s)) && /[a-z]/i.test(toVni(s)) && toVni(s).length > 1);
    fc.assert(
      fc.property(
        fc.array(marked, { minLength: 2, maxLength: 10 }).map((w) => w.join(' ')),
        (s) => {
          expect(normalize(toVni(s))).toBe(s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('fold is ASCII-only for Vietnamese input', () => {
    const asciiPunct = fc.array(fc.tuple(sentence, fc.constantFrom(' ', ', ', '. ', '\n', ' - ')), { maxLength: 6 });
    fc.assert(
      fc.property(
        asciiPunct.map((p) => p.flat().join('')),
        (doc) => /^[\x00-\x7f]*$/.test(fold(doc)),
      ),
      { numRuns: 500 },
    );
  });

  it('slugify output is a slug or empty', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), document),
        fc.option(fc.integer({ min: 1, max: 40 })),
        (s, max) => {
          const slug = slugify(s, max === null ? {} : { maxLength: max });
          expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
          if (max !== null) expect(slug.length).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
