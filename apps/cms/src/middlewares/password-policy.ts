import { errors } from '@strapi/utils';
import { weakPasswordReason } from '../lib/password-policy';

type Body = Record<string, any>;

/**
 * Every route that sets a password, with where its body carries it and the person's own words (names,
 * e-mail) the password must not be built from. Checked before the route's own handler, so a weak
 * password is refused (400, Vietnamese message) whatever else the request holds.
 */
const ROUTES: { method: string; path: RegExp; password: (b: Body) => unknown; inputs: (b: Body) => unknown[] }[] = [
  // First Super Admin; a member registering with the invitation link.
  { method: 'POST', path: /^\/admin\/register-admin$/, password: (b) => b.password, inputs: (b) => [b.email, b.firstname, b.lastname] },
  {
    method: 'POST',
    path: /^\/admin\/register$/,
    password: (b) => b.userInfo?.password,
    inputs: (b) => [b.userInfo?.email, b.userInfo?.firstname, b.userInfo?.lastname],
  },
  // Reset with the e-mailed link; change of one's own password; the Super Admin setting someone's.
  { method: 'POST', path: /^\/admin\/reset-password$/, password: (b) => b.password, inputs: () => [] },
  { method: 'PUT', path: /^\/admin\/users\/me$/, password: (b) => b.password, inputs: (b) => [b.email, b.firstname, b.lastname] },
  { method: 'PUT', path: /^\/admin\/users\/[^/]+$/, password: (b) => b.password, inputs: (b) => [b.email, b.firstname, b.lastname] },
  { method: 'POST', path: /^\/admin\/users$/, password: (b) => b.password, inputs: (b) => [b.email, b.firstname, b.lastname] },
  // users-permissions accounts (none are meant to exist; registration is closed), for completeness.
  { method: 'POST', path: /^\/api\/auth\/(reset|change)-password$/, password: (b) => b.password, inputs: () => [] },
];

export default () => async (ctx: any, next: () => Promise<void>) => {
  const route = ROUTES.find((r) => r.method === ctx.method && r.path.test(ctx.path));
  if (!route) return next();
  const body = (ctx.request.body ?? {}) as Body;
  const password = route.password(body);
  // No password in the body (e.g. a profile edit): nothing to check; Strapi validates the rest.
  if (typeof password !== 'string' || password === '') return next();
  const reason = weakPasswordReason(
    password,
    route.inputs(body).filter((s): s is string => typeof s === 'string'),
  );
  if (reason) throw new errors.ValidationError(reason, { errors: [{ path: ['password'], message: reason }] });
  return next();
};
