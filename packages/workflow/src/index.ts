// Pure, framework-free workflow rules. No Node-only imports here: the admin panel and the Astro site import it too.
export * from './constants.js';
export type * from './types.js';
export { provenanceProblems } from './provenance.js';
export {
  SYSTEM_ACTOR,
  isSystemActor,
  sameId,
  hasRole,
  decide,
  availableActions,
  canEdit,
  stageAfterEdit,
  canPublishDirectly,
  checkClassification,
  waitingFor,
} from './workflow.js';
export {
  CRUD_OPERATIONS,
  DEFAULT_CONTENT_PERMISSIONS,
  allowedOperations,
  canOnContentType,
  type CrudOperation,
  type ContentPermissionMap,
} from './permissions.js';
export { READ_ALL_ROLES, readScope, canRead, type ReadScope } from './read.js';
export {
  AUDIT_VERIFIERS,
  BOARD_READERS,
  PROFILE_MANAGERS,
  PURGE_ROLES,
  REPORTS_ACTION,
  SITE_STATUS_ACTION,
  SITE_STATUS_READERS,
  extraGrants,
  purgeRefusal,
  type AdminGrant,
} from './access.js';
export * from './working-days.js';
export * from './disclosure.js';
