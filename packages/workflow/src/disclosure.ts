// The catalogue of information that must be disclosed (Law 104/2016 Art. 19 §1 g): one configuration for
// the site's catalogue page, its open-data file and the inspector's overdue list. Pure.
import { DEFAULT_DISCLOSURE_WORKING_DAYS, type Timeliness, type TimeLimit, type WorkCalendar, timeliness } from './working-days.js';

/** What a kind lists: documents of the registry, or another register of the portal. */
export type DisclosureSource = 'documents' | 'procedures' | 'units';

export interface DisclosureKind {
  id: string;
  name: string;
  legalBasis: string;
  /** Where it is on the portal (site path) and how that place is named. */
  path: string;
  place: string;
  form: string;
  /** Time limit from the information's creation (issue or signing date). */
  limit: TimeLimit;
  limitText: string;
  /** How long it stays public. */
  period: string;
  source: DisclosureSource;
  /** Expected at least once per calendar year (for the previous year): nothing newer is "missing". */
  yearly?: boolean;
}

const DEFAULT_LIMIT: TimeLimit = { workingDays: DEFAULT_DISCLOSURE_WORKING_DAYS };
const DEFAULT_LIMIT_TEXT = 'Chậm nhất 05 ngày làm việc kể từ ngày tạo ra thông tin (Luật Tiếp cận thông tin, Điều 18 khoản 4)';
const WEB = 'Đăng tải trên Cổng thông tin điện tử (toàn văn, tệp đính kèm tải về được)';

/** The kinds, in the order of Art. 19 §1. Documents belong to the first kind whose rule matches (`documentKind`). */
export const DISCLOSURE_KINDS: readonly DisclosureKind[] = [
  {
    id: 'van-ban-phap-luat',
    name: 'Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm a; Điều 19 khoản 1 điểm a',
    path: '/van-ban/',
    place: 'Văn bản',
    form: WEB,
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Thường xuyên, đến khi văn bản hết hiệu lực (sau đó vẫn tra cứu được, có ghi tình trạng hiệu lực)',
    source: 'documents',
  },
  {
    id: 'du-thao-lay-y-kien',
    name: 'Dự thảo văn bản lấy ý kiến Nhân dân',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm c',
    path: '/van-ban/?disclosure=draft_comment',
    place: 'Văn bản → Lấy ý kiến dự thảo',
    form: `${WEB}; ghi rõ thời hạn lấy ý kiến`,
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Trong suốt thời hạn lấy ý kiến',
    source: 'documents',
  },
  {
    id: 'thu-tuc-hanh-chinh',
    name: 'Thủ tục hành chính, quy trình giải quyết công việc',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm a',
    path: '/thu-tuc/',
    place: 'Thủ tục hành chính',
    form: 'Đăng tải trên Cổng: trình tự, hồ sơ, thời hạn, phí, mẫu đơn, liên kết dịch vụ công trực tuyến',
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Thường xuyên, cập nhật ngay khi thay đổi (Nghị định 224/2026/NĐ-CP, Điều 9 khoản 3)',
    source: 'procedures',
  },
  {
    id: 'chien-luoc-ke-hoach',
    name: 'Chiến lược, chương trình, đề án, kế hoạch, quy hoạch; kế hoạch công tác hằng năm',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm c',
    path: '/van-ban/?disclosure=planning',
    place: 'Văn bản → Công khai chiến lược, kế hoạch, quy hoạch',
    form: WEB,
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Trong suốt thời kỳ của chiến lược, kế hoạch, quy hoạch',
    source: 'documents',
  },
  {
    id: 'ngan-sach',
    name: 'Dự toán, tình hình thực hiện, quyết toán ngân sách nhà nước',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm đ; Luật Ngân sách nhà nước 2015, Điều 15',
    path: '/van-ban/?disclosure=budget',
    place: 'Văn bản → Công khai ngân sách (lọc theo dự toán, thực hiện, quyết toán)',
    form: `${WEB}; số liệu kèm thuyết minh`,
    limit: { days: 30 },
    limitText: 'Chậm nhất 30 ngày kể từ ngày văn bản được ban hành (Luật Ngân sách nhà nước 2015, Điều 15 khoản 4)',
    period: 'Ít nhất đến hết năm ngân sách sau',
    source: 'documents',
    yearly: true,
  },
  {
    id: 'dau-tu-cong',
    name: 'Danh mục dự án, chương trình đầu tư công và kết quả thực hiện; quản lý, sử dụng vốn đầu tư công',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm d',
    path: '/van-ban/?disclosure=investment',
    place: 'Văn bản → Công khai đầu tư công',
    form: WEB,
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Đến khi dự án, chương trình được quyết toán',
    source: 'documents',
  },
  {
    id: 'mua-sam-dau-thau',
    name: 'Mua sắm công, kế hoạch và kết quả lựa chọn nhà thầu',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm g; Điều 19 khoản 1 điểm d',
    path: '/van-ban/?disclosure=procurement',
    place: 'Văn bản → Công khai mua sắm, đấu thầu',
    form: WEB,
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Đến khi hợp đồng được thanh lý',
    source: 'documents',
  },
  {
    id: 'bao-cao-tai-chinh',
    name: 'Báo cáo tài chính năm',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm e',
    path: '/van-ban/?disclosure=financial_report',
    place: 'Văn bản → Báo cáo tài chính năm',
    form: WEB,
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Hằng năm, lưu ít nhất 05 năm',
    source: 'documents',
    yearly: true,
  },
  {
    id: 'thong-ke',
    name: 'Thông tin thống kê về ngành, lĩnh vực quản lý',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm e',
    path: '/van-ban/?disclosure=statistics',
    place: 'Văn bản → Thông tin thống kê',
    form: `${WEB}; dữ liệu mở tại trang Dữ liệu mở`,
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Theo kỳ thống kê',
    source: 'documents',
  },
  {
    id: 'bao-cao-dinh-ky',
    name: 'Báo cáo công tác định kỳ',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm l',
    path: '/van-ban/?type=report',
    place: 'Văn bản → Báo cáo',
    form: WEB,
    limit: DEFAULT_LIMIT,
    limitText: DEFAULT_LIMIT_TEXT,
    period: 'Theo kỳ báo cáo',
    source: 'documents',
  },
  {
    id: 'to-chuc-lien-he',
    name: 'Chức năng, nhiệm vụ, cơ cấu tổ chức; địa chỉ, điện thoại, thư điện tử, đầu mối tiếp nhận yêu cầu cung cấp thông tin',
    legalBasis: 'Luật Tiếp cận thông tin 2016, Điều 19 khoản 1 điểm đ',
    path: '/danh-ba/',
    place: 'Danh bạ; Giới thiệu',
    form: 'Đăng tải trên Cổng: sơ đồ tổ chức, danh bạ cơ quan, đơn vị',
    limit: DEFAULT_LIMIT,
    limitText: 'Cập nhật ngay khi thay đổi (Nghị định 224/2026/NĐ-CP, Điều 9 khoản 3)',
    period: 'Thường xuyên',
    source: 'units',
  },
];

export const DISCLOSURE_KIND_BY_ID: ReadonlyMap<string, DisclosureKind> = new Map(DISCLOSURE_KINDS.map((k) => [k.id, k]));

/** What a document needs to be placed in the catalogue (public attributes). */
export interface DisclosureDocument {
  docType?: string | null;
  disclosure?: string | null;
  level?: string | null;
}

/**
 * The deadline binds the portal's own agency (Art. 18 §4: "kể từ ngày tạo ra thông tin"): documents of its
 * own level (site settings' `adminLevel`). Laws and the province's documents it republishes are listed
 * without a deadline.
 */
export const hasDeadline = (d: DisclosureDocument, adminLevel: string | null | undefined): boolean =>
  !!adminLevel && d.level === adminLevel;

const BY_DISCLOSURE: Record<string, string> = {
  draft_comment: 'du-thao-lay-y-kien',
  planning: 'chien-luoc-ke-hoach',
  budget: 'ngan-sach',
  investment: 'dau-tu-cong',
  procurement: 'mua-sam-dau-thau',
  financial_report: 'bao-cao-tai-chinh',
  statistics: 'thong-ke',
};

/** The catalogue kind of a document: its `disclosure` value, else a plan or report by type, else a legal document. */
export function documentKind(d: DisclosureDocument): string {
  const byDisclosure = d.disclosure ? BY_DISCLOSURE[d.disclosure] : undefined;
  if (byDisclosure) return byDisclosure;
  if (d.docType === 'plan') return 'chien-luoc-ke-hoach';
  if (d.docType === 'report') return 'bao-cao-dinh-ky';
  return 'van-ban-phap-luat';
}

/** One item of a kind: created (issue or signing day) and, once public, the local day it went public. */
export interface DisclosureItem {
  id: string;
  title: string;
  created: string | null;
  published: string | null;
  /** False: listed without a deadline (`hasDeadline`, or registers that are kept up to date rather than dated). */
  deadline?: boolean;
  url?: string;
}

export interface CatalogueRow {
  kind: DisclosureKind;
  count: number;
  newest: (DisclosureItem & { timeliness: Timeliness | null }) | null;
  /** Items published after their deadline / not yet published past it. */
  late: number;
  overdue: number;
  /** `missing`: nothing at all, or (yearly kinds) nothing created since the start of last year. */
  state: 'ok' | 'late' | 'missing';
}

export function itemTimeliness(cal: WorkCalendar, kind: DisclosureKind, item: DisclosureItem, today: string): Timeliness | null {
  if (!item.created || item.deadline === false) return null;
  return timeliness(cal, { created: item.created, published: item.published, today, limit: kind.limit });
}

/** Each kind with its newest item and whether anything is late or missing, on `today`. */
export function catalogueRows(
  cal: WorkCalendar,
  items: ReadonlyMap<string, readonly DisclosureItem[]>,
  today: string,
  kinds: readonly DisclosureKind[] = DISCLOSURE_KINDS,
): CatalogueRow[] {
  return kinds.map((kind) => {
    const list = [...(items.get(kind.id) ?? [])].sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''));
    let late = 0;
    let overdue = 0;
    for (const it of list) {
      const t = itemTimeliness(cal, kind, it, today);
      if (t?.state === 'late') late++;
      if (t?.state === 'overdue') overdue++;
    }
    const first = list[0];
    const newest = first ? { ...first, timeliness: itemTimeliness(cal, kind, first, today) } : null;
    const lastYear = `${Number(today.slice(0, 4)) - 1}-01-01`;
    const missing = !newest || (kind.yearly && (newest.created ?? '') < lastYear);
    return { kind, count: list.length, newest, late, overdue, state: missing ? 'missing' : late + overdue > 0 ? 'late' : 'ok' };
  });
}

export const CATALOGUE_STATE_LABELS: Record<CatalogueRow['state'], string> = {
  ok: 'Đầy đủ, đúng hạn',
  late: 'Có thông tin công khai trễ hạn',
  missing: 'Chưa có thông tin',
};
