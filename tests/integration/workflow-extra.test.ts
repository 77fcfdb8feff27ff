// Remaining promises of the workflow: clone by role, role changes written to the log, and a log that no
// API can edit or delete.
import { describe, expect, it } from 'vitest';
import { CM, cmCreate, validArticle } from '../helpers/content.ts';
import { dbQuery } from '../helpers/db.ts';
import { adminToken, http } from '../helpers/http.ts';

const UID = 'api::article.article';
const verify = async () => (await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') })).body.data;

describe('clone', () => {
  const cases: Array<[string, boolean]> = [
    ['contributor', true],
    ['portal-admin', true],
    ['editor', true],
    ['editor-in-chief', true],
    ['inspector', false],
    ['finance', false],
    ['strapi-super-admin', false],
  ];
  for (const [role, allowed] of cases) {
    it(`${role} ${allowed ? 'gets a new draft of their own' : 'is refused'}`, async () => {
      // The field editor clones only what they may read (their own here; read-scoping.test.ts covers the rest).
      const source = (await cmCreate(UID, validArticle(), role === 'editor' ? 'editor' : 'contributor')).body.data.documentId as string;
      const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
      const before = dbQuery<{ n: number }>('SELECT COUNT(*) AS n FROM articles')[0].n;
      const res = await http('POST', `${CM}/${UID}/clone/${source}`, {
        token: await adminToken(role),
        body: { title: `Bản sao ${stamp}`, slug: `ban-sao-${stamp}` },
      });
      if (allowed) {
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
        const id = res.body.data.documentId as string;
        const panel = await http('GET', `/editorial/panel/${UID}/${id}`, {
          token: await adminToken(role === 'contributor' ? 'contributor' : 'editor-in-chief'),
        });
        expect(panel.body.data.stage).toBe('draft');
        const me = await http('GET', '/admin/users/me', { token: await adminToken(role) });
        const state = dbQuery<{ author_id: number }>('SELECT author_id FROM editorial_review_states WHERE target_document_id = ?', [id]);
        expect(Number(state[0].author_id)).toBe(me.body.data.id);
      } else {
        expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(dbQuery<{ n: number }>('SELECT COUNT(*) AS n FROM articles')[0].n).toBe(before);
      }
    });
  }
});

describe('audit log', () => {
  it("records every change of a user's roles", async () => {
    const sa = await adminToken('strapi-super-admin');
    const roles = (await http('GET', '/admin/roles', { token: sa })).body.data as Array<{ id: number; code: string }>;
    const roleId = (code: string) => roles.find((r) => r.code === code)!.id;
    const email = `nguoi-moi-${Date.now()}@test.example.com`;
    const created = await http('POST', '/admin/users', {
      token: sa,
      body: { firstname: 'Người', lastname: 'Mới', email, roles: [roleId('contributor')] },
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const userId = created.body.data.id as number;
    const updated = await http('PUT', `/admin/users/${userId}`, {
      token: sa,
      body: { roles: [roleId('contributor'), roleId('inspector')] },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const entries = dbQuery<{ action: string; meta: unknown }>(
      'SELECT action, meta FROM editorial_review_logs WHERE target_uid = ? AND target_document_id = ?',
      ['admin::user', String(userId)],
    );
    expect(entries.some((e) => e.action === 'roles-changed' && JSON.stringify(e.meta).includes('inspector'))).toBe(true);
    expect((await verify()).ok).toBe(true);
  });

  it('no API edits or deletes log entries, Super Admin included', async () => {
    // Created first: creating a token is itself an entry of the chain (an account event).
    const full = await createFullToken();
    const before = await verify();
    const [row] = dbQuery<{ id: number; document_id: string }>('SELECT id, document_id FROM editorial_review_logs ORDER BY seq LIMIT 1');
    for (const role of ['strapi-super-admin', 'editor-in-chief', 'inspector']) {
      const token = await adminToken(role);
      const uid = 'plugin::editorial.review-log';
      for (const [method, path, body] of [
        ['PUT', `${CM}/${uid}/${row.document_id}`, { comment: 'sửa' }],
        ['DELETE', `${CM}/${uid}/${row.document_id}`, undefined],
        ['POST', `${CM}/${uid}`, { action: 'fake', toStage: 'published' }],
        ['POST', `${CM}/${uid}/actions/bulkDelete`, { documentIds: [row.document_id] }],
      ] as const) {
        const res = await http(method, path, { token, body });
        expect(res.status, `${role} ${method} ${path}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    for (const [method, path] of [
      ['PUT', `/api/review-logs/${row.document_id}`],
      ['DELETE', `/api/review-logs/${row.document_id}`],
    ] as const) {
      const res = await http(method, path, { token: full, body: method === 'PUT' ? { data: { comment: 'x' } } : undefined });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await verify()).toEqual(before);
  });
});

async function createFullToken() {
  const { createApiToken } = await import('../helpers/http.ts');
  return createApiToken('full-access');
}
