// Real HTTP helpers for the integration and browser suites.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export const cms = () => inject('cms');

/**
 * A response. `T` defaults to `any` on purpose (one of the tree's counted exceptions): hundreds of
 * assertions read response bodies by path; a test that wants a body typed passes its shape as `T`.
 */
export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON when the text parses as JSON, else the text itself (or null when empty). */
export function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/** A body refused by Strapi's validation: `{ error: { message, details } }`. */
export interface Refusal {
  status: number;
  body: { error: { message: string; details?: unknown } };
}

/** One entry of an item's audit trail, as GET /editorial/history/:uid/:documentId returns it. */
export interface HistoryEntry {
  action: string;
  fromStage: string | null;
  toStage: string | null;
  actorId: number | null;
  actorName: string | null;
  actorRoles: string[];
  comment: string | null;
  meta: Record<string, unknown> | null;
  at: string;
  hash: string;
  contentHash: string;
}

/** A fetch response's JSON body, read as the shape the caller names. */
export async function readJson<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export async function http<T = Res['body']>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string' || opts.body instanceof FormData) body = opts.body as BodyInit;
    else {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] ??= 'application/json';
    }
  }
  const res = await fetch(cms().url + path, { method, headers, body });
  return { status: res.status, body: parseBody(await res.text()) as T, headers: res.headers };
}

// Admin JWTs are shared by every test file of a run (a file next to the CMS's data): Strapi limits
// logins per account, and each file signing in again would run into that limit.
const tokenFile = () => join(cms().dir, 'admin-tokens.json');
const readTokens = (): Record<string, string> => (existsSync(tokenFile()) ? JSON.parse(readFileSync(tokenFile(), 'utf8')) : {});

/** Admin JWT of the test account holding this role code. */
export async function adminToken(role: string): Promise<string> {
  const cached = readTokens()[role];
  if (cached) return cached;
  const account = cms().accounts[role];
  if (!account) throw new Error(`no test account for role ${role}`);
  const res = await http<{ data: { token: string } }>('POST', '/admin/login', { body: account });
  if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = res.body.data.token;
  writeFileSync(tokenFile(), JSON.stringify({ ...readTokens(), [role]: token }));
  return token;
}

/** Creates an admin API token of the given type through the admin API (as the super admin). */
export async function createApiToken(type: 'read-only' | 'full-access', name = `test-${type}-${Date.now()}`): Promise<string> {
  const res = await http<{ data: { accessKey: string } }>('POST', '/admin/api-tokens', {
    token: await adminToken('strapi-super-admin'),
    body: { name, type, lifespan: null, description: 'test' },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`api token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.accessKey;
}
