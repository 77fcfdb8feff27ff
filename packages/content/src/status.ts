import { isoDay } from './dates.js';
import type { LegalDocument } from './types.js';

/** What a citizen needs to know of a document on a given day. */
export type DocumentStatus =
  | 'comment_upcoming'
  | 'comment_open'
  | 'comment_closed'
  | 'not_yet'
  | 'in_force'
  | 'partly_expired'
  | 'expired'
  | 'replaced';

type Dated = { effectiveDate?: string | null; issueDate?: string | null };

export interface DocumentStatusInput {
  inForce?: LegalDocument['inForce'] | null;
  disclosure?: string | null;
  commentFrom?: string | null;
  commentTo?: string | null;
  effectiveDate?: string | null;
  expiryDate?: string | null;
  issueDate?: string | null;
  /** Documents replacing this one (either side of the relation), with their dates. */
  replacedBy?: readonly Dated[] | null;
  /** Documents amending this one (either side of the relation), with their dates. */
  amendedBy?: readonly Dated[] | null;
}

/** A replacing or amending document acts from its own effective date (its issue date when it has none). */
const actsBy = (d: Dated, today: string) => (d.effectiveDate ?? d.issueDate ?? '').slice(0, 10) <= today;

/**
 * The document's status on `now` (calendar day in Asia/Ho_Chi_Minh), from its dates and relations:
 * a draft published for comment is never in force (its window says upcoming, open or closed, both ends
 * included); then an explicit `inForce` wins over the dates; a replacement or an amendment counts from
 * the day the other document takes effect; the expiry date is the first day without force.
 */
export function documentStatus(doc: DocumentStatusInput, now: Date | string = new Date()): DocumentStatus {
  const today = isoDay(now);
  if (doc.disclosure === 'draft_comment') {
    if (doc.commentFrom && today < doc.commentFrom.slice(0, 10)) return 'comment_upcoming';
    if (doc.commentTo && today > doc.commentTo.slice(0, 10)) return 'comment_closed';
    return 'comment_open';
  }
  const replaced = (doc.replacedBy ?? []).some((d) => actsBy(d, today));
  const amended = (doc.amendedBy ?? []).some((d) => actsBy(d, today));
  if (doc.inForce === 'not_in_force') return replaced ? 'replaced' : 'expired';
  if (doc.inForce !== 'in_force') {
    if (replaced) return 'replaced';
    if (doc.expiryDate && doc.expiryDate.slice(0, 10) <= today) return 'expired';
    if (doc.effectiveDate && doc.effectiveDate.slice(0, 10) > today) return 'not_yet';
  }
  return amended ? 'partly_expired' : 'in_force';
}
