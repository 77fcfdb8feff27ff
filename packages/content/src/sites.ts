/** What a site's pages need to say about a predecessor whose content it keeps (issue 28). */
export interface PredecessorInfo {
  predecessorName?: string | null;
  /** ISO date (YYYY-MM-DD) the predecessor ceased, e.g. 2025-07-01 for the districts. */
  predecessorUntil?: string | null;
}

/**
 * The banner over a predecessor's archived content, e.g. "Thông tin của huyện Hòa Bình trước ngày 01/7/2025"
 * (day with two digits, month without a leading zero, as official texts write it); null without a predecessor.
 */
export function archiveBanner(site: PredecessorInfo | null | undefined): string | null {
  const name = site?.predecessorName?.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(site?.predecessorUntil ?? '');
  if (!name || !match) return null;
  const [, year, month, day] = match;
  return `Thông tin của ${name} trước ngày ${day}/${Number(month)}/${year}`.normalize('NFC');
}
