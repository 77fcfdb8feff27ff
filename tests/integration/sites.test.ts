// A province and its communes in one CMS (issue 28), over real HTTP on the suite's CMS: the demo has the
// province, the commune of Hòa Bình (primary; the test accounts' board, full) and the commune of Tân
// Phong (a small board). Here Tân Phong gets a one-person board and the province an editor-in-chief.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CM, fieldEditorId, uniq, validArticle } from '../helpers/content.ts';
import { adminToken, cms, http } from '../helpers/http.ts';

const ARTICLE = 'api::article.article';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface Person {
  id: number;
  token: string;
}
const sites: Record<string, { id: number; name: string }> = {};

async function person(label: string, roleCodes: string[], siteSlug: string, acrossSites = false): Promise<Person> {
  const superToken = await adminToken('strapi-super-admin');
  const roles = (await http('GET', '/admin/roles', { token: superToken })).body.data as Array<{ id: number; code: string }>;
  const email = `${label}-${randomBytes(4).toString('hex')}@example.com`;
  const invited = await http('POST', '/admin/users', {
    token: superToken,
    body: { firstname: label, lastname: 'Thử', email, roles: roles.filter((r) => roleCodes.includes(r.code)).map((r) => r.id) },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const password = `Xa-${randomBytes(12).toString('base64url')}-9k`;
  const registered = await http('POST', '/admin/register', {
    body: { registrationToken: invited.body.data.registrationToken, userInfo: { firstname: label, lastname: 'Thử', password } },
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  const id = invited.body.data.id as number;
  const profile = await http('PUT', `/editorial/profiles/${id}`, {
    token: superToken,
    body: { siteId: sites[siteSlug].id, acrossSites },
  });
  expect(profile.status, JSON.stringify(profile.body)).toBe(200);
  return { id, token: registered.body.data.token };
}

const act = (p: Person, body: Record<string, unknown>) =>
  http('POST', '/editorial/transition', { token: p.token, body: { uid: ARTICLE, ...body } });
const history = async (documentId: string) =>
  (await http('GET', `/editorial/history/${ARTICLE}/${documentId}`, { token: await adminToken('inspector') })).body.data as Array<{
    action: string;
    actorId: number | null;
    meta: Record<string, unknown> | null;
  }>;

let solo: Person; // Tân Phong's one-person board
let provinceChief: Person; // granted acting for the communes under the province
let provinceChiefNoGrant: Person;

beforeAll(async () => {
  const list = await http('GET', '/api/sites?pagination[pageSize]=100');
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  for (const s of list.body.data) sites[s.slug] = { id: s.id, name: s.name };
  expect(Object.keys(sites).sort()).toEqual(['hoa-binh', 'phu-lam', 'tan-phong']);
  solo = await person('mot-minh', ['contributor', 'portal-admin', 'editor', 'editor-in-chief'], 'tan-phong');
  provinceChief = await person('truong-ban-tinh', ['editor-in-chief'], 'phu-lam', true);
  provinceChiefNoGrant = await person('truong-ban-tinh-2', ['editor-in-chief'], 'phu-lam', false);
}, 120_000);

describe('sites as data', () => {
  it('the demo has a province and two communes, the archive commune naming its predecessor', async () => {
    const res = await http('GET', '/api/sites?pagination[pageSize]=100&populate=parent');
    const bySlug = Object.fromEntries(res.body.data.map((s: { slug: string }) => [s.slug, s]));
    expect(bySlug['phu-lam']).toMatchObject({ level: 'province', primary: false });
    expect(bySlug['hoa-binh']).toMatchObject({
      level: 'commune',
      primary: true,
      predecessorName: 'huyện Hòa Bình',
      predecessorUntil: '2025-07-01',
    });
    expect(bySlug['hoa-binh'].parent.slug).toBe('phu-lam');
    expect(bySlug['tan-phong']).toMatchObject({ level: 'commune', smallBoard: true });
  });

  it('no board member changes a site (its small-board setting included): only Super Admin', async () => {
    const res = await http(
      'PUT',
      `${CM}/api::site.site/${(await http('GET', '/api/sites?filters[slug]=tan-phong')).body.data[0].documentId}`,
      {
        token: await adminToken('portal-admin'),
        body: { smallBoard: false },
      },
    );
    expect(res.status).toBe(403);
  });
});

describe('two commune boards: cross-site actions are refused', () => {
  let theirs = '';
  beforeAll(async () => {
    const created = await http('POST', `${CM}/${ARTICLE}`, { token: solo.token, body: validArticle({ title: uniq('Tin xã Tân Phong') }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    theirs = created.body.data.documentId;
  });

  it('Hòa Bình’s board cannot edit, review or publish Tân Phong’s item', async () => {
    for (const role of ['contributor', 'portal-admin', 'editor', 'editor-in-chief']) {
      const token = await adminToken(role);
      const put = await http('PUT', `${CM}/${ARTICLE}/${theirs}`, { token, body: { title: 'Sửa trộm' } });
      expect(put.status, `${role} update`).toBeGreaterThanOrEqual(400);
      expect(put.status, `${role} update`).toBeLessThan(500);
    }
    const submit = await act(solo, { documentId: theirs, action: 'submit' });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
    const assign = await http('POST', '/editorial/transition', {
      token: await adminToken('portal-admin'),
      body: { uid: ARTICLE, documentId: theirs, action: 'assign', assigneeId: await fieldEditorId() },
    });
    expect(assign.status).toBe(400);
    expect(assign.body.error.message).toContain('Xã Tân Phong');
    const ret = await http('POST', '/editorial/transition', {
      token: await adminToken('editor-in-chief'),
      body: { uid: ARTICLE, documentId: theirs, action: 'return', comment: 'Không phải của mình' },
    });
    expect(ret.status).toBe(400);
    const publish = await http('POST', `${CM}/${ARTICLE}/${theirs}/actions/publish`, {
      token: await adminToken('editor-in-chief'),
      body: {},
    });
    expect(publish.status).toBe(400);
    const after = await http('GET', `/editorial/panel/${ARTICLE}/${theirs}`, { token: solo.token });
    expect(after.body.data.stage).toBe('submitted');
    // Nor is it in Hòa Bình's queue.
    const queue = await http('GET', '/editorial/queue', { token: await adminToken('portal-admin') });
    expect(queue.body.data.items.map((i: { documentId: string }) => i.documentId)).not.toContain(theirs);
  });

  it('media: Hòa Bình cannot see, re-describe, move or delete Tân Phong’s file', async () => {
    const form = new FormData();
    form.append('files', new Blob([PNG], { type: 'image/png' }), 'tan-phong.png');
    const up = await http('POST', '/upload', { token: solo.token, body: form });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const file = Array.isArray(up.body) ? up.body[0] : up.body.data[0];
    const hb = await adminToken('portal-admin');
    const list = await http('GET', '/upload/files?pageSize=100&page=1&sort=createdAt:DESC', { token: hb });
    expect(list.status).toBe(200);
    expect(list.body.results.map((f: { id: number }) => f.id)).not.toContain(file.id);
    expect((await http('GET', `/upload/files/${file.id}`, { token: hb })).status).toBe(403);
    const info = new FormData();
    info.append('fileInfo', JSON.stringify({ alternativeText: 'Sửa trộm' }));
    expect((await http('POST', `/upload?id=${file.id}`, { token: hb, body: info })).status).toBe(403);
    expect((await http('POST', '/upload/actions/bulk-delete', { token: hb, body: { fileIds: [file.id] } })).status).toBe(403);
    expect((await http('DELETE', `/upload/files/${file.id}`, { token: hb })).status).toBe(403);
    // Tân Phong's own board still sees it.
    const own = await http('GET', `/upload/files/${file.id}`, { token: solo.token });
    expect(own.status).toBe(200);
    expect(own.body.alternativeText ?? null).not.toBe('Sửa trộm');
  });
});

describe('a one-person commune publishes under the stated rule', () => {
  let documentId = '';
  it('one person takes the review steps (logged), never approves their own item; the province’s editor-in-chief approves on its behalf', async () => {
    const created = await http('POST', `${CM}/${ARTICLE}`, { token: solo.token, body: validArticle({ title: uniq('Tin một người') }) });
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    expect((await act(solo, { documentId, action: 'submit' })).status).toBe(200);
    expect((await act(solo, { documentId, action: 'assign', assigneeId: solo.id })).status).toBe(200);
    const verify = await act(solo, { documentId, action: 'verify' });
    expect(verify.status, JSON.stringify(verify.body)).toBe(200);
    const own = await act(solo, { documentId, action: 'approve' });
    expect(own.status).toBe(400);
    expect(own.body.error.message).toBe('Không được duyệt bài do chính mình viết.');
    // Acting across sites needs the grant.
    const noGrant = await act(provinceChiefNoGrant, { documentId, action: 'approve' });
    expect(noGrant.status).toBe(400);
    const approve = await act(provinceChief, { documentId, action: 'approve' });
    expect(approve.status, JSON.stringify(approve.body)).toBe(200);
    expect(approve.body.data.stage).toBe('published');
    const log = await history(documentId);
    expect(log.find((e) => e.action === 'verify')?.meta).toMatchObject({ exception: 'combined-roles', combined: ['assign'] });
    expect(log.find((e) => e.action === 'approve')?.meta).toMatchObject({
      exception: 'on-behalf',
      siteId: sites['tan-phong'].id,
      onBehalfOf: sites['tan-phong'].name,
    });
  });

  it('a full board (Hòa Bình) keeps the steps apart, and the province never approves for it', async () => {
    const both = await person('kiem-va-duyet', ['editor', 'editor-in-chief'], 'hoa-binh');
    const created = await http('POST', `${CM}/${ARTICLE}`, { token: await adminToken('contributor'), body: validArticle() });
    const id = created.body.data.documentId;
    expect(
      (
        await http('POST', '/editorial/transition', {
          token: await adminToken('contributor'),
          body: { uid: ARTICLE, documentId: id, action: 'submit' },
        })
      ).status,
    ).toBe(200);
    const assign = await http('POST', '/editorial/transition', {
      token: await adminToken('portal-admin'),
      body: { uid: ARTICLE, documentId: id, action: 'assign', assigneeId: both.id },
    });
    expect(assign.status, JSON.stringify(assign.body)).toBe(200);
    expect((await act(both, { documentId: id, action: 'verify' })).status).toBe(200);
    const approve = await act(both, { documentId: id, action: 'approve' });
    expect(approve.status).toBe(400);
    expect(approve.body.error.message).toContain('một người không được vừa kiểm tra vừa duyệt');
    const province = await act(provinceChief, { documentId: id, action: 'approve' });
    expect(province.status).toBe(400);
    expect((await http('GET', `/editorial/panel/${ARTICLE}/${id}`, { token: both.token })).body.data.stage).toBe('verified');
  });
});

describe('the province aggregates without copying', () => {
  it('a commune item proposed to the province, approved there and listed with its origin', async () => {
    const created = await http('POST', `${CM}/${ARTICLE}`, {
      token: solo.token,
      body: validArticle({ title: uniq('Tin đề xuất lên tỉnh') }),
    });
    const documentId = created.body.data.documentId;
    // Not yet published on its own site: refused.
    const early = await http('POST', '/editorial/proposals', { token: solo.token, body: { uid: ARTICLE, documentId } });
    expect(early.status).toBe(400);
    for (const step of [{ action: 'submit' }, { action: 'assign', assigneeId: solo.id }, { action: 'verify' }])
      expect((await act(solo, { documentId, ...step })).status).toBe(200);
    expect((await act(provinceChief, { documentId, action: 'approve' })).status).toBe(200);
    // Another commune cannot propose it; its own board can.
    const foreign = await http('POST', '/editorial/proposals', {
      token: await adminToken('editor-in-chief'),
      body: { uid: ARTICLE, documentId },
    });
    expect(foreign.status).toBe(400);
    const proposed = await http('POST', '/editorial/proposals', { token: solo.token, body: { uid: ARTICLE, documentId } });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    const proposal = proposed.body.data;
    expect(proposal).toMatchObject({ stage: 'submitted', toSiteId: sites['phu-lam'].id, fromSiteId: sites['tan-phong'].id });
    const twice = await http('POST', '/editorial/proposals', { token: solo.token, body: { uid: ARTICLE, documentId } });
    expect(twice.status).toBe(400);
    // Only the province's editor-in-chief decides; not a commune's.
    const wrong = await http('POST', `/editorial/proposals/${proposal.id}/decide`, {
      token: await adminToken('editor-in-chief'),
      body: { action: 'approve' },
    });
    expect(wrong.status).toBe(400);
    const inbox = await http('GET', '/editorial/proposals', { token: provinceChief.token });
    expect(inbox.body.data.find((p: { id: number }) => p.id === proposal.id)?.origin?.slug).toBe('tan-phong');
    const ok = await http('POST', `/editorial/proposals/${proposal.id}/decide`, {
      token: provinceChief.token,
      body: { action: 'approve' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data.stage).toBe('published');
    const shown = await fetch(`${cms().url}/api/editorial/aggregated/phu-lam`);
    expect(shown.status).toBe(200);
    const entry = ((await shown.json()) as { data: Array<{ documentId: string }> }).data.find((p) => p.documentId === documentId);
    expect(entry).toMatchObject({ uid: ARTICLE, origin: { slug: 'tan-phong', name: sites['tan-phong'].name } });
    // One copy: the item is still the commune's only.
    const rows = await http('GET', `/api/articles?filters[documentId]=${documentId}`);
    expect(rows.body.data).toHaveLength(1);
    const log = await history(documentId);
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['propose', 'proposal-approve']));
  });
});
