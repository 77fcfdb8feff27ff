/** Accent folding for search. */

/**
 * Fold for search and matching: NFC-normalise, strip tones and marks, đ/Đ → d,
 * lower-case. "Điều 13" → "dieu 13". Non-Latin scripts keep their letters.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** Remove tone marks only, keeping ă â ê ô ơ ư đ: "Hòa Bình" → "Hoa Binh", "Việt" → "Viêt". */
export function removeTones(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC');
}
