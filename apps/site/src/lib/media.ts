/** CMS media: absolute URLs for browsers (CMS_PUBLIC_URL) and for the image pipeline (CMS_URL). */
import type { Media } from '@cong-ttdt/content';

const CMS_URL = (process.env.CMS_URL || 'http://127.0.0.1:1337').replace(/\/+$/, '');
const CMS_PUBLIC_URL = (process.env.CMS_PUBLIC_URL || CMS_URL).replace(/\/+$/, '');
/** Where browsers fetch attachments; defaults to the public CMS address. */
const MEDIA_URL = (process.env.CMS_MEDIA_URL || CMS_PUBLIC_URL).replace(/\/+$/, '');

const isAbsolute = (u: string) => /^https?:\/\//i.test(u);

/** URL a visitor downloads the file from. */
export const publicMediaUrl = (m: Pick<Media, 'url'>) => (isAbsolute(m.url) ? m.url : MEDIA_URL + m.url);
/** URL the build fetches an image from (may be an internal address). */
export const buildMediaUrl = (m: Pick<Media, 'url'>) => (isAbsolute(m.url) ? m.url : CMS_URL + m.url);

/** "1,5 MB", "245,9 KB" — Strapi sizes are in kilobytes. */
export function formatSize(kb: number | null | undefined): string {
  if (kb == null || !Number.isFinite(kb)) return '';
  const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return kb >= 1024 ? `${fmt(kb / 1024)} MB` : `${fmt(kb)} KB`;
}

/** "PDF", "DOCX" from `.pdf`. */
export const fileType = (m: Pick<Media, 'ext' | 'mime'>) => (m.ext || '').replace(/^\./, '').toUpperCase() || m.mime;

/**
 * Where browsers send questions and look up their status: the public intake routes. Behind nginx or
 * Caddy they are proxied on the site's own host (deploy/), so production builds set PUBLIC_INTAKE_URL to
 * SITE_URL and the site's CSP (`form-action 'self'; connect-src 'self'`) allows them; the embedded default
 * posts to the CMS itself.
 */
export const INTAKE = (process.env.PUBLIC_INTAKE_URL || CMS_PUBLIC_URL).replace(/\/+$/, '');
