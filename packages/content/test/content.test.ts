import { describe, expect, it } from 'vitest';
import {
  DOC_TYPE_LABELS,
  LEVEL_LABELS,
  addDays,
  createClient,
  formatDate,
  formatDateTime,
  formatTime,
  formatWeekdayDate,
  documentStatus,
  DOCUMENT_STATUS_LABELS,
  label,
  toQuery,
  weekStart,
} from '../src/index.ts';

describe('labels', () => {
  it('names every document type and level in Vietnamese (NFC)', () => {
    expect(DOC_TYPE_LABELS.decision).toBe('Quyết định');
    expect(DOC_TYPE_LABELS.official_letter).toBe('Công văn');
    expect(LEVEL_LABELS.commune).toBe('Xã');
    for (const v of [...Object.values(DOC_TYPE_LABELS), ...Object.values(LEVEL_LABELS)]) {
      expect(v).toBe(v.normalize('NFC'));
    }
    expect(label(DOC_TYPE_LABELS, null)).toBe('');
    expect(label(DOC_TYPE_LABELS, 'unknown')).toBe('unknown');
  });
});

describe('dates', () => {
  it('formats in Asia/Ho_Chi_Minh', () => {
    expect(formatDate('2026-11-27')).toBe('27/11/2026');
    // 18:30 UTC is already the next day in Vietnam
    expect(formatDate('2026-11-26T18:30:00.000Z')).toBe('27/11/2026');
    expect(formatWeekdayDate('2026-11-27')).toBe('Thứ Sáu, 27/11/2026');
    expect(formatDateTime('2026-11-27T02:05:00Z')).toBe('09:05, 27/11/2026');
    expect(formatTime('07:30:00.000')).toBe('07:30');
    expect(formatDate(null)).toBe('');
  });
  it('finds the Monday of the week in Vietnam', () => {
    expect(weekStart('2026-11-27')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    // Sunday 20:00 UTC is Monday 03:00 in Vietnam
    expect(weekStart(new Date('2026-11-29T20:00:00Z'))).toBe('2026-11-30');
    expect(addDays('2026-11-30', 7)).toBe('2026-12-07');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('documentStatus', () => {
  const base = { issueDate: '2025-01-01', inForce: 'auto' as const, disclosure: 'none' };
  it('derives in force, not yet and expired from the dates (Vietnam calendar day)', () => {
    const now = '2026-11-27';
    expect(documentStatus({ ...base, effectiveDate: '2025-01-15' }, now)).toBe('in_force');
    expect(documentStatus({ ...base, effectiveDate: '2026-12-01' }, now)).toBe('not_yet');
    expect(documentStatus({ ...base, effectiveDate: '2026-11-27' }, now)).toBe('in_force');
    // the expiry date is the first day without force
    expect(documentStatus({ ...base, expiryDate: '2026-11-27' }, now)).toBe('expired');
    expect(documentStatus({ ...base, expiryDate: '2026-11-28' }, now)).toBe('in_force');
    // 23:30 UTC on the 26th is already the 27th in Hà Nội
    expect(documentStatus({ ...base, expiryDate: '2026-11-27' }, new Date('2026-11-26T23:30:00Z'))).toBe('expired');
    expect(documentStatus({ ...base, expiryDate: '2026-11-27' }, new Date('2026-11-26T16:30:00Z'))).toBe('in_force');
  });

  it('counts a replacement or an amendment from the day the other document takes effect', () => {
    const replacer = [{ issueDate: '2026-11-01', effectiveDate: '2026-12-01' }];
    expect(documentStatus({ ...base, replacedBy: replacer }, '2026-11-30')).toBe('in_force');
    expect(documentStatus({ ...base, replacedBy: replacer }, '2026-12-01')).toBe('replaced');
    expect(documentStatus({ ...base, replacedBy: [{ issueDate: '2026-11-01' }] }, '2026-11-01')).toBe('replaced');
    const amender = [{ issueDate: '2026-11-01', effectiveDate: '2026-11-10' }];
    expect(documentStatus({ ...base, amendedBy: amender }, '2026-11-09')).toBe('in_force');
    expect(documentStatus({ ...base, amendedBy: amender }, '2026-11-10')).toBe('partly_expired');
    // wholly expired or replaced wins over partly
    expect(documentStatus({ ...base, amendedBy: amender, expiryDate: '2026-11-20' }, '2026-11-20')).toBe('expired');
    expect(documentStatus({ ...base, amendedBy: amender, replacedBy: replacer }, '2026-12-02')).toBe('replaced');
  });

  it('lets an explicit override win over the dates', () => {
    const now = '2026-11-27';
    expect(documentStatus({ ...base, inForce: 'in_force', expiryDate: '2026-01-01', replacedBy: [{ issueDate: '2026-01-01' }] }, now)).toBe(
      'in_force',
    );
    expect(documentStatus({ ...base, inForce: 'not_in_force' }, now)).toBe('expired');
    expect(documentStatus({ ...base, inForce: 'not_in_force', replacedBy: [{ issueDate: '2026-01-01' }] }, now)).toBe('replaced');
  });

  it('never calls a draft for comment in force: upcoming, open (both ends included), closed', () => {
    const draft = {
      ...base,
      inForce: 'in_force' as const,
      disclosure: 'draft_comment',
      commentFrom: '2026-11-05',
      commentTo: '2026-12-05',
    };
    expect(documentStatus(draft, '2026-11-04')).toBe('comment_upcoming');
    expect(documentStatus(draft, '2026-11-05')).toBe('comment_open');
    expect(documentStatus(draft, '2026-11-27')).toBe('comment_open');
    expect(documentStatus(draft, '2026-12-05')).toBe('comment_open');
    expect(documentStatus(draft, new Date('2026-12-05T17:00:00Z'))).toBe('comment_closed'); // 00:00 on the 6th in Hà Nội
    expect(documentStatus({ ...draft, commentFrom: null, commentTo: null }, '2026-11-27')).toBe('comment_open');
    for (const day of ['2026-11-01', '2026-11-20', '2027-01-01'])
      expect(DOCUMENT_STATUS_LABELS[documentStatus(draft, day)]).not.toBe('Còn hiệu lực');
  });
});

describe('REST client', () => {
  it('serializes nested params like qs', () => {
    expect(toQuery({ filters: { updatedAt: { $gt: '2026-01-01' } }, fields: ['documentId'] })).toBe(
      'filters[updatedAt][$gt]=2026-01-01&fields[0]=documentId',
    );
  });

  it('pages through a collection with the token and filters', async () => {
    const calls: { url: string; auth: string | null }[] = [];
    const fakeFetch = (async (input: string, init?: RequestInit) => {
      const url = new URL(input);
      calls.push({ url: decodeURIComponent(url.search), auth: new Headers(init?.headers).get('authorization') });
      const page = Number(url.searchParams.get('pagination[page]'));
      const data =
        page === 1
          ? [
              { id: 1, documentId: 'a' },
              { id: 2, documentId: 'b' },
            ]
          : [{ id: 3, documentId: 'c' }];
      return new Response(JSON.stringify({ data, meta: { pagination: { page, pageSize: 2, pageCount: 2, total: 3 } } }));
    }) as unknown as typeof fetch;
    const client = createClient({ baseUrl: 'http://cms.test/', token: 'T', fetch: fakeFetch });
    const rows = await client.fetchAll('articles', {
      populate: { field: { fields: ['documentId'] } },
      updatedSince: '2026-11-01T00:00:00.000Z',
    });
    expect(rows.map((r) => r.documentId)).toEqual(['a', 'b', 'c']);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.auth).toBe('Bearer T');
    expect(calls[0]!.url).toContain('populate[field][fields][0]=documentId');
    expect(calls[0]!.url).toContain('filters[updatedAt][$gt]=2026-11-01T00:00:00.000Z');
    expect(calls[1]!.url).toContain('pagination[page]=2');

    const ids = await client.fetchIds('articles');
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(calls[2]!.url).toContain('fields[0]=documentId');
  });

  it('fetches the other pages a few at a time and keeps their order', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const fakeFetch = (async (input: string) => {
      const page = Number(new URL(input).searchParams.get('pagination[page]'));
      seen.push(page);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // later pages answer sooner: order must come from the page number, not arrival
      await new Promise((r) => setTimeout(r, 40 - page * 4));
      inFlight--;
      return new Response(
        JSON.stringify({
          data: [{ id: page, documentId: `p${page}` }],
          meta: { pagination: { page, pageSize: 1, pageCount: 9, total: 9 } },
        }),
      );
    }) as unknown as typeof fetch;
    const client = createClient({ baseUrl: 'http://cms.test', fetch: fakeFetch });
    const rows = await client.fetchAll('articles', { pageSize: 1 });
    expect(rows.map((r) => r.documentId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(4);
  });

  it('returns null for a missing single type and throws on other errors', async () => {
    const client = createClient({
      baseUrl: 'http://cms.test',
      retries: 0,
      fetch: (async (u: string) => new Response('{}', { status: u.includes('site-setting') ? 404 : 403 })) as unknown as typeof fetch,
    });
    expect(await client.fetchSingle('site-setting')).toBeNull();
    await expect(client.fetchAll('articles')).rejects.toThrow(/403/);
  });
});
