// Answers of the question route: JSON for scripts, a redirect or a small Vietnamese page for plain
// HTML form posts (progressive enhancement: the form works without any script of the site).
import { questionRefusalPath, questionRefusalReason } from '@cong-ttdt/content';
import type { FieldError } from './validate';
import { questionsConfig } from './config';

type Ctx = any;

const LABELS: Record<string, string> = {
  name: 'Họ và tên',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  fieldId: 'Lĩnh vực',
  title: 'Tiêu đề',
  question: 'Nội dung câu hỏi',
  consent: 'Đồng ý xử lý dữ liệu cá nhân',
  website: 'Biểu mẫu',
  startedAt: 'Biểu mẫu',
  altcha: 'Xác minh chống thư rác',
};

const NAMES: Record<number, string> = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  411: 'LengthRequiredError',
  413: 'PayloadTooLargeError',
  415: 'UnsupportedMediaTypeError',
  429: 'RateLimitError',
};

/** A plain HTML form post (urlencoded, the browser asks for HTML) gets HTML; everything else JSON. */
export function wantsHtml(ctx: Ctx): boolean {
  return !!ctx.is('application/x-www-form-urlencoded') && ctx.accepts('html', 'json') === 'html';
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Base of the public site: SITE_URL, or (development, SITE_URL unset) the origin of the form's page. */
export function siteBase(ctx: Ctx): string {
  const cfg = questionsConfig();
  if (cfg.siteUrl) return cfg.siteUrl;
  const origin = ctx.get('origin');
  return origin && origin !== 'null' ? origin : '';
}

export const formUrl = (ctx: Ctx) => `${siteBase(ctx)}/hoi-dap/dat-cau-hoi/`;
export const thanksUrl = (ctx: Ctx, code: string) => `${siteBase(ctx)}/hoi-dap/cam-on/?ma=${encodeURIComponent(code)}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>body{font:1.05rem/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.4rem;color:#6f1212}li{margin:.3rem 0}a{color:#0b4f8a}</style>
</head><body><main>${body}</main></body></html>`;
}

/**
 * Refusal: JSON `{ error: { status, name, message, details: { errors } } }`; for a plain form post, a 303
 * to the site's own page for the reason (nothing the citizen typed goes into the URL), or, when the
 * site's address is unknown, a small HTML page here with the same status.
 */
export function refuse(ctx: Ctx, status: number, message: string, errors: FieldError[] = [], headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) ctx.set(k, v);
  ctx.status = status;
  const site = wantsHtml(ctx) ? siteBase(ctx) : '';
  if (site) {
    ctx.redirect(`${site}${questionRefusalPath(questionRefusalReason(status, errors))}`);
    ctx.status = 303;
    return;
  }
  if (wantsHtml(ctx)) {
    const items = errors.length
      ? `<ul>${errors.map((e) => `<li>${e.path[0] && LABELS[e.path[0]] ? `<strong>${esc(LABELS[e.path[0]])}:</strong> ` : ''}${esc(e.message)}</li>`).join('')}</ul>`
      : `<p>${esc(message)}</p>`;
    const back = formUrl(ctx);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page(
      'Chưa gửi được câu hỏi',
      `<h1>Chưa gửi được câu hỏi</h1>${errors.length ? `<p>${esc(message)}</p>` : ''}${items}
<p>Vui lòng dùng nút <strong>Quay lại</strong> của trình duyệt để sửa (nội dung đã nhập thường vẫn còn)${back.startsWith('http') || back.startsWith('/') ? `, hoặc <a href="${esc(back)}">mở lại biểu mẫu gửi câu hỏi</a>` : ''}.</p>`,
    );
    return;
  }
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = {
    data: null,
    error: { status, name: NAMES[status] ?? 'ApplicationError', message, details: errors.length ? { errors } : {} },
  };
}

/** Success: 303 to the thank-you page for form posts, 201 JSON for scripts. */
export function accepted(ctx: Ctx, result: { code: string; statusPath: string }): void {
  if (wantsHtml(ctx)) {
    ctx.status = 303;
    ctx.redirect(thanksUrl(ctx, result.code));
    ctx.status = 303;
    return;
  }
  ctx.status = 201;
  ctx.body = {
    data: {
      code: result.code,
      status: 'submitted',
      statusUrl: result.statusPath,
      message: 'Câu hỏi đã được tiếp nhận. Vui lòng lưu mã tra cứu để theo dõi.',
    },
  };
}
