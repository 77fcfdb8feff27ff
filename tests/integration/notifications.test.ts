import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cmCreate, fieldEditorId, transition, validArticle } from '../helpers/content.ts';
import { cms } from '../helpers/http.ts';

const UID = 'api::article.article';
const mails = () =>
  readFileSync(cms().mailbox, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { to: string[]; raw: string })
    // Undo quoted-printable soft line breaks so a long id is found whole.
    .map((m) => ({ ...m, raw: m.raw.replace(/=\r?\n/g, '') }));

async function mailFor(documentId: string, to: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = mails().filter((m) => m.to.includes(to) && m.raw.includes(documentId));
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('e-mail notifications (SMTP configured)', () => {
  it('assign mails the field editor; return and approve mail the author; other steps mail nobody', async () => {
    const created = await cmCreate(UID, validArticle());
    const id = created.body.data.documentId as string;
    const editor = cms().accounts.editor.email;
    const author = cms().accounts.contributor.email;
    const step = async (role: string, body: Record<string, unknown>) =>
      expect((await transition(role, { uid: UID, documentId: id, ...body })).status).toBe(200);

    await step('contributor', { action: 'submit' });
    await step('portal-admin', { action: 'assign', assigneeId: await fieldEditorId() });
    expect(await mailFor(id, editor, 1)).toHaveLength(1);
    await step('editor', { action: 'return', comment: 'Bổ sung ảnh.' });
    await step('contributor', { action: 'submit' });
    await step('portal-admin', { action: 'assign', assigneeId: await fieldEditorId() });
    await step('editor', { action: 'verify' });
    await step('editor-in-chief', { action: 'approve' });
    const toAuthor = await mailFor(id, author, 2);
    expect(toAuthor).toHaveLength(2);
    expect((await mailFor(id, editor, 2)).length).toBe(2);
    // Nothing else about this item: submit and verify send no mail.
    await new Promise((r) => setTimeout(r, 1000));
    expect(mails().filter((m) => m.raw.includes(id))).toHaveLength(4);
    expect(toAuthor.every((m) => /^Subject: /m.test(m.raw))).toBe(true);
  });
});
