// Read scoping per role (issue 20): what each role may read, checked on the server over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CM, cmCreate, fieldEditorId, transition, validArticle } from '../helpers/content.ts';
import { dbQuery } from '../helpers/db.ts';
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
  const stored = async (code: string) => {
    const token = await adminToken('strapi-super-admin');
    const roles = await http('GET', '/admin/roles', { token });
    const role = (roles.body.data as Array<{ id: number; code: string }>).find((r) => r.code === code)!;
    const res = await http('GET', `/admin/roles/${role.id}/permissions`, { token });
    expect(res.status).toBe(200);
    const perms = res.body.data as Array<{ action: string; subject: string | null; conditions: string[] }>;
    return perms.filter((p) => p.action.startsWith('plugin::content-manager.explorer.') && WORKFLOW_TYPES.includes(p.subject ?? ''));
  };

  it.each(['contributor', 'editor'])(
    "the %s's read and update of workflow types carry the read-scope condition, as stored",
    async (code) => {
      const cm = await stored(code);
      expect(cm.length).toBeGreaterThan(0);
      for (const p of cm) {
        if (p.action.endsWith('.create')) expect(p.conditions, `${p.action} ${p.subject}`).toEqual([]);
        else expect(p.conditions, `${p.action} ${p.subject}`).toEqual(['plugin::editorial.in-read-scope']);
      }
    },
  );

  it('the roles that read everything hold no condition on workflow types', async () => {
    for (const code of ['portal-admin', 'editor-in-chief', 'inspector']) {
      const cm = await stored(code);
      expect(cm.length, code).toBeGreaterThan(0);
      for (const p of cm) expect(p.conditions, `${code} ${p.action} ${p.subject}`).toEqual([]);
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
    const ids = list.body.results.map((r: { documentId: string }) => r.documentId);
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

describe('panels, history and clones follow the read scope', () => {
  let own = '';
  let others = '';
  beforeAll(async () => {
    own = (await cmCreate(ARTICLE, validArticle())).body.data.documentId;
    others = (await cmCreate(ARTICLE, validArticle(), 'editor-in-chief')).body.data.documentId;
  });

  it('the contributor opens the panel and history of their own item only', async () => {
    const token = await adminToken('contributor');
    for (const route of ['panel', 'history']) {
      expect((await http('GET', `/editorial/${route}/${ARTICLE}/${own}`, { token })).status, route).toBe(200);
      const res = await http('GET', `/editorial/${route}/${ARTICLE}/${others}`, { token });
      expect(res.status, route).toBe(403);
      expect(res.body.error.message, route).toContain('không được xem');
    }
  });

  it('the stage list names only items in scope', async () => {
    const res = await http('GET', `/editorial/stages/${ARTICLE}?ids=${own},${others}`, { token: await adminToken('contributor') });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data)).toEqual([own]);
  });

  it('nobody clones an item they may not read (the copy would show it)', async () => {
    const before = dbQuery<{ n: number }>('SELECT COUNT(*) AS n FROM articles')[0].n;
    for (const role of ['contributor', 'editor']) {
      const res = await http('POST', `${CM}/${ARTICLE}/clone/${others}`, { token: await adminToken(role), body: { title: 'Bản sao' } });
      expect(res.status, `${role} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(dbQuery<{ n: number }>('SELECT COUNT(*) AS n FROM articles')[0].n).toBe(before);
  });
});

describe('the field editor reads what is assigned to them or in their fields', () => {
  let editorId = 0;
  let profile: { unitId: number | null; fieldIds: number[] } = { unitId: null, fieldIds: [] };
  let field: { id: number; document_id: string };
  let unassigned = '';
  let assigned = '';
  let inField = '';
  const get = async (path: string) => http('GET', path, { token: await adminToken('editor') });
  const listed = async () =>
    ((await get(`${CM}/${ARTICLE}?page=1&pageSize=100&sort=updatedAt:DESC`)).body.results as Array<{ documentId: string }>).map(
      (r) => r.documentId,
    );

  beforeAll(async () => {
    editorId = await fieldEditorId();
    const profiles = await http('GET', '/editorial/profiles', { token: await adminToken('portal-admin') });
    const mine = (profiles.body.data.users as Array<{ id: number; unitId: number | null; fieldIds: number[] }>).find(
      (u) => u.id === editorId,
    )!;
    profile = { unitId: mine.unitId, fieldIds: mine.fieldIds };
    const fields = dbQuery<{ id: number; document_id: string }>('SELECT id, document_id FROM fields ORDER BY id');
    field = fields.find((f) => !profile.fieldIds.includes(Number(f.id)))!;
    const other = fields.find((f) => f.id !== field.id)!;
    const make = async (f: string) => (await cmCreate(ARTICLE, validArticle({ field: f }))).body.data.documentId as string;
    unassigned = await make(other.document_id);
    assigned = await make(other.document_id);
    inField = await make(field.document_id);
    for (const id of [unassigned, assigned])
      expect((await transition('contributor', { uid: ARTICLE, documentId: id, action: 'submit' })).status).toBe(200);
    const assign = await transition('portal-admin', { uid: ARTICLE, documentId: assigned, action: 'assign', assigneeId: editorId });
    expect(assign.status, JSON.stringify(assign.body)).toBe(200);
  });
  afterAll(async () => {
    await http('PUT', `/editorial/profiles/${editorId}`, { token: await adminToken('portal-admin'), body: profile });
  });

  it('an item neither assigned nor in their fields: not listed, refused by id, panel and history', async () => {
    expect(await listed()).not.toContain(unassigned);
    expect((await get(`${CM}/${ARTICLE}/${unassigned}`)).status).toBe(403);
    expect((await get(`/editorial/panel/${ARTICLE}/${unassigned}`)).status).toBe(403);
    expect((await get(`/editorial/history/${ARTICLE}/${unassigned}`)).status).toBe(403);
    const edit = await http('PUT', `${CM}/${ARTICLE}/${unassigned}`, { token: await adminToken('editor'), body: { summary: 'Sửa' } });
    expect(edit.status).toBe(403);
  });

  it('an item assigned to them: listed, read, panel and history', async () => {
    expect(await listed()).toContain(assigned);
    expect((await get(`${CM}/${ARTICLE}/${assigned}`)).status).toBe(200);
    expect((await get(`/editorial/panel/${ARTICLE}/${assigned}`)).status).toBe(200);
    expect((await get(`/editorial/history/${ARTICLE}/${assigned}`)).status).toBe(200);
  });

  it('an item of a field given to them in their profile, from then on', async () => {
    expect((await get(`${CM}/${ARTICLE}/${inField}`)).status).toBe(403);
    const put = await http('PUT', `/editorial/profiles/${editorId}`, {
      token: await adminToken('portal-admin'),
      body: { unitId: profile.unitId, fieldIds: [...profile.fieldIds, Number(field.id)] },
    });
    expect(put.status).toBe(200);
    expect(await listed()).toContain(inField);
    expect((await get(`${CM}/${ARTICLE}/${inField}`)).status).toBe(200);
    expect((await get(`/editorial/panel/${ARTICLE}/${inField}`)).status).toBe(200);
    expect(await listed()).not.toContain(unassigned);
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

  /** An audit entry of a contact read (GET /editorial/history). */
  interface ContactRead {
    action: string;
    actorId: number;
    actorRoles: string[];
    at: string;
    meta: { fields: string[] };
  }
  const contactReads = async () => {
    const h = await http('GET', `/editorial/history/${QUESTION}/${id}`, { token: await adminToken('inspector') });
    expect(h.status).toBe(200);
    return (h.body.data as ContactRead[]).filter((e) => e.action === 'contact-read');
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
      const last = after.at(-1)!;
      expect(last.actorRoles).toContain(role);
      expect(last.actorId).toBeGreaterThan(0);
      expect(last.meta.fields).toEqual(['askerPhone', 'askerEmail', 'askerAddress']);
      expect(Date.now() - Date.parse(last.at)).toBeLessThan(60_000);
    }
  });

  it('the editor reads them only once the question is assigned to them', async () => {
    const token = await adminToken('editor');
    const before = (await contactReads()).length;
    // Unassigned (and in none of their fields): not theirs to read at all.
    const unassigned = await http('GET', `${CM}/${QUESTION}/${id}`, { token });
    expect(unassigned.status).toBe(403);
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
    expect((await contactReads()).at(-1)?.actorRoles).toContain('editor');
  });

  it('the contributor and finance read no question of a citizen', async () => {
    expect((await http('GET', `${CM}/${QUESTION}/${id}`, { token: await adminToken('contributor') })).status).toBe(403);
    const list = await http('GET', `${CM}/${QUESTION}?page=1&pageSize=100`, { token: await adminToken('contributor') });
    expect(JSON.stringify(list.body)).not.toContain(phone);
    expect((list.body.results ?? []).map((r: { documentId: string }) => r.documentId)).not.toContain(id);
    expect((await http('GET', `${CM}/${QUESTION}/${id}`, { token: await adminToken('finance') })).status).toBe(403);
  });
});
