import type {
  AdminLevel,
  ArticleKind,
  BudgetStage,
  CalendarDayKind,
  Disclosure,
  DocType,
  FundingSource,
  InvestmentStage,
  LinkGroup,
  OnlineLevel,
  ProcedureLevel,
  ProcurementKind,
  ProcurementMethod,
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

/** Public investment projects (document.investmentProjects): source of funds and stage. */
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  central_budget: 'Ngân sách trung ương',
  provincial_budget: 'Ngân sách tỉnh',
  commune_budget: 'Ngân sách xã',
  target_program: 'Chương trình mục tiêu quốc gia',
  oda: 'Vốn ODA, vay ưu đãi nước ngoài',
  private: 'Xã hội hóa',
  other: 'Nguồn vốn khác',
};

export const INVESTMENT_STAGE_LABELS: Record<InvestmentStage, string> = {
  preparation: 'Chuẩn bị đầu tư',
  implementation: 'Thực hiện đầu tư',
  completed: 'Hoàn thành',
  final_account: 'Quyết toán',
};

/** Procurement packages (document.procurementPackages): plan or result, and the selection method (Law on Bidding 2023). */
export const PROCUREMENT_KIND_LABELS: Record<ProcurementKind, string> = {
  plan: 'Kế hoạch lựa chọn nhà thầu',
  result: 'Kết quả lựa chọn nhà thầu',
};

export const PROCUREMENT_METHOD_LABELS: Record<ProcurementMethod, string> = {
  open_bidding: 'Đấu thầu rộng rãi',
  limited_bidding: 'Đấu thầu hạn chế',
  direct_appointment: 'Chỉ định thầu',
  competitive_offer: 'Chào hàng cạnh tranh',
  direct_procurement: 'Mua sắm trực tiếp',
  self_performed: 'Tự thực hiện',
  other: 'Hình thức khác',
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
