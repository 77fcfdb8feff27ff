// Who may call the CMS from a browser on another origin (config/middlewares.ts → strapi::cors).
// Deny by default: Strapi's own default ('*' with credentials) answers any Origin with the caller's
// own origin and cookies allowed, so any page on a same-site host could mint admin tokens with the
// refresh cookie (SameSite=Lax).
import { isQuestionRoute, questionsConfig } from './questions/config';

const originOf = (url: string | undefined): string | null => {
  if (!url?.trim()) return null;
  try {
    const o = new URL(url.trim()).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
};

/** The admin's own origin(s): CMS_PUBLIC_URL, plus CMS_ADMIN_ORIGINS (comma-separated). */
export function adminOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = [env.CMS_PUBLIC_URL, ...(env.CMS_ADMIN_ORIGINS ?? '').split(',')].map(originOf).filter((o): o is string => !!o);
  return [...new Set(list)];
}

/** Origins the public question routes answer: the site and QUESTIONS_ALLOWED_ORIGINS (none without SITE_URL). */
function questionOrigins(): string[] {
  const q = questionsConfig();
  if (!q.siteOrigin) return [];
  return [...new Set([q.siteOrigin, ...q.allowedOrigins])];
}

/**
 * Options for strapi::cors. An origin function that returns no match ('' from Strapi's matcher) sends
 * no CORS header at all. Cookies (credentials) only ever go with the admin's origins; the question
 * routes need none.
 */
export function corsPolicy(env: NodeJS.ProcessEnv = process.env) {
  const admin = adminOrigins(env);
  return {
    origin: (ctx: { path: string }) => (isQuestionRoute(ctx.path) ? questionOrigins() : admin),
    credentials: (ctx: { path: string }) => !isQuestionRoute(ctx.path),
  };
}
