import type { Core } from '@strapi/strapi';
import { getRevision } from '../../../lib/revision';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    let plugin: any = null;
    try {
      plugin = strapi.plugin('editorial');
    } catch {}
    const nextTimedEvent = plugin ? await plugin.service('schedule')?.nextTimedEvent?.() : null;
    ctx.body = { data: { revision: await getRevision(strapi), nextTimedEvent: nextTimedEvent ?? null } };
  },
});
