import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PURGE_ROLES, purgeRefusal } from '@cong-ttdt/workflow';
import { type AdminUser, displayName, toActor } from '../actor';
import { purgeScope, transitionScope } from '../context';
import { getService } from '../seams';

const QUARANTINE = 'plugin::editorial.quarantine';
const STATE = 'plugin::editorial.review-state';
const ORIGINAL = 'plugin::editorial.original';
const FILE = 'plugin::upload.file';
const MORPH_TABLE = 'files_related_mph';

interface QuarantineRow {
  id: number;
  targetUid: string;
  targetDocumentId: string;
  title: string | null;
  reason: string;
  requestedById: number;
  requestedByRoles: string[];
  requestedAt: string;
  purgedById: number | null;
  purgedAt: string | null;
}

type QueryBuilder = ReturnType<Core.Strapi['db']['connection']>;

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn?: { name: string };
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  on?: Record<string, string>;
}

/**
 * The rows of `uid` and of every component they hold, by type: component and dynamic-zone attributes,
 * followed down into components of components (Strapi keeps them in `<collection>_cmps` join tables).
 */
async function componentOwners(strapi: Core.Strapi, uid: string, ids: number[]): Promise<Map<string, number[]>> {
  const owners = new Map<string, number[]>();
  const visit = async (model: string, rowIds: number[]) => {
    const fresh = rowIds.filter((id) => !owners.get(model)?.includes(id));
    if (!fresh.length) return;
    owners.set(model, [...(owners.get(model) ?? []), ...fresh]);
    const attributes = (strapi.getModel(model as UID.Schema)?.attributes ?? {}) as Record<string, { type: string; component?: string }>;
    const meta = strapi.db.metadata.get(model).attributes as Record<string, { joinTable?: JoinTable }>;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.type !== 'component' && attribute.type !== 'dynamiczone') continue;
      const table = meta[name]?.joinTable;
      if (!table) throw new Error(`purge: no join table for ${model}.${name}`);
      const idColumn = table.inverseJoinColumn?.name ?? table.morphColumn!.idColumn.name;
      const typeColumn = table.morphColumn?.typeColumn.name;
      const links = (await strapi.db
        .connection(table.name)
        .where(table.on ?? {})
        .whereIn(table.joinColumn.name, fresh)
        .select(typeColumn ? [idColumn, typeColumn] : [idColumn])) as Array<Record<string, string | number>>;
      const byType = new Map<string, number[]>();
      for (const link of links) {
        const type = typeColumn ? String(link[typeColumn]) : attribute.component!;
        byType.set(type, [...(byType.get(type) ?? []), Number(link[idColumn])]);
      }
      for (const [type, componentIds] of byType) await visit(type, componentIds);
    }
  };
  await visit(uid, ids);
  return owners;
}

interface UploadService {
  remove(file: unknown): Promise<unknown>;
}

/**
 * Material stored by mistake (e.g. a classified text that reached the database some other way): the
 * editor-in-chief or Super Admin puts it in quarantine (it goes offline at once and takes no further
 * action), and the other of the two confirms the purge, which removes it from every table and the files
 * only it used from the upload folder. Both steps are audit entries; the log itself keeps only hashes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => getService(strapi, 'workflow');
  const audit = () => getService(strapi, 'audit');
  const actorOf = async (user: AdminUser) => {
    const actor = await toActor(strapi, user);
    return { id: user.id, name: displayName(user), roles: [...actor.roles] };
  };
  const assertRole = (roles: readonly string[]) => {
    if (!roles.some((r) => PURGE_ROLES.includes(r)))
      throw new errors.ForbiddenError('Chỉ Trưởng ban biên tập và Quản trị hệ thống được cách ly và xóa hẳn tài liệu lưu nhầm.');
  };

  const self = {
    /** The open quarantine of an item, if any (transitions refuse while one is open). */
    async openFor(uid: string, documentId: string): Promise<QuarantineRow | null> {
      return (await strapi.db
        .query(QUARANTINE)
        .findOne({ where: { targetUid: uid, targetDocumentId: documentId, purgedAt: { $null: true } } })) as QuarantineRow | null;
    },

    /** Refuses anyone but the two roles that quarantine and purge. */
    async assertMay(user: AdminUser): Promise<void> {
      assertRole((await actorOf(user)).roles);
    },

    async list(user: AdminUser): Promise<QuarantineRow[]> {
      assertRole((await actorOf(user)).roles);
      return (await strapi.db.query(QUARANTINE).findMany({ orderBy: { id: 'desc' }, limit: 200 })) as QuarantineRow[];
    },

    async request(input: { uid: string; documentId: string; reason: string }, user: AdminUser): Promise<QuarantineRow> {
      const actor = await actorOf(user);
      assertRole(actor.roles);
      if (!workflow().pathOf(input.uid)) throw new errors.ValidationError(`Loại nội dung ${input.uid} không thuộc quy trình biên tập.`);
      if (!input.reason?.trim()) throw new errors.ValidationError('Phải nhập lý do cách ly.');
      const draft = await workflow().loadDraft(input.uid, input.documentId);
      if (!draft) throw new errors.NotFoundError('Không tìm thấy tin, bài.');
      if (await self.openFor(input.uid, input.documentId)) throw new errors.ValidationError('Tài liệu này đã được cách ly.');
      const state = await workflow().getState(input.uid, input.documentId);
      // Offline at once: the live version is taken down (the site is rebuilt by the unpublish webhook).
      const live = await strapi.documents(input.uid as UID.ContentType).findOne({ documentId: input.documentId, status: 'published' });
      if (live) {
        await transitionScope.run({ action: 'quarantine', uid: input.uid, documentId: input.documentId }, () =>
          strapi.documents(input.uid as UID.ContentType).unpublish({ documentId: input.documentId }),
        );
        if (state) await workflow().saveState(input.uid, input.documentId, { hasLive: false });
      }
      const row = (await strapi.db.query(QUARANTINE).create({
        data: {
          targetUid: input.uid,
          targetDocumentId: input.documentId,
          title: String(draft.title ?? draft.name ?? ''),
          reason: input.reason.trim(),
          requestedById: user.id,
          requestedByRoles: actor.roles,
          requestedAt: new Date().toISOString(),
        },
      })) as QuarantineRow;
      await audit().record({
        target: { uid: input.uid, documentId: input.documentId },
        action: 'quarantine',
        from: state?.stage ?? null,
        to: 'quarantine',
        actor,
        comment: row.reason,
        meta: { quarantineId: row.id, wasLive: !!live },
      });
      return row;
    },

    /** The second person's confirmation: removes the item everywhere. */
    async purge(quarantineId: number, user: AdminUser): Promise<{ rows: number; files: number }> {
      const actor = await actorOf(user);
      assertRole(actor.roles);
      const q = (await strapi.db.query(QUARANTINE).findOne({ where: { id: quarantineId } })) as QuarantineRow | null;
      if (!q) throw new errors.NotFoundError('Không tìm thấy yêu cầu cách ly.');
      if (q.purgedAt) throw new errors.ValidationError('Tài liệu này đã được xóa hẳn.');
      const refusal = purgeRefusal({ id: q.requestedById, roles: q.requestedByRoles ?? [] }, { id: user.id, roles: actor.roles });
      if (refusal) throw new errors.ForbiddenError(refusal);
      const { targetUid: uid, targetDocumentId: documentId } = q;
      const rows = (await strapi.db.query(uid as UID.Schema).findMany({ where: { documentId }, select: ['id'] })) as Array<{ id: number }>;
      const rowIds = rows.map((r) => r.id);
      // Files only this item uses: its own media and the media of every component it holds (component and
      // dynamic-zone attributes, nested ones too); the draft and live rows are two users of the same file.
      const owners = await componentOwners(strapi, uid, rowIds);
      const mine = (b: QueryBuilder) => {
        for (const [type, ids] of owners) b.orWhere((w) => w.where('related_type', type).whereIn('related_id', ids));
      };
      const morph = () => strapi.db.connection(MORPH_TABLE);
      const used = owners.size ? ((await morph().where(mine).distinct('file_id')) as Array<{ file_id: number }>) : [];
      const fileIds: number[] = [];
      for (const { file_id } of used) {
        const others = await morph().where('file_id', file_id).whereNot(mine).count({ n: '*' });
        if (Number((others[0] as { n: number | string }).n) === 0) fileIds.push(file_id);
      }
      await purgeScope.run({ quarantineId }, async () => {
        await transitionScope.run({ action: 'purge', uid, documentId }, () =>
          strapi.documents(uid as UID.ContentType).delete({ documentId }),
        );
        await strapi.db.query(STATE).deleteMany({ where: { targetUid: uid, targetDocumentId: documentId } });
        await strapi.db.query(ORIGINAL).deleteMany({ where: { targetUid: uid, targetDocumentId: documentId } });
      });
      const upload = strapi.plugin('upload').service('upload') as UploadService;
      for (const id of fileIds) {
        const file = await strapi.db.query(FILE).findOne({ where: { id } });
        if (file) await upload.remove(file);
      }
      await strapi.db.query(QUARANTINE).update({ where: { id: q.id }, data: { purgedById: user.id, purgedAt: new Date().toISOString() } });
      await audit().record({
        target: { uid, documentId },
        action: 'purge',
        from: 'quarantine',
        to: 'purged',
        actor,
        comment: q.reason,
        meta: { quarantineId: q.id, requestedById: q.requestedById, rows: rowIds.length, files: fileIds.length },
      });
      return { rows: rowIds.length, files: fileIds.length };
    },
  };
  return self;
};
