import type { Core } from '@strapi/strapi';
import { PORTAL_TYPES } from '../lib/content-types';

// Vietnamese labels of the edit and list views (API names stay English). Applied at every start;
// the board may still rename a label in the admin, and a later start only fills labels still equal
// to the attribute name.
const LABELS: Record<string, string> = {
  id: 'Mã',
  title: 'Tiêu đề',
  slug: 'Đường dẫn (slug)',
  summary: 'Tóm tắt',
  body: 'Nội dung',
  date: 'Ngày đăng',
  cover: 'Ảnh đại diện',
  coverAlt: 'Mô tả ảnh (alt)',
  field: 'Lĩnh vực',
  unit: 'Đơn vị',
  tags: 'Từ khóa',
  featured: 'Tin nổi bật',
  kind: 'Loại tin (gốc / sưu tầm / dịch)',
  provenance: 'Nguồn tin, tác giả',
  classification: 'Độ mật (chỉ được lưu loại Thường)',
  reuseNote: 'Ghi chú đăng lại',
  number: 'Số ký hiệu',
  docType: 'Loại văn bản',
  level: 'Cấp ban hành',
  issuingBody: 'Cơ quan ban hành',
  signer: 'Người ký',
  issueDate: 'Ngày ban hành',
  effectiveDate: 'Ngày có hiệu lực',
  expiryDate: 'Ngày hết hiệu lực',
  inForce: 'Tình trạng hiệu lực',
  attachments: 'Tệp đính kèm',
  replaces: 'Thay thế văn bản',
  replacedBy: 'Bị thay thế bởi',
  amends: 'Sửa đổi, bổ sung văn bản',
  amendedBy: 'Được sửa đổi bởi',
  disclosure: 'Mục công khai',
  budgetStage: 'Giai đoạn ngân sách (dự toán, thực hiện, quyết toán)',
  investmentProjects: 'Dự án đầu tư công (văn bản công khai đầu tư công)',
  procurementPackages: 'Gói thầu (văn bản công khai mua sắm, đấu thầu)',
  commentFrom: 'Lấy ý kiến từ ngày',
  commentTo: 'Lấy ý kiến đến ngày',
  name: 'Tên',
  shortName: 'Tên viết tắt',
  parent: 'Trực thuộc',
  children: 'Đơn vị, trang con',
  order: 'Thứ tự',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  description: 'Mô tả',
  fullName: 'Họ và tên',
  position: 'Chức vụ',
  officePhone: 'Điện thoại cơ quan',
  mobile: 'Di động',
  photo: 'Ảnh',
  spokesperson: 'Người phát ngôn',
  board: 'Cơ quan (lịch)',
  weekStart: 'Tuần bắt đầu (thứ Hai)',
  entries: 'Các mục lịch',
  note: 'Ghi chú',
  code: 'Mã thủ tục',
  agency: 'Cơ quan thực hiện',
  steps: 'Trình tự thực hiện',
  dossier: 'Thành phần hồ sơ',
  processingTime: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  legalBasis: 'Căn cứ pháp lý',
  result: 'Kết quả',
  forms: 'Mẫu đơn, tờ khai',
  onlineLevel: 'Mức dịch vụ công trực tuyến',
  onlineUrl: 'Liên kết dịch vụ công',
  question: 'Nội dung câu hỏi',
  askerName: 'Người hỏi',
  askerPhone: 'Điện thoại người hỏi (không công khai)',
  askerEmail: 'Thư điện tử người hỏi (không công khai)',
  askerAddress: 'Địa chỉ người hỏi (không công khai)',
  answer: 'Trả lời',
  answeringUnit: 'Đơn vị trả lời',
  askedAt: 'Ngày hỏi',
  answeredAt: 'Ngày trả lời',
  trackingCode: 'Mã tra cứu',
  contactExpiresAt: 'Hạn lưu thông tin liên hệ',
  url: 'Địa chỉ liên kết',
  group: 'Nhóm',
  portalName: 'Tên cổng',
  agencyName: 'Cơ quan chủ quản',
  adminLevel: 'Cấp hành chính',
  fax: 'Fax',
  editorInCharge: 'Người chịu trách nhiệm',
  licence: 'Giấy phép',
  domain: 'Tên miền',
  logo: 'Biểu trưng',
  footerNote: 'Ghi chú chân trang',
  workCalendar: 'Lịch làm việc (ngày nghỉ lễ, nghỉ bù, làm bù)',
  authorName: 'Họ tên tác giả',
  authorAddress: 'Địa chỉ tác giả (không công khai)',
  authorUnit: 'Đơn vị tác giả',
  authorPhone: 'Điện thoại tác giả (không công khai)',
  authorEmail: 'Thư điện tử tác giả (không công khai)',
  sourceReference: 'Nguồn trích dẫn (tin sưu tầm, dịch)',
  collectorName: 'Người sưu tầm',
  collectorAddress: 'Địa chỉ người sưu tầm (không công khai)',
  startTime: 'Giờ bắt đầu',
  endTime: 'Giờ kết thúc',
  content: 'Nội dung',
  chair: 'Chủ trì',
  participants: 'Thành phần',
  location: 'Địa điểm',
  preparingUnit: 'Đơn vị chuẩn bị',
  amended: 'Điều chỉnh',
  amendedAt: 'Thời điểm điều chỉnh',
};
const DOCUMENT_TITLE = 'Trích yếu';
const CALENDAR_DAY = { date: 'Ngày', kind: 'Loại ngày', name: 'Tên ngày lễ, lý do' };
const INVESTMENT_PROJECT = {
  name: 'Tên dự án',
  investor: 'Chủ đầu tư',
  totalInvestment: 'Tổng mức đầu tư (đồng)',
  fundingSource: 'Nguồn vốn',
  stage: 'Giai đoạn',
  results: 'Kết quả thực hiện',
};
const PROCUREMENT_PACKAGE = {
  packageName: 'Tên gói thầu',
  kind: 'Kế hoạch hay kết quả lựa chọn nhà thầu',
  method: 'Hình thức lựa chọn nhà thầu',
  winner: 'Nhà thầu trúng thầu (kết quả)',
  value: 'Giá gói thầu hoặc giá trúng thầu (đồng)',
  decisionDate: 'Ngày quyết định phê duyệt',
};
// settings.mainField is the type's own title; a relation picker reads the *source* type's
// metadatas.<relation>.edit.mainField (filled from the target's on first sync) and falls back to the
// document id when the user may not read that field of the target (content-manager relations
// controller, sanitizeMainField): readers of each picker's target are set in packages/workflow permissions.
const MAIN_FIELDS = ['title', 'name', 'fullName', 'portalName'];

async function relabel(service: any, schema: any, overrides: Record<string, string> = {}) {
  const conf = await service.findConfiguration(schema);
  let changed = false;
  const metadatas = { ...conf.metadatas };
  for (const [attr, meta] of Object.entries<any>(metadatas)) {
    const label = overrides[attr] ?? LABELS[attr];
    if (!label) continue;
    for (const view of ['edit', 'list'] as const) {
      if (meta[view] && meta[view].label === attr) {
        meta[view] = { ...meta[view], label };
        changed = true;
      }
    }
  }
  const settings = { ...conf.settings };
  const main = MAIN_FIELDS.find((f) => f in (schema.attributes ?? {}));
  if (main && settings.mainField !== main && (settings.mainField === 'id' || settings.mainField === 'documentId')) {
    settings.mainField = main;
    changed = true;
  }
  if (changed) await service.updateConfiguration(schema, { layouts: conf.layouts, metadatas, settings });
}

export async function ensureAdminLabels(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  for (const uid of PORTAL_TYPES) {
    const schema = (strapi.contentTypes as any)[uid];
    await relabel(cm.service('content-types'), schema, uid === 'api::document.document' ? { title: DOCUMENT_TITLE } : {});
  }
  for (const uid of ['shared.provenance', 'schedule.entry']) {
    await relabel(cm.service('components'), (strapi.components as any)[uid]);
  }
  await relabel(cm.service('components'), strapi.components['calendar.day' as keyof typeof strapi.components], CALENDAR_DAY);
  await relabel(
    cm.service('components'),
    strapi.components['disclosure.investment-project' as keyof typeof strapi.components],
    INVESTMENT_PROJECT,
  );
  await relabel(
    cm.service('components'),
    strapi.components['disclosure.procurement-package' as keyof typeof strapi.components],
    PROCUREMENT_PACKAGE,
  );
}
