// Who may see which report. Pure.
import { ROLES } from '../constants.js';

// ---------------------------------------------------------------------------------------------------
// Access

export interface ReportAccess {
  /** Counts, chart, inactive units (Phòng Nội vụ's inspection). */
  summary: boolean;
  /** Royalty statements: everyone's, only one's own, or none. */
  royalty: 'all' | 'own' | 'none';
  /** May edit the royalty rate table. */
  editRates: boolean;
}

/** Who may see what. Super Admin is not listed on purpose: the regulation names the board's roles. */
export function reportAccess(roles: readonly string[]): ReportAccess {
  const has = (r: string) => roles.includes(r);
  const board = has(ROLES.inspector) || has(ROLES.editorInChief) || has(ROLES.portalAdmin);
  return {
    summary: board,
    royalty: board || has(ROLES.finance) ? 'all' : has(ROLES.contributor) ? 'own' : 'none',
    editRates: has(ROLES.editorInChief) || has(ROLES.portalAdmin),
  };
}
