import type { Core } from '@strapi/strapi';
import { displayName } from '../actor';
import { SECOND_FACTOR_ROLES, SIGN_IN_PAGE } from '../services/second-factor';
import { getService, isSystemAdmin } from '../seams';

// The sign-in page with the second step (Strapi's own login form cannot carry a code), and the Super
// Admin's account safeguards: reset of an account's second factor, unlock of an account slowed down by
// the per-account login throttle (apps/cms/src/lib/login-throttle.ts). Each reset and unlock is logged.

interface Ctx {
  params: Record<string, string>;
  state: { user?: User };
  status: number;
  body: unknown;
  type: string;
  set(field: string, value: string): void;
  forbidden(message: string): void;
  notFound(message: string): void;
  conflict(message: string): void;
}
interface User {
  id: number;
  email: string;
  firstname?: string;
  lastname?: string;
  isActive?: boolean;
  roles?: { id: number; code: string }[];
}
/** The login throttle's counters, shared by the app's middleware (strapi.get('login-throttle')). */
interface Throttle {
  state(key: string, now: number): { failures: number; waitMs: number; addresses: string[] } | null;
  release(key: string, now: number): { failures: number; waitMs: number; addresses: string[] } | null;
}

const SUPER_ONLY = 'Chỉ Quản trị hệ thống (Super Admin) được dùng chức năng này.';
const isSuperAdmin = (ctx: Ctx) => isSystemAdmin(ctx.state.user);
const key = (email: string) => email.trim().toLowerCase();

const PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập — Ban Biên tập</title>
<style>
body{font-family:system-ui,sans-serif;background:#f6f6f9;color:#32324d;margin:0}
main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:4px;box-shadow:0 1px 4px rgba(33,33,52,.1)}
h1{font-size:1.4rem;margin:0 0 1rem}
label{display:block;margin:.8rem 0 .3rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #dcdce4;border-radius:4px;font-size:1rem}
button{margin-top:1.2rem;width:100%;padding:.7rem;background:#4945ff;color:#fff;border:0;border-radius:4px;font-size:1rem;cursor:pointer}
[role=alert]{color:#d02b20;margin-top:1rem}
.note{color:#666687;font-size:.9rem}
#qr img{display:block;margin:1rem auto}
code,ol{font-family:ui-monospace,monospace}
</style>
</head>
<body>
<main>
<h1>Đăng nhập trang quản trị</h1>
<p class="note">Trưởng ban, Quản trị cổng và Quản trị hệ thống đăng nhập tại đây, với mã của ứng dụng xác thực (xác thực hai bước).</p>
<form id="sign-in" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div id="step" hidden>
<div id="qr" hidden>
<p>Quét mã QR này bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…):</p>
<img id="qr-image" alt="Mã QR để kích hoạt xác thực hai bước" width="240" height="240">
<p class="note">Không quét được? Nhập khóa này vào ứng dụng: <code id="secret"></code></p>
</div>
<label for="code">Mã xác thực</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code">
</div>
<button type="submit">Đăng nhập</button>
<p id="message" role="alert"></p>
</form>
<section id="recovery" hidden>
<h2>Mã khôi phục</h2>
<p>Xác thực hai bước đã được kích hoạt. Lưu các mã khôi phục dưới đây ở nơi an toàn: mỗi mã dùng được một lần, khi không có điện thoại.</p>
<ol id="recovery-codes"></ol>
<button id="continue" type="button">Tôi đã lưu các mã, vào trang quản trị</button>
</section>
</main>
<script src="${SIGN_IN_PAGE}/script"></script>
</body>
</html>
`;

// Plain script in a file of its own: the admin's Content-Security-Policy allows no inline script.
const SCRIPT = `(() => {
  const $ = (id) => document.getElementById(id);
  let token = null;
  const enter = () => {
    localStorage.setItem('jwtToken', JSON.stringify(token));
    localStorage.setItem('isLoggedIn', 'true');
    location.assign('/admin');
  };
  $('continue').addEventListener('click', enter);
  // Sent here by Strapi's own login form (admin/src/components/SignInGuide.ts) with the e-mail typed there.
  const typed = new URLSearchParams(location.search).get('email');
  if (typed) {
    $('email').value = typed;
    $('password').focus();
  }
  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('message').textContent = '';
    const body = { email: $('email').value, password: $('password').value, rememberMe: true };
    if (!$('step').hidden && $('code').value.trim()) body.code = $('code').value.trim();
    const res = await fetch('/admin/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => null);
    if (res.ok && answer && answer.data && answer.data.token) {
      token = answer.data.token;
      const second = answer.data.secondFactor;
      if (second && second.recoveryCodes) {
        $('sign-in').hidden = true;
        $('recovery-codes').replaceChildren(...second.recoveryCodes.map((c) => {
          const li = document.createElement('li');
          li.textContent = c;
          return li;
        }));
        $('recovery').hidden = false;
        return;
      }
      return enter();
    }
    const error = (answer && answer.error) || {};
    const details = error.details || {};
    if (details.secondFactor === 'code' || details.secondFactor === 'enrol') {
      $('step').hidden = false;
      $('qr').hidden = details.secondFactor !== 'enrol';
      if (details.qrCode) $('qr-image').src = details.qrCode;
      if (details.secret) $('secret').textContent = details.secret;
      $('code').focus();
    }
    const prompts = {
      code: 'Nhập mã xác thực 6 chữ số từ ứng dụng xác thực (hoặc một mã khôi phục).',
      enrol: 'Quét mã QR bằng ứng dụng xác thực rồi nhập mã 6 chữ số để kích hoạt xác thực hai bước.',
    };
    $('message').textContent = prompts[details.secondFactor] || error.message || 'Không đăng nhập được (' + res.status + ').';
  });
})();
`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const secondFactor = () => getService(strapi, 'second-factor');
  const throttle = () => (strapi.has('login-throttle') ? (strapi.get('login-throttle') as Throttle) : null);
  const actorOf = (u: User) => ({ id: u.id, name: displayName(u), roles: (u.roles ?? []).map((r) => r.code) });

  return {
    page(ctx: Ctx) {
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = PAGE;
    },

    script(ctx: Ctx) {
      ctx.type = 'application/javascript; charset=utf-8';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = SCRIPT;
    },

    /** Every admin account with its second factor and login throttle state (Super Admin only). */
    async accounts(ctx: Ctx) {
      if (!isSuperAdmin(ctx)) return ctx.forbidden(SUPER_ONLY);
      const users = (await strapi.db.query('admin::user').findMany({ populate: ['roles'], orderBy: { id: 'asc' } })) as User[];
      const states = await secondFactor().states();
      const now = Date.now();
      ctx.body = {
        data: users.map((u) => {
          const t = throttle()?.state(key(u.email), now) ?? null;
          return {
            id: u.id,
            name: displayName(u),
            email: u.email,
            roles: (u.roles ?? []).map((r) => r.code),
            secondFactor: {
              required: secondFactor().applies(u),
              forRoles: (u.roles ?? []).some((r) => SECOND_FACTOR_ROLES.includes(r.code)),
              state: states.get(u.id) ?? 'none',
            },
            login: t
              ? {
                  failures: t.failures,
                  waitSeconds: Math.ceil(t.waitMs / 1000),
                  // When the wait ends (server clock), for the screen "Tài khoản đăng nhập"; null when it may try now.
                  until: t.waitMs ? new Date(now + t.waitMs).toISOString() : null,
                  addresses: t.addresses,
                }
              : null,
          };
        }),
      };
    },

    async resetSecondFactor(ctx: Ctx) {
      if (!isSuperAdmin(ctx)) return ctx.forbidden(SUPER_ONLY);
      const done = await secondFactor().reset(Number(ctx.params.userId), ctx.state.user!);
      if (!done) return ctx.notFound('Không tìm thấy tài khoản.');
      ctx.body = { data: { reset: true } };
    },

    /** Ends the wait of an account slowed down by wrong passwords; logged with who unlocked it. */
    async unlock(ctx: Ctx) {
      if (!isSuperAdmin(ctx)) return ctx.forbidden(SUPER_ONLY);
      const user = (await strapi.db.query('admin::user').findOne({ where: { id: Number(ctx.params.userId) } })) as User | null;
      if (!user) return ctx.notFound('Không tìm thấy tài khoản.');
      const now = Date.now();
      // Only an account that waits now: nothing to unlock (and nothing to log) otherwise.
      if (!throttle()?.state(key(user.email), now)?.waitMs) return ctx.conflict('Tài khoản này không bị tạm dừng đăng nhập.');
      const released = throttle()!.release(key(user.email), now)!;
      await getService(strapi, 'audit').record({
        target: { uid: 'admin::user', documentId: String(user.id) },
        action: 'login-unlocked',
        from: null,
        to: 'login-unlocked',
        actor: actorOf(ctx.state.user!),
        comment: `Mở khóa đăng nhập sau ${released.failures} lần nhập sai mật khẩu.`,
        meta: {
          email: user.email,
          failures: released.failures,
          waitSeconds: Math.ceil(released.waitMs / 1000),
          addresses: released.addresses,
        },
      });
      ctx.body = { data: { unlocked: true, failures: released.failures } };
    },
  };
};
