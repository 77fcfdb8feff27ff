// The publisher's HTTP API: CMS webhook, admin rebuild, status and health.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from './log.ts';
import { ReplayGuard, SIGNATURE_HEADER, TIMESTAMP_HEADER, checkTimestamp, verifyWebhook } from './signature.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Events that change what the public site shows. entry.update/create count only for published entries. */
const ALWAYS = new Set(['entry.publish', 'entry.unpublish', 'entry.delete', 'media.create', 'media.update', 'media.delete']);
const WHEN_PUBLISHED = new Set(['entry.update', 'entry.create']);

export function eventMatters(payload: { event: string; entry?: unknown }): boolean {
  if (ALWAYS.has(payload.event)) return true;
  if (WHEN_PUBLISHED.has(payload.event)) {
    const entry = payload.entry as { publishedAt?: unknown } | null | undefined;
    return entry !== null && typeof entry === 'object' && entry.publishedAt !== null && entry.publishedAt !== undefined;
  }
  return false;
}

/** Constant-time: compares fixed-length digests so neither content nor length leaks through timing. */
export function bearerMatches(header: string | undefined, secret: string): boolean {
  if (!secret) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  const given = createHash('sha256')
    .update(m ? m[1].trim() : '')
    .digest();
  const expected = createHash('sha256').update(secret).digest();
  return timingSafeEqual(given, expected) && !!m;
}

export interface ApiHandlers {
  /** Key of the webhook's HMAC signature (signature.ts). */
  webhookSecret: string;
  adminToken: string;
  log: Logger;
  status: () => Promise<unknown>;
  /** documentId: the entry's, when the payload names one (the quick lane renders just that entry). */
  onWebhook: (event: string, model: string | undefined, documentId?: string) => void;
  onRebuild: (reason: string) => void;
}

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const buf = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': buf.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(buf);
}

/** Reads at most `limit` bytes; beyond that the rest is drained and discarded. */
function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else if (!tooLarge) chunks.push(c);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function createApiServer(h: ApiHandlers): Server {
  const replays = new ReplayGuard();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    const method = req.method ?? 'GET';
    if (path === '/health') {
      if (method !== 'GET' && method !== 'HEAD') return json(res, 405, { error: 'method not allowed' }, { Allow: 'GET' });
      return json(res, 200, { ok: true });
    }
    if (path === '/status') {
      if (method !== 'GET' && method !== 'HEAD') return json(res, 405, { error: 'method not allowed' }, { Allow: 'GET' });
      return json(res, 200, await h.status());
    }
    if (path === '/webhook' || path === '/rebuild') {
      if (method !== 'POST') return json(res, 405, { error: 'method not allowed' }, { Allow: 'POST' });
      const unauthorized = (why: string) => {
        h.log.warn('rejected unauthenticated request', { path, why, remote: req.socket.remoteAddress });
        res.setHeader('Connection', 'close');
        return json(res, 401, { error: 'unauthorized' }, path === '/rebuild' ? { 'WWW-Authenticate': 'Bearer' } : {});
      };
      if (path === '/rebuild') {
        if (!bearerMatches(req.headers.authorization, h.adminToken)) return unauthorized('bearer');
        const { tooLarge } = await readBody(req, MAX_BODY_BYTES);
        if (tooLarge) return json(res, 400, { error: 'body larger than 1 MB' });
        h.onRebuild('admin rebuild');
        return json(res, 202, { accepted: true });
      }
      // The webhook is signed over its body: headers that cannot be good are refused before reading it.
      const signed = { timestamp: header(req, TIMESTAMP_HEADER), signature: header(req, SIGNATURE_HEADER) };
      const early = h.webhookSecret ? checkTimestamp(signed.timestamp, signed.signature, Date.now()) : 'bad-signature';
      if (early) return unauthorized(early);
      const { body, tooLarge } = await readBody(req, MAX_BODY_BYTES);
      if (tooLarge) return json(res, 400, { error: 'body larger than 1 MB' });
      const refused = verifyWebhook(h.webhookSecret, signed, body, replays);
      if (refused) return unauthorized(refused);
      let payload: unknown;
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        return json(res, 400, { error: 'body is not valid JSON' });
      }
      const p = payload as { event?: unknown; model?: unknown; entry?: unknown } | null;
      if (!p || typeof p !== 'object' || typeof p.event !== 'string' || !p.event) {
        return json(res, 400, { error: 'missing "event" string' });
      }
      const model = typeof p.model === 'string' ? p.model : undefined;
      if (!eventMatters({ event: p.event, entry: p.entry })) {
        h.log.info('webhook ignored', { event: p.event, model });
        return json(res, 202, { accepted: true, ignored: true });
      }
      const entry = p.entry as { documentId?: unknown } | null | undefined;
      const documentId =
        entry && typeof entry === 'object' && typeof entry.documentId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(entry.documentId)
          ? entry.documentId
          : undefined;
      h.onWebhook(p.event, model, documentId);
      return json(res, 202, { accepted: true });
    }
    return json(res, 404, { error: 'not found' });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      h.log.error('api error', { url: req.url, error: (e as Error).message });
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  return server;
}
