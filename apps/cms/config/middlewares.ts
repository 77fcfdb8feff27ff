import type { Core } from '@strapi/strapi';
import { mediaOrigin } from '../src/lib/media-storage';

// global::request-id replaces strapi::logger (same request line, plus X-Request-Id; src/middlewares).
// The admin's CSP allows media from the S3 host when media are stored there (UPLOAD_PROVIDER=s3).
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const media = mediaOrigin(process.env);
  const mediaSrc = ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', ...(media ? [media] : [])];
  return [
    'global::request-id',
    'strapi::errors',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            'connect-src': ["'self'", 'https:'],
            'img-src': mediaSrc,
            'media-src': mediaSrc,
            upgradeInsecureRequests: env.bool('CMS_BEHIND_PROXY', false) ? [] : null,
          },
        },
      },
    },
    'strapi::cors',
    'strapi::poweredBy',
    'strapi::query',
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;
