import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { analyze, slugify } from '@cong-ttdt/vn-text';
import { classificationOf } from '@cong-ttdt/workflow';
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

/** Field rules that the schema cannot express; messages are shown as-is in the admin UI. */
async function validate(strapi: Core.Strapi, uid: string, data: Data, documentId?: string): Promise<void> {
  // Ids are the database's to give: a chosen one collides (500) or takes over a number.
  if (!documentId && (data.id != null || data.documentId != null)) throw new ValidationError('Không được tự đặt id khi tạo mục mới.');
  if (CLASSIFIED_TYPES.includes(uid) && data.classification) {
    // Case-insensitive: "THUONG" and "Thường" are stored as thuong; "MẬT", "mật", "Tối mật" are refused.
    if (classificationOf(data.classification) === 'thuong') data.classification = 'thuong';
  }
  if (CLASSIFIED_TYPES.includes(uid) && data.classification && data.classification !== 'thuong') {
    throw new ValidationError(
      'Không được lưu tin, bài, văn bản có độ mật (Mật, Tối mật, Tuyệt mật) trên Cổng thông tin điện tử: hệ thống kết nối Internet. Hãy giữ tài liệu này ngoài CMS.',
    );
  }
  checkUrls(uid, data);
  if (uid === 'api::article.article') {
    const prev = await currentVersion(strapi, uid, documentId);
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
  if (uid === 'api::document.document') {
    const prev = await currentVersion(strapi, uid, documentId);
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

/** Fills empty uid fields with a Vietnamese-aware slug that is unique for the type. */
async function fillSlugs(strapi: Core.Strapi, uid: string, attributes: Record<string, Attr>, data: Data, documentId?: string) {
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.type !== 'uid' || !attr.targetField) continue;
    // The admin UI pre-fills a new entry's uid with the type's name ("article", "article-1") before
    // the title is typed: treat that as empty.
    const singular = (strapi.contentTypes as any)[uid].info.singularName as string;
    const placeholder = !documentId && typeof data[name] === 'string' && new RegExp(`^${singular}(-\\d+)?$`).test(data[name]);
    if (typeof data[name] === 'string' && data[name].trim() && !placeholder) continue;
    if (documentId && data[name] === undefined) continue; // updates keep their slug
    const source = data[attr.targetField];
    if (typeof source !== 'string' || !source.trim()) continue;
    const base = slugify(source).slice(0, 80).replace(/-+$/, '') || 'muc';
    let candidate = base;
    for (let i = 2; ; i++) {
      const clash = await strapi.db.query(uid as any).findOne({ where: { [name]: candidate }, select: ['documentId'] });
      if (!clash || (clash as Data).documentId === documentId) break;
      candidate = `${base}-${i}`;
    }
    data[name] = candidate;
  }
}

// Shared with the editorial plugin (it tells the editor in the panel).
export const conversionNotes: Map<string, string[]> = ((globalThis as any).__portalConversionNotes ??= new Map());

export function registerContentRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };
    if (!isPortalType(uid)) return next();
    const params = (context as any).params ?? {};
    if ((action === 'create' || action === 'update') && params.data) {
      const attributes = (strapi.contentTypes as any)[uid].attributes as Record<string, Attr>;
      const notes: string[] = [];
      normalizeTexts(strapi, attributes, params.data, notes);
      await validate(strapi, uid, params.data, params.documentId);
      await fillSlugs(strapi, uid, attributes, params.data, params.documentId);
      if (notes.length && params.documentId) conversionNotes.set(`${uid}:${params.documentId}`, notes);
      const result = await next();
      const docId = (result as Data | null)?.documentId;
      if (notes.length && docId) conversionNotes.set(`${uid}:${docId}`, notes);
      if (!(strapi.contentTypes as any)[uid].options?.draftAndPublish) await bumpRevision(strapi);
      return result;
    }
    const result = await next();
    if (['publish', 'unpublish', 'delete'].includes(action)) await bumpRevision(strapi);
    return result;
  });
}
