// Real HTTP helpers for the integration and browser suites.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

export const cms = () => inject('cms');

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function http<T = any>(
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
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers };
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
  const res = await http('POST', '/admin/login', { body: account });
  if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = res.body.data.token as string;
  writeFileSync(tokenFile(), JSON.stringify({ ...readTokens(), [role]: token }));
  return token;
}

/** Creates an admin API token of the given type through the admin API (as the super admin). */
export async function createApiToken(type: 'read-only' | 'full-access', name = `test-${type}-${Date.now()}`): Promise<string> {
  const res = await http('POST', '/admin/api-tokens', {
    token: await adminToken('strapi-super-admin'),
    body: { name, type, lifespan: null, description: 'test' },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`api token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.accessKey as string;
}
