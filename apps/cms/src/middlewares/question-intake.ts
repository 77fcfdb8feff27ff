import type { Core } from '@strapi/strapi';
import { SUBMIT_PATH, isQuestionRoute, questionsConfig } from '../lib/questions/config';
import { clientIp, proxyList } from '../lib/questions/client-ip';
import { RateLimiter } from '../lib/questions/rate-limit';
import { refuse } from '../lib/questions/respond';

/**
 * Runs before the body parser, for the public question routes only, so abusive requests cost nothing:
 * per-IP rate limits (429 + Retry-After), the form's origin, the content type and the body size
 * (checked from Content-Length before a byte of the body is read).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cfg = questionsConfig();
  const trusted = proxyList(cfg.trustedProxies);
  const submits = new RateLimiter(cfg.rateLimit, cfg.rateWindowMs);
  const lookups = new RateLimiter(cfg.lookupRateLimit, cfg.rateWindowMs);
  if (!cfg.siteOrigin)
    strapi.log.warn("SITE_URL is not set: the question form is accepted from any origin and redirects go back to the form's own origin.");

  return async (ctx: any, next: () => Promise<void>) => {
    if (!isQuestionRoute(ctx.path) || ctx.method === 'OPTIONS') return next();
    const ip = clientIp(ctx.req.socket?.remoteAddress, ctx.get('x-forwarded-for') || undefined, trusted);
    ctx.state.questionClientIp = ip;

    if (ctx.path !== SUBMIT_PATH) {
      const wait = lookups.hit(ip);
      if (wait)
        return refuse(ctx, 429, `Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ${wait} giây.`, [], { 'Retry-After': String(wait) });
      return next();
    }
    if (ctx.method !== 'POST') return next();

    const wait = submits.hit(ip);
    if (wait) {
      const minutes = Math.ceil(wait / 60);
      return refuse(
        ctx,
        429,
        `Bạn đã gửi quá nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau ${minutes > 1 ? `${minutes} phút` : `${wait} giây`}.`,
        [],
        { 'Retry-After': String(wait) },
      );
    }

    // Another web site may not post into our form (browsers always send Origin with a POST). "null"
    // (privacy settings, sandboxed frames) is treated like a missing header: rate limits still apply.
    const origin = ctx.get('origin');
    if (cfg.siteOrigin && origin && origin !== 'null' && origin !== cfg.siteOrigin && !cfg.allowedOrigins.includes(origin)) {
      return refuse(ctx, 403, `Câu hỏi chỉ được gửi từ biểu mẫu trên ${cfg.siteUrl}.`);
    }

    if (!ctx.is('application/json', 'application/x-www-form-urlencoded')) {
      return refuse(
        ctx,
        415,
        'Định dạng dữ liệu không được hỗ trợ: hãy gửi biểu mẫu (application/x-www-form-urlencoded) hoặc JSON (application/json).',
      );
    }
    const length = ctx.get('content-length');
    if (!/^\d+$/.test(length)) {
      return refuse(ctx, 411, 'Yêu cầu phải có độ dài nội dung (Content-Length).');
    }
    if (Number(length) > cfg.maxBodyBytes) {
      return refuse(ctx, 413, `Nội dung gửi lên quá lớn (tối đa ${Math.floor(cfg.maxBodyBytes / 1024)} KB). Câu hỏi không được lưu.`);
    }
    try {
      await next();
    } catch (e: any) {
      // Thrown before the route's controller ran: the body parser's refusals (broken JSON, length
      // mismatch), in the route's words.
      if (!ctx.state.questionHandled) {
        const status = e.status === 413 ? 413 : 400;
        return refuse(
          ctx,
          status,
          status === 413
            ? 'Nội dung gửi lên quá lớn. Câu hỏi không được lưu.'
            : 'Không đọc được nội dung gửi lên (dữ liệu JSON hoặc biểu mẫu không hợp lệ). Câu hỏi không được lưu.',
        );
      }
      throw e;
    }
  };
};
