import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, buildIcs } from '../../src/lib/ics';
import { fold, foldedWords } from '../../src/lib/fold';
import { renderMarkdown, markdownText } from '../../src/lib/markdown';
import { buildExcerpt, isCurrent } from '../../src/lib/search-client';
import { project, relationIds, SPECS } from '../../src/lib/cms-loader';

describe('fold', () => {
  it('removes marks and folds đ', () => {
    expect(fold('Điều 13')).toBe('dieu 13');
    expect(fold('đồng chí')).toBe('dong chi');
    expect(fold('Hòa Bình')).toBe('hoa binh');
    // decomposed input folds the same
    expect(fold('Đồng'.normalize('NFD'))).toBe('dong');
  });
  it('keeps only words that need a folded copy, once', () => {
    expect(foldedWords('Đồng chí Đồng chí UBND 2026 Điều')).toBe('dong chi dieu');
  });
});

describe('markdown', () => {
  it('renders and sanitizes', () => {
    const html = renderMarkdown(
      '# Tiêu đề\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://a.vn) <img src=x onerror=alert(1)>',
    );
    expect(html).toContain('<h2>Tiêu đề</h2>');
    expect(html).not.toMatch(/script|javascript:|onerror/);
    expect(html).toContain('<a href="https://a.vn" rel="noopener noreferrer">y</a>');
    expect(markdownText('**Đậm** và _nghiêng_')).toBe('Đậm và nghiêng');
  });
});

describe('iCalendar helpers', () => {
  it('escapes text', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
  });
  it('folds at 75 octets without splitting characters', () => {
    const line = 'SUMMARY:' + 'Hội nghị sơ kết kinh tế - xã hội '.repeat(6);
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
  it('builds a calendar with stable UIDs', () => {
    const sch = {
      documentId: 'abc',
      weekStart: '2026-11-23',
      board: 'b',
      updatedAt: '2026-11-20T00:00:00Z',
      entries: [
        { date: '2026-11-23', startTime: '07:30:00.000', content: 'Giao ban' },
        { date: '2026-11-23', startTime: null, content: 'Cả ngày' },
      ],
    } as never;
    const ics = buildIcs({ board: { name: 'Lãnh đạo' } as never, schedules: [sch], domain: 'x.vn', calendarName: 'Lịch' });
    expect(ics).toContain('UID:abc-20261123-1@x.vn');
    expect(ics).toContain('UID:abc-20261123-2@x.vn');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261123');
    expect(ics).toContain('DTEND;VALUE=DATE:20261124');
  });
});

describe('search excerpts', () => {
  it('come from the original text and highlight folded matches', () => {
    const content = 'Sáng nay đồng chí Trần Văn Bình chủ trì hội nghị. ⁂ sang dong chi tran van binh';
    const ex = buildExcerpt(content, 'dong chi');
    expect(ex).toContain('<mark>đồng</mark> <mark>chí</mark>');
    expect(ex).not.toContain('⁂');
  });
  it('prefer the window with the whole phrase', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `từ${i}`).join(' ');
    const content = `Điều 5. Điều 6. Điều 7. Điều 8. ${filler} theo Điều 13 của Quy chế. ⁂ dieu`;
    const ex = buildExcerpt(content, 'dieu 13');
    expect(ex).toContain('<mark>Điều</mark> <mark>13</mark>');
  });
});

describe('loader projection', () => {
  it('keeps public attributes only and turns relations into ids', () => {
    const raw = {
      id: 1,
      documentId: 'a1',
      title: 'Tin',
      slug: 'tin',
      updatedAt: 'u',
      classification: 'mat',
      provenance: { authorName: 'Minh Thư', authorAddress: 'SECRET', authorPhone: 'SECRET', authorEmail: 'SECRET' },
      field: { id: 3, documentId: 'f1', name: 'Kinh tế' },
      unit: null,
    };
    const data = { ...project(raw, SPECS.articles!), ...relationIds(raw, SPECS.articles!.relations!) };
    expect(JSON.stringify(data)).not.toContain('SECRET');
    expect(data).not.toHaveProperty('classification');
    expect(data.field).toBe('f1');
    expect(data.unit).toBeNull();
    expect((data.provenance as { authorName: string }).authorName).toBe('Minh Thư');
  });
  it('keeps URL attributes only when they pass the URL rule', () => {
    const link = (url: unknown) => project({ documentId: 'l', title: 'Liên kết', url }, SPECS.links!).url;
    expect(link('https://chinhphu.vn')).toBe('https://chinhphu.vn');
    expect(link('/thu-tuc/')).toBe('/thu-tuc/');
    for (const bad of ['JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', ' javascript:alert(1)', '//evil.example', 'data:text/html,x'])
      expect(link(bad), bad).toBeNull();
    const online = (onlineUrl: unknown) => project({ documentId: 'p', name: 'Thủ tục', onlineUrl }, SPECS.procedures!).onlineUrl;
    expect(online('https://dichvucong.gov.vn')).toBe('https://dichvucong.gov.vn');
    expect(online('/thu-tuc/')).toBeNull();
    expect(online('javascript:alert(1)')).toBeNull();
  });
  it('normalizes text to NFC', () => {
    const data = project({ documentId: 'x', name: 'Hòa Bình'.normalize('NFD') }, SPECS.fields!);
    expect(data.name).toBe('Hòa Bình');
  });
});

describe('search delta (quick-lane releases)', () => {
  const changes = { pages: ['/tin-tuc/bai/moi/'], removed: ['/tin-tuc/bai/go/'] };
  it('hides removed pages and the main index copy of re-indexed ones', () => {
    expect(isCurrent('/tin-tuc/bai/go/', false, changes)).toBe(false);
    expect(isCurrent('/tin-tuc/bai/go/', true, changes)).toBe(false);
    expect(isCurrent('/tin-tuc/bai/moi/', false, changes)).toBe(false);
    expect(isCurrent('/tin-tuc/bai/moi/', true, changes)).toBe(true);
    expect(isCurrent('/tin-tuc/bai/khac/', false, changes)).toBe(true);
    expect(isCurrent('/tin-tuc/bai/moi/', false, null)).toBe(true);
  });
});
