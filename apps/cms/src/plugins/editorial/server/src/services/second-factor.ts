import { createHash, randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { displayName } from '../actor';
import { SECOND_FACTOR_ROLES } from '../roles-access';
import { getService } from '../seams';

// Second factor (TOTP, RFC 6238) for the roles that publish or administer. Enforced in front of
// Strapi's own routes (docs/operations.md, "Second factor"): the login route asks for the code once
// the password is right; a session that passed is marked in Strapi's session row (its metadata,
// which Strapi copies to each refreshed session); every request with an admin access token of an
// unmarked session, and every refresh of one, is refused while the account's roles need the step.

const UID = 'plugin::editorial.second-factor';
const SESSION = 'admin::session';
export { SECOND_FACTOR_ROLES };
export const SIGN_IN_PAGE = '/editorial/dang-nhap';
const ISSUER = 'Cổng TTĐT';
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** ADMIN_SECOND_FACTOR: "required" or "off"; by default required, except in demo mode (PORTAL_DEMO=1). */
export function secondFactorRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.ADMIN_SECOND_FACTOR?.trim().toLowerCase();
  if (!raw) return env.PORTAL_DEMO !== '1';
  if (raw === 'required') return true;
  if (raw === 'off') return false;
  throw new Error(`ADMIN_SECOND_FACTOR must be "required" or "off" (got "${env.ADMIN_SECOND_FACTOR}")`);
}

export interface SecondFactorRow {
  id: number;
  userId: number;
  secret: string;
  confirmedAt: string | null;
  recoveryCodes: string[] | null;
  lastTimeStep: string | number | null;
}
export interface SecondFactorUser {
  id: number;
  email: string;
  firstname?: string;
  lastname?: string;
  isActive?: boolean;
  roles?: { id: number; code: string }[];
}
export interface Encryption {
  encrypt(value: string): string | null;
  decrypt(value: string): string | null;
}
export interface AuthService {
  checkCredentials(input: { email: string; password: string }): Promise<[unknown, SecondFactorUser | false | null, unknown]>;
}
/** The part of a Koa context the gate uses. */
export interface GateContext {
  method: string;
  path: string;
  status: number;
  body: unknown;
  request: { body?: Record<string, unknown>; header: Record<string, string | string[] | undefined> };
  cookies: { get(name: string): string | undefined };
  res: { getHeader(name: string): unknown; setHeader(name: string, value: string[]): void; removeHeader(name: string): void };
}

const hash = (code: string) => createHash('sha256').update(code).digest('hex');
const normalise = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');
const newRecoveryCode = () => {
  const c = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${c.slice(0, 5)}-${c.slice(5)}`;
};
/** The payload of a JWT, unverified (only to find which session a cookie names; Strapi verifies it). */
const jwtPayload = (token: string): { userId?: string; sessionId?: string } | null => {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return null;
  }
};

const refusal = (status: number, message: string, details: Record<string, unknown> = {}) => ({
  data: null,
  error: { status, name: 'SecondFactorRequired', message, details },
});
const ASK_CODE = `Vai trò của tài khoản này bắt buộc xác thực hai bước: vui lòng đăng nhập tại ${SIGN_IN_PAGE} với mã của ứng dụng xác thực.`;
const NOT_PASSED = `Phiên đăng nhập này chưa qua bước xác thực thứ hai, bắt buộc với vai trò của tài khoản. Vui lòng đăng nhập tại ${SIGN_IN_PAGE}.`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const encryption = () => strapi.service('admin::encryption') as Encryption;
  const audit = () => getService(strapi, 'audit');
  const userWithRoles = async (id: number | string) =>
    (await strapi.db.query('admin::user').findOne({ where: { id: Number(id) }, populate: ['roles'] })) as SecondFactorUser | null;
  const rowOf = async (userId: number) => (await strapi.db.query(UID).findOne({ where: { userId } })) as SecondFactorRow | null;
  const record = (user: SecondFactorUser, action: string, actor: SecondFactorUser, comment: string, meta: Record<string, unknown> = {}) =>
    audit().record({
      target: { uid: 'admin::user', documentId: String(user.id) },
      action,
      from: null,
      to: action,
      actor: { id: actor.id, name: displayName(actor), roles: (actor.roles ?? []).map((r) => r.code) },
      comment,
      meta: { email: user.email, ...meta },
    });

  const required = () => secondFactorRequired();
  /** Whether this account must pass the second step (the setting, and one of its roles). */
  const applies = (user: SecondFactorUser | null): user is SecondFactorUser =>
    !!user && required() && (user.roles ?? []).some((r) => SECOND_FACTOR_ROLES.includes(r.code));

  const passed = new Set<string>();
  const sessionPassed = async (sessionId: string): Promise<boolean> => {
    if (passed.has(sessionId)) return true;
    const session = (await strapi.db.query(SESSION).findOne({ where: { sessionId }, select: ['metadata'] })) as {
      metadata?: { secondFactor?: { passedAt?: string } } | null;
    } | null;
    const ok = !!session?.metadata?.secondFactor?.passedAt;
    if (ok) {
      if (passed.size > 10_000) passed.clear();
      passed.add(sessionId);
    }
    return ok;
  };
  const markSession = async (sessionId: string, method: string) => {
    const session = (await strapi.db.query(SESSION).findOne({ where: { sessionId }, select: ['id', 'metadata'] })) as {
      id: number;
      metadata?: Record<string, unknown> | null;
    } | null;
    if (!session) throw new Error('second factor: the new session was not found');
    await strapi.db.query(SESSION).update({
      where: { id: session.id },
      data: { metadata: { ...(session.metadata ?? {}), secondFactor: { passedAt: new Date().toISOString(), method } } },
    });
    passed.add(sessionId);
  };
  const sessionOfAccessToken = (token: string): { userId: string; sessionId: string } | null => {
    const result = strapi.sessionManager('admin').validateAccessToken(token);
    if (!result.isValid) return null;
    const { userId, sessionId } = result.payload as { userId: string; sessionId: string };
    return userId && sessionId ? { userId, sessionId } : null;
  };

  /** The pending enrolment of an account (a new secret until a code from it is entered). */
  const pendingEnrolment = async (user: SecondFactorUser) => {
    let row = await rowOf(user.id);
    if (!row)
      row = (await strapi.db
        .query(UID)
        .create({ data: { userId: user.id, secret: encryption().encrypt(generateSecret()) } })) as SecondFactorRow;
    const secret = encryption().decrypt(row.secret)!;
    const otpauthUrl = generateURI({ issuer: ISSUER, label: user.email, secret });
    return { secret, otpauthUrl, qrCode: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
  };

  /** Checks a TOTP code (±30 s, each time step once) or an unused recovery code. */
  const checkCode = async (row: SecondFactorRow, code: string): Promise<{ method: 'totp' | 'recovery'; timeStep?: number } | null> => {
    const token = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(token)) {
      const secret = encryption().decrypt(row.secret);
      if (!secret) return null;
      const last = row.lastTimeStep == null ? undefined : Number(row.lastTimeStep);
      const result = await verify({ secret, token, epochTolerance: 30, ...(last !== undefined ? { afterTimeStep: last } : {}) });
      if (!result.valid) return null;
      const timeStep = (result as { timeStep?: number }).timeStep;
      await strapi.db.query(UID).update({ where: { id: row.id }, data: { lastTimeStep: timeStep ?? null } });
      return { method: 'totp', timeStep };
    }
    if (!row.confirmedAt) return null;
    const h = hash(normalise(code));
    const codes = row.recoveryCodes ?? [];
    if (!codes.includes(h)) return null;
    await strapi.db.query(UID).update({ where: { id: row.id }, data: { recoveryCodes: codes.filter((c) => c !== h) } });
    return { method: 'recovery' };
  };

  /** POST /admin/login for an account that needs the second step: the code is checked before any token is made. */
  const login = async (ctx: GateContext, next: () => Promise<void>) => {
    const body = ctx.request.body ?? {};
    const { email, password, code } = body;
    if (typeof email !== 'string' || typeof password !== 'string') return next();
    // Accounts whose roles do not need the step go straight to Strapi's own route.
    const byEmail = (await strapi.db
      .query('admin::user')
      .findOne({ where: { email: email.toLowerCase() }, populate: ['roles'] })) as SecondFactorUser | null;
    if (!applies(byEmail)) return next();
    const [, found] = await (strapi.service('admin::auth') as AuthService).checkCredentials({ email: email.toLowerCase(), password });
    // A wrong password, an inactive account: Strapi's own route answers (and the throttle counts it).
    if (!found || found.id !== byEmail.id) return next();
    const user = byEmail;
    delete body.code;
    const row = await rowOf(user.id);
    const enrolled = !!row?.confirmedAt;
    if (typeof code !== 'string' || !code.trim()) {
      // 403, not 401: the admin app takes any 401 of a request as a dead session and logs out, which
      // reloads Strapi's own login form and wipes the message before anyone reads it. The message is
      // for that form, which cannot ask for the code; the page of ours reads `details`.
      ctx.status = 403;
      ctx.body = refusal(403, ASK_CODE, enrolled ? { secondFactor: 'code' } : { secondFactor: 'enrol', ...(await pendingEnrolment(user)) });
      return;
    }
    const checked = row ? await checkCode(row, code) : null;
    // An ApplicationError, like a wrong password: the per-account throttle counts it.
    if (!checked) throw new errors.ApplicationError('Mã xác thực không đúng hoặc đã hết hạn.');
    await next();
    const data = (ctx.body as { data?: { token?: string; secondFactor?: unknown } } | null)?.data;
    const session = ctx.status === 200 && data?.token ? sessionOfAccessToken(data.token) : null;
    if (!session || !data) return;
    await markSession(session.sessionId, checked.method);
    if (!enrolled && row) {
      const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      await strapi.db.query(UID).update({
        where: { id: row.id },
        data: { confirmedAt: new Date().toISOString(), recoveryCodes: recoveryCodes.map((c) => hash(normalise(c))) },
      });
      await record(user, 'second-factor-enrolled', user, 'Kích hoạt xác thực hai bước (TOTP).');
      data.secondFactor = { enrolled: true, recoveryCodes };
    } else if (checked.method === 'recovery') {
      const left = ((await rowOf(user.id))?.recoveryCodes ?? []).length;
      await record(user, 'second-factor-recovery-used', user, `Đăng nhập bằng một mã khôi phục (còn ${left} mã).`, { left });
    }
  };

  /** Refresh: no new access token for a session that has not passed the second step. */
  const refresh = async (ctx: GateContext, next: () => Promise<void>) => {
    const cookie = ctx.cookies.get('strapi_admin_refresh');
    const payload = cookie ? jwtPayload(cookie) : null;
    if (!payload?.userId || !payload.sessionId) return next();
    if (applies(await userWithRoles(payload.userId)) && !(await sessionPassed(payload.sessionId))) {
      ctx.status = 401;
      ctx.body = refusal(401, NOT_PASSED, { secondFactor: 'sign-in', signInPage: SIGN_IN_PAGE });
      return;
    }
    return next();
  };

  /** Registration, first Super Admin, password reset: the password is saved, but no session is handed out. */
  const withoutSession = async (ctx: GateContext, next: () => Promise<void>) => {
    await next();
    const token = (ctx.body as { data?: { token?: string } } | null)?.data?.token;
    const session = ctx.status === 200 && token ? sessionOfAccessToken(token) : null;
    if (!session || !applies(await userWithRoles(session.userId))) return;
    await strapi.db.query(SESSION).delete({ where: { sessionId: session.sessionId } });
    const cookies = ctx.res.getHeader('set-cookie');
    const kept = (Array.isArray(cookies) ? (cookies as string[]) : []).filter((c) => !c.startsWith('strapi_admin_refresh='));
    if (kept.length) ctx.res.setHeader('set-cookie', kept);
    else ctx.res.removeHeader('set-cookie');
    ctx.status = 403;
    ctx.body = refusal(
      403,
      `Đã lưu mật khẩu. Vai trò của tài khoản này bắt buộc xác thực hai bước: vui lòng đăng nhập tại ${SIGN_IN_PAGE}.`,
      { secondFactor: 'sign-in', signInPage: SIGN_IN_PAGE },
    );
  };

  const ISSUING = new Set(['/admin/register', '/admin/register-admin', '/admin/reset-password']);

  return {
    required,
    applies,

    /** The gate in front of every route (src/middlewares/second-factor.ts). */
    async gate(ctx: GateContext, next: () => Promise<void>) {
      if (!required()) return next();
      if (ctx.method === 'POST' && ctx.path === '/admin/login') return login(ctx, next);
      if (ctx.method === 'POST' && ctx.path === '/admin/access-token') return refresh(ctx, next);
      if (ctx.method === 'POST' && ISSUING.has(ctx.path)) return withoutSession(ctx, next);
      const header = ctx.request.header.authorization;
      const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
      // An admin access token (API tokens are not JWTs of the admin's sessions and pass on).
      const session = bearer ? sessionOfAccessToken(bearer) : null;
      if (session && applies(await userWithRoles(session.userId)) && !(await sessionPassed(session.sessionId))) {
        ctx.status = 401;
        ctx.body = refusal(401, NOT_PASSED, { secondFactor: 'sign-in', signInPage: SIGN_IN_PAGE });
        return;
      }
      return next();
    },

    /** Enrolment state of each account, for the Super Admin. */
    async states(): Promise<Map<number, 'enrolled' | 'pending'>> {
      const rows = (await strapi.db.query(UID).findMany({ select: ['userId', 'confirmedAt'] })) as Pick<
        SecondFactorRow,
        'userId' | 'confirmedAt'
      >[];
      return new Map(rows.map((r) => [r.userId, r.confirmedAt ? 'enrolled' : 'pending']));
    },

    /** The Super Admin's reset: the enrolment goes, every session of the account ends; logged. */
    async reset(userId: number, actor: SecondFactorUser): Promise<boolean> {
      const user = await userWithRoles(userId);
      if (!user) return false;
      const row = await rowOf(userId);
      if (row) await strapi.db.query(UID).delete({ where: { id: row.id } });
      await strapi.sessionManager('admin').invalidateRefreshToken(String(userId));
      passed.clear();
      await record(user, 'second-factor-reset', actor, 'Đặt lại xác thực hai bước: tài khoản phải kích hoạt lại ở lần đăng nhập sau.', {
        wasEnrolled: !!row?.confirmedAt,
      });
      return true;
    },
  };
};
