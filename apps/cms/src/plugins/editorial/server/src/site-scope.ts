import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Actor } from '@cong-ttdt/workflow';
import type { AdminUser } from './actor';
import { getService } from './seams';

/**
 * Sites as data (issue 28): the province portal and its communes' and departments' sites in one CMS.
 * Every content item, upload file and folder belongs to one site through a `site` relation that this
 * module adds to each such type at register (one mechanism, no per-type edit); a row created without
 * one gets its site here (its other rows' site, the seed's site, the author's home site, else the
 * primary site), so a single-site installation needs no configuration. Who may act where is decided
 * here too; the guard, the transition service and the media guard call it.
 */
export const SITE_UID = 'api::site.site';
export const FILE_UID = 'plugin::upload.file';
export const FOLDER_UID = 'plugin::upload.folder';
const PROFILE = 'plugin::editorial.profile';

/** Writes inside `inSite(id, fn)` land in that site (the demo seed loads each site's content so). */
const siteContext = new AsyncLocalStorage<number>();
const inSite = <T>(siteId: number, fn: () => T): T => siteContext.run(siteId, fn);

/** What this module reads of Strapi's database metadata: a type's table and its `site` join table. */
interface SiteJoinMeta {
  tableName: string;
  attributes: { site?: { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } } };
}
const siteJoin = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid) as SiteJoinMeta;

/** The single-site settings this module migrates (api::site-setting.site-setting). */
interface OldSettings {
  portalName?: string | null;
  agencyName?: string | null;
  adminLevel?: string | null;
  domain?: string | null;
  address?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  editorInCharge?: string | null;
  licence?: string | null;
  description?: string | null;
  footerNote?: string | null;
  logo?: { id: number } | null;
}

interface ContentTypeLike {
  uid: string;
  kind?: string;
  attributes: Record<string, unknown>;
}

/** Types that belong to a site: the portal's collection types (the site type itself aside), files and folders. */
export const isSiteScoped = (ct: ContentTypeLike | undefined): boolean =>
  !!ct && ((ct.uid.startsWith('api::') && ct.kind === 'collectionType' && ct.uid !== SITE_UID) || [FILE_UID, FOLDER_UID].includes(ct.uid));

const contentTypes = (strapi: Core.Strapi): ContentTypeLike[] => Object.values(strapi.contentTypes).map((ct) => ct as ContentTypeLike);
const contentType = (strapi: Core.Strapi, uid: string) => contentTypes(strapi).find((ct) => ct.uid === uid);

/** Register phase: the `site` relation on every site-scoped type (hidden in forms, never in the public API). */
export function injectSiteAttribute(strapi: Core.Strapi): void {
  for (const ct of contentTypes(strapi)) {
    if (!isSiteScoped(ct)) continue;
    ct.attributes.site = {
      type: 'relation',
      relation: 'manyToOne',
      target: SITE_UID,
      private: true,
      visible: false,
      configurable: false,
    };
  }
}

export interface SiteRow {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  level: 'province' | 'commune' | 'department';
  primary?: boolean;
  smallBoard?: boolean;
  parent?: { id: number } | null;
}

interface ProfileRow {
  id: number;
  userId: number;
  unitId?: number | null;
  siteId?: number | null;
  acrossSites?: boolean | null;
}

/** Where a person acts: their home site and, when granted on a province profile, the sites under it. */
export interface SiteScope {
  home: SiteRow;
  /** Site ids this person reads (home first). */
  sites: number[];
  /** Sites under home this person may act on for small boards (approve, return on their behalf). */
  across: number[];
}

const idOf = (v: unknown): number | null => {
  if (v == null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'id' in (v as object)) return Number((v as { id: unknown }).id);
  return null;
};

export const refuse = (message: string): never => {
  throw new errors.ApplicationError(message);
};

export default function createSiteScope(strapi: Core.Strapi) {
  const sites = () => strapi.db.query(SITE_UID);

  const self = {
    inSite,

    async site(id: number | null): Promise<SiteRow | null> {
      return id == null ? null : ((await sites().findOne({ where: { id }, populate: ['parent'] })) as SiteRow | null);
    },

    /** The primary site (the first one when none is marked); created from the old site settings when there is none. */
    async primary(): Promise<SiteRow> {
      const marked = (await sites().findOne({ where: { primary: true }, orderBy: { id: 'asc' } })) as SiteRow | null;
      if (marked) return marked;
      const first = (await sites().findOne({ orderBy: { id: 'asc' } })) as SiteRow | null;
      if (first) return first;
      return self.migrate();
    },

    /**
     * The one-off move to sites, run at every start and a no-op once done: the single-site settings
     * become the primary site, and every row of a site-scoped type without a site joins it.
     */
    async migrate(): Promise<SiteRow> {
      let primary = (await sites().findOne({ where: { primary: true } })) as SiteRow | null;
      if (!primary) primary = (await sites().findOne({ orderBy: { id: 'asc' } })) as SiteRow | null;
      if (!primary) {
        const old = (await strapi.db.query('api::site-setting.site-setting').findOne({ populate: ['logo'] })) as OldSettings | null;
        const name = old?.portalName ?? 'Cổng thông tin điện tử';
        primary = (await strapi.db.query(SITE_UID).create({
          data: {
            name,
            slug: 'chinh',
            level: old?.adminLevel === 'province' ? 'province' : 'commune',
            primary: true,
            portalName: name,
            agencyName: old?.agencyName ?? name,
            domain: old?.domain ?? null,
            address: old?.address ?? null,
            phone: old?.phone ?? null,
            fax: old?.fax ?? null,
            email: old?.email ?? null,
            editorInCharge: old?.editorInCharge ?? null,
            licence: old?.licence ?? null,
            description: old?.description ?? null,
            footerNote: old?.footerNote ?? null,
            logo: old?.logo?.id ?? null,
          },
        })) as SiteRow;
        strapi.log.info(`sites: the single-site data became the site «${primary.name}» (#${primary.id}).`);
      }
      const linked = await self.linkOrphans(primary.id);
      if (linked) strapi.log.info(`sites: ${linked} rows without a site joined «${primary.name}».`);
      return primary;
    },

    /** Puts every row without a site into `siteId` (straight into each type's join table). */
    async linkOrphans(siteId: number): Promise<number> {
      let total = 0;
      for (const ct of contentTypes(strapi)) {
        if (!isSiteScoped(ct)) continue;
        const meta = siteJoin(strapi, ct.uid);
        const join = meta.attributes.site?.joinTable;
        if (!join) continue;
        const table = meta.tableName;
        const knex = strapi.db.connection;
        const missing = (await knex(table).select('id').whereNotIn('id', knex(join.name).select(join.joinColumn.name))) as Array<{
          id: number;
        }>;
        for (let i = 0; i < missing.length; i += 500) {
          await knex(join.name).insert(
            missing.slice(i, i + 500).map((r) => ({ [join.joinColumn.name]: r.id, [join.inverseJoinColumn.name]: siteId })),
          );
        }
        total += missing.length;
      }
      return total;
    },

    async profile(userId: number): Promise<ProfileRow | null> {
      return (await strapi.db.query(PROFILE).findOne({ where: { userId } })) as ProfileRow | null;
    },

    /** A person's home site: their profile's site, else their unit's site, else the primary site. */
    async homeOf(userId: number): Promise<SiteRow> {
      const profile = await self.profile(userId);
      let id = profile?.siteId ?? null;
      if (id == null && profile?.unitId != null) {
        const unit = (await strapi.db.query('api::unit.unit').findOne({ where: { id: profile.unitId }, populate: ['site'] })) as {
          site?: { id: number } | null;
        } | null;
        id = unit?.site?.id ?? null;
      }
      return (await self.site(id)) ?? (await self.primary());
    },

    async scopeOf(user: AdminUser | { id: number }): Promise<SiteScope> {
      const home = await self.homeOf(user.id);
      const profile = await self.profile(user.id);
      const across: number[] = [];
      if (profile?.acrossSites) {
        let level = [home.id];
        // Two levels are enough (province → commune, province → department); a cycle stops at seen ids.
        for (let depth = 0; depth < 3 && level.length; depth++) {
          const children = (await sites().findMany({ where: { parent: { id: { $in: level } } }, select: ['id'] })) as Array<{ id: number }>;
          level = children.map((c) => c.id).filter((id) => id !== home.id && !across.includes(id));
          across.push(...level);
        }
      }
      return { home, sites: [home.id, ...across], across };
    },

    /** The site of a document (any of its rows), a file or a folder. */
    async siteOf(uid: string, key: { documentId?: string; id?: number }): Promise<number | null> {
      if (!isSiteScoped(contentType(strapi, uid))) return null;
      const where = key.documentId ? { documentId: key.documentId } : { id: key.id };
      const row = (await strapi.db.query(uid as UID.Schema).findOne({ where, populate: ['site'] })) as {
        site?: { id: number } | null;
      } | null;
      return row?.site?.id ?? null;
    },

    /** Ids of the rows of `uid` that belong to none of `siteIds` (the media library's list filter). */
    async idsOutside(uid: string, siteIds: number[]): Promise<number[]> {
      const join = siteJoin(strapi, uid).attributes.site?.joinTable;
      if (!join) return [];
      const rows = (await strapi.db
        .connection(join.name)
        .select(join.joinColumn.name)
        .whereNotIn(join.inverseJoinColumn.name, siteIds)) as Array<Record<string, number>>;
      return rows.map((r) => Number(r[join.joinColumn.name]));
    },

    /** Database layer, before a row of a site-scoped type is created: the site it belongs to. */
    async siteForNewRow(uid: string, data: Record<string, unknown>): Promise<number> {
      const given = idOf(data.site);
      if (given != null && !Array.isArray(data.site)) return given;
      // The seed's site first (no query per row; the seed publishes only in the site it writes).
      const context = siteContext.getStore();
      if (context != null) return context;
      // A document's other rows (publish and discard write rows with the same documentId) keep its site.
      if (typeof data.documentId === 'string') {
        const sibling = await self.siteOf(uid, { documentId: data.documentId });
        if (sibling != null) return sibling;
      }
      const user = (strapi.requestContext.get() as { state?: { user?: AdminUser } } | undefined)?.state?.user;
      if (user?.id != null && Array.isArray(user.roles)) return (await self.homeOf(user.id)).id;
      return (await self.primary()).id;
    },

    /** Content edits (update, discard, delete, a non-workflow type's publish): the item's own site only. */
    async assertSameSite(user: AdminUser, uid: string, documentId: string): Promise<void> {
      const siteId = await self.siteOf(uid, { documentId });
      if (siteId == null) return;
      const home = await self.homeOf(user.id);
      if (siteId === home.id) return;
      const site = await self.site(siteId);
      refuse(
        `Nội dung này thuộc trang «${site?.name ?? siteId}»; tài khoản của bạn thuộc Ban Biên tập trang «${home.name}», không được thay đổi nội dung của trang khác.`,
      );
    },

    /**
     * A workflow action on an item: same site, or (small boards only) the province's editor-in-chief
     * granted the communes approving or returning on the commune's behalf. Inside one site, one person
     * taking two review steps of one item (receive and check, check and approve) is allowed only on a
     * small board. Returns what the audit entry records about the exception, if any.
     */
    async checkTransition(
      user: AdminUser,
      actor: Actor,
      uid: string,
      documentId: string,
      action: string,
    ): Promise<Record<string, unknown>> {
      const siteId = await self.siteOf(uid, { documentId });
      if (siteId == null) return {};
      const scope = await self.scopeOf(user);
      const site = await self.site(siteId);
      if (siteId !== scope.home.id) {
        const onBehalf =
          ['approve', 'return'].includes(action) &&
          actor.roles.includes('editor-in-chief') &&
          scope.across.includes(siteId) &&
          site?.smallBoard === true;
        if (!onBehalf)
          refuse(
            `Tin, bài này thuộc trang «${site?.name ?? siteId}»: chỉ Ban Biên tập của trang đó xử lý` +
              (site?.smallBoard ? '; Trưởng ban biên tập cấp trên cần được cấp quyền duyệt thay.' : '.'),
          );
        return { exception: 'on-behalf', siteId, onBehalfOf: site?.name ?? null, actorSite: scope.home.name };
      }
      if (!['verify', 'approve'].includes(action)) return {};
      const earlier = await self.stepsTakenBy(uid, documentId, user.id);
      const combined =
        action === 'approve' ? earlier.filter((a) => a === 'assign' || a === 'verify') : earlier.filter((a) => a === 'assign');
      if (!combined.length) return {};
      if (!site?.smallBoard)
        refuse(
          `Trang «${site?.name ?? siteId}» có Ban Biên tập đủ người: một người không được vừa ${combined.includes('verify') ? 'kiểm tra' : 'tiếp nhận'} vừa ${action === 'approve' ? 'duyệt' : 'kiểm tra'} cùng một tin, bài.`,
        );
      return { exception: 'combined-roles', siteId, combined: [...new Set(combined)] };
    },

    /** Review steps this user took on the item since its latest submission. */
    async stepsTakenBy(uid: string, documentId: string, userId: number): Promise<string[]> {
      const log = await getService(strapi, 'audit').history(uid, documentId);
      const since = log.map((e) => e.action).lastIndexOf('submit');
      return log
        .slice(since + 1)
        .filter((e) => e.actorId === userId)
        .map((e) => e.action);
    },
  };
  return self;
}

export const siteScope = (strapi: Core.Strapi) => getService(strapi, 'sites');

/** Bootstrap: every new row of a site-scoped type gets its site (database layer: documents, files, folders alike). */
export function registerSiteAssignment(strapi: Core.Strapi): void {
  const models = contentTypes(strapi)
    .filter(isSiteScoped)
    .map((ct) => ct.uid);
  strapi.db.lifecycles.subscribe({
    models,
    async beforeCreate(event: { model: { uid: string }; params: { data?: Record<string, unknown> } }) {
      if (!event.params.data) event.params.data = {};
      const data = event.params.data;
      data.site = await siteScope(strapi).siteForNewRow(event.model.uid, data);
    },
  });
}
