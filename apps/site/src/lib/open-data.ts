/**
 * Open data (issue 30): the public registers as datasets, defined once here. Every endpoint under
 * src/pages/du-lieu-mo/, the DCAT-AP catalogue and the "Dữ liệu mở" page read these definitions, so a
 * column added here shows up in the JSON, the CSV, the data dictionary and the catalogue's byte sizes.
 * Rows come from the content store (the loader's public projection): nothing private can enter.
 */
import {
  BUDGET_STAGE_LABELS,
  DISCLOSURE_LABELS,
  DOC_TYPE_LABELS,
  DOCUMENT_STATUS_LABELS,
  FUNDING_SOURCE_LABELS,
  INVESTMENT_STAGE_LABELS,
  ONLINE_LEVEL_LABELS,
  PROCEDURE_LEVEL_LABELS,
  PROCUREMENT_KIND_LABELS,
  PROCUREMENT_METHOD_LABELS,
  UNIT_KIND_LABELS,
  label,
} from '@cong-ttdt/content';
import { CATALOGUE_STATE_LABELS, documentKind, timelinessLabel, type CatalogueRow } from '@cong-ttdt/workflow';
import { toCsv } from '@cong-ttdt/workflow/reports';
import { answeredQuestions, disclosureCatalogue, docRelations, docStatus, entriesByDay, schedulesOfBoard, type Site } from './data';
import {
  INVESTMENT_LIST,
  PROCUREMENT_LIST,
  investmentRows,
  listUrl,
  procurementRows,
  type PackageRow,
  type ProjectRow,
} from './disclosure-lists';
import { buildIcs } from './ics';
import { publicMediaUrl } from './media';
import type { Board, Contact, Doc, Entry, Procedure, Question, Schedule, Unit } from './types';
import { SECTIONS, SITE_URL, absoluteUrl, boardUrl, documentUrl, icsUrl, procedureUrl, questionUrl, weekUrl } from './urls';
import context from './vocab/dcat-ap-context.json';

export const OPEN_DATA_PATH = SECTIONS.openData;
export const catalogPath = `${OPEN_DATA_PATH}catalog.jsonld`;
export const contextPath = `${OPEN_DATA_PATH}context.jsonld`;
export const jsonPath = (id: string) => `${OPEN_DATA_PATH}${id}.json`;
export const csvPath = (id: string) => `${OPEN_DATA_PATH}${id}.csv`;
export const schemaPath = (id: string) => `${OPEN_DATA_PATH}tu-dien/${id}.json`;
export const datasetAnchor = (id: string) => `${OPEN_DATA_PATH}#${id}`;

/** The vendored JSON-LD context the catalogue refers to (served at contextPath, never fetched). */
export const DCAT_CONTEXT = context;

/** Licence of every dataset: attribution, as the portal's footer already asks of re-publishers. */
export const LICENSE = { url: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)' };

const EU = 'http://publications.europa.eu/resource/authority';
const THEME = (code: string) => `${EU}/data-theme/${code}`;
const MEDIA = (type: string) => `http://www.iana.org/assignments/media-types/${type}`;

type Value = string | number | boolean | null | string[];
/** Table Schema (frictionlessdata.io) field types: the data dictionary uses that format. */
type FieldType = 'string' | 'integer' | 'boolean' | 'date' | 'datetime' | 'time' | 'array';

export interface Column<R> {
  name: string;
  type: FieldType;
  /** The value is a URL (or, for arrays, a list of URLs). */
  uri?: boolean;
  /** Meaning, in Vietnamese. */
  description: string;
  value: (r: R, s: Site) => Value;
}

export interface Distribution {
  title: string;
  path: string;
  mediaType: string;
  /** EU file-type code, when that vocabulary has one. */
  format?: string;
  body: string;
  /** Table Schema the rows follow (JSON and CSV). */
  schema?: string;
}

interface Definition<R> {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  themes: string[];
  /** The site's own page for the same register. */
  landingPage: string;
  rows: (s: Site) => R[];
  columns: Column<R>[];
  /** Store entry behind a row (for issued/modified). */
  entry: (r: R) => { publishedAt?: string | null; updatedAt?: string | null };
  /** Further distributions (the schedules' iCalendar feeds). */
  more?: (s: Site) => Distribution[];
}

/** A dataset with its row type erased: the rows are only reachable as records. */
export interface Dataset extends Omit<Definition<never>, 'rows' | 'columns' | 'entry'> {
  columns: Omit<Column<never>, 'value'>[];
  records: (s: Site) => Record<string, Value>[];
  /** Store entries behind the rows (for issued/modified). */
  entries: (s: Site) => Array<{ publishedAt?: string | null; updatedAt?: string | null }>;
}

function define<R>({ rows, columns, entry, ...meta }: Definition<R>): Dataset {
  return {
    ...meta,
    columns: columns.map(({ value: _, ...c }) => c),
    records: (s) => rows(s).map((r) => Object.fromEntries(columns.map((c) => [c.name, c.value(r, s)]))),
    entries: (s) => rows(s).map(entry),
  };
}

const urls = (list: Array<{ url: string } | null | undefined>) => list.filter((m): m is { url: string } => !!m?.url).map(publicMediaUrl);
const time = (t: string | null | undefined) => (t ? t.slice(0, 8) : null);
const fieldName = (s: Site, id: string | null | undefined) => (id ? (s.fieldById.get(id)?.data.name ?? null) : null);
const unitSlug = (s: Site, id: string | null | undefined) => (id ? (s.unitById.get(id)?.data.slug ?? null) : null);
const unitName = (s: Site, id: string | null | undefined) => (id ? (s.unitById.get(id)?.data.name ?? null) : null);
const docUrls = (list: Entry<Doc>[]) => list.map((d) => absoluteUrl(documentUrl(d.data.slug)));
/** Whole đồng as a JSON number (exact up to 9 triệu tỷ đồng; the CMS stores a biginteger string). */
const amount = (v: string | null | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
/**
 * An enumeration as two columns: its code (the description lists the codes) and its Vietnamese name.
 * `labelWhat` when the name column's description is shorter than the code's.
 */
const codeAndLabel = <R>(
  name: string,
  what: string,
  labels: Record<string, string>,
  code: (r: R) => string | null | undefined,
  labelWhat = what,
): Column<R>[] => [
  { name, type: 'string', description: `${what} (${Object.keys(labels).join(', ')})`, value: (r) => code(r) ?? null },
  { name: `${name}Label`, type: 'string', description: `${labelWhat} (tên)`, value: (r) => label(labels, code(r)) },
];
/** The columns that name the document a structured row comes from. */
const sourceColumns = <R extends { doc: Entry<Doc>; year: number }>(): Column<R>[] => [
  { name: 'document', type: 'string', description: 'Mã định danh (slug) của văn bản công khai', value: (r) => r.doc.data.slug },
  {
    name: 'documentUrl',
    type: 'string',
    uri: true,
    description: 'Địa chỉ trang văn bản trên cổng',
    value: (r) => absoluteUrl(documentUrl(r.doc.data.slug)),
  },
  { name: 'documentNumber', type: 'string', description: 'Số, ký hiệu văn bản', value: (r) => r.doc.data.number },
  { name: 'issueDate', type: 'date', description: 'Ngày ban hành văn bản', value: (r) => r.doc.data.issueDate },
  { name: 'year', type: 'integer', description: 'Năm (lọc trên cổng theo năm này)', value: (r) => r.year },
];

/** A catalogue row with the store entry of its newest item (issued/modified). */
type CatalogueRecord = { row: CatalogueRow; entry: { publishedAt?: string | null; updatedAt?: string | null } };
const catalogueRecords = (s: Site): CatalogueRecord[] =>
  disclosureCatalogue(s).rows.map((row) => {
    const id = row.newest?.id;
    const entry = id ? (s.documentById.get(id) ?? s.procedures.find((p) => p.id === id) ?? s.unitById.get(id)) : undefined;
    return { row, entry: entry?.data ?? {} };
  });

type ScheduleRow = { board: Entry<Board>; schedule: Entry<Schedule>; entry: NonNullable<Schedule['entries']>[number] };

export const DATASETS: Dataset[] = [
  define<Entry<Doc>>({
    id: 'van-ban',
    title: 'Văn bản chỉ đạo, điều hành',
    description:
      'Danh mục văn bản đăng trên cổng: số, ký hiệu, trích yếu, cơ quan ban hành, ngày ban hành, hiệu lực, quan hệ thay thế và sửa đổi giữa các văn bản, tệp đính kèm.',
    keywords: ['văn bản', 'quyết định', 'hiệu lực'],
    themes: [THEME('GOVE'), THEME('JUST')],
    landingPage: '/van-ban/',
    rows: (s) => s.documents,
    entry: (d) => d.data,
    columns: [
      { name: 'slug', type: 'string', description: 'Mã định danh của văn bản trong địa chỉ trang', value: (d) => d.data.slug },
      {
        name: 'url',
        type: 'string',
        uri: true,
        description: 'Địa chỉ trang văn bản trên cổng',
        value: (d) => absoluteUrl(documentUrl(d.data.slug)),
      },
      { name: 'number', type: 'string', description: 'Số, ký hiệu văn bản', value: (d) => d.data.number },
      { name: 'title', type: 'string', description: 'Trích yếu nội dung', value: (d) => d.data.title },
      { name: 'docType', type: 'string', description: 'Loại văn bản (mã)', value: (d) => d.data.docType },
      { name: 'docTypeLabel', type: 'string', description: 'Loại văn bản (tên)', value: (d) => label(DOC_TYPE_LABELS, d.data.docType) },
      { name: 'level', type: 'string', description: 'Cấp ban hành (central, province, district, commune)', value: (d) => d.data.level },
      { name: 'issuingBody', type: 'string', description: 'Cơ quan ban hành', value: (d) => d.data.issuingBody },
      { name: 'signer', type: 'string', description: 'Người ký', value: (d) => d.data.signer ?? null },
      { name: 'field', type: 'string', description: 'Lĩnh vực', value: (d, s) => fieldName(s, d.data.field) },
      { name: 'issueDate', type: 'date', description: 'Ngày ban hành', value: (d) => d.data.issueDate },
      { name: 'effectiveDate', type: 'date', description: 'Ngày có hiệu lực', value: (d) => d.data.effectiveDate ?? null },
      { name: 'expiryDate', type: 'date', description: 'Ngày hết hiệu lực', value: (d) => d.data.expiryDate ?? null },
      {
        name: 'status',
        type: 'string',
        description: `Tình trạng vào ngày xuất bản dữ liệu (${Object.keys(DOCUMENT_STATUS_LABELS).join(', ')})`,
        value: (d, s) => docStatus(s, d),
      },
      {
        name: 'statusLabel',
        type: 'string',
        description: 'Tình trạng hiệu lực (tên)',
        value: (d, s) => label(DOCUMENT_STATUS_LABELS, docStatus(s, d)),
      },
      {
        name: 'replaces',
        type: 'array',
        uri: true,
        description: 'Các văn bản bị văn bản này thay thế',
        value: (d, s) => docUrls(docRelations(s, d).replaces),
      },
      {
        name: 'replacedBy',
        type: 'array',
        uri: true,
        description: 'Các văn bản thay thế văn bản này',
        value: (d, s) => docUrls(docRelations(s, d).replacedBy),
      },
      {
        name: 'amends',
        type: 'array',
        uri: true,
        description: 'Các văn bản được văn bản này sửa đổi, bổ sung',
        value: (d, s) => docUrls(docRelations(s, d).amends),
      },
      {
        name: 'amendedBy',
        type: 'array',
        uri: true,
        description: 'Các văn bản sửa đổi, bổ sung văn bản này',
        value: (d, s) => docUrls(docRelations(s, d).amendedBy),
      },
      {
        name: 'attachments',
        type: 'array',
        uri: true,
        description: 'Địa chỉ tải các tệp đính kèm',
        value: (d) => urls(d.data.attachments ?? []),
      },
      {
        name: 'disclosure',
        type: 'string',
        description: `Nhóm công khai thông tin (${Object.keys(DISCLOSURE_LABELS).join(', ')})`,
        value: (d) => d.data.disclosure,
      },
      {
        name: 'disclosureLabel',
        type: 'string',
        description: 'Nhóm công khai thông tin (tên)',
        value: (d) => label(DISCLOSURE_LABELS, d.data.disclosure),
      },
      {
        name: 'catalogueKind',
        type: 'string',
        description: 'Loại thông tin trong Danh mục thông tin phải được công khai (mã, xem tập dữ liệu cong-khai)',
        value: (d) => documentKind(d.data),
      },
      {
        name: 'budgetStage',
        type: 'string',
        description: `Giai đoạn ngân sách của văn bản công khai ngân sách (${Object.keys(BUDGET_STAGE_LABELS).join(', ')})`,
        value: (d) => d.data.budgetStage ?? null,
      },
      {
        name: 'budgetStageLabel',
        type: 'string',
        description: 'Giai đoạn ngân sách (tên)',
        value: (d) => (d.data.budgetStage ? label(BUDGET_STAGE_LABELS, d.data.budgetStage) : null),
      },
      { name: 'commentFrom', type: 'date', description: 'Ngày bắt đầu lấy ý kiến (dự thảo)', value: (d) => d.data.commentFrom ?? null },
      { name: 'commentTo', type: 'date', description: 'Ngày kết thúc lấy ý kiến (dự thảo)', value: (d) => d.data.commentTo ?? null },
      { name: 'body', type: 'string', description: 'Nội dung tóm tắt hoặc toàn văn (Markdown)', value: (d) => d.data.body ?? null },
      { name: 'updatedAt', type: 'datetime', description: 'Thời điểm cập nhật gần nhất', value: (d) => d.data.updatedAt ?? null },
    ],
  }),
  define<Entry<Procedure>>({
    id: 'thu-tuc',
    title: 'Thủ tục hành chính',
    description: 'Thủ tục hành chính: trình tự, hồ sơ, thời hạn, phí, lệ phí, căn cứ pháp lý, mẫu đơn và mức độ trực tuyến.',
    keywords: ['thủ tục hành chính', 'dịch vụ công'],
    themes: [THEME('GOVE')],
    landingPage: '/thu-tuc/',
    rows: (s) => s.procedures,
    entry: (p) => p.data,
    columns: [
      { name: 'slug', type: 'string', description: 'Mã định danh của thủ tục trong địa chỉ trang', value: (p) => p.data.slug },
      {
        name: 'url',
        type: 'string',
        uri: true,
        description: 'Địa chỉ trang thủ tục trên cổng',
        value: (p) => absoluteUrl(procedureUrl(p.data.slug)),
      },
      { name: 'code', type: 'string', description: 'Mã thủ tục', value: (p) => p.data.code ?? null },
      { name: 'name', type: 'string', description: 'Tên thủ tục', value: (p) => p.data.name },
      { name: 'level', type: 'string', description: 'Cấp thực hiện (mã)', value: (p) => p.data.level },
      { name: 'levelLabel', type: 'string', description: 'Cấp thực hiện (tên)', value: (p) => label(PROCEDURE_LEVEL_LABELS, p.data.level) },
      { name: 'field', type: 'string', description: 'Lĩnh vực', value: (p, s) => fieldName(s, p.data.field) },
      { name: 'agency', type: 'string', description: 'Cơ quan thực hiện', value: (p) => p.data.agency ?? null },
      { name: 'steps', type: 'string', description: 'Trình tự thực hiện (Markdown)', value: (p) => p.data.steps ?? null },
      { name: 'dossier', type: 'string', description: 'Thành phần hồ sơ (Markdown)', value: (p) => p.data.dossier ?? null },
      { name: 'processingTime', type: 'string', description: 'Thời hạn giải quyết', value: (p) => p.data.processingTime ?? null },
      { name: 'fee', type: 'string', description: 'Phí, lệ phí', value: (p) => p.data.fee ?? null },
      { name: 'result', type: 'string', description: 'Kết quả thực hiện', value: (p) => p.data.result ?? null },
      {
        name: 'legalBasis',
        type: 'array',
        uri: true,
        description: 'Căn cứ pháp lý (địa chỉ trang văn bản)',
        value: (p, s) => docUrls(p.data.legalBasis.map((id) => s.documentById.get(id)).filter((d): d is Entry<Doc> => !!d)),
      },
      { name: 'forms', type: 'array', uri: true, description: 'Địa chỉ tải mẫu đơn, tờ khai', value: (p) => urls(p.data.forms ?? []) },
      { name: 'onlineLevel', type: 'string', description: 'Mức độ trực tuyến (mã)', value: (p) => p.data.onlineLevel },
      {
        name: 'onlineLevelLabel',
        type: 'string',
        description: 'Mức độ trực tuyến (tên)',
        value: (p) => label(ONLINE_LEVEL_LABELS, p.data.onlineLevel),
      },
      { name: 'onlineUrl', type: 'string', uri: true, description: 'Địa chỉ nộp hồ sơ trực tuyến', value: (p) => p.data.onlineUrl ?? null },
      { name: 'updatedAt', type: 'datetime', description: 'Thời điểm cập nhật gần nhất', value: (p) => p.data.updatedAt ?? null },
    ],
  }),
  define<Entry<Unit>>({
    id: 'don-vi',
    title: 'Cơ quan, đơn vị',
    description: 'Cơ cấu tổ chức: các cơ quan, đơn vị, đơn vị cấp trên, địa chỉ, điện thoại và thư điện tử công vụ.',
    keywords: ['cơ cấu tổ chức', 'đơn vị'],
    themes: [THEME('GOVE')],
    landingPage: '/danh-ba/',
    rows: (s) => s.units,
    entry: (u) => u.data,
    columns: [
      { name: 'slug', type: 'string', description: 'Mã định danh của đơn vị', value: (u) => u.data.slug },
      { name: 'name', type: 'string', description: 'Tên đơn vị', value: (u) => u.data.name },
      { name: 'shortName', type: 'string', description: 'Tên viết tắt', value: (u) => u.data.shortName ?? null },
      { name: 'kind', type: 'string', description: 'Loại đơn vị (mã)', value: (u) => u.data.kind ?? null },
      { name: 'kindLabel', type: 'string', description: 'Loại đơn vị (tên)', value: (u) => label(UNIT_KIND_LABELS, u.data.kind) || null },
      {
        name: 'parent',
        type: 'string',
        description: 'Mã định danh (slug) của đơn vị cấp trên',
        value: (u, s) => unitSlug(s, u.data.parent),
      },
      { name: 'address', type: 'string', description: 'Địa chỉ', value: (u) => u.data.address ?? null },
      { name: 'phone', type: 'string', description: 'Điện thoại', value: (u) => u.data.phone ?? null },
      { name: 'email', type: 'string', description: 'Thư điện tử công vụ', value: (u) => u.data.email ?? null },
      { name: 'description', type: 'string', description: 'Chức năng, nhiệm vụ', value: (u) => u.data.description ?? null },
      { name: 'order', type: 'integer', description: 'Thứ tự hiển thị', value: (u) => u.data.order ?? null },
      { name: 'updatedAt', type: 'datetime', description: 'Thời điểm cập nhật gần nhất', value: (u) => u.data.updatedAt ?? null },
    ],
  }),
  define<Entry<Contact>>({
    id: 'danh-ba',
    title: 'Danh bạ cán bộ',
    description: 'Danh bạ điện thoại, thư điện tử công vụ của lãnh đạo và cán bộ, như trang Danh bạ của cổng.',
    keywords: ['danh bạ', 'người phát ngôn'],
    themes: [THEME('GOVE')],
    landingPage: '/danh-ba/',
    rows: (s) => s.contacts,
    entry: (c) => c.data,
    columns: [
      { name: 'fullName', type: 'string', description: 'Họ và tên', value: (c) => c.data.fullName },
      { name: 'position', type: 'string', description: 'Chức vụ', value: (c) => c.data.position },
      { name: 'unit', type: 'string', description: 'Mã định danh (slug) của đơn vị công tác', value: (c, s) => unitSlug(s, c.data.unit) },
      { name: 'unitName', type: 'string', description: 'Tên đơn vị công tác', value: (c, s) => unitName(s, c.data.unit) },
      { name: 'officePhone', type: 'string', description: 'Điện thoại cơ quan', value: (c) => c.data.officePhone ?? null },
      { name: 'mobile', type: 'string', description: 'Điện thoại di động công vụ', value: (c) => c.data.mobile ?? null },
      { name: 'email', type: 'string', description: 'Thư điện tử công vụ', value: (c) => c.data.email ?? null },
      { name: 'spokesperson', type: 'boolean', description: 'Là người phát ngôn', value: (c) => !!c.data.spokesperson },
      { name: 'updatedAt', type: 'datetime', description: 'Thời điểm cập nhật gần nhất', value: (c) => c.data.updatedAt ?? null },
    ],
  }),
  define<ScheduleRow>({
    id: 'lich-cong-tac',
    title: 'Lịch công tác',
    description: 'Lịch công tác hằng tuần của lãnh đạo: mỗi dòng là một hoạt động (ngày, giờ, nội dung, chủ trì, thành phần, địa điểm).',
    keywords: ['lịch công tác', 'lãnh đạo'],
    themes: [THEME('GOVE')],
    landingPage: '/lich-cong-tac/',
    rows: (s) =>
      s.boards.flatMap((board) =>
        schedulesOfBoard(s, board.id)
          .reverse()
          .flatMap((schedule) => entriesByDay(schedule.data).flatMap(([, list]) => list.map((entry) => ({ board, schedule, entry })))),
      ),
    entry: (r) => r.schedule.data,
    columns: [
      { name: 'board', type: 'string', description: 'Mã định danh (slug) của lịch', value: (r) => r.board.data.slug },
      { name: 'boardName', type: 'string', description: 'Tên lịch (lãnh đạo, cơ quan)', value: (r) => r.board.data.name },
      { name: 'weekStart', type: 'date', description: 'Ngày thứ Hai của tuần', value: (r) => r.schedule.data.weekStart },
      {
        name: 'weekUrl',
        type: 'string',
        uri: true,
        description: 'Địa chỉ trang lịch tuần trên cổng',
        value: (r) => absoluteUrl(weekUrl(r.board.data.slug, r.schedule.data.weekStart)),
      },
      { name: 'date', type: 'date', description: 'Ngày diễn ra', value: (r) => r.entry.date },
      { name: 'startTime', type: 'time', description: 'Giờ bắt đầu (giờ Việt Nam)', value: (r) => time(r.entry.startTime) },
      { name: 'endTime', type: 'time', description: 'Giờ kết thúc (giờ Việt Nam)', value: (r) => time(r.entry.endTime) },
      { name: 'content', type: 'string', description: 'Nội dung công việc', value: (r) => r.entry.content },
      { name: 'chair', type: 'string', description: 'Chủ trì', value: (r) => r.entry.chair ?? null },
      { name: 'participants', type: 'string', description: 'Thành phần', value: (r) => r.entry.participants ?? null },
      { name: 'location', type: 'string', description: 'Địa điểm', value: (r) => r.entry.location ?? null },
      { name: 'preparingUnit', type: 'string', description: 'Đơn vị chuẩn bị', value: (r) => r.entry.preparingUnit ?? null },
      { name: 'note', type: 'string', description: 'Ghi chú', value: (r) => r.entry.note ?? null },
      { name: 'amended', type: 'boolean', description: 'Nội dung đã được điều chỉnh', value: (r) => !!r.entry.amended },
      { name: 'amendedAt', type: 'datetime', description: 'Thời điểm điều chỉnh', value: (r) => r.entry.amendedAt ?? null },
    ],
    more: (s) =>
      s.boards.map((board) => ({
        title: `${board.data.name} (iCalendar)`,
        path: icsUrl(board.data.slug),
        mediaType: 'text/calendar',
        body: boardCalendar(s, board),
      })),
  }),
  define<Entry<Question>>({
    id: 'hoi-dap',
    title: 'Hỏi đáp',
    description: 'Câu hỏi của người dân, doanh nghiệp đã được trả lời và công bố trên cổng, cùng câu trả lời của cơ quan có thẩm quyền.',
    keywords: ['hỏi đáp', 'phản ánh, kiến nghị'],
    themes: [THEME('GOVE')],
    landingPage: '/hoi-dap/',
    rows: answeredQuestions,
    entry: (q) => q.data,
    columns: [
      { name: 'slug', type: 'string', description: 'Mã định danh của câu hỏi trong địa chỉ trang', value: (q) => q.data.slug },
      {
        name: 'url',
        type: 'string',
        uri: true,
        description: 'Địa chỉ trang câu hỏi trên cổng',
        value: (q) => absoluteUrl(questionUrl(q.data.slug)),
      },
      { name: 'title', type: 'string', description: 'Tiêu đề', value: (q) => q.data.title },
      { name: 'question', type: 'string', description: 'Nội dung câu hỏi', value: (q) => q.data.question },
      { name: 'askerName', type: 'string', description: 'Tên người hỏi (như đăng trên cổng)', value: (q) => q.data.askerName },
      { name: 'askedAt', type: 'datetime', description: 'Thời điểm gửi câu hỏi', value: (q) => q.data.askedAt ?? null },
      { name: 'field', type: 'string', description: 'Lĩnh vực', value: (q, s) => fieldName(s, q.data.field) },
      {
        name: 'answeringUnit',
        type: 'string',
        description: 'Mã định danh (slug) của đơn vị trả lời',
        value: (q, s) => unitSlug(s, q.data.answeringUnit),
      },
      { name: 'answeringUnitName', type: 'string', description: 'Tên đơn vị trả lời', value: (q, s) => unitName(s, q.data.answeringUnit) },
      { name: 'answer', type: 'string', description: 'Nội dung trả lời (Markdown)', value: (q) => q.data.answer ?? null },
      { name: 'answeredAt', type: 'datetime', description: 'Thời điểm trả lời', value: (q) => q.data.answeredAt ?? null },
    ],
  }),
  define<CatalogueRecord>({
    id: 'cong-khai',
    title: 'Danh mục thông tin phải được công khai',
    description:
      'Danh mục thông tin phải được công khai trên cổng (Luật Tiếp cận thông tin 2016, Điều 19): căn cứ pháp lý, nơi đăng, hình thức, thời hạn, thời gian công khai, mục mới nhất và tình trạng đúng hạn của từng loại thông tin.',
    keywords: ['công khai thông tin', 'tiếp cận thông tin'],
    themes: [THEME('GOVE')],
    landingPage: SECTIONS.disclosure,
    rows: catalogueRecords,
    entry: (r) => r.entry,
    columns: [
      { name: 'id', type: 'string', description: 'Mã loại thông tin', value: (r) => r.row.kind.id },
      { name: 'name', type: 'string', description: 'Loại thông tin', value: (r) => r.row.kind.name },
      { name: 'legalBasis', type: 'string', description: 'Căn cứ pháp lý', value: (r) => r.row.kind.legalBasis },
      { name: 'url', type: 'string', uri: true, description: 'Nơi đăng trên cổng', value: (r) => absoluteUrl(r.row.kind.path) },
      { name: 'place', type: 'string', description: 'Nơi đăng (tên mục)', value: (r) => r.row.kind.place },
      { name: 'form', type: 'string', description: 'Hình thức công khai', value: (r) => r.row.kind.form },
      { name: 'timeLimit', type: 'string', description: 'Thời hạn công khai', value: (r) => r.row.kind.limitText },
      { name: 'period', type: 'string', description: 'Thời gian công khai', value: (r) => r.row.kind.period },
      { name: 'count', type: 'integer', description: 'Số mục đang công khai', value: (r) => r.row.count },
      { name: 'late', type: 'integer', description: 'Số mục công khai sau thời hạn', value: (r) => r.row.late },
      { name: 'newestTitle', type: 'string', description: 'Mục mới nhất', value: (r) => r.row.newest?.title ?? null },
      {
        name: 'newestUrl',
        type: 'string',
        uri: true,
        description: 'Địa chỉ mục mới nhất',
        value: (r) => (r.row.newest?.url ? absoluteUrl(r.row.newest.url) : null),
      },
      { name: 'newestPublished', type: 'date', description: 'Ngày đăng mục mới nhất', value: (r) => r.row.newest?.published ?? null },
      {
        name: 'newestTimeliness',
        type: 'string',
        description: 'Mục mới nhất: đúng hạn hay trễ bao nhiêu ngày làm việc',
        value: (r) => (r.row.newest?.timeliness ? timelinessLabel(r.row.newest.timeliness) : null),
      },
      {
        name: 'state',
        type: 'string',
        description: `Tình trạng (${Object.keys(CATALOGUE_STATE_LABELS).join(', ')})`,
        value: (r) => r.row.state,
      },
      { name: 'stateLabel', type: 'string', description: 'Tình trạng (tên)', value: (r) => CATALOGUE_STATE_LABELS[r.row.state] },
    ],
  }),
  define<ProjectRow>({
    id: 'du-an-dau-tu-cong',
    title: 'Dự án đầu tư công',
    description:
      'Danh mục, kết quả dự án đầu tư công theo các văn bản công khai đầu tư công (Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm đ): tên dự án, chủ đầu tư, tổng mức đầu tư, nguồn vốn, giai đoạn và kết quả thực hiện.',
    keywords: ['đầu tư công', 'dự án', 'công khai thông tin'],
    themes: [THEME('GOVE'), THEME('ECON')],
    landingPage: listUrl(INVESTMENT_LIST),
    rows: investmentRows,
    entry: (r) => r.doc.data,
    columns: [
      ...sourceColumns<ProjectRow>(),
      { name: 'name', type: 'string', description: 'Tên dự án', value: (r) => r.project.name },
      { name: 'investor', type: 'string', description: 'Chủ đầu tư', value: (r) => r.project.investor },
      {
        name: 'totalInvestment',
        type: 'integer',
        description: 'Tổng mức đầu tư (đồng)',
        value: (r) => amount(r.project.totalInvestment),
      },
      ...codeAndLabel<ProjectRow>('fundingSource', 'Nguồn vốn', FUNDING_SOURCE_LABELS, (r) => r.project.fundingSource),
      ...codeAndLabel<ProjectRow>('stage', 'Giai đoạn', INVESTMENT_STAGE_LABELS, (r) => r.project.stage),
      { name: 'results', type: 'string', description: 'Kết quả thực hiện', value: (r) => r.project.results ?? null },
    ],
  }),
  define<PackageRow>({
    id: 'goi-thau',
    title: 'Gói thầu',
    description:
      'Kế hoạch và kết quả lựa chọn nhà thầu theo các văn bản công khai mua sắm, đấu thầu (Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm đ): gói thầu, hình thức lựa chọn nhà thầu, nhà thầu trúng thầu, giá gói thầu hoặc giá trúng thầu.',
    keywords: ['đấu thầu', 'mua sắm công', 'công khai thông tin'],
    themes: [THEME('GOVE'), THEME('ECON')],
    landingPage: listUrl(PROCUREMENT_LIST),
    rows: procurementRows,
    entry: (r) => r.doc.data,
    columns: [
      ...sourceColumns<PackageRow>(),
      { name: 'packageName', type: 'string', description: 'Tên gói thầu', value: (r) => r.pkg.packageName },
      ...codeAndLabel<PackageRow>(
        'kind',
        'Kế hoạch hay kết quả lựa chọn nhà thầu',
        PROCUREMENT_KIND_LABELS,
        (r) => r.pkg.kind,
        'Kế hoạch hay kết quả',
      ),
      ...codeAndLabel<PackageRow>('method', 'Hình thức lựa chọn nhà thầu', PROCUREMENT_METHOD_LABELS, (r) => r.pkg.method),
      { name: 'winner', type: 'string', description: 'Nhà thầu trúng thầu (kết quả)', value: (r) => r.pkg.winner ?? null },
      {
        name: 'value',
        type: 'integer',
        description: 'Giá gói thầu (kế hoạch) hoặc giá trúng thầu (kết quả), đồng',
        value: (r) => amount(r.pkg.value),
      },
      { name: 'decisionDate', type: 'date', description: 'Ngày quyết định phê duyệt', value: (r) => r.pkg.decisionDate ?? null },
    ],
  }),
];

/** A board's iCalendar feed (also served by src/pages/lich-cong-tac/[board].ics.ts). */
export function boardCalendar(s: Site, board: Entry<Board>): string {
  return buildIcs({
    board: board.data,
    schedules: schedulesOfBoard(s, board.id)
      .map((x) => x.data)
      .reverse(),
    domain: s.settings.data.domain || new URL(SITE_URL).hostname,
    calendarName: `${board.data.name} – ${s.settings.data.portalName ?? ''}`.replace(/ – $/, ''),
    url: absoluteUrl(boardUrl(board.data.slug)),
  });
}

// ---------- bodies ----------

export const records = (s: Site, d: Dataset) => d.records(s);

/** JSON: an array of records, keys as in the data dictionary. */
export const datasetJson = (s: Site, d: Dataset) => JSON.stringify(records(s, d), null, 1) + '\n';

/** CSV: the reports' writer (UTF-8 BOM, RFC 4180, formula-looking cells neutralised); lists joined by " | ". */
export function datasetCsv(s: Site, d: Dataset): string {
  const cell = (v: Value): string | number | null => (Array.isArray(v) ? v.join(' | ') : typeof v === 'boolean' ? String(v) : v);
  return toCsv({
    title: d.title,
    headers: d.columns.map((c) => c.name),
    rows: records(s, d).map((r) => d.columns.map((c) => cell(r[c.name] ?? null))),
  });
}

/** The data dictionary as a Table Schema (https://specs.frictionlessdata.io/table-schema/). */
export function datasetSchema(d: Dataset) {
  return {
    name: d.id,
    title: d.title,
    description: d.description,
    fields: d.columns.map((c) => ({
      name: c.name,
      type: c.type,
      ...(c.uri && c.type === 'string' ? { format: 'uri' } : {}),
      description: c.description,
      ...(c.type === 'array' ? { 'x-csv-separator': ' | ' } : {}),
    })),
  };
}

export function distributions(s: Site, d: Dataset): Distribution[] {
  return [
    {
      title: `${d.title} (JSON)`,
      path: jsonPath(d.id),
      mediaType: 'application/json',
      format: 'JSON',
      body: datasetJson(s, d),
      schema: schemaPath(d.id),
    },
    {
      title: `${d.title} (CSV)`,
      path: csvPath(d.id),
      mediaType: 'text/csv',
      format: 'CSV',
      body: datasetCsv(s, d),
      schema: schemaPath(d.id),
    },
    ...(d.more?.(s) ?? []),
  ];
}

const byteSize = (body: string) => Buffer.byteLength(body, 'utf8');

function span(s: Site, d: Dataset) {
  const rows = d.entries(s);
  const pick = (k: 'publishedAt' | 'updatedAt') =>
    rows
      .map((r) => r[k])
      .filter((x): x is string => !!x)
      .sort();
  const published = pick('publishedAt');
  const updated = pick('updatedAt');
  return { issued: published[0] ?? null, modified: updated[updated.length - 1] ?? published[published.length - 1] ?? null };
}

export interface DatasetSummary {
  dataset: Dataset;
  count: number;
  issued: string | null;
  modified: string | null;
  distributions: Array<Omit<Distribution, 'body'> & { bytes: number }>;
}

export function summaries(s: Site): DatasetSummary[] {
  return DATASETS.map((d) => ({
    dataset: d,
    count: d.entries(s).length,
    ...span(s, d),
    distributions: distributions(s, d).map(({ body, ...rest }) => ({ ...rest, bytes: byteSize(body) })),
  }));
}

// ---------- DCAT-AP catalogue ----------

/** The catalogue (DCAT-AP, JSON-LD with the vendored context served at contextPath). */
export function catalog(s: Site) {
  const set = s.settings.data;
  const portal = set.portalName || 'Cổng Thông tin điện tử';
  const publisher = {
    '@id': `${SITE_URL}/#co-quan`,
    '@type': 'Organization',
    name: set.agencyName || portal,
    homepage: `${SITE_URL}/`,
    ...(set.email ? { mbox: `mailto:${set.email}` } : {}),
  };
  const contactPoint = {
    '@type': 'Kind',
    fn: set.agencyName || portal,
    ...(set.email ? { hasEmail: `mailto:${set.email}` } : {}),
  };
  const list = summaries(s);
  const dates = (k: 'issued' | 'modified') =>
    list
      .map((x) => x[k])
      .filter((x): x is string => !!x)
      .sort();
  const issued = dates('issued')[0];
  const modified = dates('modified').at(-1);
  return {
    '@context': absoluteUrl(contextPath),
    '@id': absoluteUrl(catalogPath),
    '@type': 'Catalog',
    title: `Dữ liệu mở – ${portal}`,
    description: `Danh mục dữ liệu mở của ${portal}: văn bản, thủ tục hành chính, cơ quan, đơn vị, danh bạ, lịch công tác, hỏi đáp, danh mục công khai thông tin, dự án đầu tư công và gói thầu, được xuất bản cùng cổng thông tin.`,
    publisher,
    license: LICENSE.url,
    language: `${EU}/language/VIE`,
    homepage: absoluteUrl(OPEN_DATA_PATH),
    themeTaxonomy: `${EU}/data-theme`,
    ...(issued ? { issued } : {}),
    ...(modified ? { modified } : {}),
    dataset: list.map((x) => ({
      '@id': absoluteUrl(datasetAnchor(x.dataset.id)),
      '@type': 'Dataset',
      identifier: x.dataset.id,
      title: x.dataset.title,
      description: x.dataset.description,
      keyword: x.dataset.keywords,
      theme: x.dataset.themes,
      publisher: publisher['@id'],
      contactPoint,
      license: LICENSE.url,
      language: `${EU}/language/VIE`,
      landingPage: absoluteUrl(x.dataset.landingPage),
      ...(x.issued ? { issued: x.issued } : {}),
      ...(x.modified ? { modified: x.modified } : {}),
      distribution: x.distributions.map((dist) => ({
        '@id': absoluteUrl(dist.path),
        '@type': 'Distribution',
        title: dist.title,
        accessURL: absoluteUrl(dist.path),
        downloadURL: absoluteUrl(dist.path),
        mediaType: MEDIA(dist.mediaType),
        ...(dist.format ? { format: `${EU}/file-type/${dist.format}` } : {}),
        byteSize: dist.bytes,
        license: LICENSE.url,
        ...(dist.schema ? { conformsTo: absoluteUrl(dist.schema) } : {}),
      })),
    })),
  };
}
