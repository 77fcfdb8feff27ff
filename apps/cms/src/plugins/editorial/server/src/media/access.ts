import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { STAGE_LABELS, type Actor, type Stage } from '@cong-ttdt/workflow';
import { OVERSEERS, UPLOADERS } from '../roles-access';
import { type DocumentRow, isContentTypeUid, query, titleOf } from '../seams';
import type { ReviewState } from '../services/workflow';

export const FILE_UID = 'plugin::upload.file';
export const FOLDER_UID = 'plugin::upload.folder';
// Strapi's morph join table of files: one row per (file, entry row, field), drafts and published rows apart.
export const MORPH_TABLE = 'files_related_mph';
// A file used by an item at one of these stages (or by a live version) changes only through review.
const LOCKING_STAGES: readonly string[] = ['submitted', 'assigned', 'verified', 'scheduled', 'published'];

export interface MediaFile {
  id: number;
  documentId?: string;
  name: string;
  alternativeText?: string | null;
  caption?: string | null;
  url: string;
  provider: string;
  folderPath?: string | null;
  createdBy?: { id: number } | null;
  folder?: { id: number } | null;
  /** The site the file belongs to (site-scope.ts). */
  site?: { id: number } | null;
}

/** One item using a file (one entry row: the draft and the live version of an item are two). */
export interface FileRef {
  uid: string;
  documentId: string | null;
  title: string;
  live: boolean;
  stage: Stage | null;
  assigneeId: number | null;
  fieldId: number | null;
}

// Id lists are queried in slices: SQLite and PostgreSQL cap the parameters of one statement.
const SLICE = 500;
async function inSlices<T>(ids: readonly number[], run: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(...(await run(ids.slice(i, i + SLICE))));
  return out;
}

const has = (actor: Actor, ...roles: string[]) => actor.roles.some((r) => roles.includes(r));
const sameId = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b);

/** Roles that see the whole media library. */
const READ_ALL = OVERSEERS;

export const isOwner = (actor: Actor, file: Pick<MediaFile, 'createdBy'>) => sameId(file.createdBy?.id, actor.id);

export function canUpload(actor: Actor): boolean {
  return has(actor, ...UPLOADERS);
}

export function canRead(actor: Actor, file: MediaFile, refs: FileRef[]): boolean {
  if (has(actor, ...READ_ALL)) return true;
  if (has(actor, 'contributor') && isOwner(actor, file)) return true;
  if (has(actor, 'editor'))
    return (
      isOwner(actor, file) ||
      refs.length === 0 ||
      refs.some((r) => sameId(r.assigneeId, actor.id) || (r.fieldId != null && (actor.fieldIds ?? []).some((f) => sameId(f, r.fieldId))))
    );
  return false;
}

/** Why this user may not replace, re-describe, move or delete the file in place (null: allowed). */
export function changeRefusal(actor: Actor, file: MediaFile, refs: FileRef[]): string | null {
  if (!canUpload(actor)) return 'Tài khoản của bạn không được thay đổi thư viện tệp.';
  if (!isOwner(actor, file) && !has(actor, 'portal-admin'))
    return `Chỉ người đã tải lên và Quản trị cổng được thay đổi tệp «${file.name}».`;
  const lock = refs.find((r) => r.live || (r.stage != null && LOCKING_STAGES.includes(r.stage)));
  if (lock) {
    const where = lock.live ? 'bản đang công khai' : STAGE_LABELS[lock.stage as Stage];
    return (
      `Tệp «${file.name}» đang được dùng trong «${lock.title}» (${where}): không được thay thế, sửa mô tả hay xóa tại chỗ. ` +
      'Hãy tải lên tệp mới và chọn nó trong bản sửa của tin, bài để được duyệt như mọi thay đổi khác.'
    );
  }
  return null;
}

export default (strapi: Core.Strapi) => {
  const self = {
    async files(ids: number[]): Promise<MediaFile[]> {
      if (!ids.length) return [];
      return inSlices(
        ids,
        async (slice) =>
          (await strapi.db
            .query(FILE_UID)
            .findMany({ where: { id: { $in: slice } }, populate: ['createdBy', 'folder', 'site'] })) as MediaFile[],
      );
    },

    /** Files inside these folders, sub-folders included (deleting a folder deletes them). */
    async filesInFolders(folderIds: number[]): Promise<MediaFile[]> {
      if (!folderIds.length) return [];
      const folders = (await strapi.db.query(FOLDER_UID).findMany({ where: { id: { $in: folderIds } }, select: ['id', 'path'] })) as Array<{
        path: string;
      }>;
      if (!folders.length) return [];
      return (await strapi.db.query(FILE_UID).findMany({
        where: { $or: folders.flatMap((f) => [{ folderPath: f.path }, { folderPath: { $startsWith: `${f.path}/` } }]) },
        populate: ['createdBy', 'folder', 'site'],
      })) as MediaFile[];
    },

    /** Which items use each file, with their review state, from Strapi's morph table of files. */
    async references(fileIds: number[]): Promise<Map<number, FileRef[]>> {
      const out = new Map<number, FileRef[]>(fileIds.map((id) => [id, []]));
      if (!fileIds.length) return out;
      const rows = await inSlices(
        fileIds,
        async (slice) =>
          (await strapi.db.connection(MORPH_TABLE).whereIn('file_id', slice).select('file_id', 'related_id', 'related_type')) as Array<{
            file_id: number;
            related_id: number;
            related_type: string;
          }>,
      );
      const byType = new Map<string, number[]>();
      for (const r of rows) byType.set(r.related_type, [...(byType.get(r.related_type) ?? []), r.related_id]);
      const entries = new Map<string, DocumentRow & { __uid: string }>();
      for (const [uid, ids] of byType) {
        if (!isContentTypeUid(strapi, uid)) continue;
        const found = await inSlices(ids, (slice) => query<DocumentRow>(strapi, uid).findMany({ where: { id: { $in: slice } } }));
        for (const e of found) entries.set(`${uid}:${e.id}`, { ...e, __uid: uid });
      }
      // Review states, one query per type (the list route asks for every referenced file at once).
      const states = new Map<string, ReviewState>();
      const docsByType = new Map<string, Set<string>>();
      for (const e of entries.values()) if (e.documentId) docsByType.set(e.__uid, (docsByType.get(e.__uid) ?? new Set()).add(e.documentId));
      for (const [uid, docs] of docsByType) {
        const list = [...docs];
        for (let i = 0; i < list.length; i += SLICE) {
          const found = await query<ReviewState>(strapi, 'plugin::editorial.review-state').findMany({
            where: { targetUid: uid, targetDocumentId: { $in: list.slice(i, i + SLICE) } },
          });
          for (const st of found) states.set(`${uid}:${st.targetDocumentId}`, st);
        }
      }
      for (const r of rows) {
        const e = entries.get(`${r.related_type}:${r.related_id}`);
        const documentId = e?.documentId ?? null;
        const state = documentId ? states.get(`${r.related_type}:${documentId}`) : null;
        out.get(Number(r.file_id))?.push({
          uid: r.related_type,
          documentId,
          title: String(titleOf(e) ?? documentId ?? r.related_type),
          // A row with publishedAt is a live version; components and unknown rows count as live (deny by default).
          live: !e || e.publishedAt != null,
          stage: state?.stage ?? null,
          assigneeId: state?.assigneeId ?? null,
          fieldId: state?.fieldId ?? null,
        });
      }
      return out;
    },

    /** SHA-256 of the stored bytes (local disk or the provider's URL); null when they cannot be read. */
    async storedHash(file: Pick<MediaFile, 'url' | 'provider'> | null): Promise<string | null> {
      if (!file?.url) return null;
      try {
        const bytes =
          file.provider === 'local'
            ? await readFile(join(strapi.dirs.static.public, file.url.split('?')[0]))
            : Buffer.from(await (await fetch(file.url, { signal: AbortSignal.timeout(10_000) })).arrayBuffer());
        return createHash('sha256').update(bytes).digest('hex');
      } catch {
        return null;
      }
    },
  };
  return self;
};
