// Who may read what, by role code (one place for the routes and the question contact details).
// The route lists live in packages/workflow (access.ts), where the route matrix reads them too.
export { BOARD_READERS } from '@cong-ttdt/workflow';

/** Roles that handle citizens' questions and may read the askers' contact details (the editor only when assigned). */
export const CONTACT_READERS: readonly string[] = ['portal-admin', 'editor-in-chief', 'inspector'];
export const CONTACT_FIELDS = ['askerPhone', 'askerEmail', 'askerAddress'] as const;
