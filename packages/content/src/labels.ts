import type {
  AdminLevel,
  ArticleKind,
  BudgetStage,
  CalendarDayKind,
  Disclosure,
  DocType,
  LinkGroup,
  OnlineLevel,
  ProcedureLevel,
  UnitKind,
} from './types.js';
import type { DocumentStatus } from './status.js';

/** Vietnamese labels for the enumerations of the content model (NFC). */
export const DOC_TYPE_LABELS: Record<DocType, string> = {
  law: 'Luật',
  decree: 'Nghị định',
  decision: 'Quyết định',
  resolution: 'Nghị quyết',
  directive: 'Chỉ thị',
  plan: 'Kế hoạch',
  notice: 'Thông báo',
  official_letter: 'Công văn',
  regulation: 'Quy chế',
  report: 'Báo cáo',
  other: 'Khác',
};

export const LEVEL_LABELS: Record<AdminLevel, string> = {
  central: 'Trung ương',
  province: 'Tỉnh',
  district: 'Huyện',
  commune: 'Xã',
};

/**
 * Enumeration values no new entry may take (one rule for the admin's selects and the CMS's save check):
 * district-level government ended on 01/7/2025 (two-tier local government). Entries that hold one keep
 * it, shown with this label.
 */
export const RETIRED_VALUES: Readonly<Record<string, string>> = { district: 'Huyện (trước 01/7/2025)' };

export const PROCEDURE_LEVEL_LABELS: Record<ProcedureLevel, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

export const ARTICLE_KIND_LABELS: Record<ArticleKind, string> = {
  original: 'Tin tự viết',
  collected: 'Tin sưu tầm',
  translated: 'Tin dịch',
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  party: 'Cơ quan Đảng',
  council: 'Hội đồng nhân dân',
  committee: 'Ủy ban nhân dân',
  front: 'Mặt trận Tổ quốc',
  mass_org: 'Tổ chức chính trị - xã hội',
  department: 'Phòng, ban chuyên môn',
  commune: 'Xã, thị trấn',
  other: 'Khác',
};

export const DISCLOSURE_LABELS: Record<Disclosure, string> = {
  none: 'Không',
  budget: 'Công khai ngân sách',
  planning: 'Công khai chiến lược, kế hoạch, quy hoạch',
  procurement: 'Công khai mua sắm, đấu thầu',
  draft_comment: 'Lấy ý kiến dự thảo',
  investment: 'Công khai đầu tư công',
  financial_report: 'Báo cáo tài chính năm',
  statistics: 'Thông tin thống kê',
};

export const BUDGET_STAGE_LABELS: Record<BudgetStage, string> = {
  estimate: 'Dự toán',
  execution: 'Tình hình thực hiện',
  final_account: 'Quyết toán',
};

/** Days of the working calendar (Cấu hình cổng → Lịch làm việc). */
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = {
  holiday: 'Nghỉ lễ, Tết',
  day_off: 'Nghỉ bù, hoán đổi (ngày thường được nghỉ)',
  workday: 'Làm bù (thứ Bảy, Chủ nhật đi làm)',
};

export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  none: 'Không trực tuyến',
  partial: 'Dịch vụ công trực tuyến một phần',
  full: 'Dịch vụ công trực tuyến toàn trình',
};

export const LINK_GROUP_LABELS: Record<LinkGroup, string> = {
  web: 'Liên kết website',
  online_service: 'Dịch vụ công trực tuyến',
};

/** Status of a document as the site shows it (documentStatus). */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  comment_upcoming: 'Dự thảo, sắp lấy ý kiến',
  comment_open: 'Dự thảo, đang lấy ý kiến',
  comment_closed: 'Dự thảo, đã hết thời gian lấy ý kiến',
  not_yet: 'Chưa có hiệu lực',
  in_force: 'Còn hiệu lực',
  partly_expired: 'Hết hiệu lực một phần',
  expired: 'Hết hiệu lực toàn bộ',
  replaced: 'Bị thay thế',
};

/** Label lookup that tolerates null/unknown values (returns '' or the raw value). */
export function label<K extends string>(table: Record<K, string>, value: K | string | null | undefined): string {
  if (value == null) return '';
  return (table as Record<string, string>)[value] ?? value;
}
