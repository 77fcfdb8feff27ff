/**
 * Character tables for the legacy Vietnamese encodings, written out by hand.
 * Legacy text reaches us as "mojibake": the 8-bit bytes decoded as Windows-1252,
 * so the tables below are keyed by both byte and the CP1252 character of that byte.
 */

/** Windows-1252 characters for bytes 0x80-0x9F. Undefined bytes map to the C1 control (as Windows does). */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Decode one byte as Windows-1252. */
export function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

/**
 * TCVN3 (TCVN 5712:1993 VN3, the "ABC" .VnTime fonts): byte → Unicode.
 * Lower case toned letters and the seven capitals Ă Â Ê Ô Ơ Ư Đ; capitals with
 * tones do not exist in VN3 (they came from the .VnTimeH font, which draws the
 * lower-case codes as capitals).
 */
export const TCVN3_BYTES: ReadonlyMap<number, string> = new Map<number, string>([
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
]);

/**
 * Extra TCVN 5712 (VN1) codes used only when decoding raw bytes: the toned capitals that
 * sit in otherwise unused VN3 positions, and the combining tone marks 0xB0-0xB4.
 * Bytes 0x01-0x1F and 0x80-0x9F of VN1 are left out on purpose: in real files those
 * bytes are control characters or Word's CP1252 punctuation (“ ” – —).
 */
export const TCVN3_BYTES_EXTRA: ReadonlyMap<number, string> = new Map<number, string>([
  [0xaf, 'Ằ'],
  [0xba, 'Ẳ'],
  [0xbf, 'Ẵ'],
  [0xc0, 'Ắ'],
  [0xc1, 'Ầ'],
  [0xc2, 'Ẩ'],
  [0xc3, 'Ẫ'],
  [0xc4, 'Ấ'],
  [0xc5, 'Ề'],
  [0xcd, 'Ể'],
  [0xd9, 'Ễ'],
  [0xda, 'Ế'],
  [0xdb, 'Ồ'],
  [0xe0, 'Ổ'],
  [0xf0, 'Ỗ'],
  [0xff, 'Ố'],
  [0xb0, '\u0300'],
  [0xb1, '\u0309'],
  [0xb2, '\u0303'],
  [0xb3, '\u0301'],
  [0xb4, '\u0323'],
]);

/** TCVN3 mojibake character (CP1252 reading of the byte) → Vietnamese letter. */
export const TCVN3_CHARS: ReadonlyMap<string, string> = new Map([...TCVN3_BYTES].map(([b, v]) => [cp1252Char(b), v] as const));

/** Combining marks. */
export const GRAVE = '\u0300';
export const ACUTE = '\u0301';
export const CIRCUMFLEX = '\u0302';
export const TILDE = '\u0303';
export const BREVE = '\u0306';
export const HOOK = '\u0309';
export const HORN = '\u031B';
export const DOT_BELOW = '\u0323';

/** Tone marks in the order sắc, huyền, hỏi, ngã, nặng (index + 1 = tone number). */
export const TONES = [ACUTE, GRAVE, HOOK, TILDE, DOT_BELOW] as const;

/**
 * VNI-Windows, which spells each letter as a base letter followed by mark bytes.
 * Lower-case bytes shown; the upper-case byte is the same letter upper-cased (0x20 lower).
 */
export type VniPart =
  | { kind: 'letter'; value: string } // a whole letter (đ, ư, ơ, toned i, ỵ)
  | { kind: 'mark'; mark: string; tone: string }; // applies to the letter before it

const VNI_LOWER: ReadonlyArray<readonly [string, VniPart]> = [
  ['ñ', { kind: 'letter', value: 'đ' }],
  ['ö', { kind: 'letter', value: 'ư' }],
  ['ô', { kind: 'letter', value: 'ơ' }],
  ['í', { kind: 'letter', value: 'í' }],
  ['ì', { kind: 'letter', value: 'ì' }],
  ['æ', { kind: 'letter', value: 'ỉ' }],
  ['ó', { kind: 'letter', value: 'ĩ' }],
  ['ò', { kind: 'letter', value: 'ị' }],
  ['î', { kind: 'letter', value: 'ỵ' }],
  ['â', { kind: 'mark', mark: CIRCUMFLEX, tone: '' }],
  ['ê', { kind: 'mark', mark: BREVE, tone: '' }],
  ['ù', { kind: 'mark', mark: '', tone: ACUTE }],
  ['ø', { kind: 'mark', mark: '', tone: GRAVE }],
  ['û', { kind: 'mark', mark: '', tone: HOOK }],
  ['õ', { kind: 'mark', mark: '', tone: TILDE }],
  ['ï', { kind: 'mark', mark: '', tone: DOT_BELOW }],
  ['á', { kind: 'mark', mark: CIRCUMFLEX, tone: ACUTE }],
  ['à', { kind: 'mark', mark: CIRCUMFLEX, tone: GRAVE }],
  ['å', { kind: 'mark', mark: CIRCUMFLEX, tone: HOOK }],
  ['ã', { kind: 'mark', mark: CIRCUMFLEX, tone: TILDE }],
  ['ä', { kind: 'mark', mark: CIRCUMFLEX, tone: DOT_BELOW }],
  ['é', { kind: 'mark', mark: BREVE, tone: ACUTE }],
  ['è', { kind: 'mark', mark: BREVE, tone: GRAVE }],
  ['ú', { kind: 'mark', mark: BREVE, tone: HOOK }],
  ['ü', { kind: 'mark', mark: BREVE, tone: TILDE }],
  ['ë', { kind: 'mark', mark: BREVE, tone: DOT_BELOW }],
];

/** VNI-Windows mojibake character → its role. */
export const VNI_CHARS: ReadonlyMap<string, VniPart> = new Map(
  VNI_LOWER.flatMap(([ch, part]) => {
    const upper: VniPart = part.kind === 'letter' ? { kind: 'letter', value: part.value.toUpperCase() } : part;
    return [[ch, part] as const, [ch.toUpperCase(), upper] as const];
  }),
);
