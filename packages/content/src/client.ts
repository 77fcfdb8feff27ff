/**
 * A small client for the Strapi 5 REST API (flat responses: `{ data, meta: { pagination } }`).
 * Read-only; uses the global `fetch`.
 */
import type { CollectionTypes, Plural, SiteSetting } from './types.js';

/** Pages of one list fetched at once (the CMS answers each in tens of milliseconds). */
const PAGE_CONCURRENCY = 4;

/** Strapi populate spec: `'*'`, a list of attribute names, or a nested object (`{ field: { fields: ['documentId'] } }`). */
export type Populate = '*' | string[] | { [key: string]: true | PopulateObject };
export interface PopulateObject {
  fields?: string[];
  populate?: Populate;
  filters?: Record<string, unknown>;
}

export interface FetchOptions {
  populate?: Populate;
  fields?: string[];
  filters?: Record<string, unknown>;
  sort?: string[];
  /** Only entries with `updatedAt` strictly after this instant (ISO string or Date). */
  updatedSince?: string | Date;
  pageSize?: number;
}

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
  /** Retries for network errors and 5xx/429 responses (default 2). */
  retries?: number;
  /** Gives up on one request after this long (default: no limit). */
  timeoutMs?: number;
}

export class CmsError extends Error {
  constructor(
    message: string,
    public readonly status?: number,
    public readonly url?: string,
  ) {
    super(message);
    this.name = 'CmsError';
  }
}

/**
 * Serialize nested params the way Strapi's `qs` parser reads them:
 * `{ a: { b: [1, 2] } }` → `a[b][0]=1&a[b][1]=2`.
 */
export function toQuery(params: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined) return;
    if (value === null) {
      out.push(`${encodeKey(prefix)}=`);
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(`${prefix}[${i}]`, v);
    } else if (value instanceof Date) {
      out.push(`${encodeKey(prefix)}=${encodeURIComponent(value.toISOString())}`);
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(prefix ? `${prefix}[${k}]` : k, v);
    } else {
      out.push(`${encodeKey(prefix)}=${encodeURIComponent(String(value))}`);
    }
  };
  walk('', params);
  return out.join('&');
}
const encodeKey = (k: string) => encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%24/g, '$');

function populateParam(populate: Populate | undefined): unknown {
  if (populate === undefined) return undefined;
  if (populate === '*') return '*';
  if (Array.isArray(populate)) return Object.fromEntries(populate.map((p) => [p, true]));
  return populate;
}

interface ListResponse<T> {
  data: T[];
  meta?: { pagination?: { page: number; pageSize: number; pageCount: number; total: number } };
}

export interface CmsClient {
  fetchAll<P extends Plural>(plural: P, options?: FetchOptions): Promise<CollectionTypes[P][]>;
  fetchAll<T = Record<string, unknown>>(plural: string, options?: FetchOptions): Promise<T[]>;
  fetchSingle(singular: 'site-setting', options?: { populate?: Populate }): Promise<SiteSetting | null>;
  fetchSingle<T = Record<string, unknown>>(singular: string, options?: { populate?: Populate }): Promise<T | null>;
  /** documentIds of every live (published) entry. */
  fetchIds(plural: string): Promise<string[]>;
  /** Raw GET of `/api/<path>?<query>`. */
  get<T = unknown>(path: string, params?: Record<string, unknown>): Promise<T>;
}

export function createClient(options: ClientOptions): CmsClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? 2;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  async function get<T>(path: string, params: Record<string, unknown> = {}): Promise<T> {
    const qs = toQuery(params);
    const url = `${base}/api/${path.replace(/^\/+/, '')}${qs ? `?${qs}` : ''}`;
    let lastError: unknown;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      let res: Response;
      try {
        res = await doFetch(url, { headers, ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}) });
      } catch (err) {
        // fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout…) is in its cause.
        const c = (err as { cause?: { code?: string; message?: string } }).cause;
        const why = c?.code ?? c?.message ?? (err as Error).message;
        lastError = new CmsError(`CMS unreachable at ${url} (${why})`, undefined, url);
        continue;
      }
      if (res.ok) {
        try {
          return (await res.json()) as T;
        } catch {
          throw new CmsError(`CMS sent invalid JSON for ${url}`, res.status, url);
        }
      }
      const body = await res.text().catch(() => '');
      lastError = new CmsError(`CMS ${res.status} for ${url}: ${body.slice(0, 300)}`, res.status, url);
      if (res.status !== 429 && res.status < 500) break;
    }
    throw lastError;
  }

  async function fetchAll<T>(plural: string, opts: FetchOptions = {}): Promise<T[]> {
    const pageSize = opts.pageSize ?? 100;
    let filters = opts.filters;
    if (opts.updatedSince) {
      const since = opts.updatedSince instanceof Date ? opts.updatedSince.toISOString() : opts.updatedSince;
      const f = { updatedAt: { $gt: since } };
      filters = filters ? { $and: [filters, f] } : f;
    }
    const fetchPage = (page: number) =>
      get<ListResponse<T>>(plural, {
        fields: opts.fields,
        populate: populateParam(opts.populate),
        filters,
        sort: opts.sort ?? ['id:asc'],
        pagination: { page, pageSize },
      });
    const first = await fetchPage(1);
    const pageCount = first.meta?.pagination?.pageCount ?? 1;
    if (!first.data?.length || pageCount <= 1) return first.data ?? [];
    // The other pages a few at a time: a cold sync of 10,000 entries is 100 requests.
    const pages: T[][] = new Array(pageCount);
    pages[0] = first.data;
    let next = 2;
    const worker = async () => {
      while (next <= pageCount) {
        const page = next++;
        pages[page - 1] = (await fetchPage(page)).data ?? [];
      }
    };
    await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, pageCount - 1) }, worker));
    return pages.flat();
  }

  async function fetchSingle<T>(singular: string, opts: { populate?: Populate } = {}): Promise<T | null> {
    try {
      const res = await get<{ data: T | null }>(singular, { populate: populateParam(opts.populate) });
      return res.data ?? null;
    } catch (err) {
      if (err instanceof CmsError && err.status === 404) return null;
      throw err;
    }
  }

  async function fetchIds(plural: string): Promise<string[]> {
    const rows = await fetchAll<{ documentId: string }>(plural, { fields: ['documentId'] });
    return rows.map((r) => r.documentId);
  }

  return { fetchAll, fetchSingle, fetchIds, get } as CmsClient;
}
