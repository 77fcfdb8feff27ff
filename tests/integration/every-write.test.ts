// Every way a write reaches the data goes through the same rules (issue 17): the save rules on every
// Document Service action that carries data (clone included); Strapi's own Publish is the workflow's approve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CM, cmCreate, cmPublish, fieldEditorId, publishThroughWorkflow, transition, uniq, validArticle } from '../helpers/content.ts';
import { dbExec, dbQuery } from '../helpers/db.ts';
import { adminToken, cms, http, type Refusal } from '../helpers/http.ts';

const ARTICLE = 'api::article.article';
const DOCUMENT = 'api::document.document';
const count = (table: string) => Number(dbQuery<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)[0].n);

const validDocument = () => ({
  number: uniq('05/2026/QĐ-UBND').replace(/ /g, '-'),
  title: 'Về việc thử nghiệm nhân bản',
  docType: 'decision',
  level: 'commune',
  issuingBody: 'UBND huyện Hòa Bình',
  issueDate: '2026-01-05',
  classification: 'thuong',
  inForce: 'auto',
  disclosure: 'none',
});

async function clone(uid: string, source: string, body: Record<string, unknown>, role = 'contributor') {
  return http('POST', `${CM}/${uid}/clone/${source}`, { token: await adminToken(role), body });
}

function expectRefused(res: Refusal, message: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.message).toMatch(message);
}

describe('save rules on clone', () => {
  it('refuses a classified clone of an article, the author’s own draft', async () => {
    const source = (await cmCreate(ARTICLE, validArticle())).body.data.documentId as string;
    const before = count('articles');
    expectRefused(await clone(ARTICLE, source, { title: uniq('Bản sao mật'), classification: 'toi_mat' }), /độ mật/);
    expect(count('articles')).toBe(before);
  });

  it('refuses a classified clone of another author’s published article', async () => {
    const source = (await cmCreate(ARTICLE, validArticle())).body.data.documentId as string;
    expect(await publishThroughWorkflow(ARTICLE, source)).toBe('published');
    const before = count('articles');
    expectRefused(await clone(ARTICLE, source, { classification: 'tuyet_mat' }, 'editor-in-chief'), /độ mật/);
    expect(count('articles')).toBe(before);
  });

  it('refuses a classified clone of a legal document', async () => {
    const created = await cmCreate(DOCUMENT, validDocument());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const before = count('documents');
    const res = await clone(DOCUMENT, created.body.data.documentId, {
      number: uniq('06/2026/QĐ-UBND').replace(/ /g, '-'),
      classification: 'mat',
    });
    expectRefused(res, /độ mật/);
    expect(count('documents')).toBe(before);
  });

  it('applies the provenance rules to the clone (source and body together)', async () => {
    const source = (await cmCreate(ARTICLE, validArticle())).body.data.documentId as string;
    const before = count('articles');
    expectRefused(
      await clone(ARTICLE, source, { provenance: { authorName: 'Nguyễn Văn A', authorAddress: '' } }),
      /họ tên và địa chỉ của tác giả/,
    );
    expectRefused(await clone(ARTICLE, source, { kind: 'translated' }), /sưu tầm hoặc dịch/);
    expect(count('articles')).toBe(before);
  });

  it('converts legacy TCVN3 text in a clone and gives it a slug of its own', async () => {
    const fixtures = join(import.meta.dirname, '..', '..', 'packages', 'vn-text', 'test', 'fixtures');
    const tcvn3 = new TextDecoder('windows-1252').decode(readFileSync(join(fixtures, 'tcvn3.bin'))).split('\n');
    const unicode = readFileSync(join(fixtures, 'tcvn3.source.txt'), 'utf8').split('\n');
    const created = await cmCreate(ARTICLE, validArticle());
    const res = await clone(ARTICLE, created.body.data.documentId, { summary: tcvn3[0] });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    const id = res.body.data.documentId as string;
    const read = await http('GET', `${CM}/${ARTICLE}/${id}`, { token: await adminToken('contributor') });
    expect(read.body.data.summary).toBe(unicode[0]);
    expect(read.body.data.slug).not.toBe(created.body.data.slug);
    expect(read.body.data.slug.startsWith(created.body.data.slug)).toBe(true);
    const panel = await http('GET', `/editorial/panel/${ARTICLE}/${id}`, { token: await adminToken('contributor') });
    expect(panel.body.data.conversionNote).toMatch(/TCVN3\/VNI sang Unicode/);
  });
});

const mailsAbout = (documentId: string, to: string) =>
  readFileSync(cms().mailbox, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { to: string[]; raw: string })
    .filter((m) => m.to.includes(to) && m.raw.replace(/=\r?\n/g, '').includes(documentId));

async function step(role: string, documentId: string, body: Record<string, unknown>) {
  const res = await transition(role, { uid: ARTICLE, documentId, ...body });
  expect(res.status, `${role} ${body.action}: ${JSON.stringify(res.body)}`).toBe(200);
}

async function toVerified(documentId: string) {
  await step('contributor', documentId, { action: 'submit' });
  await step('portal-admin', documentId, { action: 'assign', assigneeId: await fieldEditorId() });
  await step('editor', documentId, { action: 'verify' });
}

const stateOf = (documentId: string) =>
  dbQuery<{ stage: string; royalty_grade: number | null; expires_at: string | null; has_live: number | boolean }>(
    'SELECT stage, royalty_grade, expires_at, has_live FROM editorial_review_states WHERE target_document_id = ?',
    [documentId],
  )[0];

/** What a refused call must leave unchanged: the item's rows, its stage, the log and the archive. */
const digest = (documentId: string) =>
  JSON.stringify({
    rows: dbQuery('SELECT id, published_at, summary FROM articles WHERE document_id = ? ORDER BY id', [documentId]),
    state: stateOf(documentId),
    log: dbQuery('SELECT COUNT(*) AS n, MAX(seq) AS head FROM editorial_review_logs'),
    originals: dbQuery('SELECT COUNT(*) AS n FROM editorial_originals'),
  });

describe('the stock Publish button is the workflow approve', () => {
  it('editor-in-chief on a verified revision: archives what goes public, records the grade, logs the same entry', async () => {
    const id = (await cmCreate(ARTICLE, validArticle())).body.data.documentId as string;
    await toVerified(id);
    const expiresAt = new Date(Date.now() + 30 * 86400_000).toISOString();
    await step('editor-in-chief', id, { action: 'approve', royaltyGrade: 1.5, expiresAt });
    expect(stateOf(id)).toMatchObject({ stage: 'published', royalty_grade: 1.5 });
    // A revision, changed by the field editor during review, approved with the stock button.
    const token = async (role: string) => ({ token: await adminToken(role) });
    expect((await http('PUT', `${CM}/${ARTICLE}/${id}`, { ...(await token('contributor')), body: { summary: 'Bản sửa' } })).status).toBe(
      200,
    );
    await step('contributor', id, { action: 'submit' });
    await step('portal-admin', id, { action: 'assign', assigneeId: await fieldEditorId() });
    const edited = await http('PUT', `${CM}/${ARTICLE}/${id}`, { ...(await token('editor')), body: { summary: 'Biên tập viên sửa' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await step('editor', id, { action: 'verify' });
    // The first approval's mail is sent after its transition: wait for it before counting.
    const author = cms().accounts.contributor.email;
    for (const deadline = Date.now() + 20_000; mailsAbout(id, author).length < 1 && Date.now() < deadline; )
      await new Promise((r) => setTimeout(r, 200));
    const mailsBefore = mailsAbout(id, author).length;
    expect(mailsBefore).toBe(1);

    const res = await cmPublish(ARTICLE, id, 'editor-in-chief');
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    // The approval given now replaces the earlier grade and expiry (none given: the kind's default, no expiry).
    const state = stateOf(id);
    expect(state).toMatchObject({ stage: 'published', royalty_grade: null, expires_at: null });
    const [entry] = dbQuery<Record<string, unknown>>(
      'SELECT action, from_stage, to_stage, actor_id, actor_name, actor_roles, comment, meta, content_hash FROM editorial_review_logs WHERE target_document_id = ? ORDER BY seq DESC LIMIT 1',
      [id],
    );
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(entry).toMatchObject({ action: 'approve', from_stage: 'verified', to_stage: 'published', actor_name: 'editor-in-chief Test' });
    expect(json(entry.actor_roles)).toEqual(['editor-in-chief']);
    expect(json(entry.meta)).toEqual({ via: 'publish-button' });
    // The version that went public is in the archive of originals, under the hash the log entry names.
    const originals = dbQuery<{ content_hash: string; content: unknown }>(
      'SELECT content_hash, content FROM editorial_originals WHERE target_document_id = ? ORDER BY id',
      [id],
    );
    expect(originals.at(-1)!.content_hash).toBe(entry.content_hash);
    expect(JSON.stringify(originals.at(-1)!.content)).toContain('Biên tập viên sửa');
    const live = await http('GET', `/api/articles/${id}`);
    expect(live.body.data.summary).toBe('Biên tập viên sửa');
    // Approve's notification reaches the author as from the panel.
    const deadline = Date.now() + 20_000;
    while (mailsAbout(id, cms().accounts.contributor.email).length <= mailsBefore && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(mailsAbout(id, cms().accounts.contributor.email).length).toBe(mailsBefore + 1);
    const verify = await http('GET', '/editorial/audit/verify', await token('inspector'));
    expect(verify.body.data.ok).toBe(true);
  });

  for (const role of ['contributor', 'portal-admin', 'editor', 'inspector', 'finance', 'strapi-super-admin']) {
    it(`refuses the stock Publish and bulk publish by ${role}, changing nothing`, async () => {
      const id = (await cmCreate(ARTICLE, validArticle())).body.data.documentId as string;
      await toVerified(id);
      const before = digest(id);
      const single = await cmPublish(ARTICLE, id, role);
      expect(single.status, JSON.stringify(single.body)).toBeGreaterThanOrEqual(400);
      expect(single.status).toBeLessThan(500);
      const bulk = await http('POST', `${CM}/${ARTICLE}/actions/bulkPublish`, {
        token: await adminToken(role),
        body: { documentIds: [id] },
      });
      expect(bulk.status, JSON.stringify(bulk.body)).toBeGreaterThanOrEqual(400);
      expect(bulk.status).toBeLessThan(500);
      expect(digest(id)).toBe(before);
    });
  }

  it('bulk publish by the editor-in-chief approves each verified item through the same service', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const id = (await cmCreate(ARTICLE, validArticle())).body.data.documentId as string;
      await toVerified(id);
      ids.push(id);
    }
    const res = await http('POST', `${CM}/${ARTICLE}/actions/bulkPublish`, {
      token: await adminToken('editor-in-chief'),
      body: { documentIds: ids },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const id of ids) {
      expect(stateOf(id).stage).toBe('published');
      const [entry] = dbQuery<{ action: string; meta: unknown }>(
        'SELECT action, meta FROM editorial_review_logs WHERE target_document_id = ? ORDER BY seq DESC LIMIT 1',
        [id],
      );
      expect(entry.action).toBe('approve');
      expect(JSON.stringify(entry.meta)).toContain('publish-button');
    }
    // Each approval mails the author (wait for them, so no mail is still on its way when the suite ends).
    const deadline = Date.now() + 20_000;
    const mailed = () => ids.every((id) => mailsAbout(id, cms().accounts.contributor.email).length === 1);
    while (!mailed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(mailed()).toBe(true);
  });
});

describe('nothing classified is ever archived', () => {
  it('refuses to submit an item whose stored classification is not "thuong", before the archive is written', async () => {
    const id = (await cmCreate(ARTICLE, validArticle())).body.data.documentId as string;
    // A row that reached the database past the save rules (a direct query, an old import).
    dbExec('UPDATE articles SET classification = ? WHERE document_id = ?', ['toi_mat', id]);
    const before = digest(id);
    const res = await transition('contributor', { uid: ARTICLE, documentId: id, action: 'submit' });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toMatch(/độ mật/);
    expect(dbQuery('SELECT id FROM editorial_originals WHERE target_document_id = ?', [id])).toEqual([]);
    expect(digest(id)).toBe(before);
  });
});
