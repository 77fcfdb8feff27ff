import type { Core } from '@strapi/strapi';
import { LoginThrottle, throttleConfig, vietnameseDuration } from '../lib/login-throttle';

const LOGIN_PATH = '/admin/login';

/**
 * POST /admin/login, per account (the e-mail), across addresses: while an account waits, attempts are
 * refused (429, Vietnamese message, Retry-After) without checking the password; each delay that a
 * wrong password starts is written to the audit chain. Runs after the body parser, before Strapi's
 * own per-address limit on the route.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const throttle = new LoginThrottle(throttleConfig());
  // The Super Admin's unlock (editorial plugin, controllers/sign-in.ts) reaches the same counters.
  strapi.add('login-throttle', () => throttle);

  const audit = async (email: string, lock: { failures: number; delayMs: number; until: number; addresses: string[] }) => {
    const user = (await strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] })) as { id: number } | null;
    // Unknown e-mails are throttled the same (no hint whether an account exists) but not logged.
    if (!user) return;
    await strapi
      .plugin('editorial')
      .service('audit')
      .record({
        target: { uid: 'admin::user', documentId: String(user.id) },
        action: 'login-throttled',
        from: null,
        to: 'login-throttled',
        actor: { id: null, name: 'Hệ thống', roles: [] },
        comment: `Tạm dừng đăng nhập ${vietnameseDuration(lock.delayMs)} sau ${lock.failures} lần nhập sai mật khẩu.`,
        meta: {
          failures: lock.failures,
          delaySeconds: Math.ceil(lock.delayMs / 1000),
          until: new Date(lock.until).toISOString(),
          addresses: lock.addresses,
        },
      });
  };

  return async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method !== 'POST' || ctx.path !== LOGIN_PATH) return next();
    const email = ctx.request.body?.email;
    if (typeof email !== 'string' || !email.trim()) return next();
    const key = email.trim().toLowerCase();
    return throttle.serial(key, async () => {
      const wait = throttle.waitMs(key, Date.now());
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        ctx.set('Retry-After', String(seconds));
        ctx.status = 429;
        ctx.body = {
          data: null,
          error: {
            status: 429,
            name: 'RateLimitError',
            message: `Tài khoản này vừa nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${vietnameseDuration(wait)}.`,
            details: { retryAfter: seconds },
          },
        };
        return;
      }
      try {
        await next();
      } catch (e) {
        // A wrong password or an inactive account: Strapi throws ApplicationError ("Invalid
        // credentials", 400). Its own per-address limit (RateLimitError) is not a wrong password.
        if ((e as Error)?.name === 'ApplicationError') {
          const lock = throttle.failed(key, ctx.request.ip ?? 'unknown', Date.now());
          if (lock) await audit(key, lock).catch((err: Error) => strapi.log.error(`login throttle: audit entry failed: ${err.message}`));
        }
        throw e;
      }
      if (ctx.status === 200) throttle.succeeded(key);
    });
  };
};
