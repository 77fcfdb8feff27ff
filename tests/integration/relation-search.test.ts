// Relation pickers find by name with or without diacritics (issue 24): the Content Manager's own search
// (`_q`, $containsi) needs the exact marks; the editorial plugin folds both sides.
import { describe, expect, it } from 'vitest';
import { adminToken, http } from '../helpers/http.ts';

const picker = async (role: string, model: string, field: string, q: string) => {
  const res = await http('GET', `/content-manager/relations/${model}/${field}?pageSize=50&_q=${encodeURIComponent(q)}`, {
    token: await adminToken(role),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.results as Array<{ name?: string; title?: string }>).map((r) => r.name ?? r.title);
};

describe('relation picker search', () => {
  it('finds a name typed without tone marks, without đ, in any case', async () => {
    expect(await picker('contributor', 'api::article.article', 'field', 'van hoa')).toContain('Văn hóa – Xã hội');
    expect(await picker('contributor', 'api::article.article', 'field', 'CHUYEN DOI')).toContain('Chuyển đổi số');
    expect(await picker('contributor', 'api::article.article', 'unit', 'hoa binh')).toEqual(
      expect.arrayContaining(['Ủy ban nhân dân huyện Hòa Bình', 'Công an huyện Hòa Bình']),
    );
    expect(await picker('contributor', 'api::article.article', 'unit', 'Ủy ban nhân dân')).toContain('Ủy ban nhân dân huyện Hòa Bình');
    expect(await picker('contributor', 'api::article.article', 'unit', 'uy ban nhan dan')).toContain('Ủy ban nhân dân huyện Hòa Bình');
  });

  it('still lists only matches, and nothing for a name that is not there', async () => {
    const culture = await picker('contributor', 'api::article.article', 'field', 'van hoa');
    expect(culture.every((n) => /văn hóa/i.test(n ?? ''))).toBe(true);
    expect(await picker('contributor', 'api::article.article', 'field', 'khong co linh vuc nay')).toEqual([]);
  });

  it('keeps the Content Manager refusal for a role that may not read the source', async () => {
    const res = await http('GET', '/content-manager/relations/api::article.article/field?_q=van%20hoa', {
      token: await adminToken('finance'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
  });
});
