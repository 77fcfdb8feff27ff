// Uses the real Pagefind binary from apps/site (the npm package ships it; nothing is downloaded).
// Skipped when the site's dependencies are not installed.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../src/build.ts';
import { loadConfig, REPO_ROOT, type Config } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { createStaticServer } from '../src/static.ts';
import { startFakeCms, type FakeCms } from './fixtures/cms.ts';

const PAGEFIND = join(REPO_ROOT, 'apps', 'site', 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
const TOKEN = 'pagefind-test-token-0123456789';
const log = createLogger({ write: () => {} });

let tmp: string;
let cms: FakeCms;
let cfg: Config;

const page = (body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title></head><body><main>${body}</main></body></html>`;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pub-pagefind-'));
  const site = join(tmp, 'site');
  await mkdir(site);
  // Stand-in generator: copies content.html (written by the test) to dist/index.html.
  await writeFile(
    join(site, 'build.mjs'),
    `import { mkdir, readFile, writeFile } from 'node:fs/promises';
await mkdir('dist', { recursive: true });
await writeFile('dist/index.html', await readFile('content.html'));
await writeFile('dist/404.html', '<!doctype html><html lang="vi"><body><main>404</main></body></html>');\n`,
  );
  cms = await startFakeCms(TOKEN);
  cfg = loadConfig({
    SITE_API_TOKEN: TOKEN,
    CMS_URL: cms.url,
    PUBLISHER_DATA_DIR: join(tmp, 'data'),
    PUBLISHER_SITE_DIR: site,
    PUBLISHER_BUILD_CMD: JSON.stringify([
      ['node', 'build.mjs'],
      ['node', PAGEFIND, '--site', 'dist'],
    ]),
    PUBLISHER_LEAK_MARKERS: 'NOI_BO_TEST',
  });
});
afterAll(async () => {
  await cms?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(!existsSync(PAGEFIND))('with the real Pagefind', () => {
  it('indexes the release, serves index files as binary, and finds leaks only visible in the search index', async () => {
    await writeFile(join(tmp, 'site', 'content.html'), page('<h1>Xin chào</h1><p>Thủ tục hành chính</p>'));
    const ok = await runBuild(cfg, { log });
    expect(ok.ok).toBe(true);

    const server = createStaticServer({ cfg, log });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const entry = await fetch(`${base}/pagefind/pagefind-entry.json`);
      expect(entry.status).toBe(200);
      expect(entry.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(entry.headers.get('cache-control')).toBe('no-cache');
      const { languages } = (await entry.json()) as { languages: Record<string, { hash: string }> };
      const meta = await fetch(`${base}/pagefind/pagefind.${Object.values(languages)[0].hash}.pf_meta`);
      expect(meta.status).toBe(200);
      expect(meta.headers.get('content-type')).toBe('application/octet-stream');
      expect(meta.headers.get('content-encoding')).toBeNull(); // already gzip inside; never double-compressed
      const wasm = await fetch(`${base}/pagefind/wasm.unknown.pagefind`);
      expect(wasm.status).toBe(200);
      expect(wasm.headers.get('content-type')).toBe('application/octet-stream');
      const js = await fetch(`${base}/pagefind/pagefind.js`);
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    } finally {
      await new Promise((r) => server.close(r));
    }

    // "NOI_BO<b></b>_TEST" is not in the HTML bytes, but Pagefind's extracted text joins it.
    await writeFile(join(tmp, 'site', 'content.html'), page('<h1>Xin chào</h1><p>NOI_BO<b></b>_TEST</p>'));
    const bad = await runBuild(cfg, { log });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/"NOI_BO_TEST" found in 1 file\(s\): pagefind\/fragment\/.*\.pf_fragment/);
  });
});
