// Serves the live release. `live` is resolved per request, so a switch takes effect at once while
// requests already streaming keep their open file descriptors on the old release.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Stats } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { posix, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zc, gzip } from 'node:zlib';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { paths } from './state.ts';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  // Pagefind's index files are already gzip-compressed binary.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

const COMPRESSIBLE = new Set([
  '.html',
  '.htm',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.jsonld',
  '.map',
  '.xml',
  '.rss',
  '.atom',
  '.xsl',
  '.ics',
  '.txt',
  '.csv',
  '.webmanifest',
  '.svg',
  '.wasm',
]);
const MAX_COMPRESS_BYTES = 8 * 1024 * 1024;
const MIN_COMPRESS_BYTES = 256;

export function contentType(file: string): string {
  return TYPES[posix.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A small LRU bounded by total bytes; keys include inode + mtime, so a new release never gets stale bytes. */
export class ByteLru {
  #max: number;
  #size = 0;
  #map = new Map<string, Buffer>();
  constructor(maxBytes: number) {
    this.#max = maxBytes;
  }
  get(key: string): Buffer | undefined {
    const v = this.#map.get(key);
    if (v) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  set(key: string, value: Buffer): void {
    if (value.length > this.#max) return;
    const old = this.#map.get(key);
    if (old) {
      this.#size -= old.length;
      this.#map.delete(key);
    }
    this.#map.set(key, value);
    this.#size += value.length;
    for (const [k, v] of this.#map) {
      if (this.#size <= this.#max) break;
      this.#map.delete(k);
      this.#size -= v.length;
    }
  }
  get size(): number {
    return this.#size;
  }
}

export function buildCsp(cfg: Pick<Config, 'publicMediaOrigin' | 'cmsPublicOrigin'>): string {
  const media = cfg.publicMediaOrigin ? ` ${cfg.publicMediaOrigin}` : '';
  const cms = cfg.cmsPublicOrigin ? ` ${cfg.cmsPublicOrigin}` : '';
  return [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly search engine in the browser.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${media}`,
    `media-src 'self'${media}`,
    "font-src 'self'",
    `connect-src 'self'${cms}`,
    `form-action 'self'${cms}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** Picks br or gzip from Accept-Encoding, honouring q=0. */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, weight);
  }
  const w = (n: string) => q.get(n) ?? q.get('*') ?? 0;
  if (w('br') > 0 && w('br') >= w('gzip')) return 'br';
  if (w('gzip') > 0) return 'gzip';
  return null;
}

function cacheControl(urlPath: string, ext: string): string {
  if (urlPath.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (
    ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico', '.woff', '.woff2', '.ttf', '.otf'].includes(ext) &&
    !urlPath.startsWith('/pagefind/')
  ) {
    return 'public, max-age=3600';
  }
  // HTML, feeds, calendars and the search index change with every publish: always revalidate (ETag makes it cheap).
  return 'no-cache';
}

const HOLDING_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thông tin điện tử</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.6">
<h1>Cổng thông tin đang được xây dựng, vui lòng quay lại sau ít phút.</h1>
<p lang="en">The portal is being built. Please come back in a few minutes.</p>
</body></html>
`;

const NOT_FOUND_FALLBACK = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head>
<body><h1>Không tìm thấy trang</h1><p><a href="/">Về trang chủ</a></p></body></html>
`;

export interface StaticServerOptions {
  cfg: Pick<Config, 'dataDir' | 'publicMediaOrigin' | 'cmsPublicOrigin'>;
  log: Logger;
  cacheBytes?: number;
}

export function createStaticServer(opts: StaticServerOptions): Server {
  const { cfg, log } = opts;
  const livePath = paths(cfg.dataDir).live;
  const lru = new ByteLru(opts.cacheBytes ?? 64 * 1024 * 1024);
  const inflight = new Map<string, Promise<Buffer>>();
  const security: Record<string, string> = {
    'Content-Security-Policy': buildCsp(cfg),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };

  const send = (res: ServerResponse, status: number, headers: Record<string, string | number>, body?: Buffer | string, head = false) => {
    const buf = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    res.writeHead(status, { ...security, ...headers, ...(buf ? { 'Content-Length': buf.length } : {}) });
    res.end(head ? undefined : buf);
  };

  const compressed = (key: string, data: () => Promise<Buffer>, enc: 'br' | 'gzip'): Promise<Buffer> => {
    const k = `${key}:${enc}`;
    const hit = lru.get(k);
    if (hit) return Promise.resolve(hit);
    let p = inflight.get(k);
    if (!p) {
      p = data()
        .then((raw) =>
          enc === 'br'
            ? brotliAsync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 9, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length } })
            : gzipAsync(raw, { level: 9 }),
        )
        .then((buf) => {
          lru.set(k, buf);
          return buf;
        })
        .finally(() => inflight.delete(k));
      inflight.set(k, p);
    }
    return p;
  };

  /** Opens root/rel as a regular file; returns null when absent, 'dir' for a directory. */
  const openFile = async (root: string, rel: string): Promise<{ fh: FileHandle; st: Stats } | 'dir' | null> => {
    let fh: FileHandle;
    try {
      fh = await open(join(root, rel), 'r');
    } catch {
      return null;
    }
    const st = await fh.stat();
    if (st.isDirectory()) {
      await fh.close();
      return 'dir';
    }
    if (!st.isFile()) {
      await fh.close();
      return null;
    }
    return { fh, st };
  };

  const serveFile = async (
    req: IncomingMessage,
    res: ServerResponse,
    file: { fh: FileHandle; st: Stats },
    rel: string,
    urlPath: string,
    status: number,
  ) => {
    const { fh, st } = file;
    const head = req.method === 'HEAD';
    const ext = posix.extname(rel).toLowerCase();
    const type = contentType(rel);
    const compressible = COMPRESSIBLE.has(ext) && st.size >= MIN_COMPRESS_BYTES && st.size <= MAX_COMPRESS_BYTES;
    const enc = compressible ? pickEncoding(req.headers['accept-encoding'] as string | undefined) : null;
    const tag = `${st.ino.toString(36)}-${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}`;
    const etag = `"${tag}${enc ? `-${enc}` : ''}"`;
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Cache-Control': status === 200 ? cacheControl(urlPath, ext) : 'no-cache',
      'Last-Modified': st.mtime.toUTCString(),
    };
    if (status === 200) headers.ETag = etag;
    if (compressible) headers.Vary = 'Accept-Encoding';
    let streaming = false;
    try {
      if (status === 200) {
        const inm = req.headers['if-none-match'];
        if (inm) {
          const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
          if (tags.includes('*') || tags.includes(etag) || tags.includes(`"${tag}"`)) {
            send(res, 304, headers);
            return;
          }
        }
      }
      if (enc) {
        const key = `${st.dev}:${st.ino}:${st.mtimeMs}:${st.size}`;
        const body = await compressed(key, () => fh.readFile(), enc);
        send(res, status, { ...headers, 'Content-Encoding': enc }, body, head);
        return;
      }
      if (head) {
        send(res, status, { ...headers, 'Content-Length': st.size });
        return;
      }
      res.writeHead(status, { ...security, ...headers, 'Content-Length': st.size });
      const stream = fh.createReadStream({ start: 0, autoClose: true });
      streaming = true; // the stream closes the handle
      stream.on('error', () => res.destroy());
      res.on('close', () => stream.destroy());
      stream.pipe(res);
    } finally {
      if (!streaming) await fh.close().catch(() => {});
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed');
      return;
    }
    const head = req.method === 'HEAD';
    const rawUrl = req.url ?? '/';
    const qIndex = rawUrl.indexOf('?');
    const rawPath = qIndex === -1 ? rawUrl : rawUrl.slice(0, qIndex);
    const search = qIndex === -1 ? '' : rawUrl.slice(qIndex);
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(rawPath);
    } catch {
      send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request', head);
      return;
    }
    // Refuse traversal outright rather than normalising it away: no legitimate link contains "..".
    const segments = urlPath.split(/[\\/]/);
    if (!urlPath.startsWith('/') || urlPath.includes('\0') || urlPath.includes('\\') || segments.includes('..') || segments.includes('.')) {
      send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request', head);
      return;
    }
    let root: string;
    try {
      root = await realpath(livePath);
    } catch {
      send(res, 503, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '60', 'Cache-Control': 'no-store' }, HOLDING_PAGE, head);
      return;
    }
    const rel = posix.normalize(urlPath).replace(/^\/+/, '');
    if (join(root, rel) !== root && !join(root, rel).startsWith(root + sep)) {
      send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request', head);
      return;
    }
    const candidates = urlPath.endsWith('/') ? [rel + 'index.html'] : [rel, ...(posix.extname(rel) ? [] : [rel + '.html'])];
    for (const c of candidates) {
      const f = await openFile(root, c);
      if (f === 'dir') {
        // /x → /x/ so relative links inside the page resolve like the generator expects.
        // One leading slash only: "//host/" would be a protocol-relative redirect to another site.
        send(
          res,
          301,
          {
            Location: '/' + rawPath.replace(/^[/\\]+/, '') + '/' + search,
            'Content-Type': 'text/plain; charset=utf-8',
            'Cache-Control': 'no-cache',
          },
          'Moved Permanently',
          head,
        );
        return;
      }
      if (f) {
        await serveFile(req, res, f, c, urlPath, 200);
        return;
      }
    }
    const nf = await openFile(root, '404.html');
    if (nf && nf !== 'dir') {
      await serveFile(req, res, nf, '404.html', urlPath, 404);
      return;
    }
    send(res, 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }, NOT_FOUND_FALLBACK, head);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log.error('static server error', { url: req.url, error: (e as Error).message });
      if (!res.headersSent) send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Internal Server Error');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return server;
}
