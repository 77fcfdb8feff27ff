// Every way a write reaches the data goes through the same rules (issue 17): the save rules on every
// Document Service action that carries data (clone included).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CM, cmCreate, publishThroughWorkflow, uniq, validArticle } from '../helpers/content.ts';
import { dbQuery } from '../helpers/db.ts';
import { adminToken, http } from '../helpers/http.ts';

const ARTICLE = 'api::article.article';
const DOCUMENT = 'api::document.document';
const count = (table: string) => Number(dbQuery<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)[0].n);

const validDocument = () => ({
  number: uniq('05/2026/QĐ-UBND').replace(/ /g, '-'),
  title: 'Về việc thử nghiệm nhân bản',
  docType: 'decision',
  level: 'district',
  issuingBody: 'UBND huyện Hòa Bình',
  issueDate: '2026-01-05',
  classification: 'thuong',
  inForce: 'auto',
  disclosure: 'none',
});

async function clone(uid: string, source: string, body: Record<string, unknown>, role = 'contributor') {
  return http('POST', `${CM}/${uid}/clone/${source}`, { token: await adminToken(role), body });
}

function expectRefused(res: { status: number; body: any }, message: RegExp) {
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
