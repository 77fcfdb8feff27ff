// The public host's nginx config, run for real (Debian's nginx, installed by scripts/test.ts): a fake
// live release is served with the security headers on every response, long caching only for hashed
// assets, gzip, correct MIME types, and nothing of the CMS but the question routes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => spawnSync('test', ['-x', p]).status === 0);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!NGINX && !process.env.CI)('deploy/nginx/portal.conf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-nginx-'));
  let nginx: ChildProcess;
  let cms: ReturnType<typeof createServer>;
  let base = '';
  const seen: Array<{ url: string; requestId: string | undefined }> = [];

  beforeAll(async () => {
    expect(NGINX, 'nginx is installed by scripts/test.ts').toBeTruthy();
    chmodSync(dir, 0o755);
    const live = join(dir, 'live');
    mkdirSync(join(live, '_astro'), { recursive: true });
    writeFileSync(join(live, 'index.html'), `<!doctype html><html><body>${'Cổng thông tin điện tử. '.repeat(100)}</body></html>`);
    writeFileSync(join(live, '404.html'), '<!doctype html><title>404</title>');
    writeFileSync(join(live, '_astro', 'app.3f2a1b.css'), 'body{color:#000}'.repeat(100));
    writeFileSync(join(live, 'lich.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    writeFileSync(join(live, 'catalog.jsonld'), '{}');
    writeFileSync(join(live, 'van-ban.csv'), 'a,b\r\n');
    // A stand-in for the CMS: records what reaches it.
    const cmsPort = await freePort();
    cms = createServer((req, res) => {
      seen.push({ url: req.url!, requestId: req.headers['x-request-id'] as string | undefined });
      res.setHeader('Content-Type', 'application/json');
      res.end('{"ok":true}');
    }).listen(cmsPort, '127.0.0.1');
    const port = await freePort();
    const conf = readFileSync(join(ROOT, 'deploy/nginx/portal.conf'), 'utf8')
      .replaceAll('cms:1337', `127.0.0.1:${cmsPort}`)
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace('root /srv/portal/live;', `root ${live};`);
    writeFileSync(join(dir, 'portal.conf'), conf);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log; worker_processes 1;\nevents {}\nhttp { access_log off; ${temp} include ${dir}/portal.conf; }\n`,
    );
    nginx = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`${base}/_nginx_health`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const done = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await done;
    }
    cms?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const security = (h: Headers) => {
    expect(h.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(h.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  };

  it('serves pages compressed, revalidated and with the security headers', async () => {
    const res = await fetch(`${base}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    security(res.headers);
  });

  it('caches hashed assets for a year, still with the security headers', async () => {
    const res = await fetch(`${base}/_astro/app.3f2a1b.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    security(res.headers);
    expect((await fetch(`${base}/lich.ics`)).headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await fetch(`${base}/catalog.jsonld`)).headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect((await fetch(`${base}/van-ban.csv`)).headers.get('content-type')).toMatch(/^text\/csv/);
  });

  it('proxies only the question routes to the CMS, with a request id', async () => {
    for (const path of ['/admin', '/admin/login', '/api/articles', '/api/questions', '/upload', '/content-manager/x']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(404);
      security(res.headers);
    }
    expect(seen).toEqual([]);
    const submit = await fetch(`${base}/api/questions/submit`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(submit.status).toBe(200);
    expect((await fetch(`${base}/api/questions/submit`)).status).toBe(403);
    const status = await fetch(`${base}/api/questions/status/ABC123`);
    expect(status.status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(['/api/questions/submit', '/api/questions/status/ABC123']);
    for (const s of seen) expect(s.requestId).toMatch(/^[0-9a-f]{32}$/);
  });
});
