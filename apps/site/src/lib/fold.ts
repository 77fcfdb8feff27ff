// Search folding (NFD, strip marks, đ/Đ → d, lower case: "Điều 13" → "dieu 13") comes from the
// shared package, so the CMS, the index and the search page fold alike.
import { fold } from '@cong-ttdt/vn-text';

export { fold };

/** Marker that starts the hidden folded copy in each indexed page (the search page cuts it off). */
export const FOLD_SENTINEL = '⁂';

/**
 * The folded copy of a page's text for the search index: the distinct folded forms of the words that
 * Pagefind would not already match without diacritics (every word with a non-ASCII letter).
 */
export function foldedWords(text: string): string {
  const seen = new Set<string>();
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (!word || /^[\x00-\x7f]*$/.test(word)) continue;
    const f = fold(word);
    if (f && f !== word.toLowerCase()) seen.add(f);
  }
  return [...seen].join(' ');
}
