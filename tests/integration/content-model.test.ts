import { beforeAll, describe, expect, it } from 'vitest';
import { allKeys, cmCreate, publishThroughWorkflow, uniq, validArticle } from '../helpers/content.ts';
import { dbExec, dbQuery } from '../helpers/db.ts';
import { adminToken, cms, createApiToken, http, type Refusal } from '../helpers/http.ts';

const PLURALS: Record<string, string> = {
  'api::article.article': 'articles',
  'api::document.document': 'documents',
  'api::unit.unit': 'units',
  'api::contact.contact': 'contacts',
  'api::board.board': 'boards',
  'api::schedule.schedule': 'schedules',
  'api::procedure.procedure': 'procedures',
  'api::question.question': 'questions',
  'api::page.page': 'pages',
  'api::link.link': 'links',
  'api::field.field': 'fields',
};

const PRIVATE_KEYS = [
  'authorAddress',
  'authorPhone',
  'authorEmail',
  'collectorAddress',
  'askerPhone',
  'askerEmail',
  'askerAddress',
  'trackingCode',
  'contactExpiresAt',
  'classification',
];

const MIN_ENTRY: Record<string, () => Record<string, unknown>> = {
  'api::article.article': () => validArticle(),
  'api::document.document': () => ({
    number: uniq('01/2026/QĐ-UBND').replace(/ /g, '-'),
    title: 'Về việc thử nghiệm',
    docType: 'decision',
    level: 'commune',
    issuingBody: 'UBND huyện Hòa Bình',
    issueDate: '2026-01-05',
    classification: 'thuong',
    inForce: 'auto',
    disclosure: 'none',
  }),
  'api::unit.unit': () => ({ name: uniq('Phòng thử nghiệm'), kind: 'department' }),
  'api::contact.contact': () => ({ fullName: 'Trần Thị B', position: 'Chuyên viên' }),
  'api::board.board': () => ({ name: uniq('Thường trực thử nghiệm') }),
  'api::schedule.schedule': () => ({
    weekStart: '2026-11-23',
    entries: [{ date: '2026-11-24', startTime: '07:30:00.000', content: 'Họp giao ban' }],
  }),
  'api::procedure.procedure': () => ({ name: uniq('Thủ tục thử nghiệm'), level: 'commune', onlineLevel: 'none' }),
  'api::question.question': () => ({
    title: uniq('Câu hỏi thử nghiệm'),
    question: 'Xin hỏi?',
    askerName: 'Lê Văn C',
    askerPhone: '0912000000',
  }),
  'api::page.page': () => ({ title: uniq('Trang thử nghiệm'), body: 'Nội dung' }),
  'api::link.link': () => ({ title: 'Liên kết', url: 'https://example.com', group: 'web' }),
  'api::field.field': () => ({ name: uniq('Lĩnh vực thử nghiệm') }),
};

let readToken = '';

beforeAll(async () => {
  readToken = await createApiToken('read-only');
});

describe('content types through the Content Manager API', () => {
  for (const [uid, make] of Object.entries(MIN_ENTRY)) {
    it(`creates a ${uid}`, async () => {
      const res = await cmCreate(uid, make());
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.data.documentId).toBeTruthy();
      if (uid !== 'api::link.link' && 'slug' in res.body.data) expect(res.body.data.slug).toMatch(/^[a-z0-9-]+$/);
    });
  }

  it('generates a Vietnamese-aware slug', async () => {
    const res = await cmCreate('api::field.field', { name: 'Đồng bằng Hòa Bình ' + Date.now() });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toMatch(/^dong-bang-hoa-binh-\d+$/);
  });
});

describe('validation refuses bad data with a clear message', () => {
  const expectRefused = (res: Refusal, text: RegExp) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toMatch(text);
  };

  it('refuses a collected article without source and collector', async () => {
    expectRefused(await cmCreate('api::article.article', validArticle({ kind: 'collected' })), /nguồn trích dẫn/);
  });

  it('refuses an article without the author address', async () => {
    expectRefused(await cmCreate('api::article.article', validArticle({ provenance: { authorName: 'A' } })), /địa chỉ của tác giả/);
  });

  it('refuses a classified item (the material stays off the CMS)', async () => {
    for (const level of ['mat', 'toi_mat', 'tuyet_mat']) {
      expectRefused(await cmCreate('api::article.article', validArticle({ classification: level })), /độ mật/);
    }
    const doc = MIN_ENTRY['api::document.document']();
    expectRefused(await cmCreate('api::document.document', { ...doc, classification: 'mat' }), /độ mật/);
  });

  it('refuses a duplicate document number for the same issuer and year, accepts it another year', async () => {
    const base = {
      title: 'Trùng số',
      docType: 'decision',
      level: 'commune',
      issuingBody: 'UBND huyện Thử',
      classification: 'thuong',
      inForce: 'auto',
      disclosure: 'none',
    };
    const number = `${Date.now() % 100000}/QĐ-UBND`;
    expect((await cmCreate('api::document.document', { ...base, number, issueDate: '2025-03-01' })).status).toBe(201);
    expectRefused(await cmCreate('api::document.document', { ...base, number, issueDate: '2025-09-01' }), /đã có trong năm 2025/);
    expect((await cmCreate('api::document.document', { ...base, number, issueDate: '2026-02-01' })).status).toBe(201);
    expect(
      (await cmCreate('api::document.document', { ...base, number, issueDate: '2025-09-01', issuingBody: 'UBND xã Khác' })).status,
    ).toBe(201);
  });

  it('refuses an expiry date before the effective date', async () => {
    const doc = { ...MIN_ENTRY['api::document.document'](), effectiveDate: '2026-02-01', expiryDate: '2026-01-01' };
    expectRefused(await cmCreate('api::document.document', doc), /hết hiệu lực/);
  });

  it('refuses a disallowed attachment type, checked by content', async () => {
    const token = await adminToken('strapi-super-admin');
    const form = new FormData();
    // An executable renamed to .pdf: the declared type lies, the bytes do not.
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    form.append('files', new Blob([exe], { type: 'application/pdf' }), 'bao-cao.pdf');
    const res = await fetch(`${cms().url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const html = new FormData();
    html.append('files', new Blob(['<html><script>alert(1)</script></html>'], { type: 'text/html' }), 'trang.html');
    const res2 = await fetch(`${cms().url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: html });
    expect(res2.status).toBeGreaterThanOrEqual(400);
    expect(res2.status).toBeLessThan(500);
    const pdf = new FormData();
    pdf.append('files', new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], { type: 'application/pdf' }), 'van-ban.pdf');
    const ok = await fetch(`${cms().url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: pdf });
    expect(ok.status).toBe(201);
  });
});

describe('public API leaks nothing', () => {
  let draftTitle = '';
  beforeAll(async () => {
    draftTitle = uniq('BẢN NHÁP KHÔNG CÔNG KHAI');
    const res = await cmCreate('api::article.article', validArticle({ title: draftTitle }));
    expect(res.status).toBe(201);
  });

  for (const [uid, plural] of Object.entries(PLURALS)) {
    for (const who of ['public', 'site token'] as const) {
      it(`${plural}: ${who} sees no private field and no draft, also with status=draft`, async () => {
        const token = who === 'public' ? undefined : readToken;
        for (const query of ['', '?status=draft', '?status=draft&populate=*', '?populate=*&pagination[pageSize]=100']) {
          const res = await http('GET', `/api/${plural}${query}`, { token });
          expect(res.status, `${plural}${query}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
          const keys = allKeys(res.body);
          for (const k of PRIVATE_KEYS) expect(keys.has(k), `${plural}${query} exposes ${k}`).toBe(false);
          for (const entry of res.body.data) {
            if ('publishedAt' in entry) expect(entry.publishedAt, `${plural}${query} returned a draft`).toBeTruthy();
          }
          expect(JSON.stringify(res.body)).not.toContain(draftTitle);
        }
      });
    }
  }

  it('findOne of a draft-only entry is 404 for the public and the site token', async () => {
    const created = await cmCreate('api::article.article', validArticle());
    const id = created.body.data.documentId;
    for (const token of [undefined, readToken]) {
      const res = await http('GET', `/api/articles/${id}?status=draft`, { token });
      expect(res.status).toBe(404);
    }
    expect(await publishThroughWorkflow('api::article.article', id)).toBe('published');
    expect((await http('GET', `/api/articles/${id}`)).status).toBe(200);
  });

  it('a classified entry published by mistake (bypassing the editor) is never returned', async () => {
    // Insert directly in the database: the server-side guards refuse to save it otherwise.
    const created = await cmCreate('api::article.article', validArticle());
    const id = created.body.data.documentId;
    await publishThroughWorkflow('api::article.article', id);
    expect((await http('GET', `/api/articles/${id}`)).status).toBe(200);
    dbExec('UPDATE articles SET classification = ? WHERE document_id = ?', ['mat', id]);
    expect(dbQuery('SELECT classification FROM articles WHERE document_id = ? AND published_at IS NOT NULL', [id])).toEqual([
      { classification: 'mat' },
    ]);
    expect((await http('GET', `/api/articles/${id}`)).status).toBe(404);
    const list = await http('GET', `/api/articles?pagination[pageSize]=100&filters[documentId][$eq]=${id}`);
    expect(list.body.data).toHaveLength(0);
  });

  it('article totals (for the pagers of fast builds) count what the REST lists serve, for the site token only', async () => {
    // a classified article published by mistake is in the database but in no list, and in no total
    const created = await cmCreate('api::article.article', validArticle());
    await publishThroughWorkflow('api::article.article', created.body.data.documentId);
    dbExec('UPDATE articles SET classification = ? WHERE document_id = ?', ['mat', created.body.data.documentId]);
    const res = await http('GET', '/api/article-totals', { token: readToken });
    expect(res.status).toBe(200);
    const listed = async (filter = '') =>
      (await http('GET', `/api/articles?pagination[pageSize]=1${filter}`, { token: readToken })).body.meta.pagination.total as number;
    expect(res.body.data.total).toBe(await listed());
    const fields = (await http('GET', '/api/fields?pagination[pageSize]=100', { token: readToken })).body.data as { documentId: string }[];
    expect(Object.keys(res.body.data.byField).sort()).toEqual(fields.map((f) => f.documentId).sort());
    for (const f of fields)
      expect(res.body.data.byField[f.documentId], f.documentId).toBe(await listed(`&filters[field][documentId][$eq]=${f.documentId}`));
    expect(Object.values(res.body.data.byField as Record<string, number>).some((n) => n > 0)).toBe(true);
    expect([401, 403]).toContain((await http('GET', '/api/article-totals')).status);
  });

  it('the public role cannot write', async () => {
    for (const plural of Object.values(PLURALS)) {
      const res = await http('POST', `/api/${plural}`, { body: { data: { title: 'x', name: 'x' } } });
      expect([401, 403, 405]).toContain(res.status);
    }
    const del = await http('DELETE', `/api/articles/anything`);
    expect([401, 403, 404, 405]).toContain(del.status);
  });

  it('the site token cannot write', async () => {
    const res = await http('POST', '/api/articles', { token: readToken, body: { data: validArticle() } });
    expect([401, 403]).toContain(res.status);
  });

  it('the site settings are public and name the owning unit', async () => {
    const res = await http('GET', '/api/site-setting');
    expect(res.status).toBe(200);
    expect(res.body.data.portalName).toMatch(/Cổng thông tin điện tử/);
  });
});

describe('demo content', () => {
  it('has the minimum amounts the issue asks for, published', async () => {
    const count = async (plural: string) =>
      (await http('GET', `/api/${plural}?pagination[pageSize]=1`)).body.meta.pagination.total as number;
    expect(await count('articles')).toBeGreaterThanOrEqual(50);
    expect(await count('documents')).toBeGreaterThanOrEqual(35);
    expect(await count('units')).toBeGreaterThanOrEqual(10);
    expect(await count('procedures')).toBeGreaterThanOrEqual(15);
    expect(await count('questions')).toBeGreaterThanOrEqual(15);
    expect(await count('schedules')).toBeGreaterThanOrEqual(10);
  });
});
