// Role groups by role code: who may read or do what. The route groups live in packages/workflow (access.ts),
// where the route matrix reads them too; the rest are here. scripts/lint.ts refuses a copy elsewhere.
export { AUDIT_VERIFIERS, BOARD_READERS, PROFILE_MANAGERS } from '@cong-ttdt/workflow';

/** Who receives the e-mail when the public site turns stale (services/site-status.ts). */
export const SITE_STATUS_MAILED: readonly string[] = ['portal-admin'];

/** Roles that handle citizens' questions and may read the askers' contact details (the editor only when assigned). */
export const CONTACT_READERS: readonly string[] = ['portal-admin', 'editor-in-chief', 'inspector'];
export const CONTACT_FIELDS = ['askerPhone', 'askerEmail', 'askerAddress'] as const;

/** Roles that oversee the whole board's work: every file of the media library, the audit log's check. */
export const OVERSEERS: readonly string[] = ['portal-admin', 'editor-in-chief', 'inspector', 'strapi-super-admin'];

/** Roles that may add files to the media library (the inspector only reads; finance has none). */
export const UPLOADERS: readonly string[] = ['contributor', 'portal-admin', 'editor', 'editor-in-chief', 'strapi-super-admin'];

/** Roles that must pass the second sign-in step: the editor-in-chief (publishes), the portal administrator and the Super Admin (administer). */
export const SECOND_FACTOR_ROLES: readonly string[] = ['editor-in-chief', 'portal-admin', 'strapi-super-admin'];
