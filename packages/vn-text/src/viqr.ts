/**
 * VIQR (RFC 1456): ASCII spelling of Vietnamese, e.g. "Vie^.t Nam" → "Việt Nam".
 * Only used when asked for: plain English text is full of ' ? . that VIQR would misread.
 */
import { ACUTE, BREVE, CIRCUMFLEX, DOT_BELOW, GRAVE, HOOK, HORN, TILDE } from './tables.js';

const MARKS: Record<string, string> = { '(': BREVE, '^': CIRCUMFLEX, '+': HORN, '*': HORN };
const TONE_KEYS: Record<string, string> = { "'": ACUTE, '`': GRAVE, '?': HOOK, '~': TILDE, '.': DOT_BELOW };
const MARK_OK: Record<string, string> = { '(': 'a', '^': 'aeo', '+': 'ou', '*': 'ou' };
const VOWEL = /[aeiouy]/i;
const LETTER = /[A-Za-z]/;

/**
 * Convert VIQR to Unicode NFC. Marks `( ^ +` and tones `' \` ? ~ .` follow the vowel;
 * `dd`/`DD`/`Dd` is đ/Đ; a backslash keeps the next character literal ("Ha\. Noi").
 * A `?` or `.` at the end of a word counts as a tone only when a letter follows directly
 * or the next word starts in lower case (so "kho^ng?" keeps its question mark).
 */
export function fromViqr(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    if ((c === 'd' || c === 'D') && (text[i + 1] === 'd' || text[i + 1] === 'D')) {
      out += c === 'D' ? 'Đ' : 'đ';
      i += 2;
      continue;
    }
    if (!VOWEL.test(c)) {
      out += c;
      i++;
      continue;
    }
    let mark = '';
    let tone = '';
    let j = i + 1;
    for (; j < text.length; j++) {
      const k = text[j]!;
      if (!mark && MARKS[k] && MARK_OK[k]!.includes(c.toLowerCase())) mark = MARKS[k]!;
      else if (!tone && TONE_KEYS[k] && toneHere(text, j)) tone = TONE_KEYS[k]!;
      else break;
    }
    out += c + mark + tone;
    i = j;
  }
  return out.normalize('NFC');
}

function toneHere(text: string, j: number): boolean {
  const k = text[j]!;
  if (k !== '?' && k !== '.') return true;
  const next = text[j + 1];
  if (next === undefined) return false;
  if (LETTER.test(next) || next === '^' || next === '(' || next === '+') return true;
  if (next === ' ') {
    const after = text[j + 2];
    return after !== undefined && /[a-z]/.test(after);
  }
  return false;
}
