import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CM, cmCreate, validArticle } from '../helpers/content.ts';
import { adminToken, http } from '../helpers/http.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'packages', 'vn-text', 'test', 'fixtures');
// glibc iconv output (TCVN5712-1), read as Windows-1252: what a paste from a .VnTime document sends.
const tcvn3Lines = new TextDecoder('windows-1252').decode(readFileSync(join(FIXTURES, 'tcvn3.bin'))).split('\n');
const unicodeLines = readFileSync(join(FIXTURES, 'tcvn3.source.txt'), 'utf8').split('\n');

describe('Vietnamese text on save (TCVN 6909:2001)', () => {
  it('a TCVN3 paste saved in the CMS comes back as Unicode NFC, and the editor is told', async () => {
    const body = tcvn3Lines.slice(3, 6).join('\n');
    const expected = unicodeLines.slice(3, 6).join('\n');
    expect(body).not.toBe(expected);
    const created = await cmCreate('api::article.article', validArticle({ body, summary: tcvn3Lines[0] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    const read = await http('GET', `${CM}/api::article.article/${id}`, { token: await adminToken('contributor') });
    expect(read.body.data.body).toBe(expected);
    expect(read.body.data.summary).toBe(unicodeLines[0]);
    expect(read.body.data.body.normalize('NFC')).toBe(read.body.data.body);
    const panel = await http('GET', `/editorial/panel/api::article.article/${id}`, { token: await adminToken('contributor') });
    expect(panel.body.data.conversionNote).toMatch(/TCVN3\/VNI sang Unicode/);
    expect(panel.body.data.conversionNote).toMatch(/body/);
  });

  it('decomposed (NFD) input is stored precomposed; correct text is untouched', async () => {
    const title = `Hội nghị café naïve 02/2013/QĐ-UBND ${Date.now()}`;
    const created = await cmCreate('api::article.article', validArticle({ title: title.normalize('NFD') }));
    expect(created.status).toBe(201);
    expect(created.body.data.title).toBe(title.normalize('NFC'));
    const panel = await http('GET', `/editorial/panel/api::article.article/${created.body.data.documentId}`, {
      token: await adminToken('contributor'),
    });
    expect(panel.body.data.conversionNote).toBeNull();
  });
});

describe('list view stage column and filter', () => {
  it('filters the Content Manager list by review stage', async () => {
    const token = await adminToken('portal-admin');
    const res = await http('GET', `${CM}/api::article.article?page=1&pageSize=100&filters[$and][0][editorial_stage][$eq]=submitted`, {
      token,
    });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const ids = res.body.results.map((r: { documentId: string }) => r.documentId);
    expect(ids.length).toBeGreaterThan(0);
    const stages = await http('GET', `/editorial/stages/api::article.article?ids=${ids.join(',')}`, { token });
    expect(Object.values(stages.body.data).every((s) => s === 'submitted')).toBe(true);
    expect(Object.keys(stages.body.data).sort()).toEqual([...ids].sort());
    const none = await http('GET', `${CM}/api::article.article?filters[$and][0][editorial_stage][$eq]=no-such-stage`, { token });
    expect(none.body.results).toEqual([]);
  });
});
