// Settings of the citizens' question route, read once from the environment (see docs/operations.md).

export interface QuestionsConfig {
  /** Public site origin allowed to call the route cross-origin and the base of redirects; null when unset. */
  siteUrl: string | null;
  siteOrigin: string | null;
  /** Extra origins allowed to post the form (comma-separated QUESTIONS_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  rateLimit: number;
  rateWindowMs: number;
  lookupRateLimit: number;
  minFillMs: number;
  powDifficulty: number;
  powRequired: boolean;
  powTtlMs: number;
  powSecret: string;
  trustedProxies: string[];
  maxBodyBytes: number;
  retentionDays: number;
  eraseIntervalMs: number;
}

const int = (name: string, fallback: number, min = 0): number => {
  const raw = process.env[name];
  if (raw == null || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min} (got "${raw}")`);
  return Math.floor(n);
};

const bool = (name: string, fallback: boolean): boolean => {
  const raw = process.env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw);
};

const list = (name: string): string[] =>
  (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const originOf = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

let cached: QuestionsConfig | null = null;

export function questionsConfig(): QuestionsConfig {
  if (cached) return cached;
  const siteUrl = process.env.SITE_URL?.trim().replace(/\/+$/, '') || null;
  const cmsOrigin = originOf(process.env.CMS_PUBLIC_URL);
  cached = {
    siteUrl,
    siteOrigin: originOf(siteUrl ?? undefined),
    allowedOrigins: [...list('QUESTIONS_ALLOWED_ORIGINS').map((o) => originOf(o) ?? o), ...(cmsOrigin ? [cmsOrigin] : [])],
    rateLimit: int('QUESTIONS_RATE_LIMIT', 5, 1),
    rateWindowMs: int('QUESTIONS_RATE_WINDOW_MS', 60 * 60 * 1000, 1000),
    lookupRateLimit: int('QUESTIONS_LOOKUP_RATE_LIMIT', 60, 1),
    minFillMs: int('QUESTIONS_MIN_FILL_MS', 5000, 0),
    powDifficulty: int('QUESTIONS_POW_DIFFICULTY', 50_000, 1),
    powRequired: bool('QUESTIONS_POW_REQUIRED', false),
    powTtlMs: int('QUESTIONS_POW_TTL_MS', 30 * 60 * 1000, 10_000),
    // No extra secret to manage: the HMAC key is derived from APP_KEYS (see pow.ts).
    powSecret: process.env.APP_KEYS ?? '',
    trustedProxies: list('QUESTIONS_TRUSTED_PROXIES'),
    maxBodyBytes: int('QUESTIONS_MAX_BODY_BYTES', 16 * 1024, 1024),
    retentionDays: int('QUESTIONS_CONTACT_RETENTION_DAYS', 365, 1),
    eraseIntervalMs: int('QUESTIONS_ERASE_INTERVAL_MS', 60 * 60 * 1000, 1000),
  };
  return cached;
}

/** Paths of the public question routes (the only public write path of the system). */
export const SUBMIT_PATH = '/api/questions/submit';
export const isQuestionRoute = (path: string) =>
  path === SUBMIT_PATH || path === '/api/questions/challenge' || path.startsWith('/api/questions/status/');
