/** Decoders for the legacy encodings, both from raw bytes and from their CP1252 mojibake. */
import { TCVN3_BYTES, TCVN3_BYTES_EXTRA, TCVN3_CHARS, VNI_CHARS, cp1252Char } from './tables.js';

/** The legacy 8-bit encodings this package can decode. */
export type LegacyEncoding = 'tcvn3' | 'vni';

// VNI spells toned i with letters of their own (í ì æ ó ò), so tone bytes never follow i.
const TONABLE = new Set('aăâeêoôơuưy');
const isUpper = (c: string) => c !== c.toLowerCase();

/**
 * Decode TCVN3 mojibake (TCVN3 bytes read as CP1252) to Unicode, keeping characters
 * that are not TCVN3 codes. Returns NFC.
 */
export function tcvn3MojibakeToUnicode(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_CHARS.get(ch) ?? ch;
  return out.normalize('NFC');
}

/**
 * Decode VNI-Windows mojibake (VNI bytes read as CP1252) to Unicode.
 * Returns null if a mark byte does not follow a letter that can take it, because then
 * the text is not VNI (this is what makes VNI detection reliable).
 * With `lenient`, such mark bytes are kept as they are instead.
 */
export function vniMojibakeToUnicode(text: string, lenient = false): string | null {
  // Each output letter is kept as base + pending marks so that "o" + "â" + "ø" works too.
  const out: { base: string; mark: string; tone: string }[] = [];
  const raw = (ch: string) => out.push({ base: ch, mark: '', tone: '' });
  for (const ch of text) {
    const part = VNI_CHARS.get(ch);
    if (!part) {
      raw(ch);
      continue;
    }
    if (part.kind === 'letter') {
      raw(part.value);
      continue;
    }
    const prev = out[out.length - 1];
    const base = prev?.base.toLowerCase() ?? '';
    const ok =
      prev !== undefined &&
      (lenient || isUpper(ch) === isUpper(prev.base)) &&
      TONABLE.has(base) &&
      prev.tone === '' &&
      prev.mark === '' &&
      (part.mark === '' || (part.mark === '\u0302' && 'aeo'.includes(base)) || (part.mark === '\u0306' && base === 'a'));
    if (!ok) {
      if (!lenient) return null;
      raw(ch);
      continue;
    }
    prev.mark = part.mark;
    prev.tone = part.tone;
  }
  const result = out
    .map((l) => l.base + l.mark + l.tone)
    .join('')
    .normalize('NFC');
  // VNI keyboards write case consistently: "vỊ" or "kÕn" mean this was not VNI.
  if (!lenient && !/^(\p{Lu}*|\p{Lu}?[^\p{Lu}]*)$/u.test(result)) return null;
  return result;
}

/**
 * Decode the raw bytes of a file saved in a legacy Vietnamese 8-bit encoding to Unicode NFC.
 *
 * - `tcvn3`: TCVN 5712:1993 VN3 (ABC, .VnTime fonts); toned capitals from VN1 are accepted
 *   where they do not clash with VN3. Other bytes are read as Windows-1252.
 * - `vni`: VNI-Windows (VNI-Times fonts). Bytes are read as Windows-1252, then composed.
 *
 * @example decodeLegacyBytes(new Uint8Array([0x56,0x69,0xd6,0x74]), 'tcvn3') // "Việt"
 */
export function decodeLegacyBytes(bytes: Uint8Array, from: LegacyEncoding): string {
  let text = '';
  for (const b of bytes) {
    text += from === 'tcvn3' ? (TCVN3_BYTES.get(b) ?? TCVN3_BYTES_EXTRA.get(b) ?? cp1252Char(b)) : cp1252Char(b);
  }
  if (from === 'tcvn3') return text.normalize('NFC');
  return vniMojibakeToUnicode(text, true)!;
}
