import type { Core } from '@strapi/strapi';

const siteOrigin = (url: string): string | null => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const site = siteOrigin(env('SITE_URL', ''));
  const extra = env('QUESTIONS_ALLOWED_ORIGINS', '').split(',').map((s: string) => s.trim()).filter(Boolean);
  return [
    'strapi::logger',
    'strapi::errors',
    'strapi::security',
    {
      name: 'strapi::cors',
      config: {
        // The citizens' question routes answer cross-origin calls from the public site only (when
        // SITE_URL is set); every other route keeps Strapi's default.
        origin: (ctx: any) => (site && /^\/api\/questions\/(submit|challenge|status\/[^/]*)$/.test(ctx.path) ? [site, ...extra] : '*'),
        expose: ['Retry-After'],
      },
    },
    'strapi::poweredBy',
    'strapi::query',
    // Rate limits, origin, content type and size of the question routes, before any body is read.
    'global::question-intake',
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;
