// Role groups by role code: who may read or do what. The one place for them (scripts/lint.ts refuses a copy).

/** Roles that may use the editorial routes (history, panel, stages, queue, editors, transition). */
export const BOARD_READERS: readonly string[] = [
  'contributor',
  'portal-admin',
  'editor',
  'editor-in-chief',
  'inspector',
  'strapi-super-admin',
];

/** Roles that handle citizens' questions and may read the askers' contact details (the editor only when assigned). */
export const CONTACT_READERS: readonly string[] = ['portal-admin', 'editor-in-chief', 'inspector'];
export const CONTACT_FIELDS = ['askerPhone', 'askerEmail', 'askerAddress'] as const;

/** Roles that oversee the whole board's work: every file of the media library, the audit log's check. */
export const OVERSEERS: readonly string[] = ['portal-admin', 'editor-in-chief', 'inspector', 'strapi-super-admin'];

/** Roles that may add files to the media library (the inspector only reads; finance has none). */
export const UPLOADERS: readonly string[] = ['contributor', 'portal-admin', 'editor', 'editor-in-chief', 'strapi-super-admin'];

/** Roles that manage editorial profiles (units and fields of each account). */
export const PROFILE_MANAGERS: readonly string[] = ['portal-admin', 'strapi-super-admin'];
