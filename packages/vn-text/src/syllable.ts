/**
 * Vietnamese syllable structure check, used to decide whether a word is plausible
 * Vietnamese. Conservative in what it accepts so that mojibake and foreign words fail.
 */
import { BREVE, CIRCUMFLEX, HORN, TONES } from './tables.js';

const LETTERS = new Set('aăâbcdđeêghiklmnoôơpqrstuưvxy');
const VOWELS = new Set('aăâeêioôơuưy');

/** A letter with its mark folded in (ă, ơ, …) and its tone (0 = none, 1..5 = sắc huyền hỏi ngã nặng). */
interface Letter {
  base: string;
  tone: number;
}

const MARKED: Record<string, string> = {
  ['a' + BREVE]: 'ă',
  ['a' + CIRCUMFLEX]: 'â',
  ['e' + CIRCUMFLEX]: 'ê',
  ['o' + CIRCUMFLEX]: 'ô',
  ['o' + HORN]: 'ơ',
  ['u' + HORN]: 'ư',
};

/** Split a word into Vietnamese letters, or null if it holds anything else. */
export function vietLetters(word: string): Letter[] | null {
  const out: Letter[] = [];
  for (const ch of word.normalize('NFC').toLowerCase()) {
    if (ch === 'đ') {
      out.push({ base: 'đ', tone: 0 });
      continue;
    }
    const d = ch.normalize('NFD');
    let base = d[0]!;
    let tone = 0;
    for (const m of d.slice(1)) {
      const t = TONES.indexOf(m as (typeof TONES)[number]);
      if (t >= 0 && tone === 0) tone = t + 1;
      else if (MARKED[base + m]) base = MARKED[base + m]!;
      else return null;
    }
    if (!LETTERS.has(base) || (tone && !VOWELS.has(base))) return null;
    out.push({ base, tone });
  }
  return out;
}

const ONSETS = [
  'ngh',
  'ng',
  'gh',
  'gi',
  'kh',
  'nh',
  'ph',
  'th',
  'tr',
  'ch',
  'qu',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

type CodaRule = 'none' | 'req' | 'opt';
/** Vowel cluster → coda rule, tone positions without coda, tone positions with coda. */
const CLUSTERS: Record<string, [CodaRule, number[], number[]]> = {};
function cl(names: string, coda: CodaRule, open: number[], closed: number[] = open): void {
  for (const n of names.split(' ')) CLUSTERS[n] = [coda, open, closed];
}
cl('a e ê i o ô ơ u ư y', 'opt', [0]);
cl('ă â', 'req', [0]);
cl('ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa', 'none', [0]);
cl('iê yê uâ uô oă', 'req', [1]); // no "oo" (xoong, soóc): too rare to be worth the false positives
cl('uê ươ', 'opt', [1]);
cl('uơ', 'none', [1]);
cl('oa oe uy', 'opt', [0, 1], [1]); // old style hòa/thủy and new style hoà/thuỷ are both correct
cl('iêu yêu oai oay oeo uây uôi uya uyu ươi ươu', 'none', [1]);
cl('uyê', 'req', [2]);

const CODAS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'k']);
const STOPS = new Set(['c', 'ch', 'p', 't', 'k']);
const FRONT = new Set(['e', 'ê', 'i', 'y']);

function rimeOk(onset: string, letters: Letter[], from: number): boolean {
  let i = from;
  while (i < letters.length && VOWELS.has(letters[i]!.base)) i++;
  const cluster = letters
    .slice(from, i)
    .map((l) => l.base)
    .join('');
  const coda = letters
    .slice(i)
    .map((l) => l.base)
    .join('');
  const rule = CLUSTERS[cluster];
  if (!rule || !CODAS.has(coda)) return false;
  if (coda === '' ? rule[0] === 'req' : rule[0] === 'none') return false;
  const first = cluster[0]!;
  // Spelling rules: k/gh/ngh before front vowels, c/g/ng elsewhere.
  if ((onset === 'c' || onset === 'ng') && FRONT.has(first)) return false;
  if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !FRONT.has(first)) return false;
  if (onset === 'g' && (first === 'e' || first === 'ê')) return false;
  if (onset === 'qu' && (first === 'u' || first === 'o')) return false;
  if (onset === 'gi' && first === 'i') return false;
  if ((coda === 'ch' || coda === 'nh') && !['a', 'ê', 'i', 'y', 'oa', 'uê', 'uy'].includes(cluster)) return false;
  if ((coda === 'c' || coda === 'ng') && ['i', 'y', 'uy', 'ê', 'oe'].includes(cluster) && !(coda === 'ng' && cluster === 'ê')) return false;
  if (coda === 'k' && cluster !== 'ă') return false; // Đắk, Lắk (Central Highlands names)
  if (cluster === 'y' && coda !== '' && onset !== 'qu') return false;
  // Tone: at most one, on an allowed vowel; stop codas only take sắc or nặng.
  let tone = 0;
  let pos = -1;
  letters.forEach((l, k) => {
    if (l.tone) {
      tone = l.tone;
      pos = k - from;
    }
  });
  if (STOPS.has(coda) && tone !== 1 && tone !== 5) return false;
  if (tone && !(coda === '' ? rule[1] : rule[2]).includes(pos)) return false;
  return true;
}

/**
 * True when `word` (one syllable, any case, NFC or NFD) is structurally a Vietnamese
 * syllable: onset + vowel cluster + coda, standard spelling, at most one tone mark placed
 * on an allowed vowel (old and new tone placement both accepted).
 */
export function isVietnameseSyllable(word: string): boolean {
  const letters = vietLetters(word);
  if (!letters || letters.length === 0) return false;
  if (letters.filter((l) => l.tone).length > 1) return false;
  const s = letters.map((l) => l.base).join('');
  for (const onset of ONSETS) {
    if (!s.startsWith(onset)) continue;
    if (letters.slice(0, onset.length).some((l) => l.tone)) {
      // A tone on the onset is only possible on the i of gi (gì = g + ì).
      continue;
    }
    if (onset.length < s.length && rimeOk(onset, letters, onset.length)) return true;
  }
  return false;
}
