import { beforeAll, describe, expect, it } from 'vitest';
import { CM, cmCreate, cmPublish, fieldEditorId, publishThroughWorkflow, transition, validArticle } from '../helpers/content.ts';
import { dbExec, dbQuery } from '../helpers/db.ts';
import { adminToken, createApiToken, type HistoryEntry, http } from '../helpers/http.ts';

const UID = 'api::article.article';

async function snapshot(documentId: string) {
  const [panel, verify, pub] = await Promise.all([
    http('GET', `/editorial/panel/${UID}/${documentId}`, { token: await adminToken('editor-in-chief') }),
    http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') }),
    http('GET', `/api/articles/${documentId}`),
  ]);
  return {
    stage: panel.body.data.stage,
    entries: verify.body.data.entries,
    head: verify.body.data.head,
    live: pub.status === 200,
    title: pub.body?.data?.title,
  };
}

async function newArticle(stageTo: 'draft' | 'submitted' | 'assigned' | 'verified' | 'published' = 'draft') {
  const res = await cmCreate(UID, validArticle());
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.data.documentId as string;
  const steps: Array<[string, Record<string, unknown>, string]> = [
    ['contributor', { action: 'submit' }, 'submitted'],
    ['portal-admin', { action: 'assign', assigneeId: await fieldEditorId() }, 'assigned'],
    ['editor', { action: 'verify' }, 'verified'],
    ['editor-in-chief', { action: 'approve' }, 'published'],
  ];
  for (const [role, body, to] of steps) {
    if (stageTo === 'draft') break;
    const r = await transition(role, { uid: UID, documentId: id, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (to === stageTo) break;
  }
  return id;
}

describe('editorial workflow over real HTTP', () => {
  beforeAll(async () => {
    await fieldEditorId();
  });

  it('runs the whole path and records every step in a verifiable chain', async () => {
    const id = await newArticle();
    expect((await snapshot(id)).stage).toBe('draft');
    expect(await publishThroughWorkflow(UID, id)).toBe('published');
    const s = await snapshot(id);
    expect(s.live).toBe(true);
    const history = await http('GET', `/editorial/history/${UID}/${id}`, { token: await adminToken('inspector') });
    expect(history.body.data.map((e: HistoryEntry) => e.action)).toEqual(['submit', 'assign', 'verify', 'approve']);
    expect(history.body.data.every((e: HistoryEntry) => /^[0-9a-f]{64}$/.test(e.hash) && /^[0-9a-f]{64}$/.test(e.contentHash))).toBe(true);
    const verify = await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') });
    expect(verify.body.data.ok).toBe(true);
  });

  // Each forbidden call must get a 4xx and leave published state, stage, log length and chain head unchanged.
  const forbidden: Array<{
    name: string;
    stage: 'draft' | 'submitted' | 'assigned' | 'verified' | 'published';
    call: (id: string) => Promise<{ status: number; body: unknown }>;
  }> = [
    { name: 'contributor presses Publish on a draft', stage: 'draft', call: (id) => cmPublish(UID, id, 'contributor') },
    { name: 'editor-in-chief presses Publish on a draft', stage: 'draft', call: (id) => cmPublish(UID, id, 'editor-in-chief') },
    { name: 'super admin presses Publish on a verified item', stage: 'verified', call: (id) => cmPublish(UID, id, 'strapi-super-admin') },
    { name: 'editor approves', stage: 'verified', call: (id) => transition('editor', { uid: UID, documentId: id, action: 'approve' }) },
    {
      name: 'portal admin approves',
      stage: 'verified',
      call: (id) => transition('portal-admin', { uid: UID, documentId: id, action: 'approve' }),
    },
    {
      name: 'inspector verifies',
      stage: 'assigned',
      call: (id) => transition('inspector', { uid: UID, documentId: id, action: 'verify' }),
    },
    {
      name: 'contributor edits after submission',
      stage: 'submitted',
      call: async (id) => http('PUT', `${CM}/${UID}/${id}`, { token: await adminToken('contributor'), body: { title: 'Sửa trái phép' } }),
    },
    {
      name: 'contributor sets a stage in the update body',
      stage: 'submitted',
      call: async (id) =>
        http('PUT', `${CM}/${UID}/${id}`, {
          token: await adminToken('contributor'),
          body: { stage: 'published', publishedAt: new Date().toISOString() },
        }),
    },
    {
      name: 'return without a comment',
      stage: 'submitted',
      call: (id) => transition('portal-admin', { uid: UID, documentId: id, action: 'return' }),
    },
    {
      name: 'portal admin unpublishes',
      stage: 'published',
      call: async (id) => http('POST', `${CM}/${UID}/${id}/actions/unpublish`, { token: await adminToken('portal-admin'), body: {} }),
    },
    {
      name: 'editor-in-chief uses the stock Unpublish (no reason)',
      stage: 'published',
      call: async (id) => http('POST', `${CM}/${UID}/${id}/actions/unpublish`, { token: await adminToken('editor-in-chief'), body: {} }),
    },
    {
      name: 'contributor deletes a published item',
      stage: 'published',
      call: async (id) => http('DELETE', `${CM}/${UID}/${id}`, { token: await adminToken('contributor') }),
    },
    {
      name: 'bulk publish by the contributor',
      stage: 'verified',
      call: async (id) =>
        http('POST', `${CM}/${UID}/actions/bulkPublish`, { token: await adminToken('contributor'), body: { documentIds: [id] } }),
    },
    {
      name: 'withdraw without a reason',
      stage: 'published',
      call: (id) => transition('editor-in-chief', { uid: UID, documentId: id, action: 'withdraw' }),
    },
    {
      name: 'unknown field in the transition body',
      stage: 'submitted',
      call: (id) => transition('portal-admin', { uid: UID, documentId: id, action: 'assign', assigneeId: 1, stage: 'published' }),
    },
  ];

  for (const f of forbidden) {
    it(`refuses: ${f.name}`, async () => {
      const id = await newArticle(f.stage);
      const before = await snapshot(id);
      const res = await f.call(id);
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await snapshot(id)).toEqual(before);
    });
  }

  it('content-API writes with a full-access token are refused for workflow types', async () => {
    const token = await createApiToken('full-access');
    const res = await http('POST', '/api/articles', { token, body: { data: validArticle() } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const id = await newArticle('published');
    const before = await snapshot(id);
    const del = await http('DELETE', `/api/articles/${id}`, { token });
    expect(del.status).toBeGreaterThanOrEqual(400);
    expect(await snapshot(id)).toEqual(before);
  });

  it('the editor-in-chief may not approve an item they wrote (second pair of eyes)', async () => {
    const res = await cmCreate(UID, validArticle(), 'editor-in-chief');
    const id = res.body.data.documentId;
    for (const [role, body] of [
      ['editor-in-chief', { action: 'submit' }],
      ['portal-admin', { action: 'assign', assigneeId: await fieldEditorId() }],
      ['editor', { action: 'verify' }],
    ] as const) {
      expect((await transition(role, { uid: UID, documentId: id, ...body })).status).toBe(200);
    }
    const refused = await transition('editor-in-chief', { uid: UID, documentId: id, action: 'approve' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/chính mình/);
  });

  it('the stock Publish button works for the editor-in-chief on a verified item and is logged as approve', async () => {
    const id = await newArticle('verified');
    const res = await cmPublish(UID, id, 'editor-in-chief');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const s = await snapshot(id);
    expect(s.stage).toBe('published');
    expect(s.live).toBe(true);
  });

  it('return sends the item back to its author, who may edit and resubmit', async () => {
    const id = await newArticle('assigned');
    expect((await transition('editor', { uid: UID, documentId: id, action: 'return', comment: 'Bổ sung nguồn ảnh.' })).status).toBe(200);
    const edit = await http('PUT', `${CM}/${UID}/${id}`, { token: await adminToken('contributor'), body: { summary: 'Đã bổ sung' } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect((await transition('contributor', { uid: UID, documentId: id, action: 'submit' })).status).toBe(200);
  });

  it('withdraw takes the page down; editing a published item keeps the live version until approved', async () => {
    const id = await newArticle('published');
    const live = (await snapshot(id)).title;
    const edit = await http('PUT', `${CM}/${UID}/${id}`, { token: await adminToken('contributor'), body: { title: `${live} (sửa)` } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const after = await snapshot(id);
    expect(after.stage).toBe('draft');
    expect(after.title).toBe(live);
    const id2 = await newArticle('published');
    const w = await transition('editor-in-chief', { uid: UID, documentId: id2, action: 'withdraw', comment: 'Thông tin chưa chính xác.' });
    expect(w.status).toBe(200);
    expect((await snapshot(id2)).live).toBe(false);
  });

  it('the queue shows what waits for each user', async () => {
    const id = await newArticle('submitted');
    const q = await http('GET', '/editorial/queue', { token: await adminToken('portal-admin') });
    expect(q.status).toBe(200);
    expect(q.body.data.items.some((i: { documentId: string }) => i.documentId === id)).toBe(true);
    const q2 = await http('GET', '/editorial/queue', { token: await adminToken('editor') });
    expect(q2.body.data.items.some((i: { documentId: string }) => i.documentId === id)).toBe(false);
  });

  it('detects a tampered log row', async () => {
    const ok = await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') });
    expect(ok.body.data.ok).toBe(true);
    const [row] = dbQuery<{ comment: string | null }>('SELECT comment FROM editorial_review_logs WHERE seq = ?', [3]);
    dbExec('UPDATE editorial_review_logs SET comment = ? WHERE seq = ?', ['đã sửa lén', 3]);
    try {
      const bad = await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') });
      expect(bad.body.data.ok).toBe(false);
      expect(bad.body.data.firstBadSeq).toBe(3);
    } finally {
      // Put the row back so later suites sharing this CMS see an intact chain.
      if (row.comment === null) dbExec('UPDATE editorial_review_logs SET comment = NULL WHERE seq = ?', [3]);
      else dbExec('UPDATE editorial_review_logs SET comment = ? WHERE seq = ?', [row.comment, 3]);
    }
    expect((await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') })).body.data.ok).toBe(true);
    expect((await http('GET', '/editorial/audit/verify', { token: await adminToken('contributor') })).status).toBe(403);
  });
});
