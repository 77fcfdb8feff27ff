// Request ids: every HTTP request gets one (the caller's X-Request-Id when it is well formed, e.g. set
// by nginx, else a new UUID), returned in the X-Request-Id header and attached to every log line
// written while the request is handled (config/logger.ts reads it from this async context).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

const VALID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && VALID.test(v) ? v : randomUUID();
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
