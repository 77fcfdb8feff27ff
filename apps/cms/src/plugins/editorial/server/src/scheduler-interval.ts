// How often the scheduler checks go-live and expiry times: plugin config `schedulerIntervalMs`, set
// from EDITORIAL_SCHEDULER_MS in config/plugins.ts. Pure, so it is unit-tested without Strapi.

export const DEFAULT_SCHEDULER_MS = 30_000;
export const MIN_SCHEDULER_MS = 1_000;

/** The interval to use, and a warning when the configured value was refused (the default is used then). */
export function schedulerInterval(raw: unknown): { ms: number; warning: string | null } {
  if (raw === undefined || raw === null || raw === '') return { ms: DEFAULT_SCHEDULER_MS, warning: null };
  const text = typeof raw === 'string' ? raw.trim() : raw;
  const ms = typeof text === 'number' ? text : typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(ms) && ms >= MIN_SCHEDULER_MS) return { ms, warning: null };
  return {
    ms: DEFAULT_SCHEDULER_MS,
    warning:
      `EDITORIAL_SCHEDULER_MS (editorial plugin config schedulerIntervalMs) must be a whole number of ` +
      `milliseconds, at least ${MIN_SCHEDULER_MS}; got ${JSON.stringify(raw)}. Using ${DEFAULT_SCHEDULER_MS} ms.`,
  };
}
