// Pure parts of the quick lane: path mapping, the search delta and sitemap patching.
import { describe, expect, it } from 'vitest';
import { fileToPath, nextDelta, patchSitemaps, pathToFile } from '../src/fast.ts';

describe('paths and files', () => {
  it('maps public paths to release files and back', () => {
    expect(pathToFile('/')).toBe('index.html');
    expect(pathToFile('/tin-tuc/bai/x/')).toBe('tin-tuc/bai/x/index.html');
    expect(pathToFile('/404/')).toBe('404.html');
    expect(pathToFile('/rss.xml')).toBe('rss.xml');
    expect(fileToPath('index.html')).toBe('/');
    expect(fileToPath('tin-tuc/bai/x/index.html')).toBe('/tin-tuc/bai/x/');
  });
});

describe('search delta', () => {
  const files = new Set(['index.html', 'tin-tuc/bai/a/index.html', 'tin-tuc/bai/b/index.html']);
  it('accumulates pages changed since the last full index and drops removed ones', () => {
    const d1 = nextDelta(undefined, ['tin-tuc/bai/a/index.html'], [], files);
    expect(d1).toEqual({ pages: ['tin-tuc/bai/a/index.html'], removed: [] });
    const d2 = nextDelta(d1, ['tin-tuc/bai/b/index.html'], ['/tin-tuc/bai/c/'], files);
    expect(d2).toEqual({ pages: ['tin-tuc/bai/a/index.html', 'tin-tuc/bai/b/index.html'], removed: ['/tin-tuc/bai/c/'] });
    // a withdrawn page leaves the delta and is listed as removed
    const d3 = nextDelta(d2, [], ['/tin-tuc/bai/a/'], new Set(['index.html', 'tin-tuc/bai/b/index.html']));
    expect(d3).toEqual({ pages: ['tin-tuc/bai/b/index.html'], removed: ['/tin-tuc/bai/a/', '/tin-tuc/bai/c/'] });
  });
  it('a page that comes back is no longer listed as removed', () => {
    const d = nextDelta({ pages: [], removed: ['/tin-tuc/bai/a/'] }, ['tin-tuc/bai/a/index.html'], [], files);
    expect(d).toEqual({ pages: ['tin-tuc/bai/a/index.html'], removed: [] });
  });
});

describe('sitemap patching', () => {
  const head = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
  const maps = new Map([
    ['sitemap-0.xml', `${head}<url><loc>https://x.gov.vn/</loc></url><url><loc>https://x.gov.vn/tin-tuc/bai/a/</loc></url></urlset>`],
    ['sitemap-1.xml', `${head}<url><loc>https://x.gov.vn/van-ban/b/</loc></url></urlset>`],
  ]);
  it('removes withdrawn pages and appends new ones to the last file', () => {
    const out = patchSitemaps(maps, ['/tin-tuc/bai/moi/', '/'], ['/tin-tuc/bai/a/']);
    expect(out.get('sitemap-0.xml')).toBe(`${head}<url><loc>https://x.gov.vn/</loc></url></urlset>`);
    expect(out.get('sitemap-1.xml')).toBe(
      `${head}<url><loc>https://x.gov.vn/van-ban/b/</loc></url><url><loc>https://x.gov.vn/tin-tuc/bai/moi/</loc></url></urlset>`,
    );
  });
  it('changes nothing when nothing is new or gone', () => {
    expect(patchSitemaps(maps, ['/tin-tuc/bai/a/'], []).size).toBe(0);
    expect(patchSitemaps(new Map(), ['/x/'], ['/y/']).size).toBe(0);
  });
});
