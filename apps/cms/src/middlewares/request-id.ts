// Replaces strapi::logger: same "METHOD url (N ms) status" line at level http, plus the request id
// (header X-Request-Id in and out) on it and on every other log line of the request.
import type { Core } from '@strapi/strapi';
import { requestContext, requestIdFrom } from '../lib/request-id';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const requestId = requestIdFrom(ctx.get('x-request-id'));
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const start = Date.now();
    await requestContext.run({ requestId }, async () => {
      try {
        await next();
      } finally {
        const ms = Date.now() - start;
        strapi.log.http(`${ctx.method} ${ctx.url} (${ms} ms) ${ctx.status}`, {
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          durationMs: ms,
        });
      }
    });
  };
};
