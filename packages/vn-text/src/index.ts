/**
 * @cong-ttdt/vn-text — Vietnamese text utilities with no dependencies.
 *
 * Convert TCVN3 / VNI-Windows mojibake and decomposed Unicode to Unicode NFC
 * (TCVN 6909:2001), and make slugs, search keys and Vietnamese sort orders.
 */
export { analyze, detect, normalize, isNfc } from './detect.js';
export type { Analysis, ConvertedSegment, DetectedEncoding, NormalizeOptions } from './detect.js';
export { decodeLegacyBytes, tcvn3MojibakeToUnicode, vniMojibakeToUnicode } from './legacy.js';
export type { LegacyEncoding } from './legacy.js';
export { fromViqr } from './viqr.js';
export { isVietnameseSyllable } from './syllable.js';
export { slugify } from './slug.js';
export type { SlugifyOptions } from './slug.js';
export { fold, removeTones } from './fold.js';
export { collator, compareVi, compareViNames, hasVietnameseCollation } from './collate.js';
