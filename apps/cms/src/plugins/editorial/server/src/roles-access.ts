// Who may read what, by role code (one place for the routes and the question contact details).

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
