// Deletion and spam (issue 20): nobody deletes workflow items; the portal administrator discards spam
// questions with a reason, their contact details go at once and they leave every queue.
import { describe, expect, it } from 'vitest';
import { CM, cmCreate, transition, validArticle } from '../helpers/content.ts';
import { adminToken, type HistoryEntry, http } from '../helpers/http.ts';

const QUESTION = 'api::question.question';
const ARTICLE = 'api::article.article';

async function submittedQuestion(phone: string) {
  const res = await cmCreate(
    QUESTION,
    {
      title: `Câu hỏi quảng cáo ${Date.now()}`,
      question: 'Mua thuốc giá rẻ tại …',
      askerName: 'Spam',
      askerPhone: phone,
      askerEmail: 'spam@example.invalid',
      askerAddress: 'Không rõ',
    },
    'portal-admin',
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.data.documentId as string;
  const submit = await transition('portal-admin', { uid: QUESTION, documentId: id, action: 'submit' });
  expect(submit.status, JSON.stringify(submit.body)).toBe(200);
  return id;
}

const queueIds = async (role: string) => {
  const q = await http('GET', '/editorial/queue', { token: await adminToken(role) });
  expect(q.status).toBe(200);
  return (q.body.data.items as Array<{ documentId: string }>).map((i) => i.documentId);
};

describe('spam questions', () => {
  it('the portal administrator discards one with a reason: logged, contact details erased, out of every queue', async () => {
    const phone = `08${String(Date.now()).slice(-8)}`;
    const id = await submittedQuestion(phone);
    expect(await queueIds('portal-admin')).toContain(id);

    const noReason = await transition('portal-admin', { uid: QUESTION, documentId: id, action: 'discard' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/lý do/);

    for (const role of ['editor', 'editor-in-chief', 'contributor', 'inspector']) {
      const res = await transition(role, { uid: QUESTION, documentId: id, action: 'discard', comment: 'Thư rác' });
      expect(res.status, role).toBeGreaterThanOrEqual(400);
      expect(res.status, role).toBeLessThan(500);
    }

    const ok = await transition('portal-admin', { uid: QUESTION, documentId: id, action: 'discard', comment: 'Thư rác quảng cáo' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data.stage).toBe('discarded');

    const read = await http('GET', `${CM}/${QUESTION}/${id}`, { token: await adminToken('portal-admin') });
    expect(read.status).toBe(200);
    expect(read.body.data.askerPhone ?? null).toBeNull();
    expect(read.body.data.askerEmail ?? null).toBeNull();
    expect(read.body.data.askerAddress ?? null).toBeNull();

    const history = await http('GET', `/editorial/history/${QUESTION}/${id}`, { token: await adminToken('inspector') });
    const entry = (history.body.data as HistoryEntry[]).find((e) => e.action === 'discard');
    expect(entry).toMatchObject({ fromStage: 'submitted', toStage: 'discarded', comment: 'Thư rác quảng cáo' });
    expect(entry?.actorRoles).toContain('portal-admin');

    for (const role of ['portal-admin', 'editor', 'editor-in-chief', 'contributor']) expect(await queueIds(role), role).not.toContain(id);
    // Final: nothing else happens to it.
    const again = await transition('portal-admin', { uid: QUESTION, documentId: id, action: 'assign', assigneeId: 1 });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  it('only questions are discarded', async () => {
    const created = await cmCreate(ARTICLE, validArticle(), 'contributor');
    const id = created.body.data.documentId;
    expect((await transition('contributor', { uid: ARTICLE, documentId: id, action: 'submit' })).status).toBe(200);
    const res = await transition('portal-admin', { uid: ARTICLE, documentId: id, action: 'discard', comment: 'Thư rác' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/câu hỏi/);
  });
});

describe('deletion: nobody deletes workflow items', () => {
  it("the author's own never-submitted draft is not deleted either, and stays", async () => {
    const created = await cmCreate(ARTICLE, validArticle(), 'contributor');
    const id = created.body.data.documentId;
    for (const role of ['contributor', 'portal-admin', 'editor-in-chief', 'strapi-super-admin']) {
      const res = await http('DELETE', `${CM}/${ARTICLE}/${id}`, { token: await adminToken(role) });
      expect(res.status, `${role} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, role).toBeLessThan(500);
    }
    expect((await http('GET', `${CM}/${ARTICLE}/${id}`, { token: await adminToken('contributor') })).status).toBe(200);
  });
});
