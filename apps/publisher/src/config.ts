// Reads and validates the environment once; every other module receives a plain Config object.
import { fileURLToPath } from 'node:url';
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_SEED_WINDOW, DEFAULT_SITE, TIME_ZONE } from '@cong-ttdt/content';
import { isLevel, type Level } from './log.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Config {
  /** The site this publisher builds (one per installation today; the build request names it). */
  site: string;
  host: string;
  port: number;
  siteHost: string;
  sitePort: number;
  webhookSecret: string;
  adminToken: string;
  cmsUrl: string;
  siteApiToken: string;
  dataDir: string;
  siteDir: string;
  buildOutput: string;
  /** argv arrays run in order in siteDir; "node" as argv[0] means this Node binary. */
  buildCmds: string[][];
  /** Quick lane (src/fast.ts): on with the default build commands unless PUBLISHER_FAST_LANE=off. */
  fastLane: boolean;
  fastBuildCmd: string[];
  /** Newest articles per list in the quick lane's seed (PUBLISHER_FAST_WINDOW). */
  fastWindow: number;
  pagefindCmd: string[];
  /** How long after a quick-lane release the full build starts (more approvals meanwhile stay quick). */
  fullAfterFastMs: number;
  buildTimeoutMs: number;
  debounceMs: number;
  debounceMaxMs: number;
  reconcileMs: number;
  retryFailedMs: number;
  /** First retry of a failed full build; each next one waits twice as long, up to retryFailedMs. */
  retryBaseMs: number;
  /** /status says `stale` after this many failed full builds in a row, or this long since the first. */
  staleAfterFailures: number;
  staleAfterMs: number;
  minPages: number;
  allowShrink: boolean;
  leakMarkers: string[];
  keepReleases: number;
  keepLogs: number;
  publicMediaOrigin: string | null;
  cmsPublicOrigin: string | null;
  timeZone: string;
  dailyAt: { hour: number; minute: number } | null;
  logLevel: Level;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}").`);
  }
  return n;
}

function origin(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  try {
    return new URL(raw).origin;
  } catch {
    throw new ConfigError(`${name} must be an absolute URL such as https://cms.example.gov.vn (got "${raw}").`);
  }
}

function dir(value: string): string {
  return isAbsolute(value) ? value : resolve(value);
}

function fastLaneOn(env: Env): boolean {
  const raw = env.PUBLISHER_FAST_LANE?.trim().toLowerCase();
  if (raw === undefined || raw === '') return !env.PUBLISHER_BUILD_CMD?.trim();
  if (['on', '1', 'true'].includes(raw)) return true;
  if (['off', '0', 'false'].includes(raw)) return false;
  throw new ConfigError(`PUBLISHER_FAST_LANE must be "on" or "off" (got "${env.PUBLISHER_FAST_LANE}").`);
}

export function defaultBuildCmds(siteDir: string, buildOutput: string): string[][] {
  return [
    ['node', join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    // The pagefind npm package runs the binary shipped in @pagefind/<platform>; nothing is downloaded.
    ['node', join(siteDir, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', buildOutput],
  ];
}

function parseBuildCmds(raw: string): string[][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('PUBLISHER_BUILD_CMD must be JSON: an array of argv arrays, e.g. [["node","build.mjs"]].');
  }
  const ok =
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.every((c) => Array.isArray(c) && c.length > 0 && c.every((a) => typeof a === 'string') && c[0] !== '');
  if (!ok) throw new ConfigError('PUBLISHER_BUILD_CMD must be a non-empty array of non-empty string arrays, e.g. [["node","build.mjs"]].');
  return parsed as string[][];
}

function parseDailyAt(raw: string | undefined): { hour: number; minute: number } | null {
  if (raw === undefined || raw.trim() === '') return { hour: 0, minute: 5 };
  if (raw.trim() === 'off') return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new ConfigError(`PUBLISHER_DAILY_AT must be HH:MM (24-hour) or "off" (got "${raw}").`);
  }
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

export interface LoadOptions {
  /** The server needs the webhook secret; CLI commands such as build/rollback do not. */
  requireWebhookSecret?: boolean;
}

export function loadConfig(env: Env = process.env, opts: LoadOptions = {}): Config {
  const webhookSecret = env.PUBLISHER_WEBHOOK_SECRET?.trim() ?? '';
  if (opts.requireWebhookSecret && !webhookSecret) {
    throw new ConfigError(
      'PUBLISHER_WEBHOOK_SECRET is not set. Set it to the same value as in the CMS, which signs its webhooks with it; ' +
        '`npm start` generates one in the .env file.',
    );
  }
  const siteDir = dir(env.PUBLISHER_SITE_DIR?.trim() || join(REPO_ROOT, 'apps', 'site'));
  const buildOutput = dir(env.PUBLISHER_BUILD_OUTPUT?.trim() || join(siteDir, 'dist'));
  const dataRoot = env.PORTAL_DATA_DIR?.trim() ? join(dir(env.PORTAL_DATA_DIR.trim()), 'publisher') : join(REPO_ROOT, '.data', 'publisher');
  const dataDir = dir(env.PUBLISHER_DATA_DIR?.trim() || dataRoot);
  const cmsUrlRaw = env.CMS_URL?.trim() || 'http://127.0.0.1:1337';
  let cmsUrl: string;
  try {
    cmsUrl = new URL(cmsUrlRaw).href.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`CMS_URL must be an absolute URL such as http://127.0.0.1:1337 (got "${cmsUrlRaw}").`);
  }
  const logLevel = env.PUBLISHER_LOG_LEVEL?.trim();
  if (logLevel && !isLevel(logLevel)) throw new ConfigError('PUBLISHER_LOG_LEVEL must be one of debug, info, warn, error.');
  const timeZone = env.PUBLISHER_TIMEZONE?.trim() || TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ConfigError(`PUBLISHER_TIMEZONE is not a known IANA time zone (got "${timeZone}").`);
  }
  const debounceMs = int(env, 'PUBLISHER_DEBOUNCE_MS', 1500);
  return {
    site: DEFAULT_SITE,
    host: env.PUBLISHER_HOST?.trim() || '127.0.0.1',
    port: int(env, 'PUBLISHER_PORT', 4322, 0, 65535),
    siteHost: env.SITE_HOST?.trim() || '0.0.0.0',
    sitePort: int(env, 'SITE_PORT', 4321, 0, 65535),
    webhookSecret,
    adminToken: env.PUBLISHER_ADMIN_TOKEN?.trim() ?? '',
    cmsUrl,
    siteApiToken: env.SITE_API_TOKEN?.trim() ?? '',
    dataDir,
    siteDir,
    buildOutput,
    buildCmds: env.PUBLISHER_BUILD_CMD?.trim() ? parseBuildCmds(env.PUBLISHER_BUILD_CMD) : defaultBuildCmds(siteDir, buildOutput),
    fastLane: fastLaneOn(env),
    fastBuildCmd: ['node', join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    fastWindow: int(env, 'PUBLISHER_FAST_WINDOW', DEFAULT_SEED_WINDOW, 1),
    pagefindCmd: ['node', join(siteDir, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs')],
    fullAfterFastMs: int(env, 'PUBLISHER_FULL_AFTER_FAST_MS', 60_000),
    buildTimeoutMs: int(env, 'PUBLISHER_BUILD_TIMEOUT_MS', 20 * 60_000, 1000),
    debounceMs,
    debounceMaxMs: int(env, 'PUBLISHER_DEBOUNCE_MAX_MS', Math.max(15_000, debounceMs * 10)),
    reconcileMs: int(env, 'PUBLISHER_RECONCILE_MS', 60_000, 1000),
    retryFailedMs: int(env, 'PUBLISHER_RETRY_FAILED_MS', 10 * 60_000),
    retryBaseMs: int(env, 'PUBLISHER_RETRY_BASE_MS', 30_000, 100),
    staleAfterFailures: int(env, 'PUBLISHER_STALE_AFTER_FAILURES', 3, 1),
    staleAfterMs: int(env, 'PUBLISHER_STALE_AFTER_MS', 10 * 60_000, 0),
    minPages: int(env, 'PUBLISHER_MIN_PAGES', 1, 0),
    allowShrink: env.PUBLISHER_ALLOW_SHRINK === '1' || env.PUBLISHER_ALLOW_SHRINK === 'true',
    leakMarkers: (env.PUBLISHER_LEAK_MARKERS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    keepReleases: int(env, 'PUBLISHER_KEEP_RELEASES', 5, 1),
    keepLogs: int(env, 'PUBLISHER_KEEP_LOGS', 50, 1),
    publicMediaOrigin: origin(env, 'PUBLIC_MEDIA_ORIGIN'),
    cmsPublicOrigin: origin(env, 'CMS_PUBLIC_URL'),
    timeZone,
    dailyAt: parseDailyAt(env.PUBLISHER_DAILY_AT),
    logLevel: (logLevel as Level | undefined) ?? 'info',
  };
}
