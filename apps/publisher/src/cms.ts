// The CMS content revision: a counter the CMS bumps on every publish/unpublish, used to notice
// missed webhooks (Strapi sends each webhook once and never retries). Read through packages/content's
// REST client, like the site's content.
import { CmsError, createClient } from '@cong-ttdt/content';
import type { Config } from './config.ts';

export interface CmsRevision {
  revision: number;
  /** Next scheduled go-live/expiry, when the site must be rebuilt even without an edit. */
  nextTimedEvent: Date | null;
}

export async function fetchRevision(cfg: Pick<Config, 'cmsUrl' | 'siteApiToken'>, timeoutMs = 10_000): Promise<CmsRevision> {
  // No retries here: reconcile has its own backoff, and a build must not wait on a CMS that is down.
  const cms = createClient({ baseUrl: cfg.cmsUrl, token: cfg.siteApiToken || undefined, retries: 0, timeoutMs });
  let body: { data?: { revision?: unknown; nextTimedEvent?: unknown } } | null;
  try {
    body = await cms.get('revision');
  } catch (e) {
    if (e instanceof CmsError && (e.status === 401 || e.status === 403)) throw new Error(`${e.message} (check SITE_API_TOKEN)`);
    throw e;
  }
  const data = body?.data;
  const revision = typeof data?.revision === 'string' ? Number(data.revision) : data?.revision;
  if (typeof revision !== 'number' || !Number.isInteger(revision)) {
    throw new Error(`CMS response for ${cfg.cmsUrl}/api/revision has no integer data.revision`);
  }
  let nextTimedEvent: Date | null = null;
  if (typeof data?.nextTimedEvent === 'string' && data.nextTimedEvent) {
    const d = new Date(data.nextTimedEvent);
    if (!Number.isNaN(d.getTime())) nextTimedEvent = d;
  }
  return { revision, nextTimedEvent };
}
