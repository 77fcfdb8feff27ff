/** URL slugs. */
import { fold } from './fold.js';

/** Options of {@link slugify}. */
export interface SlugifyOptions {
  /** Maximum length; the slug is cut at a hyphen when possible. Default: no limit. */
  maxLength?: number;
  /** Separator, default "-". */
  separator?: string;
}

/**
 * Lower-case ASCII slug: "Hòa Bình" → "hoa-binh", "02/2013/QĐ-UBND" → "02-2013-qd-ubnd".
 * Everything that is not a-z or 0-9 after folding becomes one separator; ends are trimmed.
 * Characters with no ASCII equivalent (e.g. CJK) are dropped.
 */
export function slugify(text: string, opts: SlugifyOptions = {}): string {
  const sep = opts.separator ?? '-';
  const words = fold(text)
    .replace(/[ßæœø]/g, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o' })[c]!)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = words.join(sep);
  const max = opts.maxLength;
  if (max !== undefined && slug.length > max) {
    const cut = slug.slice(0, max);
    const at = cut.lastIndexOf(sep);
    slug = at > 0 && slug[max] !== sep[0] ? cut.slice(0, at) : cut;
    while (sep && slug.endsWith(sep)) slug = slug.slice(0, -sep.length);
  }
  return slug;
}
