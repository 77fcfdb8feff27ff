// Quarantine and two-person purge (issue 17): material stored by mistake goes offline at once, and only
// the editor-in-chief and Super Admin together (two people) remove it from every table and the upload folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CM, cmCreate, publishThroughWorkflow, transition, uniq, validArticle } from '../helpers/content.ts';
import { dbExec, dbQuery } from '../helpers/db.ts';
import { image } from '../helpers/files.ts';
import { adminToken, cms, http } from '../helpers/http.ts';

const UID = 'api::article.article';
const count = (sql: string, params: Array<string | number>) => Number(dbQuery<{ n: number }>(sql, params)[0].n);

async function upload(name: string): Promise<{ id: number; url: string }> {
  const form = new FormData();
  form.append('files', new Blob([await image('jpeg')], { type: 'image/jpeg' }), `${name}-${Date.now()}.jpg`);
  const up = await http('POST', '/upload', { token: await adminToken('contributor'), body: form });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  return { id: up.body[0].id, url: up.body[0].url };
}

/**
 * Links a file to the item's draft from inside its provenance component, as Strapi stores a media field of
 * a component (a row of files_related_mph naming the component's row). The model has no such field yet;
 * the purge must not depend on where the file hangs.
 */
function linkInsideComponent(documentId: string, fileId: number) {
  const [{ cmp }] = dbQuery<{ cmp: number }>(
    "SELECT c.cmp_id AS cmp FROM articles_cmps c JOIN articles a ON a.id = c.entity_id WHERE a.document_id = ? AND a.published_at IS NULL AND c.field = 'provenance'",
    [documentId],
  );
  dbExec('INSERT INTO files_related_mph (file_id, related_id, related_type, field, "order") VALUES (?, ?, ?, ?, ?)', [
    fileId,
    cmp,
    'shared.provenance',
    'attachments',
    1,
  ]);
}

describe('quarantine and purge of an item stored by mistake', () => {
  let id = '';
  let fileId = 0;
  let fileUrl = '';
  let quarantineId = 0;
  let innerFileId = 0;
  let innerFileUrl = '';
  let sharedFileId = 0;

  beforeAll(async () => {
    ({ id: fileId, url: fileUrl } = await upload('anh-cach-ly'));
    const res = await cmCreate(UID, validArticle({ cover: fileId, coverAlt: 'Ảnh' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.data.documentId;
    // Published (so the archive of originals holds it), then found to be classified: stored by mistake.
    expect(await publishThroughWorkflow(UID, id)).toBe('published');
    dbExec('UPDATE articles SET classification = ? WHERE document_id = ?', ['toi_mat', id]);
    expect(count('SELECT COUNT(*) AS n FROM editorial_originals WHERE target_document_id = ?', [id])).toBeGreaterThan(0);
    // A file used only inside one of its components, and one also used by another item (which stays).
    ({ id: innerFileId, url: innerFileUrl } = await upload('dinh-kem-cach-ly'));
    linkInsideComponent(id, innerFileId);
    ({ id: sharedFileId } = await upload('dung-chung'));
    linkInsideComponent(id, sharedFileId);
    const other = await cmCreate(UID, validArticle({ cover: sharedFileId, coverAlt: 'Ảnh dùng chung' }));
    expect(other.status, JSON.stringify(other.body)).toBe(201);
  });

  it('only the editor-in-chief or Super Admin quarantines, with a reason', async () => {
    for (const role of ['contributor', 'portal-admin', 'editor', 'inspector', 'finance']) {
      const res = await http('POST', '/editorial/quarantine', {
        token: await adminToken(role),
        body: { uid: UID, documentId: id, reason: 'Mật' },
      });
      expect(res.status, role).toBe(403);
    }
    const noReason = await http('POST', '/editorial/quarantine', {
      token: await adminToken('editor-in-chief'),
      body: { uid: UID, documentId: id, reason: ' ' },
    });
    expect(noReason.status).toBe(400);
    const res = await http('POST', '/editorial/quarantine', {
      token: await adminToken('editor-in-chief'),
      body: { uid: UID, documentId: id, reason: 'Tài liệu Tối mật đăng nhầm.' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    quarantineId = res.body.data.id;
  });

  it('goes offline at once and takes no further workflow action', async () => {
    expect((await http('GET', `/api/articles/${id}`)).status).toBe(404);
    const withdraw = await transition('editor-in-chief', { uid: UID, documentId: id, action: 'withdraw', comment: 'Gỡ' });
    expect(withdraw.status).toBe(400);
    expect(withdraw.body.error.message).toContain('cách ly');
  });

  it('while quarantined, no Content Manager write changes it: not its author, not the roles that may publish', async () => {
    const rows = () =>
      JSON.stringify(dbQuery('SELECT id, title, updated_at, published_at FROM articles WHERE document_id = ? ORDER BY id', [id]));
    const total = () => count('SELECT COUNT(*) AS n FROM articles', []);
    const before = [rows(), total()];
    for (const role of ['contributor', 'editor-in-chief', 'strapi-super-admin']) {
      const token = await adminToken(role);
      // [method, url, body, refused by the quarantine itself (the others: Strapi's 404 without a live version, or no permission)]
      const calls: Array<[string, string, unknown, boolean]> = [
        ['PUT', `${CM}/${UID}/${id}`, validArticle({ title: uniq('Sửa khi đang cách ly') }), true],
        ['POST', `${CM}/${UID}/${id}/actions/publish`, {}, true],
        ['POST', `${CM}/${UID}/clone/${id}`, validArticle({ title: uniq('Bản sao'), slug: `ban-sao-${Date.now().toString(36)}` }), true],
        ['POST', `${CM}/${UID}/${id}/actions/unpublish`, {}, false],
        ['POST', `${CM}/${UID}/${id}/actions/discard`, {}, false],
        ['POST', `${CM}/${UID}/actions/bulkPublish`, { documentIds: [id] }, false],
        ['DELETE', `${CM}/${UID}/${id}`, undefined, false],
      ];
      for (const [method, url, body, quarantined] of calls) {
        const res = await http(method, url, { token, body });
        const what = `${role} ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`;
        const bulkNothing = res.status < 300 && (res.body?.count ?? res.body?.data?.count) === 0;
        expect(res.status >= 400 || bulkNothing, what).toBe(true);
        // A role without the permission is refused by Strapi first (403); every other refusal is the quarantine's.
        if (quarantined && res.status !== 403) expect(String(res.body?.error?.message), what).toContain('cách ly');
      }
    }
    expect([rows(), total()]).toEqual(before);
  });

  it('is not purged by one person, nor by anyone but the other of the two roles', async () => {
    for (const role of ['editor-in-chief', 'portal-admin', 'contributor', 'inspector']) {
      const res = await http('POST', `/editorial/quarantine/${quarantineId}/purge`, { token: await adminToken(role), body: {} });
      expect(res.status, role).toBe(403);
    }
    expect(count('SELECT COUNT(*) AS n FROM articles WHERE document_id = ?', [id])).toBeGreaterThan(0);
  });

  it('Super Admin confirms: nothing of it is left in any table nor in the upload folder; both steps logged', async () => {
    const res = await http('POST', `/editorial/quarantine/${quarantineId}/purge`, {
      token: await adminToken('strapi-super-admin'),
      body: {},
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The cover and the file used only inside its component; not the one another item still uses.
    expect(res.body.data.files).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM articles WHERE document_id = ?', [id])).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM editorial_review_states WHERE target_document_id = ?', [id])).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM editorial_originals WHERE target_document_id = ?', [id])).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM files WHERE id = ?', [fileId])).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM files_related_mph WHERE file_id = ?', [fileId])).toBe(0);
    expect(existsSync(join(cms().env.CMS_PUBLIC_DIR, fileUrl))).toBe(false);
    expect(count('SELECT COUNT(*) AS n FROM files WHERE id = ?', [innerFileId])).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM files_related_mph WHERE file_id = ?', [innerFileId])).toBe(0);
    expect(existsSync(join(cms().env.CMS_PUBLIC_DIR, innerFileUrl))).toBe(false);
    expect(count('SELECT COUNT(*) AS n FROM files WHERE id = ?', [sharedFileId])).toBe(1);
    const log = dbQuery<{ action: string; actor_roles: string }>(
      'SELECT action, actor_roles FROM editorial_review_logs WHERE target_document_id = ? ORDER BY seq',
      [id],
    );
    expect(log.map((e) => e.action).slice(-2)).toEqual(['quarantine', 'purge']);
    expect(String(log.at(-1)!.actor_roles)).toContain('strapi-super-admin');
    const verify = await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') });
    expect(verify.body.data.ok).toBe(true);
    const again = await http('POST', `/editorial/quarantine/${quarantineId}/purge`, {
      token: await adminToken('strapi-super-admin'),
      body: {},
    });
    expect(again.status).toBe(400);
  });
});
