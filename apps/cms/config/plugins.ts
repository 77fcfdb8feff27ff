import type { Core } from '@strapi/strapi';
import { s3ProviderConfig, uploadProvider } from '../src/lib/media-storage';
import { ACCEPTED_TYPES } from '../src/lib/upload-type';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  // Local plugin: review workflow, publish guard, audit log, queue and reports.
  editorial: {
    enabled: true,
    resolve: './src/plugins/editorial',
    config: {
      // How often scheduled go-live and expiry times are checked, in ms (at least 1000; anything else
      // is refused with a warning in the log and the default, 30000, is used).
      schedulerIntervalMs: env('EDITORIAL_SCHEDULER_MS', '30000'),
      // Contributions by e-mail from an IMAP mailbox, read every MAIL_INTAKE_MS (off without MAIL_INTAKE_HOST;
      // docs/workflow.md "Contributions by e-mail").
      mailIntake: {
        host: env('MAIL_INTAKE_HOST', ''),
        port: env.int('MAIL_INTAKE_PORT', 993),
        secure: env.bool('MAIL_INTAKE_SECURE', true),
        user: env('MAIL_INTAKE_USER', ''),
        password: env('MAIL_INTAKE_PASSWORD', ''),
        intervalMs: Math.max(1000, env.int('MAIL_INTAKE_MS', 60_000)),
        authservId: env('MAIL_INTAKE_AUTHSERV_ID', ''),
        address: env('MAIL_INTAKE_ADDRESS', ''),
        secret: env('MAIL_INTAKE_SECRET', ''),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  // Review notifications (assign, return, approve) go out by SMTP only when SMTP_HOST is set.
  ...(env('SMTP_HOST', '')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ...(env('SMTP_USERNAME', '') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') } } : {}),
            },
            settings: {
              defaultFrom: env('SMTP_FROM', 'cong-thong-tin@localhost'),
              defaultReplyTo: env('SMTP_FROM', 'cong-thong-tin@localhost'),
            },
          },
        },
      }
    : {}),
  upload: {
    config: {
      // Media on the local disk (public/uploads) by default; UPLOAD_PROVIDER=s3 stores them in an
      // S3-compatible bucket (src/lib/media-storage.ts, .env.example).
      ...(uploadProvider(process.env) === 's3' ? s3ProviderConfig(process.env) : {}),
      sizeLimit: env.int('UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
      security: {
        // Strapi's own check trusts the file name when it does not recognise the bytes (an HTML page named
        // evil.jpg passed): global::upload-content-check refuses anything whose bytes file-type does not
        // detect as the type its name and declared type claim (src/lib/upload-type.ts, one list for both).
        // SVG is refused: it can carry script.
        allowedTypes: ACCEPTED_TYPES,
        deniedTypes: ['image/svg+xml', 'text/html', 'application/x-msdownload', 'application/x-sh'],
      },
    },
  },
});

export default config;
