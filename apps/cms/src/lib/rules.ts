import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { analyze, slugify } from '@cong-ttdt/vn-text';
import { RETIRED_VALUES } from '@cong-ttdt/content';
import { calendarProblems, classificationOf, type CalendarDay } from '@cong-ttdt/workflow';
import { CLASSIFIED_TYPES, isPortalType } from './content-types';
import { bumpRevision } from './revision';
import { checkUrls } from './url-rules';

const { ValidationError } = errors;

type Data = Record<string, any>;
type Attr = { type: string; component?: string; repeatable?: boolean; targetField?: string };

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid']);

/** Legacy-encoded (TCVN3/VNI) and decomposed text is converted to NFC Unicode on every save. */
function normalizeTexts(strapi: Core.Strapi, attributes: Record<string, Attr>, data: Data, notes: string[]): void {
  for (const [name, attr] of Object.entries(attributes)) {
    const value = data[name];
    if (value == null) continue;
    if (TEXT_TYPES.has(attr.type) && typeof value === 'string') {
      const r = analyze(value);
      if (r.result !== value) data[name] = r.result;
      if (r.converted && (r.encoding === 'tcvn3' || r.encoding === 'vni' || r.encoding === 'mixed')) notes.push(name);
    } else if (attr.type === 'component' && attr.component) {
      const schema = strapi.components[attr.component as keyof typeof strapi.components] as any;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) if (item && typeof item === 'object') normalizeTexts(strapi, schema.attributes, item, notes);
    }
  }
}

const yearOf = (d: unknown) => (typeof d === 'string' && /^\d{4}/.test(d) ? d.slice(0, 4) : null);

async function currentVersion(strapi: Core.Strapi, uid: string, documentId?: string): Promise<Data | null> {
  if (!documentId) return null;
  return (await strapi.documents(uid as any).findOne({ documentId, status: 'draft', populate: '*' } as any)) as Data | null;
}

export const CLASSIFIED_MESSAGE =
  'Không được lưu tin, bài, văn bản có độ mật (Mật, Tối mật, Tuyệt mật) trên Cổng thông tin điện tử: hệ thống kết nối Internet. Hãy giữ tài liệu này ngoài CMS.';

/** True when this saved (or about to be saved) content of a type with a classification is not "thuong". */
export const isClassified = (uid: string, content: Data | null | undefined): boolean =>
  CLASSIFIED_TYPES.includes(uid) && content?.classification != null && content.classification !== 'thuong';

export const retiredMessage = (value: string) =>
  `Không chọn được "${RETIRED_VALUES[value]}" cho mục này: cấp huyện đã kết thúc từ 01/7/2025; chỉ mục đã ghi giá trị này từ trước được giữ nguyên.`;

/**
 * A retired enumeration value (RETIRED_VALUES, the rule the admin's selects follow) is kept by an entry
 * that holds it and refused anywhere else: on create, on clone, and on an update that would set it. The
 * demo seed loads historical entries (the demo portal is a former district) as they were.
 */
async function checkRetired(
  strapi: Core.Strapi,
  uid: string,
  attributes: Record<string, Attr>,
  data: Data,
  prev: Data | null,
  documentId?: string,
): Promise<void> {
  const given = documentId ? data : { ...prev, ...data };
  const retired = Object.keys(attributes).filter(
    (name) => attributes[name].type === 'enumeration' && typeof given[name] === 'string' && given[name] in RETIRED_VALUES,
  );
  if (!retired.length || strapi.plugin('editorial').service('system').current() === 'seed') return;
  const stored = documentId ? (prev ?? (await currentVersion(strapi, uid, documentId))) : null;
  for (const name of retired) if (stored?.[name] !== given[name]) throw new ValidationError(retiredMessage(given[name]));
}

/** An amount in đồng: a whole number of at least 0 (biginteger arrives as a string or a number). */
const isAmount = (v: unknown) =>
  (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && /^\d+$/.test(v.trim()));

/**
 * The structured tables of public investment and procurement (Law 104/2016 Art. 19 §1 đ) belong to
 * documents of that disclosure group, so the site's lists and open data find them where the catalogue looks.
 */
function checkDisclosureTables(merged: Data): void {
  const projects: Data[] = Array.isArray(merged.investmentProjects) ? merged.investmentProjects : [];
  const packages: Data[] = Array.isArray(merged.procurementPackages) ? merged.procurementPackages : [];
  if (projects.length && merged.disclosure !== 'investment')
    throw new ValidationError('Danh sách dự án đầu tư công chỉ dùng cho văn bản có mục công khai "Công khai đầu tư công".');
  if (packages.length && merged.disclosure !== 'procurement')
    throw new ValidationError('Danh sách gói thầu chỉ dùng cho văn bản có mục công khai "Công khai mua sắm, đấu thầu".');
  for (const p of projects) {
    if (p.totalInvestment != null && p.totalInvestment !== '' && !isAmount(p.totalInvestment))
      throw new ValidationError(`Dự án "${p.name ?? ''}": tổng mức đầu tư phải là số đồng nguyên, không âm (ví dụ 12500000000).`);
  }
  for (const p of packages) {
    if (p.value != null && p.value !== '' && !isAmount(p.value))
      throw new ValidationError(`Gói thầu "${p.packageName ?? ''}": giá gói thầu, giá trúng thầu phải là số đồng nguyên, không âm.`);
    if (p.kind === 'result' && !String(p.winner ?? '').trim())
      throw new ValidationError(`Gói thầu "${p.packageName ?? ''}": kết quả lựa chọn nhà thầu phải ghi nhà thầu trúng thầu.`);
  }
}

/**
 * Field rules that the schema cannot express; messages are shown as-is in the admin UI. `prev` is the
 * stored draft the write starts from (the item itself for an update, the source for a clone), `documentId`
 * the document the result belongs to (none for create and clone).
 */
async function validate(strapi: Core.Strapi, uid: string, data: Data, prev: Data | null, documentId?: string): Promise<void> {
  // Ids are the database's to give: a chosen one collides (500) or takes over a number.
  if (!documentId && (data.id != null || data.documentId != null)) throw new ValidationError('Không được tự đặt id khi tạo mục mới.');
  if (CLASSIFIED_TYPES.includes(uid) && data.classification) {
    // Case-insensitive: "THUONG" and "Thường" are stored as thuong; "MẬT", "mật", "Tối mật" are refused.
    if (classificationOf(data.classification) === 'thuong') data.classification = 'thuong';
  }
  if (isClassified(uid, { ...prev, ...data })) throw new ValidationError(CLASSIFIED_MESSAGE);
  checkUrls(uid, data);
  if (uid === 'api::article.article') {
    const merged = { ...prev, ...data };
    const p = { ...(prev?.provenance ?? {}), ...(data.provenance ?? {}) };
    // The regulation: every contribution carries its author's name and address, drafts included.
    if (!p.authorName?.trim() || !p.authorAddress?.trim()) {
      throw new ValidationError('Tin, bài phải ghi rõ họ tên và địa chỉ của tác giả (mục Nguồn tin, tác giả).');
    }
    if (merged.kind === 'collected' || merged.kind === 'translated') {
      const missing = [];
      if (!p.sourceReference?.trim()) missing.push('nguồn trích dẫn');
      if (!p.collectorName?.trim()) missing.push('họ tên người sưu tầm');
      if (!p.collectorAddress?.trim()) missing.push('địa chỉ người sưu tầm');
      if (missing.length) throw new ValidationError(`Tin, bài sưu tầm hoặc dịch phải ghi rõ ${missing.join(', ')}.`);
    }
    if (
      data.cover != null &&
      data.cover !== '' &&
      !(Array.isArray(data.cover) && data.cover.length === 0) &&
      !(merged.coverAlt ?? '').trim()
    ) {
      throw new ValidationError('Ảnh đại diện phải có mô tả thay thế (alt) cho người khiếm thị.');
    }
  }
  if (uid === 'api::site-setting.site-setting' && Array.isArray(data.workCalendar)) {
    // The deadlines of the disclosure catalogue count on it: a wrong day would move every deadline.
    const problems = calendarProblems(data.workCalendar as CalendarDay[]);
    if (problems.length) throw new ValidationError(problems[0]);
  }
  if (uid === 'api::document.document') {
    const merged = { ...prev, ...data };
    if (merged.effectiveDate && merged.expiryDate && merged.expiryDate < merged.effectiveDate) {
      throw new ValidationError('Ngày hết hiệu lực phải sau ngày có hiệu lực.');
    }
    if (merged.issueDate && merged.effectiveDate && merged.effectiveDate < merged.issueDate) {
      throw new ValidationError('Ngày có hiệu lực không được trước ngày ban hành.');
    }
    if (merged.commentFrom && merged.commentTo && merged.commentTo < merged.commentFrom) {
      throw new ValidationError('Thời hạn lấy ý kiến: ngày kết thúc phải sau ngày bắt đầu.');
    }
    if (merged.budgetStage && merged.disclosure !== 'budget') {
      throw new ValidationError(
        'Giai đoạn ngân sách (dự toán, thực hiện, quyết toán) chỉ dùng cho văn bản có mục công khai "Công khai ngân sách".',
      );
    }
    checkDisclosureTables(merged);
    const year = yearOf(merged.issueDate);
    if (merged.number && merged.issuingBody && year) {
      const same = (await strapi.db.query(uid as any).findMany({
        where: { number: merged.number, issuingBody: merged.issuingBody, issueDate: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
        select: ['documentId'],
      })) as Data[];
      if (same.some((r) => r.documentId !== documentId)) {
        throw new ValidationError(`Số ký hiệu ${merged.number} của ${merged.issuingBody} đã có trong năm ${year}.`);
      }
    }
  }
}

/**
 * Fills empty uid fields with a Vietnamese-aware slug that is unique for the type. A clone (`source`
 * given) starts from the source's slug, which is taken, so it gets the next free one.
 */
async function fillSlugs(
  strapi: Core.Strapi,
  uid: string,
  attributes: Record<string, Attr>,
  data: Data,
  documentId?: string,
  source?: Data | null,
) {
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.type !== 'uid' || !attr.targetField) continue;
    if (source && data[name] === undefined && typeof source[name] === 'string') data[name] = source[name];
    if (source && typeof data[name] === 'string' && data[name].trim()) {
      data[name] = await freeSlug(strapi, uid, name, data[name]);
      continue;
    }
    // The admin UI pre-fills a new entry's uid with the type's name ("article", "article-1") before
    // the title is typed: treat that as empty.
    const singular = (strapi.contentTypes as any)[uid].info.singularName as string;
    const placeholder = !documentId && typeof data[name] === 'string' && new RegExp(`^${singular}(-\\d+)?$`).test(data[name]);
    if (typeof data[name] === 'string' && data[name].trim() && !placeholder) continue;
    if (documentId && data[name] === undefined) continue; // updates keep their slug
    const text = data[attr.targetField];
    if (typeof text !== 'string' || !text.trim()) continue;
    data[name] = await freeSlug(strapi, uid, name, slugify(text).slice(0, 80).replace(/-+$/, '') || 'muc', documentId);
  }
}

async function freeSlug(strapi: Core.Strapi, uid: string, name: string, base: string, documentId?: string): Promise<string> {
  let candidate = base;
  for (let i = 2; ; i++) {
    const clash = await strapi.db.query(uid as any).findOne({ where: { [name]: candidate }, select: ['documentId'] });
    if (!clash || (clash as Data).documentId === documentId) return candidate;
    candidate = `${base}-${i}`;
  }
}

/** A clone copies the source's text: legacy-encoded text the source still holds is converted too. */
function copyLegacyTexts(attributes: Record<string, Attr>, source: Data, data: Data): void {
  for (const [name, attr] of Object.entries(attributes)) {
    if (!TEXT_TYPES.has(attr.type) || attr.type === 'uid' || data[name] !== undefined || typeof source[name] !== 'string') continue;
    if (analyze(source[name]).result !== source[name]) data[name] = source[name];
  }
}

/** The editorial plugin tells the editor in the panel which fields were converted (its conversionNotes service). */
const recordConversion = (strapi: Core.Strapi, uid: string, documentId: string, fields: string[]) =>
  strapi.plugin('editorial').service('conversionNotes').record(uid, documentId, fields);

/**
 * The Document Service actions of Strapi 5.54 that write data given by the caller (its repository,
 * @strapi/core services/document-service/repository.js: create, update, clone; publish and discardDraft
 * copy a stored version, delete and unpublish remove one). Any other action is refused below, so an
 * action added by an upgrade cannot skip the save rules unnoticed.
 */
export const DATA_ACTIONS = ['create', 'update', 'clone'] as const;
export const WRITE_ACTIONS = [...DATA_ACTIONS, 'publish', 'unpublish', 'discardDraft', 'delete'] as const;
const READ_ACTIONS = ['findMany', 'findFirst', 'findOne', 'count'];

export function registerContentRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };
    if (!isPortalType(uid)) return next();
    const params = (context as any).params ?? {};
    if (!READ_ACTIONS.includes(action) && !(WRITE_ACTIONS as readonly string[]).includes(action)) {
      // A Strapi upgrade added an action: refuse it until it is classified here.
      throw new errors.ApplicationError(`Thao tác "${action}" chưa được kiểm tra theo quy tắc lưu của Cổng.`);
    }
    if ((DATA_ACTIONS as readonly string[]).includes(action)) {
      params.data ??= {};
      const clone = action === 'clone';
      const attributes = (strapi.contentTypes as any)[uid].attributes as Record<string, Attr>;
      // Update and clone start from a stored draft: the rules check the result (stored + given).
      const prev =
        clone || (action === 'update' && CLASSIFIED_TYPES.includes(uid)) ? await currentVersion(strapi, uid, params.documentId) : null;
      if (clone && !prev) throw new errors.NotFoundError('Không tìm thấy bản gốc để nhân bản.');
      const notes: string[] = [];
      if (clone) copyLegacyTexts(attributes, prev!, params.data);
      normalizeTexts(strapi, attributes, params.data, notes);
      await validate(strapi, uid, params.data, prev, clone ? undefined : params.documentId);
      await checkRetired(strapi, uid, attributes, params.data, prev, clone ? undefined : params.documentId);
      await fillSlugs(strapi, uid, attributes, params.data, clone ? undefined : params.documentId, clone ? prev : null);
      if (params.documentId && !clone) recordConversion(strapi, uid, params.documentId, notes);
      const result = await next();
      const docId = (result as Data | null)?.documentId;
      if (docId) recordConversion(strapi, uid, docId, notes);
      if (!(strapi.contentTypes as any)[uid].options?.draftAndPublish) await bumpRevision(strapi);
      return result;
    }
    const result = await next();
    if (['publish', 'unpublish', 'delete'].includes(action)) await bumpRevision(strapi);
    return result;
  });
}
