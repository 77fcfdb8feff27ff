import type { Core } from '@strapi/strapi';
import { getService } from '../seams';

// GET /editorial/site-status (the admin's banner): the publisher's freshness, for the roles holding the
// plugin's "site status" action (the route's policy; packages/workflow SITE_STATUS_READERS).
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: { body: unknown }) {
    ctx.body = { data: await getService(strapi, 'siteStatus').read() };
  },
});
