// Real HTTP helpers for the integration and browser suites.
import { inject } from 'vitest';

export const cms = () => inject('cms');

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function http<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Res<T>> {
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

const adminTokens = new Map<string, string>();

/** Admin JWT of the test account holding this role code. */
export async function adminToken(role: string): Promise<string> {
  const cached = adminTokens.get(role);
  if (cached) return cached;
  const account = cms().accounts[role];
  if (!account) throw new Error(`no test account for role ${role}`);
  const res = await http('POST', '/admin/login', { body: account });
  if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = res.body.data.token as string;
  adminTokens.set(role, token);
  return token;
}

/** Creates an admin API token of the given type through the admin API (as the super admin). */
export async function createApiToken(type: 'read-only' | 'full-access', name = `test-${type}-${Date.now()}`): Promise<string> {
  const res = await http('POST', '/admin/api-tokens', { token: await adminToken('strapi-super-admin'), body: { name, type, lifespan: null, description: 'test' } });
  if (res.status !== 201 && res.status !== 200) throw new Error(`api token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.accessKey as string;
}
