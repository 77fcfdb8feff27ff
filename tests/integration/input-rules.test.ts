// Input rules on save (issue 20): one URL rule for every URL attribute, classification levels in any case.
import { describe, expect, it } from 'vitest';
import { CM, cmCreate, uniq, validArticle } from '../helpers/content.ts';
import { dbExec } from '../helpers/db.ts';
import { adminToken, http, type Refusal } from '../helpers/http.ts';

const refused = (res: Refusal, text: RegExp) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.message).toMatch(text);
};

const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example',
];

describe('URL attributes accept only the URL rule', () => {
  const link = (url: string) => ({ title: uniq('Liên kết'), url, group: 'web' });
  const procedure = (onlineUrl: string) => ({ name: uniq('Thủ tục URL'), level: 'commune', onlineLevel: 'full', onlineUrl });

  it('refuses javascript: and the like in link.url and procedure.onlineUrl, on create', async () => {
    for (const url of HOSTILE) {
      refused(await cmCreate('api::link.link', link(url)), /chỉ nhận địa chỉ http/);
      refused(await cmCreate('api::procedure.procedure', procedure(url)), /chỉ nhận địa chỉ http/);
    }
  });

  it('refuses them on update too, and keeps the stored value', async () => {
    const created = await cmCreate('api::link.link', link('https://chinhphu.vn'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    const token = await adminToken('portal-admin');
    refused(await http('PUT', `${CM}/api::link.link/${id}`, { token, body: { url: 'JAVASCRIPT:alert(1)' } }), /chỉ nhận địa chỉ http/);
    const read = await http('GET', `${CM}/api::link.link/${id}`, { token });
    expect(read.body.data.url).toBe('https://chinhphu.vn');
  });

  it('accepts http(s), mailto and tel; site paths only for links', async () => {
    for (const url of ['https://dichvucong.gov.vn', 'mailto:ubnd@hoabinh.gov.vn', 'tel:+842913880181', '/thu-tuc/']) {
      const res = await cmCreate('api::link.link', link(url));
      expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.data.url).toBe(url);
    }
    const upper = await cmCreate('api::link.link', link('  HTTPS://chinhphu.vn  '));
    expect(upper.body.data.url).toBe('https://chinhphu.vn');
    expect((await cmCreate('api::procedure.procedure', procedure('https://dichvucong.gov.vn'))).status).toBe(201);
    refused(await cmCreate('api::procedure.procedure', procedure('/thu-tuc/')), /chỉ nhận địa chỉ http/);
  });
});

describe('classification levels in any case', () => {
  it('refuses MẬT, mật, Tối mật; stores THUONG as thuong', async () => {
    for (const level of ['MẬT', 'mật', 'Mat', 'Tối mật', 'TUYET_MAT']) {
      refused(await cmCreate('api::article.article', validArticle({ classification: level })), /độ mật/);
    }
    const ok = await cmCreate('api::article.article', validArticle({ classification: 'THUONG' }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.data.classification).toBe('thuong');
  });
});

describe('bad input never answers 500', () => {
  it('the relation picker of a type the role may not read answers 403, not 500 (finance)', async () => {
    const token = await adminToken('finance');
    const res = await http('GET', '/content-manager/relations/api::procedure.procedure/legalBasis', { token });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error.message).toMatch(/không có quyền/);
    // The one who may read it still gets the list.
    const editor = await http('GET', '/content-manager/relations/api::procedure.procedure/legalBasis', {
      token: await adminToken('contributor'),
    });
    expect(editor.status, JSON.stringify(editor.body)).toBe(200);
  });

  it('a create that names an id answers 400, and creates nothing', async () => {
    const token = await adminToken('portal-admin');
    const title = uniq('Liên kết có id');
    for (const ids of [{ id: 2 }, { id: 987654 }, { documentId: 'chosen-document-id' }]) {
      const res = await http('POST', `${CM}/api::link.link`, { token, body: { ...ids, title, url: 'https://chinhphu.vn', group: 'web' } });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.message).toMatch(/id/);
    }
    const list = await http('GET', `${CM}/api::link.link?filters[title][$eq]=${encodeURIComponent(title)}`, { token });
    expect(list.body.results ?? []).toEqual([]);
    const article = await http('POST', `${CM}/api::article.article`, {
      token: await adminToken('contributor'),
      body: { ...validArticle(), id: 2 },
    });
    expect(article.status, JSON.stringify(article.body)).toBe(400);
  });
});

describe('the retired district level (abolished on 01/7/2025)', () => {
  const SETTINGS = '/content-manager/single-types/api::site-setting.site-setting';
  const procedure = (level: string) => ({ name: uniq('Thủ tục cấp'), level, onlineLevel: 'none' });
  const document = (level: string) => ({
    number: uniq('07/2026/QĐ-UBND').replace(/ /g, '-'),
    title: 'Về việc thử cấp ban hành',
    docType: 'decision',
    level,
    issuingBody: 'UBND xã Hòa Bình',
    issueDate: '2026-01-05',
    classification: 'thuong',
    inForce: 'auto',
    disclosure: 'none',
  });

  it('is refused for a new entry, with a Vietnamese 400', async () => {
    refused(await cmCreate('api::procedure.procedure', procedure('district')), /Huyện \(trước 01\/7\/2025\)".*cấp huyện đã kết thúc/);
    refused(await cmCreate('api::document.document', document('district')), /cấp huyện đã kết thúc/);
    expect((await cmCreate('api::document.document', document('commune'))).status).toBe(201);
  });

  it('is refused on an update that would set it, and on a clone of an entry that holds it', async () => {
    const created = await cmCreate('api::procedure.procedure', procedure('commune'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    const token = await adminToken('contributor');
    refused(await http('PUT', `${CM}/api::procedure.procedure/${id}`, { token, body: { level: 'district' } }), /cấp huyện/);
    expect((await http('GET', `${CM}/api::procedure.procedure/${id}`, { token })).body.data.level).toBe('commune');
    // a clone is a new entry: the district level of its source does not pass to it
    // (the portal administrator, an author who reads every item, clones one of the demo's district procedures)
    const admin = await adminToken('portal-admin');
    const seeded = await http('GET', `${CM}/api::procedure.procedure?filters[level][$eq]=district&pageSize=1`, { token: admin });
    expect(seeded.body.results?.length, JSON.stringify(seeded.body)).toBe(1);
    const from = seeded.body.results[0].documentId;
    const clone = await http('POST', `${CM}/api::procedure.procedure/clone/${from}`, { token: admin, body: { name: uniq('Bản sao') } });
    refused(clone, /cấp huyện/);
  });

  it('is kept by an entry that holds it: saving it unchanged passes', async () => {
    const token = await adminToken('portal-admin');
    // The seed's settings hold it; set it directly so this does not depend on what ran before.
    dbExec("UPDATE site_settings SET admin_level = 'district'");
    const before = await http('GET', SETTINGS, { token });
    const put = await http('PUT', SETTINGS, { token, body: { adminLevel: 'district', portalName: before.body.data.portalName } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.data.adminLevel).toBe('district');
  });
});
