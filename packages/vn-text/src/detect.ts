/**
 * Detection and conversion of legacy-encoding mojibake inside Unicode text.
 *
 * The text is split into words. For each legacy encoding, a word is *evidence* when
 * decoding it gives a Vietnamese syllable while the word as it stands is not one
 * ("hßa" → "hòa"). Words that are correct Vietnamese Unicode and that the encoding could
 * not have produced ("Hà", "Việt") break the text into runs, as do line breaks. A run is
 * converted only with at least two evidence words and more evidence than foreign words
 * ("il", "été"), or with one when the whole text has at least three and the run no foreign
 * word; inside a converted run only words that decode to plausible Vietnamese (or that are
 * not words in any language as they stand) are changed.
 */
import { isVietnameseSyllable, vietLetters } from './syllable.js';
import { TCVN3_CHARS, VNI_CHARS } from './tables.js';
import { tcvn3MojibakeToUnicode, vniMojibakeToUnicode, type LegacyEncoding } from './legacy.js';
import { fromViqr } from './viqr.js';

/** What a text looks like as a whole. `mixed`: legacy runs next to correct Unicode or a second legacy encoding. */
export type DetectedEncoding = 'unicode' | 'tcvn3' | 'vni' | 'mixed' | 'nfd' | 'ascii';

/** One converted stretch of the text. Offsets are UTF-16 indices into `text.normalize('NFC')`. */
export interface ConvertedSegment {
  start: number;
  end: number;
  from: LegacyEncoding;
  original: string;
  result: string;
}

/** Result of {@link analyze}. */
export interface Analysis {
  encoding: DetectedEncoding;
  /** True when `result` differs from the input. */
  converted: boolean;
  /** The text converted to Unicode NFC. */
  result: string;
  /** Converted legacy stretches, in order. Empty when nothing but NFC normalisation happened. */
  segments: ConvertedSegment[];
  /** True when the input was not NFC (decomposed or combining-mark Unicode). */
  wasDenormalized: boolean;
}

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** Treat the whole text as this encoding instead of detecting (VIQR is never guessed). */
  from?: LegacyEncoding | 'viqr';
}

const ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni'];
const WORD_CHAR = /[\p{L}\p{M}]/u;
const EXTRA_WORD_CHARS = new Set([...TCVN3_CHARS.keys()].filter((c) => !WORD_CHAR.test(c)));
const ASCII_LETTER = /[A-Za-z]/;

interface Token {
  start: number;
  end: number;
  text: string;
  /** Separator text between the previous token and this one contains a line break. */
  newLine: boolean;
  /** Part of an e-mail address, host name or path ("ubnd@hoabinh.gov.vn"): never a foreign word. */
  technical: boolean;
  uniOk: boolean;
  dec: Record<LegacyEncoding, string | null>;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let sawBreak = false;
  const isWord = (c: string) => WORD_CHAR.test(c) || EXTRA_WORD_CHARS.has(c);
  while (i < text.length) {
    const c = text[i]!;
    if (!isWord(c)) {
      if (c === '\n' || c === '\r' || c === '\u2029') sawBreak = true;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isWord(text[j]!)) j++;
    const word = text.slice(i, j);
    const before = text[i - 1] ?? ' ';
    const joined = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    const technical =
      ('@/'.includes(before) && joined(text[i - 2])) ||
      (before === '.' && joined(text[i - 2])) ||
      text[j] === '@' ||
      ('./'.includes(text[j] ?? ' ') && joined(text[j + 1]));
    tokens.push({ start: i, end: j, text: word, newLine: sawBreak, technical, uniOk: false, dec: { tcvn3: null, vni: null } });
    sawBreak = false;
    i = j;
  }
  return tokens;
}

/** Decode one word, or null if it holds characters the encoding cannot produce or nothing changes. */
function decodeWord(word: string, enc: LegacyEncoding): string | null {
  if (enc === 'tcvn3') {
    for (const ch of word) if (ch > '\u007f' && !TCVN3_CHARS.has(ch)) return null;
    const d = tcvn3MojibakeToUnicode(word);
    return d === word ? null : d;
  }
  for (const ch of word) if (ch > '\u007f' && !VNI_CHARS.has(ch)) return null;
  const d = vniMojibakeToUnicode(word);
  return d === null || d === word ? null : d;
}

/** Could the encoding have produced this word unchanged (only ASCII and letters it spells the same)? */
function unchangedBy(word: string, enc: LegacyEncoding): boolean {
  const table: ReadonlyMap<string, unknown> = enc === 'tcvn3' ? TCVN3_CHARS : VNI_CHARS;
  if (![...word].every((c) => c <= '\u007f' || table.has(c))) return false;
  return (enc === 'tcvn3' ? tcvn3MojibakeToUnicode(word) : vniMojibakeToUnicode(word)) === word;
}

function plausible(t: Token, enc: LegacyEncoding): boolean {
  const d = t.dec[enc];
  return d !== null && isVietnameseSyllable(d);
}

function isEvidence(t: Token, enc: LegacyEncoding): boolean {
  return !t.uniOk && t.text.length >= 2 && ASCII_LETTER.test(t.text) && plausible(t, enc);
}

/** Inside a converted run: change words that decode to Vietnamese, or that are no word as they stand. */
function convertible(t: Token, enc: LegacyEncoding): boolean {
  const d = t.dec[enc];
  if (d === null) return false;
  if (isVietnameseSyllable(d)) return true;
  return vietLetters(d) !== null && vietLetters(t.text) === null;
}

/** .VnTimeH (TCVN3 capitals font) draws lower-case codes as capitals: restore upper case. */
function fixCase(t: Token, decoded: string, runCaps: boolean): string {
  const ascii = t.text.match(/[A-Za-z]/g) ?? [];
  const allUpper = ascii.every((c) => c >= 'A' && c <= 'Z');
  if (allUpper && (ascii.length >= 2 || runCaps)) return decoded.toUpperCase();
  return decoded;
}

/**
 * Strong evidence that lets a run with no foreign word convert on its own, however short:
 * a word in capitals (two Latin capitals or more, "MËT" → "MẬT") that decodes to a syllable, or a
 * TCVN3 word with a CP1252 symbol between its letters ("§T", "tho¹i"), which no language writes.
 */
function isStrong(t: Token, enc: LegacyEncoding): boolean {
  if (t.uniOk || t.dec[enc] === null) return false;
  const ascii = t.text.match(/[A-Za-z]/g) ?? [];
  if (ascii.length >= 2 && ascii.every((c) => c >= 'A' && c <= 'Z') && plausible(t, enc)) return true;
  if (enc !== 'tcvn3' || !ascii.length || ![...t.text].some((c) => EXTRA_WORD_CHARS.has(c))) return false;
  const d = t.dec.tcvn3!;
  // Abbreviations such as ĐT, QĐ, HĐND are no syllable; a soft hyphen inside an English word is no Vietnamese.
  return convertible(t, enc) && (isVietnameseSyllable(d) || (d.length <= 5 && d === d.toUpperCase()));
}

/** A line in capitals whose plain words are all Vietnamese ("ñY BAN"), unlike "IL EST NÉ". */
function capsLine(r: Run): boolean {
  const letters = r.tokens.flatMap((x) => x.text.match(/[A-Za-z]/g) ?? []);
  if (letters.length < 2 || !letters.every((c) => c >= 'A' && c <= 'Z')) return false;
  return r.tokens.every((x) => /[^\u0000-\u007f]/.test(x.text) || x.text.length < 2 || isVietnameseSyllable(x.text));
}

interface Run {
  enc: LegacyEncoding;
  tokens: Token[];
  evidence: number;
  /** Words that speak against the encoding: foreign words ("été", "il", "est") it cannot explain. */
  counter: number;
}

function isCounter(t: Token, enc: LegacyEncoding): boolean {
  if (!/[^\u0000-\u007f]/.test(t.text)) {
    return !t.technical && t.text.length >= 2 && /[a-z]/.test(t.text) && !isVietnameseSyllable(t.text);
  }
  return !t.uniOk && !plausible(t, enc) && !unchangedBy(t.text, enc) && !convertible(t, enc);
}

function runsFor(tokens: Token[], enc: LegacyEncoding): Run[] {
  const runs: Run[] = [];
  let cur: Run = { enc, tokens: [], evidence: 0, counter: 0 };
  const flush = () => {
    if (cur.tokens.length) runs.push(cur);
    cur = { enc, tokens: [], evidence: 0, counter: 0 };
  };
  for (const t of tokens) {
    if (t.newLine) flush();
    // Correct Unicode Vietnamese that this encoding would have spelt differently: a boundary.
    if (t.uniOk && !plausible(t, enc) && !unchangedBy(t.text, enc)) {
      flush();
      continue;
    }
    cur.tokens.push(t);
    if (isEvidence(t, enc)) cur.evidence++;
    else if (isCounter(t, enc)) cur.counter++;
  }
  flush();
  return runs;
}

/** One detection pass: the replacement chosen for each word, if any. */
function convertPass(text: string): { tokens: Token[]; choice: Map<Token, { run: Run; value: string }> } {
  const tokens = tokenize(text);
  for (const t of tokens) {
    if (!/[^\u0000-\u007f]/.test(t.text)) continue; // ASCII words never change
    t.uniOk = isVietnameseSyllable(t.text);
    for (const enc of ENCODINGS) t.dec[enc] = decodeWord(t.text, enc);
  }
  const runs = ENCODINGS.map((enc) => runsFor(tokens, enc));
  const docEvidence = runs.map((rs) => rs.reduce((n, r) => n + r.evidence, 0));
  const docCounter = runs.map((rs) => rs.reduce((n, r) => n + r.counter, 0));
  // Where converting runs of both encodings overlap, the one with more evidence owns the words
  // it can account for ("thö" is TCVN3 "thử" or VNI "thư"; "chí" is VNI for itself but TCVN3
  // for "chớ": the surrounding words decide). Words no run accounts for go to a run that can
  // still turn them into Vietnamese letters ("Q§" → "QĐ").
  const converting = runs.flatMap((rs, k) =>
    rs.filter(
      (r) =>
        (r.evidence >= 2 && r.evidence > r.counter) ||
        (r.evidence >= 1 && r.counter === 0 && docEvidence[k]! >= 3 && docEvidence[k]! > docCounter[k]!) ||
        (r.counter === 0 && (r.tokens.some((t) => isStrong(t, r.enc)) || (r.evidence >= 1 && capsLine(r)))),
    ),
  );
  const candidates = new Map<Token, Run[]>();
  for (const run of converting) for (const t of run.tokens) candidates.set(t, [...(candidates.get(t) ?? []), run]);
  const best = (rs: Run[]) =>
    rs.reduce((a, b) =>
      b.evidence > a.evidence ||
      (b.evidence === a.evidence && docEvidence[ENCODINGS.indexOf(b.enc)]! > docEvidence[ENCODINGS.indexOf(a.enc)]!)
        ? b
        : a,
    );
  const choice = new Map<Token, { run: Run; caps: boolean }>();
  for (const [t, rs] of candidates) {
    const accounted = rs.filter((r) => plausible(t, r.enc) || unchangedBy(t.text, r.enc));
    const run = accounted.length
      ? best(accounted)
      : rs.some((r) => convertible(t, r.enc))
        ? best(rs.filter((r) => convertible(t, r.enc)))
        : null;
    if (!run || !convertible(t, run.enc)) continue;
    // Abbreviations (UBND, QĐ) do not make a line of capitals: "Sè: 15/2026/Q§-UBND" is "Số".
    const letters = run.tokens
      .filter((x) => isVietnameseSyllable(x.dec[run.enc] ?? x.text))
      .flatMap((x) => x.text.match(/[A-Za-z]/g) ?? []);
    choice.set(t, { run, caps: letters.length >= 2 && letters.every((c) => c >= 'A' && c <= 'Z') });
  }
  const out = new Map<Token, { run: Run; value: string }>();
  for (const [t, c] of choice) out.set(t, { run: c.run, value: fixCase(t, t.dec[c.run.enc]!, c.caps && c.run.enc === 'tcvn3') });
  return { tokens, choice: out };
}

function autoConvert(text: string): { result: string; segments: ConvertedSegment[] } {
  const original = tokenize(text);
  const words = original.map((t) => t.text);
  const from: ({ run: Run; enc: LegacyEncoding } | null)[] = original.map(() => null);
  const join = () => {
    let s = '';
    let pos = 0;
    original.forEach((t, i) => {
      s += text.slice(pos, t.start) + words[i];
      pos = t.end;
    });
    return s + text.slice(pos);
  };
  // Repeat until nothing changes, so that normalize() is idempotent: converting one run can
  // remove the foreign-looking words that held back a neighbouring run. Words stay words
  // when decoded, so the tokens line up from pass to pass.
  for (let pass = 0; pass < 4; pass++) {
    const { tokens, choice } = convertPass(join());
    if (choice.size === 0 || tokens.length !== original.length) break;
    tokens.forEach((t, i) => {
      const c = choice.get(t);
      if (!c) return;
      words[i] = c.value;
      from[i] ??= { run: c.run, enc: c.run.enc };
    });
  }
  const result = join().normalize('NFC');
  // Segments: consecutive converted words of one run, with unchanged ASCII words between them.
  const segments: ConvertedSegment[] = [];
  let open: { run: Run; enc: LegacyEncoding; first: number; last: number } | null = null;
  const close = () => {
    if (!open) return;
    const start = original[open.first]!.start;
    const end = original[open.last]!.end;
    let res = '';
    for (let i = open.first; i <= open.last; i++)
      res += (i > open.first ? text.slice(original[i - 1]!.end, original[i]!.start) : '') + words[i];
    segments.push({ start, end, from: open.enc, original: text.slice(start, end), result: res.normalize('NFC') });
    open = null;
  };
  original.forEach((t, i) => {
    const f = from[i];
    if (!f) {
      if (open && !unchangedBy(t.text, open.enc)) close();
      return;
    }
    if (open && open.run !== f.run) close();
    if (open) open.last = i;
    else open = { run: f.run, enc: f.enc, first: i, last: i };
  });
  close();
  return { result, segments };
}

/**
 * Detect and convert legacy-encoding mojibake, report what was done.
 * Use `encoding` and `segments` to tell editors e.g. "đã chuyển đổi từ TCVN3".
 */
export function analyze(text: string): Analysis {
  const nfc = text.normalize('NFC');
  const wasDenormalized = nfc !== text;
  const { result, segments } = autoConvert(nfc);
  const encs = new Set(segments.map((s) => s.from));
  let encoding: DetectedEncoding;
  if (encs.size > 1) encoding = 'mixed';
  else if (encs.size === 1) {
    // Correct Vietnamese outside the converted stretches makes it a mixed document.
    let rest = '';
    let p = 0;
    for (const s of segments) {
      rest += nfc.slice(p, s.start) + ' ';
      p = s.end;
    }
    rest += nfc.slice(p);
    const enc = [...encs][0]!;
    const unicodeWords = tokenize(rest).filter(
      (t) => /[^\u0000-\u007f]/.test(t.text) && isVietnameseSyllable(t.text) && !unchangedBy(t.text, enc),
    );
    encoding = unicodeWords.length > 0 || wasDenormalized ? 'mixed' : enc;
  } else if (wasDenormalized) encoding = 'nfd';
  else encoding = /[^\u0000-\u007f]/.test(text) ? 'unicode' : 'ascii';
  return { encoding, converted: result !== text, result, segments, wasDenormalized };
}

/** Classify a text: `ascii`, `unicode` (correct, NFC), `nfd`, `tcvn3`, `vni` or `mixed`. */
export function detect(text: string): DetectedEncoding {
  return analyze(text).encoding;
}

/**
 * Convert to Unicode NFC (TCVN 6909:2001). Without options, TCVN3 and VNI-Windows mojibake
 * runs are detected and converted and correct text is left alone; the result is idempotent.
 * With `from`, the whole text is decoded as that encoding's mojibake (or VIQR) without guessing.
 */
export function normalize(text: string, opts: NormalizeOptions = {}): string {
  if (opts.from === 'viqr') return fromViqr(text);
  if (opts.from === 'tcvn3') {
    const nfc = text.normalize('NFC');
    const tokens = tokenize(nfc);
    let out = '';
    let pos = 0;
    const letters = tokens.flatMap((t) => t.text.match(/[A-Za-z]/g) ?? []);
    const caps = letters.length >= 2 && letters.every((c) => c >= 'A' && c <= 'Z');
    for (const t of tokens) {
      out += nfc.slice(pos, t.start) + fixCase(t, tcvn3MojibakeToUnicode(t.text), caps);
      pos = t.end;
    }
    return (out + nfc.slice(pos)).normalize('NFC');
  }
  if (opts.from === 'vni') return vniMojibakeToUnicode(text.normalize('NFC'), true)!;
  return analyze(text).result;
}

/** True when the text is in Unicode Normalization Form C. */
export function isNfc(text: string): boolean {
  return text.normalize('NFC') === text;
}
