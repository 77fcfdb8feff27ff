/** Vietnamese collation. */

/**
 * Collator for Vietnamese: a ă â b c d đ e ê … o ô ơ … u ư …, tones in the order
 * ngang, huyền, hỏi, ngã, sắc, nặng (ICU's "vi" tailoring; Node ships full ICU).
 */
export const collator: Intl.Collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** Compare two strings in Vietnamese order, for `Array.prototype.sort`. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a.normalize('NFC'), b.normalize('NFC'));
}

/**
 * Compare Vietnamese personal names the way lists are usually sorted: by given name
 * (last word), then by the full name. "Trần Văn An" < "Nguyễn Thị Bình".
 */
export function compareViNames(a: string, b: string): number {
  const given = (s: string) => s.trim().split(/\s+/).pop() ?? '';
  return compareVi(given(a), given(b)) || compareVi(a, b);
}

/** True when this runtime's ICU knows the Vietnamese tailoring (checked in tests). */
export function hasVietnameseCollation(): boolean {
  return Intl.Collator.supportedLocalesOf('vi').length > 0 && collator.compare('đ', 'e') < 0 && collator.compare('dz', 'đ') < 0;
}
