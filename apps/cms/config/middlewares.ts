import type { Core } from '@strapi/strapi';
import { corsPolicy } from '../src/lib/cors-policy';
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
    {
      name: 'strapi::cors',
      // Credentials only for the admin's own origins; the question routes answer the site's
      // allow-list; every other origin gets no CORS header (src/lib/cors-policy.ts).
      config: { ...corsPolicy(process.env), expose: ['Retry-After'] },
    },
    'strapi::poweredBy',
    'strapi::query',
    // Rate limits, origin, content type and size of the question routes, before any body is read.
    'global::question-intake',
    'strapi::body',
    // The bytes of each uploaded file decide its type (src/lib/upload-type.ts), before anything else reads them.
    'global::upload-content-check',
    // Wrong admin passwords slow the account down, whatever the address (src/lib/login-throttle.ts).
    'global::login-throttle',
    // Second step (TOTP) for the roles that publish or administer, on every route (editorial plugin).
    'global::second-factor',
    // Guessable passwords refused wherever one is set (src/lib/password-policy.ts).
    'global::password-policy',
    // EXIF/GPS metadata stripped from uploaded photos (after the body parser wrote the temp files).
    'global::strip-image-metadata',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;
