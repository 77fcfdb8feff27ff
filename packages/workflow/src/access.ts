// Who may use which editorial route, and which Strapi admin actions the board's roles hold besides the
// Content Manager's (those follow DEFAULT_CONTENT_PERMISSIONS). Pure: the CMS plugin enforces and assigns
// them; the route matrix (tests/integration/route-table.ts) derives what each role may call from them.

/** Roles that may use the editorial routes (history, panel, stages, queue, editors, transition). */
export const BOARD_READERS: readonly string[] = [
  'contributor',
  'portal-admin',
  'editor',
  'editor-in-chief',
  'inspector',
  'strapi-super-admin',
];

/** Roles that may check the audit chain (`GET /editorial/audit/verify`). */
export const AUDIT_VERIFIERS: readonly string[] = ['editor-in-chief', 'inspector', 'strapi-super-admin', 'portal-admin'];

/** Roles that keep the editorial profiles (unit, fields) of admin users. */
export const PROFILE_MANAGERS: readonly string[] = ['portal-admin', 'strapi-super-admin'];

/** The plugin's own "read reports" action: shows the Báo cáo menu link (the routes check roles themselves). */
export const REPORTS_ACTION = 'plugin::editorial.reports.read';

/** The plugin's "site status" action: `GET /editorial/site-status` and the admin's banner when the public site is stale. */
export const SITE_STATUS_ACTION = 'plugin::editorial.site-status.read';

/** Roles told when the public site is not up to date (the banner; the e-mail goes to the portal administrators). */
export const SITE_STATUS_READERS: readonly string[] = ['editor-in-chief', 'portal-admin'];

export interface AdminGrant {
  action: string;
  /** Only on what the user created (Strapi's admin::is-creator). */
  ownOnly?: boolean;
}

const MEDIA_READ = ['plugin::upload.read', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
const MEDIA_WRITE = ['plugin::upload.assets.create', 'plugin::upload.assets.update'];

/** Non-Content-Manager admin actions of one board role (Super Admin holds every action in Strapi anyway). */
export function extraGrants(code: string): AdminGrant[] {
  const grants: AdminGrant[] = [];
  if (['inspector', 'editor-in-chief', 'portal-admin', 'finance', 'contributor'].includes(code)) grants.push({ action: REPORTS_ACTION });
  if (SITE_STATUS_READERS.includes(code)) grants.push({ action: SITE_STATUS_ACTION });
  // Finance has no media library; the inspector reads it and uploads nothing.
  if (code !== 'finance') {
    for (const action of MEDIA_READ) grants.push({ action });
    if (code !== 'inspector') for (const action of MEDIA_WRITE) grants.push({ action, ownOnly: code === 'contributor' });
  }
  return grants;
}

/** Who may put material stored by mistake in quarantine, and purge it together: two people, these two roles. */
export const PURGE_ROLES: readonly string[] = ['editor-in-chief', 'strapi-super-admin'];

interface Person {
  id: number | string;
  roles: readonly string[];
}

/**
 * A purge needs two people: the one who quarantined the item and another who confirms, one of them the
 * editor-in-chief and the other Super Admin (someone holding both roles still needs the other person).
 */
export function purgeRefusal(requester: Person, confirmer: Person): string | null {
  if (!PURGE_ROLES.some((r) => confirmer.roles.includes(r)))
    return 'Chỉ Trưởng ban biên tập và Quản trị hệ thống được xác nhận xóa hẳn tài liệu cách ly.';
  if (String(requester.id) === String(confirmer.id)) return 'Xóa hẳn cần hai người: người đã cách ly không được tự xác nhận.';
  const chief = (p: Person) => p.roles.includes('editor-in-chief');
  const superAdmin = (p: Person) => p.roles.includes('strapi-super-admin');
  if (!((chief(requester) && superAdmin(confirmer)) || (superAdmin(requester) && chief(confirmer))))
    return 'Xóa hẳn cần cả Trưởng ban biên tập và Quản trị hệ thống: người xác nhận phải giữ vai trò còn lại.';
  return null;
}
