import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AdminUser } from '../actor';
import { getService } from '../seams';

interface Ctx {
  state: { user: AdminUser };
  params: Record<string, string>;
  request: { body?: Record<string, unknown> };
  body: unknown;
  forbidden(message: string): unknown;
}

// Quarantine and two-person purge of material stored by mistake (services/quarantine.ts decides).
// Its refusals are answered with ctx.forbidden: a thrown ForbiddenError reaches users as "Forbidden".
async function answer(ctx: Ctx, run: () => Promise<unknown>) {
  try {
    ctx.body = { data: await run() };
  } catch (e) {
    if (e instanceof errors.ForbiddenError) return ctx.forbidden(e.message);
    throw e;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'quarantine');
  return {
    async list(ctx: Ctx) {
      return answer(ctx, () => service().list(ctx.state.user));
    },
    // Who asks is checked first: someone who may not quarantine learns nothing from the checks of the request.
    async request(ctx: Ctx) {
      return answer(ctx, async () => {
        await service().assertMay(ctx.state.user);
        const body = (ctx.request.body ?? {}) as { uid?: unknown; documentId?: unknown; reason?: unknown };
        const unknown = Object.keys(body).filter((k) => !['uid', 'documentId', 'reason'].includes(k));
        if (unknown.length) throw new errors.ValidationError(`Trường không hợp lệ: ${unknown.join(', ')}`);
        if (typeof body.uid !== 'string' || typeof body.documentId !== 'string' || typeof body.reason !== 'string')
          throw new errors.ValidationError('uid, documentId và lý do (reason) là bắt buộc.');
        const { uid, documentId, reason } = body;
        return service().request({ uid, documentId, reason }, ctx.state.user);
      });
    },
    async purge(ctx: Ctx) {
      return answer(ctx, async () => {
        await service().assertMay(ctx.state.user);
        const id = Number(ctx.params.id);
        if (!Number.isInteger(id) || id <= 0) throw new errors.ValidationError('Mã yêu cầu cách ly không hợp lệ.');
        return service().purge(id, ctx.state.user);
      });
    },
  };
};
