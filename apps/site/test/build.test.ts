/**
 * Builds the whole site from the snapshot fixture (no CMS needed), indexes it with Pagefind, and
 * checks the output. Images come from a local server standing in for the CMS's /uploads.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_DIR, chromiumPath, run, serve, walk } from './helpers';

const SITE_URL = 'https://cong.example.gov.vn';
const snapshotFile = path.join(SITE_DIR, 'test/fixtures/snapshot.json');
const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));

let tmp: string;
let out: string;
let media: Awaited<ReturnType<typeof serve>>;
let files: string[];
let buildEnv: Record<string, string>;
let tmpSnapshot: string;
let htmlFiles: string[];
const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
const exists = (rel: string) => existsSync(path.join(out, rel));

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'site-build-'));
  out = path.join(tmp, 'dist');
  media = await serve(path.join(SITE_DIR, 'test/fixtures'));
  tmpSnapshot = path.join(tmp, 'snapshot.json');
  copyFileSync(snapshotFile, tmpSnapshot);
  buildEnv = {
    PORTAL_CONTENT_SNAPSHOT: tmpSnapshot,
    CMS_URL: media.url,
    CMS_PUBLIC_URL: 'https://cms.example.gov.vn',
    SITE_URL,
    PORTAL_NOW: '2026-11-27T03:00:00Z',
    ASTRO_OUT_DIR: out,
    ASTRO_CACHE_DIR: path.join(tmp, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const env = buildEnv;
  await run(process.execPath, [path.join(SITE_DIR, 'node_modules/astro/bin/astro.mjs'), 'build'], env);
  await run(process.execPath, [path.join(SITE_DIR, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', out], env);
  files = walk(out).map((f) => path.relative(out, f));
  htmlFiles = files.filter((f) => f.endsWith('.html'));
});

afterAll(async () => {
  await media?.close();
  if (tmp && !process.env.KEEP_BUILD) rmSync(tmp, { recursive: true, force: true });
});

describe('pages', () => {
  it('renders every page type', () => {
    const expected = [
      'index.html',
      '404.html',
      'robots.txt',
      'rss.xml',
      'sitemap-index.xml',
      'tin-tuc/index.html',
      'tin-tuc/kinh-te/index.html',
      'tin-tuc/kinh-te/rss.xml',
      'tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/index.html',
      'van-ban/index.html',
      'van-ban/quyet-dinh-2345-qd-ubnd-2026/index.html',
      'danh-ba/index.html',
      'lich-cong-tac/index.html',
      'lich-cong-tac/lanh-dao-ubnd/index.html',
      'lich-cong-tac/lanh-dao-ubnd/2026-11-23/index.html',
      'lich-cong-tac/lanh-dao-ubnd.ics',
      'thu-tuc/index.html',
      'thu-tuc/dang-ky-khai-sinh/index.html',
      'hoi-dap/index.html',
      'hoi-dap/dang-ky-khai-sinh-qua-han/index.html',
      'hoi-dap/dat-cau-hoi/index.html',
      'hoi-dap/cam-on/index.html',
      'gioi-thieu/index.html',
      'gioi-thieu/gioi-thieu-chung/index.html',
      'lien-ket/index.html',
      'tim-kiem/index.html',
      'cong-khai/index.html',
      'cong-khai/dau-tu-cong/index.html',
      'cong-khai/mua-sam-dau-thau/index.html',
      'cong-khai/chien-luoc-ke-hoach/index.html',
      'pagefind/pagefind.js',
    ];
    for (const f of expected) expect(exists(f), f).toBe(true);
    // one page per entry
    for (const a of snapshot.articles) expect(exists(`tin-tuc/bai/${a.slug}/index.html`)).toBe(true);
    for (const d of snapshot.documents) expect(exists(`van-ban/${d.slug}/index.html`)).toBe(true);
    for (const p of snapshot.pages) expect(exists(`gioi-thieu/${p.slug}/index.html`)).toBe(true);
    // unanswered questions are not published
    expect(exists('hoi-dap/thoi-gian-cap-doi-can-cuoc/index.html')).toBe(false);
  });

  it('is Vietnamese, NFC, with a skip link, one h1, a canonical URL and the search form', () => {
    for (const f of htmlFiles) {
      const html = read(f);
      expect(html, f).toMatch(/<html lang="vi"/);
      expect(html === html.normalize('NFC'), `${f} is not NFC`).toBe(true);
      expect(html, f).toContain('href="#noi-dung"');
      expect(html.match(/<h1[\s>]/g)?.length ?? 0, `${f} h1 count`).toBe(1);
      expect(html, f).toMatch(/<form[^>]*action="\/tim-kiem\/"[^>]*method="get"/);
      if (f !== '404.html') expect(html, f).toContain(`<link rel="canonical" href="${SITE_URL}/`);
    }
  });

  it('takes header and footer from the site settings', () => {
    const html = read('index.html');
    const s = snapshot['site-setting'];
    for (const v of [s.portalName, s.agencyName, s.address, s.phone, s.fax, s.email, s.editorInCharge, s.licence])
      expect(html).toContain(v);
    expect(html).toContain('"@type":"GovernmentOrganization"');
  });

  it('never renders private attributes', () => {
    // Private attributes never come from the API; the fixture has them anyway and the loader must drop them.
    for (const f of files) {
      const body = readFileSync(path.join(out, f));
      const text = body.toString('utf8').toLowerCase();
      expect(text.includes('private-marker'), f).toBe(false);
      expect(text.includes('ấp kín đáo'), f).toBe(false);
      expect(text.includes('2099-01-01'), f).toBe(false); // question.contactExpiresAt
    }
  });

  it('sanitizes Markdown bodies', () => {
    const html = read('tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/index.html');
    expect(html).toContain('<h2>Kết quả nổi bật</h2>');
    expect(html).not.toContain("alert('xss')");
    expect(html).not.toMatch(/onclick/i);
  });

  it('shows byline name, source of collected material, cover alt and responsive images', () => {
    const html = read('tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/index.html');
    expect(html).toContain('Minh Thư');
    expect(html).toMatch(/<img[^>]+srcset="[^"]*\/_astro\/[^"]+\.webp/);
    expect(html).toContain('alt="Quang cảnh hội nghị sơ kết');
    expect(html).toContain('"@type":"NewsArticle"');
    const collected = read('tin-tuc/bai/bac-lieu-day-manh-chuyen-doi-so-cai-cach-tthc/index.html');
    expect(collected).toContain('Nguồn: Báo Bạc Liêu điện tử, ngày 14/11/2026');
  });

  it('shows document metadata, attachments and relations', () => {
    const html = read('van-ban/quyet-dinh-1520-qd-ubnd-2021/index.html');
    expect(html).toContain('Được sửa đổi, bổ sung bởi');
    expect(html).toContain('href="/van-ban/quyet-dinh-2345-qd-ubnd-2026/"');
    expect(html).toContain('https://cms.example.gov.vn/uploads/qd-1520-quy-che-lam-viec.pdf');
    expect(html).toContain('(PDF, 402,7 KB)');
    expect(html).toContain('"@type":"Legislation"');
    const old = read('van-ban/quyet-dinh-45-2019-qd-ubnd/index.html');
    expect(old).toContain('<span class="badge replaced">Bị thay thế</span>');
    expect(old).toContain('Bị thay thế bởi');
    const amending = read('van-ban/quyet-dinh-2345-qd-ubnd-2026/index.html');
    expect(amending).toContain('<strong>Điều 1.</strong>');
    expect(amending).toContain('Văn bản này sửa đổi, bổ sung');
    const registry = read('van-ban/index.html');
    expect(registry.match(/<tr data-type=/g)?.length).toBe(snapshot.documents.length);
  });

  it("shows each document's real status on the build day, a draft for comment with its window", () => {
    const badge = (html: string) => /<span class="badge ([a-z_]+)">([^<]*)<\/span>/.exec(html.split('<main')[1]!)?.slice(1);
    // PORTAL_NOW is 2026-11-27: the draft is open for comment until 05/12/2026
    const draft = read('van-ban/thong-bao-88-tb-ubnd-2026/index.html');
    expect(badge(draft)).toEqual(['comment_open', 'Dự thảo, đang lấy ý kiến đến hết 05/12/2026']);
    expect(draft.split('<main')[1]).not.toContain('Còn hiệu lực');
    expect(badge(read('van-ban/quyet-dinh-1520-qd-ubnd-2021/index.html'))).toEqual(['partly_expired', 'Hết hiệu lực một phần']);
    expect(badge(read('van-ban/cong-van-1877-ubnd-kt-2026/index.html'))).toEqual(['expired', 'Hết hiệu lực toàn bộ']);
    expect(badge(read('van-ban/luat-dat-dai-2024/index.html'))).toEqual(['in_force', 'Còn hiệu lực']);
    const registry = read('van-ban/index.html');
    expect(registry).toMatch(/data-status="comment_open"[^>]*>(?:(?!<\/tr>).)*Dự thảo, đang lấy ý kiến/s);
    expect(registry).toMatch(/<option value="partly_expired"[^>]*>Hết hiệu lực một phần<\/option>/);
  });

  it('lists the disclosure catalogue from its configuration: on time, late by working days, missing (issue 31)', () => {
    const html = read('cong-khai/index.html').split('<main')[1]!;
    expect(html).toContain('<h1>Danh mục thông tin phải được công khai</h1>');
    const row = (id: string) => new RegExp(`<tr id="${id}">((?:(?!</tr>).)*)</tr>`, 's').exec(html)?.[1] ?? '';
    // Every configured kind has its row, legal basis, place and time limit.
    for (const id of ['van-ban-phap-luat', 'ngan-sach', 'dau-tu-cong', 'mua-sam-dau-thau', 'bao-cao-tai-chinh', 'to-chuc-lien-he'])
      expect(row(id), id).toContain('Luật Tiếp cận thông tin 2016');
    // Issued Thu 12/11, due Thu 19/11 (5 working days), published Fri 20/11.
    expect(row('mua-sam-dau-thau')).toContain('Trễ 1 ngày làm việc (hạn <time datetime="2026-11-19">19/11/2026</time>)');
    expect(row('mua-sam-dau-thau')).toContain('class="badge late"');
    // Issued Mon 16/11, published Fri 20/11: on time.
    expect(row('dau-tu-cong')).toContain('Đúng hạn');
    expect(row('dau-tu-cong')).toContain('class="badge ok"');
    expect(row('dau-tu-cong')).toContain('href="/van-ban/?disclosure=investment"');
    // Nothing published: missing.
    expect(row('bao-cao-tai-chinh')).toContain('class="badge missing"');
    expect(row('thong-ke')).toContain('Chưa có');
    // Laws of the National Assembly carry no deadline for the district.
    expect(html).toContain('Lịch ngày nghỉ lễ, nghỉ bù đã có cho năm: 2026, 2027');
    expect(read('index.html')).toContain('href="/cong-khai/"');
    // The registry filters by disclosure group and budget stage, as the catalogue's links ask.
    const registry = read('van-ban/index.html');
    expect(registry).toMatch(/<option value="investment"[^>]*>Công khai đầu tư công<\/option>/);
    expect(registry).toMatch(/<option value="estimate"[^>]*>Dự toán<\/option>/);
    expect(registry).toContain('data-disclosure="procurement"');
    // No client JS on the catalogue.
    expect(read('cong-khai/index.html')).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
  });

  it('shows the investment projects and procurement packages of a document, and lists them filterable on static pages (issue 31)', () => {
    const main = (rel: string) => read(rel).split('<main')[1]!;
    const bodyRows = (html: string) => [...(html.split('<tbody>')[1]?.split('</tbody>')[0] ?? '').matchAll(/<tr>/g)].length;
    // The document pages carry their tables, with amounts in whole đồng and Vietnamese labels.
    const plan = main('van-ban/ke-hoach-215-kh-ubnd-2026/index.html');
    expect(plan).toMatch(/<h2[^>]*>Danh mục dự án đầu tư công<\/h2>/);
    expect(plan).toMatch(
      /Nâng cấp đường Vĩnh Hậu – Vĩnh Hậu A<\/td>.*24\.500\.000\.000<\/td>.*Ngân sách tỉnh<\/td>.*Thực hiện đầu tư<\/td>/s,
    );
    expect(bodyRows(plan)).toBe(3);
    const result = main('van-ban/quyet-dinh-2410-qd-ubnd-2026/index.html');
    expect(result).toMatch(/<h2[^>]*>Gói thầu<\/h2>/);
    expect(result).toMatch(/Kết quả lựa chọn nhà thầu<\/td>.*Đấu thầu rộng rãi<\/td>.*Phước Thành Bạc Liêu.*6\.840\.000\.000<\/td>/s);
    expect(main('van-ban/quyet-dinh-2345-qd-ubnd-2026/index.html')).not.toContain('disclosure-table');

    // The lists: every row, then one static page per value present (no page for a value with no row).
    expect(bodyRows(main('cong-khai/dau-tu-cong/index.html'))).toBe(3);
    const done = main('cong-khai/dau-tu-cong/giai-doan/hoan-thanh/index.html');
    expect(done).toContain('<h1>Dự án đầu tư công – Giai đoạn: Hoàn thành</h1>');
    expect(bodyRows(done)).toBe(1);
    expect(done).toContain('Trạm cấp nước ấp Thạnh Hưng 1');
    expect(done).toMatch(/<a href="\/cong-khai\/dau-tu-cong\/giai-doan\/hoan-thanh\/" aria-current="page">Hoàn thành<\/a>/);
    expect(bodyRows(main('cong-khai/dau-tu-cong/nguon-von/ngan-sach-tinh/index.html'))).toBe(1);
    expect(bodyRows(main('cong-khai/dau-tu-cong/nam/2026/index.html'))).toBe(3);
    expect(exists('cong-khai/dau-tu-cong/giai-doan/quyet-toan/index.html')).toBe(false);
    const procurement = main('cong-khai/mua-sam-dau-thau/index.html');
    expect(bodyRows(procurement)).toBe(4);
    for (const href of ['loai/ke-hoach/', 'loai/ket-qua/', 'hinh-thuc/chi-dinh-thau/', 'nam/2025/', 'nam/2026/'])
      expect(procurement).toContain(`href="/cong-khai/mua-sam-dau-thau/${href}"`);
    expect(bodyRows(main('cong-khai/mua-sam-dau-thau/loai/ke-hoach/index.html'))).toBe(3);
    const won = main('cong-khai/mua-sam-dau-thau/loai/ket-qua/index.html');
    expect(bodyRows(won)).toBe(1);
    expect(won).toContain('href="/van-ban/quyet-dinh-2410-qd-ubnd-2026/"');
    expect(bodyRows(main('cong-khai/mua-sam-dau-thau/hinh-thuc/chao-hang-canh-tranh/index.html'))).toBe(1);
    expect(bodyRows(main('cong-khai/mua-sam-dau-thau/nam/2025/index.html'))).toBe(3);
    const plans = main('cong-khai/chien-luoc-ke-hoach/index.html');
    expect(plans).toContain('href="/van-ban/ke-hoach-210-kh-ubnd-2026/"');
    expect(bodyRows(plans)).toBe(1);
    expect(exists('cong-khai/chien-luoc-ke-hoach/nam/2026/index.html')).toBe(true);
    // The catalogue points to the lists.
    const catalogue = main('cong-khai/index.html');
    for (const l of ['dau-tu-cong', 'mua-sam-dau-thau', 'chien-luoc-ke-hoach']) expect(catalogue).toContain(`href="/cong-khai/${l}/"`);
  });

  it('offers calendar subscription links for each board: webcal, Google, Outlook and the file', () => {
    const feed = `${SITE_URL}/lich-cong-tac/lanh-dao-ubnd.ics`;
    const webcal = feed.replace('https:', 'webcal:');
    for (const f of [
      'lich-cong-tac/index.html',
      'lich-cong-tac/lanh-dao-ubnd/index.html',
      'lich-cong-tac/lanh-dao-ubnd/2026-11-23/index.html',
    ]) {
      const html = read(f);
      expect(html, f).toContain(`href="${webcal}"`);
      expect(html, f).toContain(`href="https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}"`);
      expect(html, f).toContain(`href="https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(feed)}&amp;name=`);
      expect(html, f).toContain('href="/lich-cong-tac/lanh-dao-ubnd.ics" download');
    }
  });

  it('has Open Graph tags and plain Zalo/Facebook share links (no third-party script) on pages meant to be shared', () => {
    const rel = 'tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/index.html';
    const html = read(rel);
    const url = `${SITE_URL}/tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/`;
    expect(html).toContain(`<meta property="og:url" content="${url}"`);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+"/);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+"/);
    expect(html).toContain(`href="https://sp.zalo.me/share_to_zalo?url=${encodeURIComponent(url)}"`);
    expect(html).toContain(`href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}"`);
    expect(read('van-ban/quyet-dinh-2345-qd-ubnd-2026/index.html')).toContain('https://sp.zalo.me/share_to_zalo?url=');
    for (const f of ['hoi-dap/cam-on/index.html', 'tim-kiem/index.html', '404.html', 'hoi-dap/chua-gui-duoc/qua-nhanh/index.html'])
      expect(read(f), f).not.toContain('share_to_zalo');
    for (const f of htmlFiles) expect(read(f), f).not.toMatch(/<script[^>]+src="https?:|connect\.facebook\.net|sp\.zalo\.me\/plugins/);
  });

  it('renders the ask form with honeypot, timestamp, consent and the Decree 13 notice', () => {
    const html = read('hoi-dap/dat-cau-hoi/index.html');
    expect(html).toContain('action="https://cms.example.gov.vn/api/questions/submit"');
    for (const n of ['name', 'phone', 'email', 'fieldId', 'title', 'question', 'consent', 'website', 'startedAt']) {
      expect(html, n).toContain(`name="${n}"`);
    }
    expect(html).toContain('Nghị định số 13/2023/NĐ-CP');
    const q = read('hoi-dap/dang-ky-khai-sinh-qua-han/index.html');
    expect(q).toContain('Nguyễn Thị Hoa');
  });

  it('shows the tracking code on the thank-you page and links the status lookup from "Hỏi đáp"', () => {
    const thanks = read('hoi-dap/cam-on/index.html');
    expect(thanks).toMatch(/<code id="tracking-code"/);
    expect(thanks).toContain('id="copy-code"');
    expect(thanks).toContain('href="/hoi-dap/tra-cuu/"');
    expect(thanks).toContain('<script src="/js/question-receipt.js" defer');
    expect(read('hoi-dap/index.html')).toContain('href="/hoi-dap/tra-cuu/"');
    expect(read('hoi-dap/dat-cau-hoi/index.html')).toContain('href="/hoi-dap/tra-cuu/"');
    const lookup = read('hoi-dap/tra-cuu/index.html');
    expect(lookup).toContain('data-api="https://cms.example.gov.vn/api/questions/status/"');
    expect(lookup).toMatch(/<input id="f-code" name="ma"/);
    expect(exists('js/question-status.js')).toBe(true);
  });

  it("builds the site's own refusal page for every reason the CMS redirects to", async () => {
    const { QUESTION_REFUSALS, questionRefusalPath } = await import('@cong-ttdt/content');
    for (const [reason, r] of Object.entries(QUESTION_REFUSALS)) {
      const html = read(path.join(questionRefusalPath(reason as keyof typeof QUESTION_REFUSALS), 'index.html'));
      expect(html).toContain(r.text);
      expect(html).toContain('<meta name="robots" content="noindex"');
      expect(html).toContain('href="/hoi-dap/dat-cau-hoi/"');
    }
  });

  it('marks spokespeople and links phones and e-mail in the directory', () => {
    const html = read('danh-ba/index.html');
    expect(html).toContain('Người phát ngôn');
    expect(html).toContain('href="tel:0291388011');
    expect(html).toContain('href="mailto:tvbinh@hoabinh.baclieu.gov.vn"');
  });

  it('has schedules with week navigation, amendment marks and Event JSON-LD', () => {
    const html = read('lich-cong-tac/lanh-dao-ubnd/2026-11-23/index.html');
    expect(html).toContain('href="/lich-cong-tac/lanh-dao-ubnd/2026-11-16/"');
    expect(html).toContain('href="/lich-cong-tac/lanh-dao-ubnd/2026-11-30/"');
    expect(html).toContain('Điều chỉnh');
    expect(html).toContain('"@type":"Event"');
    expect(html).toContain('"startDate":"2026-11-23T07:30:00+07:00"');
    expect(read('lich-cong-tac/index.html')).toContain('Thứ Hai, 23/11/2026');
  });

  it('renders no href that the URL rule refuses (procedure.onlineUrl, link.url)', () => {
    const bad: string[] = [];
    for (const f of htmlFiles) {
      for (const m of read(f).matchAll(/\shref="([^"]*)"/g)) if (/script|&(amp;)?#/i.test(m[1]!)) bad.push(`${f}: ${m[1]}`);
    }
    expect(bad).toEqual([]);
    expect(read('thu-tuc/thu-tuc-duong-dan-khong-hop-le/index.html')).not.toContain('class="btn online"');
    const links = read('lien-ket/index.html');
    expect(links).not.toContain('Liên kết độc hại');
    expect(links).not.toContain('Liên kết mã hóa thực thể');
    expect(links).toContain('href="/thu-tuc/"');
    expect(read('index.html')).not.toContain('Liên kết mã hóa thực thể');
  });

  it('has internal links that all resolve to files', () => {
    const missing: string[] = [];
    for (const f of htmlFiles) {
      const html = read(f);
      const refs = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
      for (const m of html.matchAll(/\ssrcset="([^"]+)"/g)) refs.push(...m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!));
      for (let ref of refs) {
        ref = ref.replace(/&amp;/g, '&');
        if (ref.startsWith(SITE_URL)) ref = ref.slice(SITE_URL.length) || '/';
        if (!ref.startsWith('/') || ref.startsWith('//')) continue;
        const p = decodeURIComponent(ref.split(/[?#]/)[0]!);
        const target = p.endsWith('/') ? path.join(p, 'index.html') : p;
        if (!exists(target)) missing.push(`${f} → ${ref}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('stays within the size budgets (gzip)', () => {
    const weight = (rel: string) => {
      const html = read(rel);
      let total = gzipSync(html).length;
      for (const m of html.matchAll(/<(?:link rel="stylesheet" href|script[^>]*src)="(\/[^"]+)"/g)) total += gzipSync(read(m[1]!)).length;
      return total;
    };
    expect(weight('tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/index.html')).toBeLessThan(60 * 1024);
    expect(weight('index.html')).toBeLessThan(100 * 1024);
  });

  it('loads client JS only on the search, registry and form pages', () => {
    const withScripts = htmlFiles.filter((f) => /<script(?![^>]*application\/ld\+json)[^>]*>/.test(read(f))).sort();
    expect(withScripts).toEqual([
      'hoi-dap/cam-on/index.html',
      'hoi-dap/dat-cau-hoi/index.html',
      'hoi-dap/tra-cuu/index.html',
      'tim-kiem/index.html',
      'van-ban/index.html',
    ]);
  });

  it('has nothing after </html> (a script placed after the layout lands there)', () => {
    const bad = htmlFiles.filter((f) => !/<\/html>\s*$/.test(read(f)) || read(f).split('</html>').length !== 2);
    expect(bad).toEqual([]);
  });

  it('has no inline executable script (the served Content-Security-Policy allows none)', () => {
    for (const f of htmlFiles) {
      const inline = [...read(f).matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].filter((m) => !/application\/ld\+json/.test(m[1]!));
      expect(
        inline.map((m) => m[0]),
        f,
      ).toEqual([]);
    }
  });

  it('makes no third-party requests (no external stylesheets, scripts or fonts)', () => {
    for (const f of htmlFiles) {
      const html = read(f);
      expect(html, f).not.toMatch(/<link[^>]+rel="stylesheet"[^>]+href="https?:/);
      expect(html, f).not.toMatch(/<script[^>]+src="https?:/);
    }
    for (const f of files.filter((x) => x.endsWith('.css'))) expect(read(f)).not.toMatch(/url\(["']?https?:/);
  });
});

describe('HTML validity (Nu HTML Checker)', () => {
  it('finds no error on any page of the build; a page known to be invalid shows the checker ran', { timeout: 300_000 }, () => {
    const canary = path.join(tmp, 'vnu-canary');
    mkdirSync(canary, { recursive: true });
    writeFileSync(
      path.join(canary, 'index.html'),
      '<!doctype html><html lang="vi"><head><title>x</title></head><body><img src="x.png"></body></html>',
    );
    const jar = path.join(SITE_DIR, 'node_modules/vnu-jar/build/dist/vnu.jar');
    // Java from Debian (scripts/test.ts installs it for this suite when missing); vnu exits 1 when it finds errors.
    const r = spawnSync(
      process.env.PORTAL_JAVA || 'java',
      ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'json', '--stdout', out, canary],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(r.error, 'java not found: install Debian openjdk-17-jre-headless').toBeUndefined();
    const messages = (JSON.parse(r.stdout) as { messages: Array<{ type: string; url: string; lastLine?: number; message: string }> })
      .messages;
    const errors = messages.filter((m) => m.type === 'error');
    expect(errors.filter((m) => m.url.includes('vnu-canary')).map((m) => m.message)).toEqual([expect.stringContaining('“alt” attribute')]);
    // Grouped by page, so a failure names the template.
    const pages = errors
      .filter((m) => !m.url.includes('vnu-canary'))
      .map((m) => `${path.relative(out, decodeURIComponent(new URL(m.url).pathname))}:${m.lastLine ?? '?'}: ${m.message}`);
    expect(pages).toEqual([]);
  });
});

describe('search index markup', () => {
  it('marks bodies, filters and meta, and adds the folded copy', () => {
    const art = read('tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/index.html');
    expect(art).toContain('data-pagefind-body');
    expect(art).toContain('<span data-pagefind-filter="section">Tin tức</span>');
    expect(art).toContain('<span data-pagefind-meta="date">26/11/2026</span>');
    expect(art).toMatch(/class="search-fold">⁂[^<]*\bdong\b[^<]*\bchi\b/);
    const doc = read('van-ban/quyet-dinh-2345-qd-ubnd-2026/index.html');
    expect(doc).toMatch(/class="search-fold">⁂[^<]*\bdieu\b/);
    expect(read('index.html')).not.toContain('data-pagefind-body');
  });
});

describe('feeds', () => {
  it('publishes RSS, sitemap and robots.txt', () => {
    const rss = read('rss.xml');
    expect(rss).toContain('<rss');
    expect(rss.match(/<item>/g)?.length).toBe(snapshot.articles.length);
    expect(rss).toContain(`${SITE_URL}/tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/`);
    expect(read('tin-tuc/nong-nghiep/rss.xml').match(/<item>/g)?.length).toBe(2);
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${SITE_URL}/van-ban/</loc>`);
    // Content pages carry their modification time (their Dublin Core dcterms:modified); lists do not.
    const doc = snapshot.documents[0];
    expect(sitemap).toContain(`<loc>${SITE_URL}/van-ban/${doc.slug}/</loc><lastmod>${doc.updatedAt}</lastmod>`);
    expect(sitemap).toContain(`<loc>${SITE_URL}/van-ban/</loc></url>`);
    // The refusal pages of the question form are noindex, and not listed.
    expect(sitemap).not.toContain('/hoi-dap/chua-gui-duoc/');
    expect(sitemap).not.toContain('/tim-kiem/');
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`);
  });

  it('publishes a valid iCalendar feed per board', () => {
    const raw = readFileSync(path.join(out, 'lich-cong-tac/lanh-dao-ubnd.ics'));
    const text = raw.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false); // CRLF only
    const lines = text.slice(0, -2).split('\r\n');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8'), l).toBeLessThanOrEqual(75);
    // unfold, then check structure
    const unfolded = text
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .filter(Boolean);
    const stack: string[] = [];
    for (const l of unfolded) {
      if (l.startsWith('BEGIN:')) stack.push(l.slice(6));
      if (l.startsWith('END:')) expect(stack.pop()).toBe(l.slice(4));
    }
    expect(stack).toEqual([]);
    const entries = snapshot.schedules
      .filter((s: { board: { documentId: string } }) => s.board.documentId === snapshot.boards[0].documentId)
      .reduce((n: number, s: { entries: unknown[] }) => n + s.entries.length, 0);
    expect(unfolded.filter((l) => l === 'BEGIN:VEVENT').length).toBe(entries);
    const uids = unfolded.filter((l) => l.startsWith('UID:'));
    expect(new Set(uids).size).toBe(uids.length);
    expect(unfolded).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20261123T073000');
    expect(
      unfolded.some((l) => l.startsWith('SUMMARY:') && l.includes('\\, nội dung có dấu phẩy\\, chấm phẩy\\; và ký tự \\\\ đặc biệt')),
    ).toBe(true);
  });
});

describe.skipIf(!chromiumPath())('search in a browser (Chromium)', () => {
  it('finds "dong chi" and "dieu 13" without đ and shows the original text', async () => {
    const { chromium } = await import('playwright-core');
    const site = await serve(out);
    const browser = await chromium.launch({
      executablePath: chromiumPath()!,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      const search = async (q: string) => {
        await page.goto(`${site.url}/tim-kiem/?q=${encodeURIComponent(q)}`);
        await page.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById('search-status')?.textContent ?? ''));
        return page.$$eval('#search-results li', (lis) => lis.map((li) => li.textContent ?? ''));
      };
      const dongChi = await search('dong chi');
      expect(dongChi.some((t) => t.includes('Hội nghị sơ kết') && /đồng chí/i.test(t))).toBe(true);
      expect(dongChi.join(' ')).not.toContain('⁂');
      const dieu13 = await search('dieu 13');
      expect(dieu13.some((t) => t.includes('Điều 13'))).toBe(true);
      const typed = await search('Đồng');
      expect(typed.some((t) => t.includes('Giới thiệu chung'))).toBe(true);
      const filtered = await (async () => {
        await page.goto(`${site.url}/tim-kiem/?q=hoa+binh&section=${encodeURIComponent('Văn bản')}`);
        await page.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById('search-status')?.textContent ?? ''));
        return page.$$eval('#search-results li .meta', (els) => els.map((e) => e.textContent ?? ''));
      })();
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.every((t) => t.startsWith('Văn bản'))).toBe(true);

      // registry: client-side filters, and the full list without JS
      await page.goto(`${site.url}/van-ban/`);
      await page.selectOption('#f-type', 'law');
      expect(await page.$$eval('#doc-table tbody tr:not([hidden])', (r) => r.length)).toBe(2);
      await page.selectOption('#f-type', '');
      await page.fill('#f-q', 'dieu 13');
      expect(await page.$$eval('#doc-table tbody tr:not([hidden]) td:first-child', (r) => r.map((x) => x.textContent))).toEqual([
        '2345/QĐ-UBND',
      ]);
      const noJs = await browser.newPage({ javaScriptEnabled: false });
      await noJs.goto(`${site.url}/van-ban/`);
      expect(await noJs.isVisible('#doc-filters')).toBe(false);
      expect(await noJs.$$eval('#doc-table tbody tr', (r) => r.filter((x) => !(x as HTMLElement).hidden).length)).toBe(
        snapshot.documents.length,
      );
    } finally {
      await browser.close();
      await site.close();
    }
  });
});

// Runs last: it rebuilds into the same output directory.
describe('incremental build', () => {
  it('re-renders only the pages that show a changed article', async () => {
    const snap = JSON.parse(readFileSync(tmpSnapshot, 'utf8'));
    const a = snap.articles.find((x: { slug: string }) => x.slug === 'ra-mat-mo-hinh-camera-an-ninh-vinh-my-a');
    a.title = 'Ra mắt mô hình Camera an ninh (đã cập nhật)';
    writeFileSync(tmpSnapshot, JSON.stringify(snap));
    const log = await run(process.execPath, [path.join(SITE_DIR, 'node_modules/astro/bin/astro.mjs'), 'build'], buildEnv);
    // Astro colours its output when CI is set: strip ANSI codes before reading the page list.
    const rendered = [...log.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/[├└]─ (\S+)(.*)/g)]
      .filter((m) => !/\((cached|restored)\)/.test(m[2]!))
      .map((m) => m[1]!);
    // dynamic routes: only the article and the lists that show it
    const STATIC = ['/hoi-dap/cam-on/index.html', '/hoi-dap/dat-cau-hoi/index.html', '/hoi-dap/tra-cuu/index.html'];
    const dynamic = rendered.filter(
      (r) => /^\/(tin-tuc|van-ban|lich-cong-tac|thu-tuc|hoi-dap|gioi-thieu)\/.+\/.+\.html$/.test(r) && !STATIC.includes(r),
    );
    expect(dynamic.sort()).toEqual([
      '/tin-tuc/bai/ra-mat-mo-hinh-camera-an-ninh-vinh-my-a/index.html',
      '/tin-tuc/quoc-phong-an-ninh/index.html',
    ]);
    expect(log).toContain('(cached)');
    expect(read('tin-tuc/bai/ra-mat-mo-hinh-camera-an-ninh-vinh-my-a/index.html')).toContain('(đã cập nhật)');
    expect(read('index.html')).toContain('(đã cập nhật)');
  });
});

// Runs after the incremental build: an entry that disappears from the CMS must disappear from dist/.
describe('deleted or unpublished entries', () => {
  it('removes their pages from the output of the next build, and keeps the others', async () => {
    const snap = JSON.parse(readFileSync(tmpSnapshot, 'utf8'));
    const gone = snap.articles.find((x: { slug: string }) => x.slug === 'ra-mat-mo-hinh-camera-an-ninh-vinh-my-a');
    const kept = snap.articles.find((x: { slug: string }) => x.slug !== gone.slug);
    expect(read(`tin-tuc/bai/${gone.slug}/index.html`)).toContain('(đã cập nhật)');
    snap.articles = snap.articles.filter((x: { slug: string }) => x.slug !== gone.slug);
    writeFileSync(tmpSnapshot, JSON.stringify(snap));
    await run(process.execPath, [path.join(SITE_DIR, 'node_modules/astro/bin/astro.mjs'), 'build'], buildEnv);
    expect(() => read(`tin-tuc/bai/${gone.slug}/index.html`)).toThrow();
    expect(read(`tin-tuc/bai/${kept.slug}/index.html`)).toContain(kept.title);
    expect(read('index.html')).not.toContain('(đã cập nhật)');
    expect(read('rss.xml')).not.toContain(gone.slug);
    expect(read('robots.txt')).toMatch(/Sitemap/i);
  });
});

// The publisher's quick lane: only the named entries' pages and the first pages of lists, into an empty folder.
/** A build request as the publisher writes it (packages/content's BuildRequest): its path for PORTAL_BUILD_REQUEST. */
function fastRequest(name: string, changed: string, outDir: string, cacheDir: string, manifest: string): string {
  const file = path.join(tmp, `${name}-request.json`);
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      site: 'main',
      mode: 'fast',
      changed: [{ model: 'article', documentId: changed }],
      outDir,
      cacheDir,
      seed: null,
      manifest,
    }),
  );
  return file;
}

describe('fast build (a build request of mode fast)', () => {
  it('renders the changed entry and the list and feed pages, nothing else, and writes its manifest', async () => {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    const changed = snap.articles.find((x: { slug: string }) => x.slug === 'hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026');
    const other = snap.articles.find((x: { slug: string }) => x.slug !== changed.slug);
    const fastOut = path.join(tmp, 'fast-dist');
    const manifest = path.join(tmp, 'fast-manifest.json');
    await run(process.execPath, [path.join(SITE_DIR, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      ...buildEnv,
      PORTAL_CONTENT_SNAPSHOT: snapshotFile,
      PORTAL_BUILD_REQUEST: fastRequest('fast', changed.documentId, fastOut, path.join(tmp, 'fast-cache'), manifest),
    });
    const fastFiles = walk(fastOut).map((f) => path.relative(fastOut, f));
    expect(fastFiles).toContain(`tin-tuc/bai/${changed.slug}/index.html`);
    expect(fastFiles).not.toContain(`tin-tuc/bai/${other.slug}/index.html`);
    for (const f of ['index.html', 'tin-tuc/index.html', 'rss.xml', 'van-ban/index.html']) expect(fastFiles).toContain(f);
    // no other entry pages, no deeper list pages, no sitemap (the publisher patches the live one)
    expect(fastFiles.filter((f) => /^(van-ban|thu-tuc|gioi-thieu)\/[^/]+\/index\.html$/.test(f))).toEqual([]);
    expect(fastFiles.some((f) => /^tin-tuc\/(\d+|[^/]+\/\d+)\/index\.html$/.test(f))).toBe(false);
    expect(fastFiles.some((f) => f.startsWith('sitemap'))).toBe(false);
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    expect(m.rendered).toContain(`/tin-tuc/bai/${changed.slug}/`);
    expect(m.rendered).toContain('/');
    expect(m).toMatchObject({ version: 1, site: 'main', removed: [] });
    expect(fastFiles.filter((f) => f.endsWith('.html')).length).toBeLessThan(htmlFiles.length / 2);
  });
});

// The quick lane holds only a window of the articles (src/lib/fast-seed.ts): its first pages, feeds and
// home page must still be exactly what a full build of the same content shows.
describe('fast build window (150 more articles)', () => {
  it('renders the first pages, feeds, home page and an old article as a full build does, from a window of the store', async () => {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    const [kinhTe, vanHoa] = snap.fields;
    const template = snap.articles.find((x: { slug: string }) => x.slug === 'vinh-thinh-nhan-rong-mo-hinh-tom-lua');
    for (let i = 0; i < 150; i++) {
      // Three articles a day (ties are ordered by title), newest first; every tenth has no field.
      const day = new Date(Date.UTC(2027, 0, 1) - Math.floor(i / 3) * 86_400_000).toISOString();
      snap.articles.push({
        ...template,
        id: 10_000 + i,
        documentId: `window${String(i).padStart(4, '0')}`,
        slug: `tin-thu-cua-so-${i}`,
        title: `Tin thử cửa sổ số ${150 - i}`,
        date: day,
        cover: null,
        featured: false,
        field: i % 10 === 9 ? null : { id: 1, documentId: (i % 2 ? vanHoa : kinhTe).documentId },
      });
    }
    const bigSnapshot = path.join(tmp, 'snapshot-window.json');
    writeFileSync(bigSnapshot, JSON.stringify(snap));
    const fullOut = path.join(tmp, 'window-full');
    const fastOut = path.join(tmp, 'window-fast');
    const old = snap.articles.find((x: { slug: string }) => x.slug === 'tin-thu-cua-so-140');
    const astro = path.join(SITE_DIR, 'node_modules/astro/bin/astro.mjs');
    const env = { ...buildEnv, PORTAL_CONTENT_SNAPSHOT: bigSnapshot };
    await run(process.execPath, [astro, 'build'], { ...env, ASTRO_OUT_DIR: fullOut, ASTRO_CACHE_DIR: path.join(tmp, 'window-full-cache') });
    const log = await run(process.execPath, [astro, 'build'], {
      ...env,
      PORTAL_BUILD_REQUEST: fastRequest(
        'window',
        old.documentId,
        fastOut,
        path.join(tmp, 'window-fast-cache'),
        path.join(tmp, 'window-manifest.json'),
      ),
    });
    // the store: the newest 60 overall and of each field, the newest featured, and the changed article
    const held = Number(/articles: (\d+) from snapshot/.exec(log.replace(/\x1b\[[0-9;]*m/g, ''))?.[1]);
    expect(held).toBeGreaterThan(60);
    expect(held).toBeLessThan(snap.articles.length - 20);
    const same = (rel: string) => {
      const fast = readFileSync(path.join(fastOut, rel), 'utf8');
      expect(fast, rel).toBe(readFileSync(path.join(fullOut, rel), 'utf8'));
      return fast;
    };
    expect(same('tin-tuc/index.html')).toContain(`Trang 1 / ${Math.ceil(snap.articles.length / 20)}`);
    expect(same(`tin-tuc/${kinhTe.slug}/index.html`)).toMatch(/Trang 1 \/ [2-9]/);
    same(`tin-tuc/${vanHoa.slug}/index.html`);
    // the home page's headline is the newest featured article, far outside the newest 60
    expect(same('index.html')).toContain('hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026');
    expect(same('rss.xml').match(/<item>/g)).toHaveLength(50);
    same(`tin-tuc/${kinhTe.slug}/rss.xml`);
    same(`tin-tuc/bai/${old.slug}/index.html`);
  });
});
