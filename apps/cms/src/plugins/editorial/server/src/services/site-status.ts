import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';
import { formatDateTime } from '@cong-ttdt/content/dates';
import { SITE_STATUS_MAILED } from '../roles-access';
import { siteScope } from '../site-scope';

/** What the admin is told about the public site: the publisher's `/status`, reduced. */
export interface SiteStatus {
  /** `unknown`: no publisher configured, or it did not answer. */
  freshness: 'current' | 'stale' | 'unknown';
  /** Stale: since when the live site has not followed the CMS. */
  since: string | null;
  /** When the live release was built. */
  liveBuiltAt: string | null;
  failures: number;
  /** The last few build errors (stale only), for the portal administrator. */
  errors: string[];
  /** Why the status is unknown. */
  problem: string | null;
  checkedAt: string;
}

const CACHE_MS = 5000;
const TIMEOUT_MS = 3000;

/**
 * The publisher's `/status` URL: PUBLISHER_STATUS_URL, else next to the webhook the CMS already sends
 * (PUBLISHER_WEBHOOK_URL …/webhook → …/status). Null when neither is set.
 */
export function statusUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PUBLISHER_STATUS_URL?.trim()) return env.PUBLISHER_STATUS_URL.trim();
  const hook = env.PUBLISHER_WEBHOOK_URL?.trim();
  if (!hook) return null;
  try {
    return new URL('status', new URL(hook)).href;
  } catch {
    return null;
  }
}

/** What is read of the publisher's `/status` answer (apps/publisher); each field is checked where it is used. */
const PublisherStatus = z.looseObject({
  freshness: z.unknown().optional(),
  failures: z.unknown().optional(),
  live: z.looseObject({ builtAt: z.unknown().optional() }).nullish().catch(undefined),
  stale: z.looseObject({ since: z.unknown().optional(), errors: z.unknown().optional() }).nullish().catch(undefined),
});

/** The publisher's `/status` body → what the admin shows. */
export function reduceStatus(answer: unknown, now = new Date()): SiteStatus {
  const body = PublisherStatus.safeParse(answer).data;
  const stale = body?.freshness === 'stale';
  return {
    freshness: stale ? 'stale' : 'current',
    since: stale && typeof body?.stale?.since === 'string' ? body.stale.since : null,
    liveBuiltAt: typeof body?.live?.builtAt === 'string' && body.live.builtAt ? body.live.builtAt : null,
    failures: typeof body?.failures === 'number' ? body.failures : 0,
    errors: stale && Array.isArray(body?.stale?.errors) ? body.stale.errors.filter((e) => typeof e === 'string').slice(-3) : [],
    problem: null,
    checkedAt: now.toISOString(),
  };
}

/** The mail to the portal administrators when the site turns stale (Vietnamese, times in the portal's zone). */
export function staleMail(s: SiteStatus): { subject: string; text: string } {
  const since = formatDateTime(s.since);
  return {
    subject: `Trang công khai chưa cập nhật từ ${since}`,
    text: [
      'Kính gửi quản trị cổng thông tin,',
      '',
      `Trang công khai chưa cập nhật từ ${since}: dịch vụ xuất bản (publisher) không tạo được bản mới của trang.`,
      `Số lần dựng trang thất bại liên tiếp: ${s.failures}.`,
      ...(s.errors.length ? ['Lỗi gần nhất:', ...s.errors.map((e) => `  - ${e}`)] : []),
      '',
      'Nội dung đã gỡ vẫn được gỡ khỏi trang ngay; các tin, bài mới và danh sách chỉ cập nhật khi dựng trang thành công.',
      'Cách xử lý: xem docs/operations.md, mục "Trang công khai chưa cập nhật". Thư này gửi một lần cho mỗi lần trang bị chậm.',
    ].join('\n'),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { at: number; value: Promise<SiteStatus> } | null = null;
  const store = () => strapi.store({ type: 'plugin', name: 'editorial', key: 'site-status' });

  async function fetchStatus(): Promise<SiteStatus> {
    const url = statusUrl();
    const unknown = (problem: string): SiteStatus => ({
      freshness: 'unknown',
      since: null,
      liveBuiltAt: null,
      failures: 0,
      errors: [],
      problem,
      checkedAt: new Date().toISOString(),
    });
    // Not configured (a CMS without a publisher): nothing to tell, no banner.
    if (!url) return { ...unknown(''), problem: null };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) return unknown(`Dịch vụ xuất bản trả lời mã ${res.status}.`);
      return reduceStatus(await res.json());
    } catch (e) {
      // The reason (ECONNREFUSED, a timeout…) is for the log, in English; the admin reads Vietnamese.
      strapi.log.debug(`site status: ${url}: ${(e as Error).message}`);
      return unknown('Không kết nối được dịch vụ xuất bản (publisher).');
    }
  }

  return {
    /** The publisher's freshness, read server-side, at most every few seconds. */
    read(): Promise<SiteStatus> {
      const now = Date.now();
      if (!cached || now - cached.at >= CACHE_MS) cached = { at: now, value: fetchStatus() };
      return cached.value;
    },

    /**
     * One check of the timer (bootstrap.ts): when the site has turned stale, one e-mail to the portal
     * administrators per stale period (remembered in the plugin's store across restarts); forgotten when
     * it is current again, so the next stale period mails again. Only with SMTP configured.
     */
    async watch(): Promise<void> {
      const s = await this.read();
      if (s.freshness === 'unknown') return;
      const remembered = ((await store().get({})) as { mailedSince?: string | null } | null)?.mailedSince ?? null;
      if (s.freshness === 'current') {
        if (remembered) await store().set({ value: { mailedSince: null } });
        return;
      }
      if (!process.env.SMTP_HOST || remembered === s.since) return;
      const users = (await strapi.db.query('admin::user').findMany({
        where: { isActive: true, blocked: false, roles: { code: { $in: [...SITE_STATUS_MAILED] } } },
        select: ['id', 'email'],
      })) as Array<{ id: number; email?: string }>;
      // The publisher builds the primary site: a commune's administrators are not told of another site's builds.
      const sites = siteScope(strapi);
      const primary = (await sites.primary()).id;
      const here: typeof users = [];
      for (const u of users) if ((await sites.homeOf(u.id)).id === primary) here.push(u);
      const to = [...new Set(here.map((u) => u.email).filter((e): e is string => !!e))];
      await store().set({ value: { mailedSince: s.since } });
      if (!to.length) return;
      const mail = staleMail(s);
      try {
        await strapi
          .plugin('email')
          .service('email')
          .send({ to: to.join(','), ...mail });
        strapi.log.warn(`site status: the public site is stale since ${s.since}; mailed ${to.length} portal administrator(s)`);
      } catch (e) {
        strapi.log.warn(`site status: e-mail to the portal administrators failed: ${(e as Error).message}`);
      }
    },
  };
};
