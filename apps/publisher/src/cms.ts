// The CMS content revision: a counter the CMS bumps on every publish/unpublish, used to notice
// missed webhooks (Strapi sends each webhook once and never retries).
import type { Config } from './config.ts';

export interface CmsRevision {
  revision: number;
  /** Next scheduled go-live/expiry, when the site must be rebuilt even without an edit. */
  nextTimedEvent: Date | null;
}

export async function fetchRevision(cfg: Pick<Config, 'cmsUrl' | 'siteApiToken'>, timeoutMs = 10_000): Promise<CmsRevision> {
  const url = `${cfg.cmsUrl}/api/revision`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { Accept: 'application/json', ...(cfg.siteApiToken ? { Authorization: `Bearer ${cfg.siteApiToken}` } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const c = (e as { cause?: { code?: string; message?: string } }).cause;
    const cause = c?.code ?? c?.message;
    throw new Error(`CMS unreachable at ${url}${cause ? ` (${cause})` : `: ${(e as Error).message}`}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`CMS answered ${res.status} for ${url}${res.status === 401 || res.status === 403 ? ' (check SITE_API_TOKEN)' : ''}`);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new Error(`CMS sent invalid JSON for ${url}`);
  }
  const data = (body as { data?: { revision?: unknown; nextTimedEvent?: unknown } } | null)?.data;
  const revision = typeof data?.revision === 'string' ? Number(data.revision) : data?.revision;
  if (typeof revision !== 'number' || !Number.isInteger(revision)) {
    throw new Error(`CMS response for ${url} has no integer data.revision`);
  }
  let nextTimedEvent: Date | null = null;
  if (typeof data?.nextTimedEvent === 'string' && data.nextTimedEvent) {
    const d = new Date(data.nextTimedEvent);
    if (!Number.isNaN(d.getTime())) nextTimedEvent = d;
  }
  return { revision, nextTimedEvent };
}
