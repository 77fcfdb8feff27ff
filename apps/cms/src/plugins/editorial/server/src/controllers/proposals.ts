import type { Core } from '@strapi/strapi';
import type { AdminUser } from '../actor';
import { getService } from '../seams';

/** What these handlers read of Koa's context. */
interface Ctx {
  state: { user: AdminUser };
  params: Record<string, string | undefined>;
  request: { body?: Record<string, unknown> };
  body: unknown;
}

// Proposals of a site's items to the site above it (services/proposals.ts decides; refusals are 400 in Vietnamese).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const proposals = () => getService(strapi, 'proposals');
  return {
    async create(ctx: Ctx) {
      ctx.body = { data: await proposals().propose(ctx.state.user, ctx.request.body ?? {}) };
    },
    async decide(ctx: Ctx) {
      ctx.body = { data: await proposals().decide(ctx.state.user, Number(ctx.params.id), ctx.request.body ?? {}) };
    },
    async list(ctx: Ctx) {
      ctx.body = { data: await proposals().list(ctx.state.user) };
    },
    /** Public: the items a site shows from the sites under it, with their origin. */
    async aggregated(ctx: Ctx) {
      ctx.body = { data: await proposals().aggregated(String(ctx.params.site ?? '')) };
    },
  };
};
