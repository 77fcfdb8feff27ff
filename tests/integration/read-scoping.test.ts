// Read scoping per role (issue 20): what each role may read, checked on the server over real HTTP.
import { beforeAll, describe, expect, it } from 'vitest';
import { CM, cmCreate, validArticle } from '../helpers/content.ts';
import { adminToken, http } from '../helpers/http.ts';

const ARTICLE = 'api::article.article';
const WORKFLOW_TYPES = [
  'api::article.article',
  'api::document.document',
  'api::procedure.procedure',
  'api::question.question',
  'api::page.page',
  'api::schedule.schedule',
  'api::contact.contact',
];

describe('stored permissions', () => {
  it("the contributor's read, update and delete of workflow types carry admin::is-creator, as stored", async () => {
    const token = await adminToken('strapi-super-admin');
    const roles = await http('GET', '/admin/roles', { token });
    const role = roles.body.data.find((r: any) => r.code === 'contributor');
    const stored = await http('GET', `/admin/roles/${role.id}/permissions`, { token });
    expect(stored.status).toBe(200);
    const perms = stored.body.data as Array<{ action: string; subject: string | null; conditions: string[] }>;
    const cm = perms.filter((p) => p.action.startsWith('plugin::content-manager.explorer.') && WORKFLOW_TYPES.includes(p.subject ?? ''));
    expect(cm.length).toBeGreaterThan(0);
    for (const p of cm) {
      if (p.action.endsWith('.create')) expect(p.conditions, `${p.action} ${p.subject}`).toEqual([]);
      else expect(p.conditions, `${p.action} ${p.subject}`).toEqual(['admin::is-creator']);
    }
  });
});

describe('the contributor reads only their own items', () => {
  let own = '';
  let others = '';
  beforeAll(async () => {
    const mine = await cmCreate(ARTICLE, validArticle({ title: `Bài của cộng tác viên ${Date.now()}` }), 'contributor');
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    own = mine.body.data.documentId;
    const chief = await cmCreate(
      ARTICLE,
      validArticle({
        title: `Bài nháp của trưởng ban ${Date.now()}`,
        provenance: { authorName: 'Trưởng ban', authorAddress: 'ĐỊA-CHỈ-RIÊNG' },
      }),
      'editor-in-chief',
    );
    expect(chief.status, JSON.stringify(chief.body)).toBe(201);
    others = chief.body.data.documentId;
  });

  it('list: own draft yes, the editor-in-chief’s draft no', async () => {
    const token = await adminToken('contributor');
    const list = await http('GET', `${CM}/${ARTICLE}?page=1&pageSize=100&sort=updatedAt:DESC`, { token });
    expect(list.status).toBe(200);
    const ids = list.body.results.map((r: any) => r.documentId);
    expect(ids).toContain(own);
    expect(ids).not.toContain(others);
    expect(JSON.stringify(list.body)).not.toContain('ĐỊA-CHỈ-RIÊNG');
  });

  it('by id: own draft yes, the editor-in-chief’s draft refused', async () => {
    const token = await adminToken('contributor');
    expect((await http('GET', `${CM}/${ARTICLE}/${own}`, { token })).status).toBe(200);
    const res = await http('GET', `${CM}/${ARTICLE}/${others}`, { token });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('ĐỊA-CHỈ-RIÊNG');
  });
});

describe('finance: royalty routes only', () => {
  const editorialRoutes: Array<[string, string, unknown?]> = [
    ['POST', '/editorial/transition', { uid: ARTICLE, documentId: 'x', action: 'submit' }],
    ['GET', `/editorial/history/${ARTICLE}/x`],
    ['GET', `/editorial/panel/${ARTICLE}/x`],
    ['GET', `/editorial/stages/${ARTICLE}`],
    ['GET', '/editorial/editors'],
    ['GET', '/editorial/queue'],
    ['GET', '/editorial/audit/verify'],
    ['GET', '/editorial/profiles'],
    ['PUT', '/editorial/profiles/1', { unitId: null, fieldIds: [] }],
    ['GET', `${CM}/${ARTICLE}`],
    ['GET', `${CM}/api::question.question`],
  ];
  it.each(editorialRoutes)('%s %s answers 403', async (method, path, body) => {
    const res = await http(method, path, { token: await adminToken('finance'), body });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
  });

  it('the royalty routes still answer', async () => {
    const token = await adminToken('finance');
    for (const path of [
      '/editorial/reports/access',
      '/editorial/reports/royalty',
      '/editorial/reports/rates',
      '/editorial/reports/export/royalty/csv',
    ]) {
      const res = await http('GET', path, { token });
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it('board members keep the editorial routes', async () => {
    for (const role of ['contributor', 'portal-admin', 'editor', 'editor-in-chief', 'inspector']) {
      const res = await http('GET', '/editorial/queue', { token: await adminToken(role) });
      expect(res.status, role).toBe(200);
    }
  });
});

describe("askers' contact details", () => {
  const QUESTION = 'api::question.question';
  let id = '';
  const phone = `09${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    const res = await cmCreate(
      QUESTION,
      {
        title: `Câu hỏi có liên hệ ${Date.now()}`,
        question: 'Xin hỏi?',
        askerName: 'Lê Văn C',
        askerPhone: phone,
        askerEmail: 'le.van.c@example.invalid',
        askerAddress: 'Ấp 1',
      },
      'portal-admin',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.data.documentId;
  });

  const contactReads = async () => {
    const h = await http('GET', `/editorial/history/${QUESTION}/${id}`, { token: await adminToken('inspector') });
    expect(h.status).toBe(200);
    return (h.body.data as any[]).filter((e) => e.action === 'contact-read');
  };

  it('are never in lists, for any role', async () => {
    for (const role of ['portal-admin', 'editor-in-chief', 'inspector', 'editor']) {
      const list = await http('GET', `${CM}/${QUESTION}?page=1&pageSize=100&sort=updatedAt:DESC`, { token: await adminToken(role) });
      expect(list.status, role).toBe(200);
      expect(JSON.stringify(list.body), role).not.toContain(phone);
    }
  });

  it('are read by the portal administrator, the editor-in-chief and the inspector, each read logged', async () => {
    for (const role of ['portal-admin', 'editor-in-chief', 'inspector']) {
      const before = (await contactReads()).length;
      const res = await http('GET', `${CM}/${QUESTION}/${id}`, { token: await adminToken(role) });
      expect(res.status, role).toBe(200);
      expect(res.body.data.askerPhone, role).toBe(phone);
      const after = await contactReads();
      expect(after.length, role).toBe(before + 1);
      const last = after.at(-1);
      expect(last.actorRoles).toContain(role);
      expect(last.actorId).toBeGreaterThan(0);
      expect(last.meta.fields).toEqual(['askerPhone', 'askerEmail', 'askerAddress']);
      expect(Date.now() - Date.parse(last.at)).toBeLessThan(60_000);
    }
  });

  it('the editor reads them only once the question is assigned to them', async () => {
    const token = await adminToken('editor');
    const before = (await contactReads()).length;
    const unassigned = await http('GET', `${CM}/${QUESTION}/${id}`, { token });
    expect(unassigned.status).toBe(200);
    expect(JSON.stringify(unassigned.body)).not.toContain(phone);
    expect((await contactReads()).length).toBe(before);
    const submit = await http('POST', '/editorial/transition', {
      token: await adminToken('portal-admin'),
      body: { uid: QUESTION, documentId: id, action: 'submit' },
    });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
    const editors = await http('GET', '/editorial/editors', { token: await adminToken('portal-admin') });
    const editorId = editors.body.data[0].id;
    const assign = await http('POST', '/editorial/transition', {
      token: await adminToken('portal-admin'),
      body: { uid: QUESTION, documentId: id, action: 'assign', assigneeId: editorId },
    });
    expect(assign.status, JSON.stringify(assign.body)).toBe(200);
    const assigned = await http('GET', `${CM}/${QUESTION}/${id}`, { token });
    expect(assigned.body.data.askerPhone).toBe(phone);
    expect((await contactReads()).at(-1).actorRoles).toContain('editor');
  });

  it('the contributor and finance read no question of a citizen', async () => {
    expect((await http('GET', `${CM}/${QUESTION}/${id}`, { token: await adminToken('contributor') })).status).toBe(403);
    const list = await http('GET', `${CM}/${QUESTION}?page=1&pageSize=100`, { token: await adminToken('contributor') });
    expect(JSON.stringify(list.body)).not.toContain(phone);
    expect((list.body.results ?? []).map((r: any) => r.documentId)).not.toContain(id);
    expect((await http('GET', `${CM}/${QUESTION}/${id}`, { token: await adminToken('finance') })).status).toBe(403);
  });
});
