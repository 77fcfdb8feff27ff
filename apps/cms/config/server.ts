import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('CMS_PORT', env.int('PORT', 1337)),
  url: env('CMS_PUBLIC_URL', ''),
  // Strapi 5 reads server.proxy.koa (a bare boolean here was ignored: no X-Forwarded-* was trusted).
  // maxIpsCount 1: the client is the address the proxy itself saw (the right-most X-Forwarded-For
  // entry), not whatever a client put in front of it.
  proxy: { koa: env.bool('CMS_BEHIND_PROXY', false), maxIpsCount: 1 },
  // Public dir (uploads live in <public>/uploads with local media): CMS_PUBLIC_DIR moves it, e.g. to a
  // data volume or a restored backup.
  dirs: { public: env('CMS_PUBLIC_DIR', './public') },
  app: {
    keys: env.array('APP_KEYS')!,
  },
  webhooks: {
    populateRelations: false,
  },
  // Remote data transfer (push/pull of the whole database through /admin/transfer) would write below
  // the workflow and the audit log: off (src/lib/data-transfer.ts).
  transfer: { remote: { enabled: false } },
});

export default config;
