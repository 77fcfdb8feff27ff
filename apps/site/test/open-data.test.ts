/**
 * Open data (issue 30): builds the site from the snapshot fixture, reads the DCAT-AP catalogue with
 * jsonld (the vendored context served by a document loader, nothing fetched), validates it against the
 * vendored SHACL shapes with rdf-validate-shacl, then follows every distribution in the build output and
 * parses it (csv-parse, JSON, ical.js), comparing counts with the snapshot's own content.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import jsonld from 'jsonld';
import { Parser as N3Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { DISCLOSURE_KINDS } from '@cong-ttdt/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_DIR, run, serve, walk } from './helpers';

const SITE_URL = 'https://cong.example.gov.vn';
const snapshot = JSON.parse(readFileSync(path.join(SITE_DIR, 'test/fixtures/snapshot.json'), 'utf8'));
const vendoredContext = JSON.parse(readFileSync(path.join(SITE_DIR, 'src/lib/vocab/dcat-ap-context.json'), 'utf8'));
const CONTEXT_URL = `${SITE_URL}/du-lieu-mo/context.jsonld`;
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
// A cell a spreadsheet would run as a formula (put into the build's copy of the snapshot).
const FORMULA = '=HYPERLINK("http://evil.example","x")';

let tmp: string;
let out: string;
let media: Awaited<ReturnType<typeof serve>>;
const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'site-open-data-'));
  out = path.join(tmp, 'dist');
  media = await serve(path.join(SITE_DIR, 'test/fixtures'));
  const copy = structuredClone(snapshot);
  copy.procedures[0].fee = FORMULA;
  const tmpSnapshot = path.join(tmp, 'snapshot.json');
  writeFileSync(tmpSnapshot, JSON.stringify(copy));
  await run(process.execPath, [path.join(SITE_DIR, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    PORTAL_CONTENT_SNAPSHOT: tmpSnapshot,
    CMS_URL: media.url,
    CMS_PUBLIC_URL: 'https://cms.example.gov.vn',
    SITE_URL,
    PORTAL_NOW: '2026-11-27T03:00:00Z',
    ASTRO_OUT_DIR: out,
    ASTRO_CACHE_DIR: path.join(tmp, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
});

afterAll(async () => {
  await media?.close();
  if (tmp && !process.env.KEEP_BUILD) rmSync(tmp, { recursive: true, force: true });
});

/** Serves the vendored context for the catalogue's @context URL; refuses every other URL. */
const documentLoader = async (url: string) => {
  if (url === CONTEXT_URL) return { contextUrl: undefined, documentUrl: url, document: vendoredContext };
  throw new Error(`no network in tests: ${url}`);
};

/** A node of expanded JSON-LD (plain JSON). */
type Node = { [p: string]: unknown };
const nodes = (n: Node | undefined, p: string): Node[] => {
  const v = n?.[p];
  return Array.isArray(v) ? v : [];
};
const first = (n: Node | undefined, p: string): Node | undefined => nodes(n, p)[0];
const idOf = (n: Node, p: string) => String(first(n, p)?.['@id']);
/** The catalogue (or any JSON-LD document) expanded, as plain JSON. */
const expanded = async (doc: object): Promise<Node[]> => JSON.parse(JSON.stringify(await jsonld.expand(doc, { documentLoader })));
/** The document as RDF, in an N3 store. */
const toStore = async (doc: object) =>
  new Store(new N3Parser({ format: 'N-Quads' }).parse(String(await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader }))));

/** Rows of a document table (investment projects, procurement packages) on documents of its disclosure group. */
const tableRows = (disclosure: string, attr: string) =>
  snapshot.documents
    .filter((d: { disclosure: string }) => d.disclosure === disclosure)
    .reduce((n: number, d: Record<string, unknown[] | undefined>) => n + (d[attr]?.length ?? 0), 0);

/** What the site itself shows, computed from the snapshot (not from the site's code). */
function expectedCounts() {
  const latest = new Map<string, { updatedAt: string; entries: unknown[]; board: string }>();
  for (const s of snapshot.schedules) {
    const key = `${s.board.documentId}/${s.weekStart}`;
    const prev = latest.get(key);
    if (!prev || s.updatedAt > prev.updatedAt) latest.set(key, { updatedAt: s.updatedAt, entries: s.entries, board: s.board.documentId });
  }
  const entriesOf = (board: string) => [...latest.values()].filter((x) => x.board === board).reduce((n, x) => n + x.entries.length, 0);
  return {
    'van-ban': snapshot.documents.length,
    'thu-tuc': snapshot.procedures.length,
    'don-vi': snapshot.units.length,
    'danh-ba': snapshot.contacts.length,
    'lich-cong-tac': snapshot.boards.reduce((n: number, b: { documentId: string }) => n + entriesOf(b.documentId), 0),
    'hoi-dap': snapshot.questions.filter((q: { answer?: string | null }) => q.answer?.trim()).length,
    'cong-khai': DISCLOSURE_KINDS.length,
    'du-an-dau-tu-cong': tableRows('investment', 'investmentProjects'),
    'goi-thau': tableRows('procurement', 'procurementPackages'),
    boards: Object.fromEntries(snapshot.boards.map((b: { slug: string; documentId: string }) => [b.slug, entriesOf(b.documentId)])),
  };
}

describe('DCAT-AP catalogue', () => {
  it('serves the vendored context unchanged', () => {
    expect(JSON.parse(read('du-lieu-mo/context.jsonld'))).toEqual(vendoredContext);
  });

  it('conforms to the vendored DCAT-AP shapes (rdf-validate-shacl)', async () => {
    const doc = JSON.parse(read('du-lieu-mo/catalog.jsonld'));
    expect(doc['@context']).toBe(CONTEXT_URL);
    const data = await toStore(doc);
    const shapes = new Store(
      new N3Parser({ format: 'Turtle' }).parse(readFileSync(path.join(SITE_DIR, 'test/fixtures/dcat-ap-shapes.ttl'), 'utf8')),
    );
    const report = await new SHACLValidator(shapes).validate(data);
    const problems = report.results.map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`);
    expect(problems).toEqual([]);
    expect(report.conforms).toBe(true);
    // The shapes do bite: without a publisher the same data fails.
    const broken = structuredClone(doc);
    delete broken.publisher;
    const bad = await toStore(broken);
    expect((await new SHACLValidator(shapes).validate(bad)).conforms).toBe(false);
  });

  it('names the publisher from the site settings, a licence, dates and themes', async () => {
    const [catalog] = await expanded(JSON.parse(read('du-lieu-mo/catalog.jsonld')));
    expect(catalog?.['@type']).toEqual([`${DCAT}Catalog`]);
    const publisher = first(catalog, `${DCT}publisher`);
    expect(first(publisher, 'http://xmlns.com/foaf/0.1/name')?.['@value']).toBe(snapshot['site-setting'].agencyName);
    expect(idOf(catalog ?? {}, `${DCT}license`)).toMatch(/^https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/$/);
    expect(first(catalog, `${DCT}modified`)?.['@type']).toBe('http://www.w3.org/2001/XMLSchema#dateTime');
    for (const ds of nodes(catalog, `${DCAT}dataset`)) {
      expect(nodes(ds, `${DCAT}theme`).length, JSON.stringify(ds['@id'])).toBeGreaterThan(0);
      expect(first(ds, `${DCT}title`)?.['@value']).toBeTruthy();
    }
  });
});

describe('distributions', () => {
  it('every distribution exists in the build with its byte size and media type, and parses', async () => {
    const [catalog] = await expanded(JSON.parse(read('du-lieu-mo/catalog.jsonld')));
    const want = expectedCounts();
    const datasets = nodes(catalog, `${DCAT}dataset`);
    expect(datasets.map((d) => first(d, `${DCT}identifier`)?.['@value']).sort()).toEqual(
      ['van-ban', 'thu-tuc', 'don-vi', 'danh-ba', 'lich-cong-tac', 'hoi-dap', 'cong-khai', 'du-an-dau-tu-cong', 'goi-thau'].sort(),
    );
    let followed = 0;
    for (const ds of datasets) {
      const id = first(ds, `${DCT}identifier`)?.['@value'] as keyof typeof want;
      const count = want[id] as number;
      expect(count, id).toBeGreaterThan(0);
      for (const dist of nodes(ds, `${DCAT}distribution`)) {
        const url = idOf(dist, `${DCAT}downloadURL`);
        expect(idOf(dist, `${DCAT}accessURL`)).toBe(url);
        expect(url.startsWith(`${SITE_URL}/`), url).toBe(true);
        const rel = decodeURIComponent(new URL(url).pathname.slice(1));
        const file = path.join(out, rel);
        expect(Number(first(dist, `${DCAT}byteSize`)?.['@value']), rel).toBe(statSync(file).size);
        const mediaType = idOf(dist, `${DCAT}mediaType`).replace('http://www.iana.org/assignments/media-types/', '');
        const raw = readFileSync(file);
        followed++;
        if (mediaType === 'application/json') {
          const rows = JSON.parse(raw.toString('utf8'));
          expect(rows.length, rel).toBe(count);
          const schema = JSON.parse(read(new URL(idOf(dist, `${DCT}conformsTo`)).pathname.slice(1)));
          for (const r of rows) expect(Object.keys(r)).toEqual(schema.fields.map((f: { name: string }) => f.name));
          for (const f of schema.fields) expect(f.description, `${id}.${f.name}`).toMatch(/\p{L}/u);
        } else if (mediaType === 'text/csv') {
          expect([...raw.subarray(0, 3)], `${rel} starts with a UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
          const rows = parseCsv(raw, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
          expect(rows.length, rel).toBe(count);
          const schema = JSON.parse(read(new URL(idOf(dist, `${DCT}conformsTo`)).pathname.slice(1)));
          expect(Object.keys(rows[0]!)).toEqual(schema.fields.map((f: { name: string }) => f.name));
        } else if (mediaType === 'text/calendar') {
          const board = path.basename(rel, '.ics');
          const cal = new ICAL.Component(ICAL.parse(raw.toString('utf8')));
          expect(cal.getAllSubcomponents('vevent').length, rel).toBe(want.boards[board]);
        } else throw new Error(`unexpected media type ${mediaType} for ${rel}`);
      }
    }
    // JSON + CSV per dataset, one iCalendar feed per board.
    expect(followed).toBe(datasets.length * 2 + snapshot.boards.length);
  });

  it('carries document status, relations as URLs and attachment URLs', () => {
    const docs = JSON.parse(read('du-lieu-mo/van-ban.json')) as Record<string, unknown>[];
    const amended = docs.find((d) => d.slug === 'quyet-dinh-1520-qd-ubnd-2021')!;
    expect(amended.amendedBy).toContain(`${SITE_URL}/van-ban/quyet-dinh-2345-qd-ubnd-2026/`);
    expect(amended.attachments).toContain('https://cms.example.gov.vn/uploads/qd-1520-quy-che-lam-viec.pdf');
    expect(docs.find((d) => d.slug === 'quyet-dinh-45-2019-qd-ubnd')!.status).toBe('replaced');
    const csv = parseCsv(readFileSync(path.join(out, 'du-lieu-mo/van-ban.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.find((d) => d.slug === 'quyet-dinh-1520-qd-ubnd-2021')!.amendedBy).toContain(
      `${SITE_URL}/van-ban/quyet-dinh-2345-qd-ubnd-2026/`,
    );
  });

  it('exports the disclosure kinds: the catalogue, budget stages and the catalogue kind of each document (issue 31)', () => {
    const docs = JSON.parse(read('du-lieu-mo/van-ban.json')) as Record<string, unknown>[];
    expect(docs.find((d) => d.slug === 'nghi-quyet-15-nq-hdnd-2025')).toMatchObject({
      disclosure: 'budget',
      budgetStage: 'estimate',
      budgetStageLabel: 'Dự toán',
      catalogueKind: 'ngan-sach',
    });
    expect(docs.find((d) => d.slug === 'ke-hoach-215-kh-ubnd-2026')).toMatchObject({
      disclosure: 'investment',
      catalogueKind: 'dau-tu-cong',
    });
    const catalogue = JSON.parse(read('du-lieu-mo/cong-khai.json')) as Record<string, unknown>[];
    expect(catalogue.map((r) => r.id)).toEqual(DISCLOSURE_KINDS.map((k) => k.id));
    expect(catalogue.find((r) => r.id === 'mua-sam-dau-thau')).toMatchObject({
      state: 'late',
      late: 1,
      newestTimeliness: 'Trễ 1 ngày làm việc',
      newestUrl: `${SITE_URL}/van-ban/quyet-dinh-2410-qd-ubnd-2026/`,
    });
    const csv = parseCsv(readFileSync(path.join(out, 'du-lieu-mo/cong-khai.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.find((r) => r.id === 'bao-cao-tai-chinh')?.state).toBe('missing');
  });

  it('exports investment projects and procurement packages with codes, labels, whole-đồng amounts and their document (issue 31)', () => {
    const projects = JSON.parse(read('du-lieu-mo/du-an-dau-tu-cong.json')) as Record<string, unknown>[];
    expect(projects.find((r) => r.name === 'Nâng cấp đường Vĩnh Hậu – Vĩnh Hậu A')).toEqual({
      document: 'ke-hoach-215-kh-ubnd-2026',
      documentUrl: `${SITE_URL}/van-ban/ke-hoach-215-kh-ubnd-2026/`,
      documentNumber: '215/KH-UBND',
      issueDate: '2026-11-16',
      year: 2026,
      name: 'Nâng cấp đường Vĩnh Hậu – Vĩnh Hậu A',
      investor: 'Ban Quản lý dự án đầu tư xây dựng huyện Hòa Bình',
      totalInvestment: 24_500_000_000,
      fundingSource: 'provincial_budget',
      fundingSourceLabel: 'Ngân sách tỉnh',
      stage: 'implementation',
      stageLabel: 'Thực hiện đầu tư',
      results: 'Khối lượng thực hiện đạt 35%.',
    });
    const packages = parseCsv(readFileSync(path.join(out, 'du-lieu-mo/goi-thau.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(packages.filter((r) => r.kind === 'plan').map((r) => r.methodLabel)).toEqual([
      'Chỉ định thầu',
      'Đấu thầu rộng rãi',
      'Chào hàng cạnh tranh',
    ]);
    expect(packages.find((r) => r.kind === 'result')).toMatchObject({
      document: 'quyet-dinh-2410-qd-ubnd-2026',
      kindLabel: 'Kết quả lựa chọn nhà thầu',
      method: 'open_bidding',
      winner: 'Công ty TNHH Xây dựng Phước Thành Bạc Liêu (tên giả định)',
      value: '6840000000',
      decisionDate: '2026-11-12',
      year: '2026',
    });
    // The dictionary says what each column holds, amounts as integers; the catalogue points to the list pages.
    const schema = JSON.parse(read('du-lieu-mo/tu-dien/goi-thau.json')) as { fields: Array<{ name: string; type: string }> };
    expect(schema.fields.find((f) => f.name === 'value')?.type).toBe('integer');
    const catalog = JSON.parse(read('du-lieu-mo/catalog.jsonld')) as { dataset: Array<{ identifier: string; landingPage: string }> };
    expect(catalog.dataset.find((d) => d.identifier === 'du-an-dau-tu-cong')?.landingPage).toBe(`${SITE_URL}/cong-khai/dau-tu-cong/`);
    expect(catalog.dataset.find((d) => d.identifier === 'goi-thau')?.landingPage).toBe(`${SITE_URL}/cong-khai/mua-sam-dau-thau/`);
  });

  it('neutralises formula-looking CSV cells and keeps the JSON value as entered', () => {
    const csv = parseCsv(readFileSync(path.join(out, 'du-lieu-mo/thu-tuc.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.map((r) => r.fee)).toContain(`'${FORMULA}`);
    expect(csv.map((r) => r.fee)).not.toContain(FORMULA);
    const json = JSON.parse(read('du-lieu-mo/thu-tuc.json')) as Record<string, unknown>[];
    expect(json.map((r) => r.fee)).toContain(FORMULA);
  });

  it('never contains private attributes', () => {
    const files = walk(path.join(out, 'du-lieu-mo')).concat(walk(path.join(out, 'lich-cong-tac')).filter((f) => f.endsWith('.ics')));
    expect(files.length).toBeGreaterThan(12);
    for (const f of files) {
      const text = readFileSync(f, 'utf8').toLowerCase();
      for (const marker of ['private-marker', 'ấp kín đáo', '2099-01-01', 'classification'])
        expect(text.includes(marker), `${marker} in ${f}`).toBe(false);
    }
  });
});

describe('Dublin Core terms on content pages', () => {
  const DC_PAGES = [
    'van-ban/quyet-dinh-1520-qd-ubnd-2021/index.html',
    'tin-tuc/bai/hoi-nghi-so-ket-kinh-te-xa-hoi-11-thang-2026/index.html',
    'thu-tuc/dang-ky-khai-sinh/index.html',
    'hoi-dap/dang-ky-khai-sinh-qua-han/index.html',
  ];
  /** The page's JSON-LD blocks, expanded by jsonld; the one carrying dcterms:title. */
  async function dcOf(rel: string) {
    const blocks = [...read(rel).matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
    // schema.org blocks name a remote context (not vendored here): only blocks with an inline context.
    for (const b of blocks.filter((x) => typeof x['@context'] === 'object')) {
      const [node] = await expanded(b);
      if (node?.[`${DCT}title`]) return node;
    }
    throw new Error(`no Dublin Core block in ${rel}`);
  }

  it('carries title, publisher, subject and dates, with the page URL as subject', async () => {
    for (const rel of DC_PAGES) {
      const dc = await dcOf(rel);
      expect(dc['@id'], rel).toBe(`${SITE_URL}/${rel.replace(/index\.html$/, '')}`);
      expect(first(dc, `${DCT}publisher`)?.['@value'], rel).toBe(snapshot['site-setting'].agencyName);
      expect(first(dc, `${DCT}modified`)?.['@type'], rel).toMatch(/XMLSchema#dateTime$/);
    }
  });

  it('gives a document its number as identifier, its issuing body as creator and its issue date', async () => {
    const doc = snapshot.documents.find((d: { slug: string }) => d.slug === 'quyet-dinh-1520-qd-ubnd-2021');
    const dc = await dcOf(DC_PAGES[0]!);
    expect(first(dc, `${DCT}identifier`)?.['@value']).toBe(doc.number);
    expect(first(dc, `${DCT}creator`)?.['@value']).toBe(doc.issuingBody);
    expect(first(dc, `${DCT}issued`)).toMatchObject({ '@value': doc.issueDate, '@type': 'http://www.w3.org/2001/XMLSchema#date' });
    const field = snapshot.fields.find((f: { documentId: string }) => f.documentId === snapshot.documents[0].field.documentId);
    expect(first(await dcOf(`van-ban/${snapshot.documents[0].slug}/index.html`), `${DCT}subject`)?.['@value']).toBe(field.name);
  });
});

describe('feeds carry modification times', () => {
  it('each RSS item has dcterms:modified, the channel a lastBuildDate', () => {
    for (const rel of ['rss.xml', 'tin-tuc/kinh-te/rss.xml']) {
      const xml = read(rel);
      expect(xml, rel).toMatch(/<rss[^>]* xmlns:dcterms="http:\/\/purl.org\/dc\/terms\/"/);
      const items = [...xml.matchAll(/<item>(.*?)<\/item>/gs)].map((m) => m[1]!);
      expect(items.length, rel).toBeGreaterThan(0);
      for (const item of items) {
        const slug = /\/tin-tuc\/bai\/([^/]+)\//.exec(item)![1];
        const article = snapshot.articles.find((a: { slug: string }) => a.slug === slug);
        expect(item, slug).toContain(`<dcterms:modified>${new Date(article.updatedAt).toISOString()}</dcterms:modified>`);
      }
      expect(xml, rel).toMatch(/<lastBuildDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT<\/lastBuildDate>/);
    }
  });
});

describe('"Dữ liệu mở" page', () => {
  it('lists every dataset with its distributions and data dictionary, linked from the footer', () => {
    const html = read('du-lieu-mo/index.html');
    expect(html).toContain('<h1>Dữ liệu mở</h1>');
    for (const id of [
      'van-ban',
      'thu-tuc',
      'don-vi',
      'danh-ba',
      'lich-cong-tac',
      'hoi-dap',
      'cong-khai',
      'du-an-dau-tu-cong',
      'goi-thau',
    ]) {
      expect(html).toContain(`id="${id}"`);
      expect(html).toContain(`href="/du-lieu-mo/${id}.csv"`);
      expect(html).toContain(`href="/du-lieu-mo/${id}.json"`);
      expect(html).toContain(`href="/du-lieu-mo/tu-dien/${id}.json"`);
    }
    expect(html).toContain('href="/lich-cong-tac/lanh-dao-ubnd.ics"');
    expect(html).toContain('href="/du-lieu-mo/catalog.jsonld"');
    expect(read('index.html')).toContain('<a href="/du-lieu-mo/">Dữ liệu mở</a>');
  });
});
