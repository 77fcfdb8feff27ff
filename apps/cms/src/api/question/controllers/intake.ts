import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { questionsConfig } from '../../../lib/questions/config';
import { OnceStore, checkPow, newChallenge } from '../../../lib/questions/pow';
import { accepted, refuse } from '../../../lib/questions/respond';
import { normalizeTrackingCode, validateSubmission, type CleanQuestion } from '../../../lib/questions/validate';

type Receipt = { code: string; statusPath: string };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::question.intake') as any;
  const used = new OnceStore<{ fingerprint: string; receipt: Receipt }>(questionsConfig().powTtlMs + 60_000);

  const fingerprintOf = (q: CleanQuestion) =>
    createHash('sha256')
      .update(JSON.stringify([q.askerName, q.askerPhone, q.askerEmail, q.askerAddress, q.fieldDocumentId, q.title, q.question]))
      .digest('hex');

  return {
    /** POST /api/questions/submit — JSON or a plain HTML form post. */
    async submit(ctx: any) {
      ctx.state.questionHandled = true;
      const cfg = questionsConfig();
      const checked = await validateSubmission(ctx.request.body, {
        now: Date.now(),
        minFillMs: cfg.minFillMs,
        findField: (ref) => service().findField(ref),
      });
      if (!checked.ok) {
        return refuse(ctx, 400, checked.errors.map((e) => e.message).join(' '), checked.errors);
      }
      const q = checked.value;
      const pow = q.altcha;
      const hasPow = pow != null && pow !== '';
      if (!hasPow && cfg.powRequired) {
        const message = 'Chưa hoàn tất bước xác minh chống thư rác. Vui lòng bật JavaScript, chờ xác minh xong rồi gửi lại.';
        return refuse(ctx, 400, message, [{ path: ['altcha'], message }]);
      }
      const fingerprint = fingerprintOf(q);
      const store = async () => ({ fingerprint, receipt: (await service().receive(q)) as Receipt });
      if (!hasPow) return accepted(ctx, (await store()).receipt);

      const check = await checkPow(cfg, pow);
      if (!check.ok) return refuse(ctx, 400, check.message, [{ path: ['altcha'], message: check.message }]);
      // One question per solved challenge: the same post sent again gets the same receipt.
      const { value } = used.once(check.key, store);
      const out = await value;
      if (out.fingerprint !== fingerprint) {
        const message = 'Mã xác minh chống thư rác đã được dùng cho một câu hỏi khác. Vui lòng tải lại trang rồi gửi lại.';
        return refuse(ctx, 400, message, [{ path: ['altcha'], message }]);
      }
      return accepted(ctx, out.receipt);
    },

    /** GET /api/questions/challenge — a proof-of-work challenge for the form's widget. */
    async challenge(ctx: any) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await newChallenge(questionsConfig());
    },

    /** GET /api/questions/status/:code — what the asker may know: stage, dates, public link. */
    async status(ctx: any) {
      ctx.set('Cache-Control', 'no-store');
      const code = normalizeTrackingCode(String(ctx.params.code ?? ''));
      if (!code) return refuse(ctx, 400, 'Mã tra cứu không hợp lệ (gồm 10 chữ và số).');
      const status = await service().status(code);
      if (!status) return refuse(ctx, 404, 'Không tìm thấy câu hỏi có mã tra cứu này.');
      ctx.body = { data: status };
    },
  };
};
