// The media library under the workflow (issue 18): real multipart uploads per role against files used
// by a published, a scheduled and an in-review item, and unreferenced files; scoping of list and read
// routes; every change in the audit chain.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CM, cmCreate, fieldEditorId, publishThroughWorkflow, transition, validArticle } from '../helpers/content.ts';
import { dbQuery } from '../helpers/db.ts';
import { image } from '../helpers/files.ts';
import { adminToken, cms, createApiToken, http } from '../helpers/http.ts';

const UID = 'api::article.article';
const ROLES = ['contributor', 'portal-admin', 'editor', 'editor-in-chief', 'inspector', 'finance', 'strapi-super-admin'] as const;
type Role = (typeof ROLES)[number];

async function uploadAs(role: Role, name = 'anh.jpg', bytes?: Buffer) {
  const form = new FormData();
  form.append('files', new Blob([bytes ?? (await image('jpeg'))], { type: 'image/jpeg' }), name);
  return http('POST', '/upload', { token: await adminToken(role), body: form });
}
async function newFile(role: Role = 'contributor'): Promise<number> {
  const res = await uploadAs(role, `anh-${role}-${Date.now()}.jpg`);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body[0].id;
}

const actions = {
  async replace(role: Role, id: number) {
    const form = new FormData();
    form.append('files', new Blob([await image('jpeg')], { type: 'image/jpeg' }), 'anh-moi.jpg');
    return http('POST', `/upload?id=${id}`, { token: await adminToken(role), body: form });
  },
  async describe(role: Role, id: number) {
    const form = new FormData();
    form.append('fileInfo', JSON.stringify({ name: 'ten-moi.jpg', alternativeText: 'Chú thích mới', caption: 'Tiêu đề mới' }));
    return http('POST', `/upload?id=${id}`, { token: await adminToken(role), body: form });
  },
  async delete(role: Role, id: number) {
    return http('DELETE', `/upload/files/${id}`, { token: await adminToken(role) });
  },
};
type ActionName = keyof typeof actions;

/** What a file is: its row as the portal administrator reads it and the hash of its stored bytes. */
async function fileState(id: number) {
  const res = await http('GET', `/upload/files/${id}`, { token: await adminToken('portal-admin') });
  if (res.status === 404) return { exists: false };
  const { name, alternativeText, caption, url, updatedAt } = res.body;
  const bytes = Buffer.from(await (await fetch(cms().url + url)).arrayBuffer());
  return { exists: true, name, alternativeText, caption, updatedAt, sha: createHash('sha256').update(bytes).digest('hex') };
}
/** What a media audit entry records (the plugin's media audit). */
interface MediaLogMeta {
  oldHash?: string | null;
  newHash?: string | null;
  changes?: Record<string, { from: unknown; to: unknown }>;
  usedBy?: Array<{ uid: string }>;
}
const mediaLog = (id: number) =>
  dbQuery<{ action: string; actor_id: number; meta: string | null }>(
    "SELECT action, actor_id, meta FROM editorial_review_logs WHERE target_uid = 'plugin::upload.file' AND target_document_id = ? ORDER BY seq",
    [String(id)],
  ).map((r) => ({ ...r, meta: (typeof r.meta === 'string' ? JSON.parse(r.meta) : r.meta) as MediaLogMeta }));
const userId = async (role: Role) => (await http('GET', '/admin/users/me', { token: await adminToken(role) })).body.data.id as number;

/** An article by the contributor with this file as cover, moved to the given stage. */
async function articleWith(fileId: number, stage: 'draft' | 'assigned' | 'scheduled' | 'published') {
  const res = await cmCreate(UID, validArticle({ cover: fileId, coverAlt: 'Ảnh minh họa' }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const documentId = res.body.data.documentId as string;
  const steps: Array<[string, Record<string, unknown>]> = [
    ['contributor', { action: 'submit' }],
    ['portal-admin', { action: 'assign', assigneeId: await fieldEditorId() }],
    ['editor', { action: 'verify' }],
    [
      'editor-in-chief',
      stage === 'scheduled' ? { action: 'approve', goLiveAt: new Date(Date.now() + 3600_000).toISOString() } : { action: 'approve' },
    ],
  ];
  const upTo = { draft: 0, assigned: 2, scheduled: 4, published: 4 }[stage];
  for (const [role, body] of steps.slice(0, upTo)) {
    const r = await transition(role, { uid: UID, documentId, ...body });
    expect(r.status, `${role} ${body.action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return documentId;
}

describe('files used by content follow its workflow', () => {
  const locked: Record<string, { fileId: number; documentId: string }> = {};

  beforeAll(async () => {
    for (const stage of ['published', 'scheduled', 'assigned'] as const) {
      const fileId = await newFile('contributor');
      locked[stage] = { fileId, documentId: await articleWith(fileId, stage) };
    }
  });

  for (const stage of ['published', 'scheduled', 'assigned']) {
    it(`nobody replaces, re-describes or deletes in place a file of a ${stage} item (403, nothing changed)`, async () => {
      const { fileId, documentId } = locked[stage];
      const before = await fileState(fileId);
      const entries = mediaLog(fileId).length;
      for (const role of ROLES)
        for (const name of Object.keys(actions) as ActionName[]) {
          const res = await actions[name](role, fileId);
          expect(res.status, `${role} ${name}: ${JSON.stringify(res.body)}`).toBe(403);
        }
      expect(await fileState(fileId)).toEqual(before);
      expect(mediaLog(fileId).length).toBe(entries);
      const item = await http('GET', `/content-manager/collection-types/${UID}/${documentId}?populate=cover`, {
        token: await adminToken('editor-in-chief'),
      });
      expect(item.body.data.cover?.id).toBe(fileId);
    });
  }

  it('says why, in Vietnamese, naming the item that uses the file', async () => {
    const res = await actions.replace('contributor', locked.published.fileId);
    expect(res.body.error.message).toMatch(/đang được dùng trong «Tin thử nghiệm .*» .*: không được thay thế, sửa mô tả hay xóa tại chỗ/);
  });

  // Unreferenced files (uploaded by the contributor): the uploader and the portal administrator only.
  const mayChange: Record<Role, boolean> = {
    contributor: true,
    'portal-admin': true,
    editor: false,
    'editor-in-chief': false,
    inspector: false,
    finance: false,
    'strapi-super-admin': false,
  };
  for (const role of ROLES) {
    it(`${role} ${mayChange[role] ? 'may' : 'may not'} change an unreferenced file uploaded by the contributor`, async () => {
      for (const name of Object.keys(actions) as ActionName[]) {
        const id = await newFile('contributor');
        const before = await fileState(id);
        const res = await actions[name](role, id);
        if (!mayChange[role]) {
          expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(403);
          expect(await fileState(id)).toEqual(before);
          continue;
        }
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
        const after = await fileState(id);
        if (name === 'replace') expect(after.sha).not.toBe(before.sha);
        if (name === 'describe') expect(after).toMatchObject({ name: 'ten-moi.jpg', alternativeText: 'Chú thích mới', sha: before.sha });
        if (name === 'delete') expect(after.exists).toBe(false);
      }
    });
  }

  it('a new picture reaches the site only through the item’s reviewed revision', async () => {
    const oldId = await newFile('contributor');
    const documentId = await articleWith(oldId, 'published');
    const token = await createApiToken('read-only');
    const live = async () => (await http('GET', `/api/articles/${documentId}?populate=cover`, { token })).body.data.cover?.id;
    expect(await live()).toBe(oldId);
    const newId = await newFile('contributor');
    const edit = await http('PUT', `${CM}/${UID}/${documentId}`, { token: await adminToken('contributor'), body: { cover: newId } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(await live()).toBe(oldId);
    expect(await publishThroughWorkflow(UID, documentId)).toBe('published');
    expect(await live()).toBe(newId);
    // The old picture is used by nothing any more: its uploader may delete it.
    expect((await actions.delete('contributor', oldId)).status).toBe(200);
  });

  it('lets the uploader change a file used only by a draft', async () => {
    const id = await newFile('contributor');
    await articleWith(id, 'draft');
    expect((await actions.describe('contributor', id)).status).toBe(200);
    expect((await actions.describe('editor', id)).status).toBe(403);
  });
});

describe('who sees which uploads', () => {
  let own: number;
  let chiefs: number;
  let draftCover: number;
  let assignedCover: number;

  beforeAll(async () => {
    own = await newFile('contributor');
    chiefs = await newFile('editor-in-chief');
    draftCover = await newFile('contributor');
    await articleWith(draftCover, 'draft');
    assignedCover = await newFile('contributor');
    await articleWith(assignedCover, 'assigned');
  });

  const listed = async (role: Role) => {
    const res = await http('GET', '/upload/files?pageSize=100&sort=id:desc', { token: await adminToken(role) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return new Set((res.body.results as Array<{ id: number }>).map((f) => f.id));
  };
  const readOne = async (role: Role, id: number) => (await http('GET', `/upload/files/${id}`, { token: await adminToken(role) })).status;

  it('contributors see only their own uploads, in the list and one by one', async () => {
    const ids = await listed('contributor');
    expect(ids.has(own)).toBe(true);
    expect(ids.has(chiefs)).toBe(false);
    expect(await readOne('contributor', own)).toBe(200);
    expect(await readOne('contributor', chiefs)).toBe(403);
  });

  it('editors see unreferenced files and those of items assigned to them, not others’ drafts', async () => {
    const ids = await listed('editor');
    expect(ids.has(own)).toBe(true); // unreferenced
    expect(ids.has(assignedCover)).toBe(true);
    expect(ids.has(draftCover)).toBe(false);
    expect(await readOne('editor', draftCover)).toBe(403);
    expect(await readOne('editor', assignedCover)).toBe(200);
  });

  it('the inspector reads everything and uploads nothing; finance has no media library', async () => {
    const ids = await listed('inspector');
    for (const id of [own, chiefs, draftCover, assignedCover]) expect(ids.has(id)).toBe(true);
    expect((await uploadAs('inspector')).status).toBe(403);
    expect((await http('GET', '/upload/files', { token: await adminToken('finance') })).status).toBe(403);
    expect(await readOne('finance', own)).toBe(403);
    expect((await uploadAs('finance')).status).toBe(403);
  });

  it('bulk actions and folders are checked file by file', async () => {
    const token = await adminToken('contributor');
    const del = await http('POST', '/upload/actions/bulk-delete', { token, body: { fileIds: [own, chiefs] } });
    expect(del.status).toBe(403);
    expect((await fileState(own)).exists).toBe(true);
    const upd = await http('POST', '/upload/actions/bulk-update', {
      token: await adminToken('portal-admin'),
      body: { updates: [{ id: assignedCover, fileInfo: { alternativeText: 'đổi' } }] },
    });
    expect(upd.status).toBe(403);
    const chief = await adminToken('editor-in-chief');
    const folder = async (name: string) => {
      const res = await http('POST', '/upload/folders', { token: chief, body: { name: `${name} ${Date.now()}`, parent: null } });
      expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
      return res.body.data.id as number;
    };
    const [a, b] = [await folder('Ảnh A'), await folder('Ảnh B')];
    const move = await http('POST', '/upload/actions/bulk-move', {
      token: chief,
      body: { fileIds: [chiefs], folderIds: [a], destinationFolderId: b },
    });
    expect(move.status, JSON.stringify(move.body)).toBe(200);
    expect(mediaLog(chiefs).map((e) => e.action)).toContain('media-move');
    const rename = await http('PUT', `/upload/folders/${a}`, { token, body: { name: 'Của tôi' } });
    expect(rename.status).toBe(403);
    expect((await http('POST', '/upload/actions/upload-from-urls', { token, body: { urls: ['http://127.0.0.1/x.jpg'] } })).status).toBe(
      403,
    );
  });
});

describe('every media change is an audit entry', () => {
  it('records who, which file, old and new hash and the items using it, in the hash chain', async () => {
    const id = await newFile('contributor');
    const me = await userId('contributor');
    const before = await fileState(id);
    expect((await actions.replace('contributor', id)).status).toBe(200);
    const after = await fileState(id);
    expect((await actions.describe('portal-admin', id)).status).toBe(200);
    await articleWith(id, 'draft');
    expect((await actions.delete('contributor', id)).status).toBe(200);
    const log = mediaLog(id);
    expect(log.map((e) => e.action)).toEqual(['media-upload', 'media-replace', 'media-update', 'media-delete']);
    expect(log[0]).toMatchObject({ actor_id: me, meta: { oldHash: null, newHash: before.sha } });
    expect(log[1]).toMatchObject({ actor_id: me, meta: { oldHash: before.sha, newHash: after.sha } });
    expect(log[2].actor_id).toBe(await userId('portal-admin'));
    expect(log[2].meta.changes?.alternativeText).toEqual({ from: null, to: 'Chú thích mới' });
    expect(log[3].meta).toMatchObject({ oldHash: after.sha, newHash: null });
    expect(log[3].meta.usedBy).toEqual([expect.objectContaining({ uid: UID })]);
    const verify = await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') });
    expect(verify.body.data.ok).toBe(true);
  });

  it('refuses media writes through the content API', async () => {
    const form = new FormData();
    form.append('files', new Blob([await image('jpeg')], { type: 'image/jpeg' }), 'api.jpg');
    const tokenRes = await http('POST', '/admin/api-tokens', {
      token: await adminToken('strapi-super-admin'),
      body: { name: `media-${Date.now()}`, type: 'full-access', lifespan: null, description: 'test' },
    });
    const res = await http('POST', '/api/upload', { token: tokenRes.body.data.accessKey, body: form });
    expect(res.status).toBe(403);
  });
});
