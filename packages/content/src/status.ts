import { isoDay } from './dates.js';
import type { LegalDocument } from './types.js';

export type InForceStatus = 'in_force' | 'not_yet' | 'not_in_force';

/**
 * Whether a document is in force on `now` (calendar day in Asia/Ho_Chi_Minh).
 * An explicit `inForce` override wins; `auto` (or missing) derives the status:
 * replaced by another document → not in force; on or after `expiryDate` (first day without force) → not in force;
 * before `effectiveDate` → not yet in force; otherwise in force.
 */
export function inForceStatus(
  doc: Pick<LegalDocument, 'inForce' | 'effectiveDate' | 'expiryDate' | 'issueDate'> & {
    replacedBy?: readonly unknown[] | null;
  },
  now: Date | string = new Date(),
): InForceStatus {
  if (doc.inForce === 'in_force') return 'in_force';
  if (doc.inForce === 'not_in_force') return 'not_in_force';
  const today = isoDay(now);
  if (doc.replacedBy && doc.replacedBy.length > 0) return 'not_in_force';
  if (doc.expiryDate && doc.expiryDate.slice(0, 10) <= today) return 'not_in_force';
  if (doc.effectiveDate && doc.effectiveDate.slice(0, 10) > today) return 'not_yet';
  return 'in_force';
}
