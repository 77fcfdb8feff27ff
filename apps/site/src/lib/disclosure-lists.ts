/**
 * The kinds the disclosure catalogue points to, as lists under /cong-khai/ (Law 104/2016 Art. 19 §1 c–đ):
 * public investment projects, procurement packages, plans and strategies. Rows come from the documents'
 * structured tables (document.investmentProjects, document.procurementPackages).
 *
 * Filters are static pages, one per value (/cong-khai/dau-tu-cong/giai-doan/hoan-thanh/): they work
 * without JavaScript, each filtered list has its own address to share or link from the catalogue, and the
 * number of pages stays small (one per value present, not per combination).
 */
import {
  DOC_TYPE_LABELS,
  FUNDING_SOURCE_LABELS,
  INVESTMENT_STAGE_LABELS,
  PROCUREMENT_KIND_LABELS,
  PROCUREMENT_METHOD_LABELS,
  label,
  vnYear,
  type InvestmentProject,
  type ProcurementPackage,
} from '@cong-ttdt/content';
import { slugify } from '@cong-ttdt/vn-text';
import { isFast } from './build-request';
import { collator, type Site } from './data';
import { cacheKey } from './hash';
import type { Doc, Entry } from './types';
import { SECTIONS } from './urls';

export interface ProjectRow {
  project: InvestmentProject;
  doc: Entry<Doc>;
  year: number;
}
export interface PackageRow {
  pkg: ProcurementPackage;
  doc: Entry<Doc>;
  year: number;
}

const newestFirst = <R extends { doc: Entry<Doc> }>(a: R, b: R) => b.doc.data.issueDate.localeCompare(a.doc.data.issueDate);

/** Projects of the public investment documents, newest document first; the year is the document's. */
export function investmentRows(s: Site): ProjectRow[] {
  return s.documents
    .filter((d) => d.data.disclosure === 'investment')
    .flatMap((doc) => (doc.data.investmentProjects ?? []).map((project) => ({ project, doc, year: vnYear(doc.data.issueDate) })))
    .sort(newestFirst);
}

/** Packages of the procurement documents; the year is the decision's (else the document's). */
export function procurementRows(s: Site): PackageRow[] {
  return s.documents
    .filter((d) => d.data.disclosure === 'procurement')
    .flatMap((doc) =>
      (doc.data.procurementPackages ?? []).map((pkg) => ({ pkg, doc, year: vnYear(pkg.decisionDate ?? doc.data.issueDate) })),
    )
    .sort(newestFirst);
}

/** Strategies, plans and planning documents (disclosure "planning"), newest first. */
function planningRows(s: Site): Array<{ doc: Entry<Doc>; year: number }> {
  return s.documents
    .filter((d) => d.data.disclosure === 'planning')
    .map((doc) => ({ doc, year: vnYear(doc.data.issueDate) }))
    .sort(newestFirst);
}

/** Whole đồng with Vietnamese digit grouping (24.500.000.000); amounts are bigintegers, kept exact. */
export function formatVnd(value: string | null | undefined): string {
  if (value == null || !/^\d+$/.test(value)) return '';
  return value.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

interface FacetOption<R> {
  slug: string;
  label: string;
  match: (r: R) => boolean;
}
interface Facet<R> {
  /** Path segment: /cong-khai/<list>/<facet id>/<option slug>/. */
  id: string;
  title: string;
  options: FacetOption<R>[];
}

const byCode = <R, K extends string>(labels: Record<K, string>, get: (r: R) => string | null | undefined, slugs?: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((code) => ({
    slug: slugs?.[code] ?? slugify(labels[code]),
    label: labels[code],
    match: (r: R) => get(r) === code,
  }));
const byYear = <R extends { year: number }>(rows: R[]): FacetOption<R>[] =>
  [...new Set(rows.map((r) => r.year))]
    .sort((a, b) => b - a)
    .map((y) => ({ slug: String(y), label: String(y), match: (r: R) => r.year === y }));

interface DisclosureList<R> {
  /** Directory under /cong-khai/. */
  id: string;
  title: string;
  intro: string;
  rows: (s: Site) => R[];
  facets: (rows: R[]) => Facet<R>[];
}

export const INVESTMENT_LIST: DisclosureList<ProjectRow> = {
  id: 'dau-tu-cong',
  title: 'Dự án đầu tư công',
  intro:
    'Danh mục dự án đầu tư công: tên dự án, chủ đầu tư, tổng mức đầu tư, nguồn vốn, giai đoạn và kết quả thực hiện, theo văn bản công khai đầu tư công (Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm đ).',
  rows: investmentRows,
  facets: (rows) => [
    { id: 'giai-doan', title: 'Giai đoạn', options: byCode(INVESTMENT_STAGE_LABELS, (r: ProjectRow) => r.project.stage) },
    { id: 'nguon-von', title: 'Nguồn vốn', options: byCode(FUNDING_SOURCE_LABELS, (r: ProjectRow) => r.project.fundingSource) },
    { id: 'nam', title: 'Năm', options: byYear(rows) },
  ],
};

export const PROCUREMENT_LIST: DisclosureList<PackageRow> = {
  id: 'mua-sam-dau-thau',
  title: 'Kế hoạch và kết quả lựa chọn nhà thầu',
  intro:
    'Các gói thầu mua sắm công, đầu tư công: kế hoạch lựa chọn nhà thầu (hình thức, giá gói thầu) và kết quả (nhà thầu trúng thầu, giá trúng thầu), theo văn bản công khai mua sắm, đấu thầu (Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm đ).',
  rows: procurementRows,
  facets: (rows) => [
    {
      id: 'loai',
      title: 'Kế hoạch, kết quả',
      options: byCode(PROCUREMENT_KIND_LABELS, (r: PackageRow) => r.pkg.kind, { plan: 'ke-hoach', result: 'ket-qua' }),
    },
    { id: 'hinh-thuc', title: 'Hình thức lựa chọn nhà thầu', options: byCode(PROCUREMENT_METHOD_LABELS, (r: PackageRow) => r.pkg.method) },
    { id: 'nam', title: 'Năm', options: byYear(rows) },
  ],
};

export const PLANNING_LIST: DisclosureList<{ doc: Entry<Doc>; year: number }> = {
  id: 'chien-luoc-ke-hoach',
  title: 'Chiến lược, kế hoạch, quy hoạch',
  intro:
    'Chiến lược, chương trình, đề án, kế hoạch, quy hoạch phát triển kinh tế - xã hội của địa phương (Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm c).',
  rows: planningRows,
  facets: (rows) => [
    {
      id: 'loai',
      title: 'Loại văn bản',
      options: byCode(DOC_TYPE_LABELS, (r: { doc: Entry<Doc> }) => r.doc.data.docType).sort((a, b) => collator.compare(a.label, b.label)),
    },
    { id: 'nam', title: 'Năm', options: byYear(rows) },
  ],
};

export const listUrl = (list: { id: string }, facet?: string, option?: string) =>
  `${SECTIONS.disclosure}${list.id}/${facet && option ? `${facet}/${option}/` : ''}`;

export interface ListPage<R> {
  rows: R[];
  /** Every facet with the options that have rows (and how many), the chosen one marked. */
  facets: Array<{
    id: string;
    title: string;
    options: Array<{ slug: string; label: string; count: number; current: boolean; href: string }>;
  }>;
  /** "Giai đoạn: Hoàn thành", when a filter is chosen. */
  chosen: string | null;
}

/** A list page's title: the list's, with the chosen filter after a dash. */
export const listTitle = (list: { title: string }, page: { chosen: string | null }) =>
  page.chosen ? `${list.title} – ${page.chosen}` : list.title;

/**
 * Paths of a list: the whole list and one page per facet value present. Every page shows the facet
 * counts, so each depends on all the list's documents (its cache key). A fast build renders the whole
 * list only; the full build that follows brings the filtered pages up to date.
 */
export function listPaths<R extends { doc: Entry<Doc> }>(s: Site, list: DisclosureList<R>) {
  const rows = list.rows(s);
  const key = cacheKey(s.settings.digest, [...new Set(rows.map((r) => `${r.doc.id}:${r.doc.digest}`))]);
  const all = { params: { filter: undefined }, props: {}, cacheKey: key };
  if (isFast()) return [all];
  const filtered = list
    .facets(rows)
    .flatMap((f) =>
      f.options.filter((o) => rows.some(o.match)).map((o) => ({ params: { filter: `${f.id}/${o.slug}` }, props: {}, cacheKey: key })),
    );
  return [all, ...filtered];
}

/** One page of a list: its rows under the filter in the URL (`giai-doan/hoan-thanh`), and the filter links. */
export function listPage<R>(s: Site, list: DisclosureList<R>, filter: string | undefined): ListPage<R> {
  const all = list.rows(s);
  const [facetId, slug] = filter ? filter.split('/') : [];
  const facets = list.facets(all);
  const facet = facets.find((f) => f.id === facetId);
  const option = facet?.options.find((o) => o.slug === slug);
  return {
    rows: option ? all.filter(option.match) : all,
    chosen: facet && option ? `${facet.title}: ${option.label}` : null,
    facets: facets.map((f) => ({
      id: f.id,
      title: f.title,
      options: f.options
        .map((o) => ({
          slug: o.slug,
          label: o.label,
          count: all.filter(o.match).length,
          current: f.id === facetId && o.slug === slug,
          href: listUrl(list, f.id, o.slug),
        }))
        .filter((o) => o.count > 0),
    })),
  };
}

export const fundingLabel = (v: string | null | undefined) => label(FUNDING_SOURCE_LABELS, v);
export const stageLabel = (v: string | null | undefined) => label(INVESTMENT_STAGE_LABELS, v);
export const procurementKindLabel = (v: string | null | undefined) => label(PROCUREMENT_KIND_LABELS, v);
export const methodLabel = (v: string | null | undefined) => label(PROCUREMENT_METHOD_LABELS, v);
