// Why a citizen's question was not accepted, as the site's own refusal pages name it. The CMS redirects a
// plain HTML form post to `/hoi-dap/chua-gui-duoc/<reason>/` (no personal data in the URL); the site
// builds one page per reason. One list for both sides.

export const QUESTION_REFUSALS = {
  'qua-nhanh': {
    title: 'Bạn gửi câu hỏi quá nhanh',
    text: 'Để chống thư rác, biểu mẫu chỉ nhận câu hỏi gửi sau ít nhất vài giây kể từ khi mở. Vui lòng quay lại biểu mẫu, đọc lại câu hỏi rồi gửi lại.',
  },
  'bieu-mau': {
    title: 'Biểu mẫu không hợp lệ hoặc đã cũ',
    text: 'Biểu mẫu cần JavaScript để ghi nhận thời điểm mở và chống thư rác. Vui lòng bật JavaScript, tải lại trang gửi câu hỏi rồi gửi lại.',
  },
  'thong-tin': {
    title: 'Thông tin chưa đầy đủ hoặc chưa đúng',
    text: 'Vui lòng kiểm tra lại: họ và tên; số điện thoại hoặc thư điện tử (ít nhất một, đúng định dạng); lĩnh vực; tiêu đề; nội dung câu hỏi; và ô đồng ý xử lý dữ liệu cá nhân.',
  },
  'qua-nhieu-lan': {
    title: 'Bạn đã gửi quá nhiều lần',
    text: 'Từ một địa chỉ mạng chỉ được gửi một số câu hỏi trong mỗi giờ. Vui lòng thử lại sau.',
  },
  'khong-nhan': {
    title: 'Không nhận được câu hỏi',
    text: 'Yêu cầu gửi lên không đúng (không từ biểu mẫu của cổng, quá lớn hoặc sai định dạng). Vui lòng mở lại biểu mẫu trên cổng thông tin rồi gửi lại.',
  },
} as const satisfies Record<string, { title: string; text: string }>;

export type QuestionRefusal = keyof typeof QUESTION_REFUSALS;

/** Path of the site's refusal page for one reason. */
export const questionRefusalPath = (reason: QuestionRefusal) => `/hoi-dap/chua-gui-duoc/${reason}/`;

/** Error code of a form sent faster than the minimum fill time. */
export const QUESTION_TOO_FAST = 'too_fast';

/** Fields a citizen fills in (a refusal naming only these is about the input, not the form). */
const INPUT_FIELDS = new Set(['name', 'phone', 'email', 'address', 'fieldId', 'title', 'question', 'consent']);

/**
 * The reason shown for a refusal: the HTTP status and the refused fields with their messages. A too-fast
 * post wins over field problems (the CMS checks abuse first and says nothing more about the fields).
 */
export function questionRefusalReason(
  status: number,
  errors: readonly { path: readonly (string | number)[]; code?: string }[] = [],
): QuestionRefusal {
  if (status === 429) return 'qua-nhieu-lan';
  if (status !== 400) return 'khong-nhan';
  const fields = errors.map((e) => String(e.path[0] ?? ''));
  if (errors.some((e) => e.code === QUESTION_TOO_FAST)) return 'qua-nhanh';
  if (fields.length > 0 && fields.every((f) => INPUT_FIELDS.has(f))) return 'thong-tin';
  return 'bieu-mau';
}
