import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bearerMatches, eventMatters } from '../src/api.ts';
import { commandCwd } from '../src/build.ts';
import { leakMarkers, runChecks } from '../src/checks.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { ReplayGuard, signWebhook, verifyWebhook } from '../src/signature.ts';
import { buildCsp, ByteLru, contentType, pickEncoding } from '../src/static.ts';
import { nextDailyRun, zonedTimeToUtc } from '../src/time.ts';

describe('checks', () => {
  async function site(files: Record<string, string | Buffer>) {
    const d = await mkdtemp(join(tmpdir(), 'pub-checks-'));
    for (const [f, c] of Object.entries(files)) {
      await mkdir(join(d, f, '..'), { recursive: true });
      await writeFile(join(d, f), c);
    }
    return d;
  }
  const base = { minPages: 1, allowShrink: false, livePageCount: null, markers: leakMarkers([]) };

  it('passes a normal site and counts pages', async () => {
    const d = await site({ 'index.html': '<h1>Xin chào</h1> phân loại mật', 'a/index.html': 'x', 'feed.xml': '<rss/>' });
    const r = await runChecks(d, base);
    expect(r).toMatchObject({ ok: true, pageCount: 2 });
    await rm(d, { recursive: true });
  });

  it('fails without index.html, below the minimum, or when shrinking by more than half', async () => {
    const d = await site({ 'a.html': 'x' });
    const r = await runChecks(d, { ...base, minPages: 2, livePageCount: 10 });
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/index.html is missing/);
    expect(r.problems.join('\n')).toMatch(/only 1 HTML pages/);
    expect(r.problems.join('\n')).toMatch(/dropped from 10 to 1/);
    const ok = await runChecks(d, { ...base, livePageCount: 10, allowShrink: true });
    expect(ok.problems.join('\n')).not.toMatch(/dropped/);
    await rm(d, { recursive: true });
  });

  it('finds markers in text files and in gzip-compressed pagefind fragments, without echoing secrets', async () => {
    const secret = 'f'.repeat(40);
    const d = await site({
      'index.html': 'ok',
      'data.json': '{"classification":"toi_mat"}',
      'pagefind/fragment/x.pf_fragment': gzipSync(Buffer.from('pagefind_dcd{"content":"NOI_BO_ONLY"}')),
      'cal.ics': `token ${secret}`,
      'img.png': 'NOI_BO_ONLY', // binary types are not scanned
    });
    const r = await runChecks(d, { ...base, markers: leakMarkers(['NOI_BO_ONLY']), secrets: [secret, 'short'] });
    expect(r.ok).toBe(false);
    const text = r.problems.join('\n');
    expect(text).toContain('"NOI_BO_ONLY" found in 1 file(s): pagefind/fragment/x.pf_fragment');
    expect(text).toContain('classification');
    expect(text).toContain('(a publisher secret) found in 1 file(s): cal.ics');
    expect(text).not.toContain(secret);
    await rm(d, { recursive: true });
  });

  it('scans the open-data files: a secret in a CSV dataset or in the JSON-LD catalogue fails the release', async () => {
    const secret = 'tok_'.padEnd(40, 'x');
    const d = await site({
      'index.html': 'ok',
      'du-lieu-mo/danh-ba.csv': `\uFEFFfullName,email\r\nNguyễn Văn A,${secret}\r\n`,
      'du-lieu-mo/catalog.jsonld': `{"title":"NOI_BO_ONLY"}`,
    });
    const r = await runChecks(d, { ...base, markers: leakMarkers(['NOI_BO_ONLY']), secrets: [secret] });
    expect(r.ok).toBe(false);
    const text = r.problems.join('\n');
    expect(text).toContain('(a publisher secret) found in 1 file(s): du-lieu-mo/danh-ba.csv');
    expect(text).toContain('"NOI_BO_ONLY" found in 1 file(s): du-lieu-mo/catalog.jsonld');
    await rm(d, { recursive: true });
  });
});

describe('webhook rules', () => {
  it('accepts only events that change the public site', () => {
    expect(eventMatters({ event: 'entry.publish' })).toBe(true);
    expect(eventMatters({ event: 'entry.unpublish' })).toBe(true);
    expect(eventMatters({ event: 'entry.delete' })).toBe(true);
    expect(eventMatters({ event: 'media.update' })).toBe(true);
    expect(eventMatters({ event: 'entry.update', entry: { publishedAt: null } })).toBe(false);
    expect(eventMatters({ event: 'entry.update', entry: { publishedAt: '2026-01-01T00:00:00Z' } })).toBe(true);
    expect(eventMatters({ event: 'entry.update' })).toBe(false);
    expect(eventMatters({ event: 'review-workflows.updateEntryStage' })).toBe(false);
  });
  it('compares bearer tokens exactly', () => {
    expect(bearerMatches('Bearer s3cret', 's3cret')).toBe(true);
    expect(bearerMatches('bearer s3cret', 's3cret')).toBe(true);
    expect(bearerMatches('Bearer s3cre', 's3cret')).toBe(false);
    expect(bearerMatches('s3cret', 's3cret')).toBe(false);
    expect(bearerMatches(undefined, 's3cret')).toBe(false);
    expect(bearerMatches('Bearer ', '')).toBe(false);
  });
});

describe('webhook signature', () => {
  const secret = 'k'.repeat(32);
  const body = Buffer.from('{"event":"entry.publish"}');
  const now = 1_800_000_000_000;
  const ts = String(now / 1000);
  const sig = signWebhook(secret, ts, body);
  it('accepts a fresh signature once, and refuses it replayed', () => {
    const guard = new ReplayGuard();
    expect(verifyWebhook(secret, { timestamp: ts, signature: sig }, body, guard, now)).toBeNull();
    expect(verifyWebhook(secret, { timestamp: ts, signature: sig }, body, guard, now + 1000)).toBe('replayed');
  });
  it('refuses unsigned, altered, re-dated, stale and wrongly keyed webhooks', () => {
    const guard = new ReplayGuard();
    expect(verifyWebhook(secret, {}, body, guard, now)).toBe('unsigned');
    expect(verifyWebhook(secret, { timestamp: ts, signature: sig }, Buffer.from('{"event":"entry.delete"}'), guard, now)).toBe(
      'bad-signature',
    );
    expect(verifyWebhook(secret, { timestamp: String(now / 1000 + 1), signature: sig }, body, guard, now)).toBe('bad-signature');
    expect(verifyWebhook(secret, { timestamp: ts, signature: sig }, body, guard, now + 301_000)).toBe('stale');
    expect(verifyWebhook(secret, { timestamp: ts, signature: signWebhook('other', ts, body) }, body, guard, now)).toBe('bad-signature');
    expect(verifyWebhook('', { timestamp: ts, signature: sig }, body, guard, now)).toBe('bad-signature');
  });
  it('forgets signatures once they are out of the window', () => {
    const guard = new ReplayGuard(2);
    expect(guard.claim('a', 10, 0)).toBe(true);
    expect(guard.claim('a', 10, 5)).toBe(false);
    expect(guard.claim('b', 20, 11)).toBe(true);
    expect(guard.claim('a', 30, 12)).toBe(true);
  });
});

describe('static helpers', () => {
  it('negotiates encodings with q-values', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBe(null);
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding(undefined)).toBe(null);
  });
  it('maps content types', () => {
    expect(contentType('a/lich.ics')).toBe('text/calendar; charset=utf-8');
    expect(contentType('du-lieu-mo/catalog.jsonld')).toBe('application/ld+json; charset=utf-8');
    expect(contentType('du-lieu-mo/van-ban.csv')).toBe('text/csv; charset=utf-8');
    expect(contentType('rss.xml')).toBe('application/xml; charset=utf-8');
    expect(contentType('x.pf_fragment')).toBe('application/octet-stream');
    expect(contentType('wasm.en.pagefind')).toBe('application/octet-stream');
    expect(contentType('pagefind.wasm')).toBe('application/wasm');
    expect(contentType('a.js')).toBe('text/javascript; charset=utf-8');
  });
  it('builds a CSP with the CMS and media origins', () => {
    const csp = buildCsp({ publicMediaOrigin: 'https://media.example.vn', cmsPublicOrigin: 'https://cms.example.vn' });
    expect(csp).toContain("img-src 'self' data: https://media.example.vn");
    expect(csp).toContain("connect-src 'self' https://cms.example.vn");
    expect(csp).toContain("form-action 'self' https://cms.example.vn");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it('LRU evicts by bytes', () => {
    const l = new ByteLru(10);
    l.set('a', Buffer.alloc(4));
    l.set('b', Buffer.alloc(4));
    l.get('a');
    l.set('c', Buffer.alloc(4));
    expect(l.get('b')).toBeUndefined();
    expect(l.get('a')).toBeDefined();
    expect(l.size).toBe(8);
  });
});

describe('time zone maths', () => {
  it('converts Ho Chi Minh wall time to UTC regardless of the machine TZ', () => {
    expect(zonedTimeToUtc(2026, 11, 28, 0, 5, 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-11-27T17:05:00.000Z');
  });
  it('finds the next run shortly after local midnight', () => {
    const now = new Date('2026-11-27T16:00:00Z'); // 23:00 in Hà Nội
    expect(nextDailyRun(now, 'Asia/Ho_Chi_Minh', 0, 5).toISOString()).toBe('2026-11-27T17:05:00.000Z');
    const after = new Date('2026-11-27T17:06:00Z'); // 00:06 local
    expect(nextDailyRun(after, 'Asia/Ho_Chi_Minh', 0, 5).toISOString()).toBe('2026-11-28T17:05:00.000Z');
  });
  it('handles DST zones', () => {
    // 2026-03-08 is the US spring-forward day; 00:05 exists and is EST (UTC-5).
    expect(zonedTimeToUtc(2026, 3, 8, 0, 5, 'America/New_York').toISOString()).toBe('2026-03-08T05:05:00.000Z');
    expect(zonedTimeToUtc(2026, 3, 9, 0, 5, 'America/New_York').toISOString()).toBe('2026-03-09T04:05:00.000Z');
  });
});

describe('config', () => {
  it('requires the webhook secret for the server', () => {
    expect(() => loadConfig({}, { requireWebhookSecret: true })).toThrow(ConfigError);
    expect(() => loadConfig({}, { requireWebhookSecret: true })).toThrow(/PUBLISHER_WEBHOOK_SECRET is not set/);
  });
  it('applies defaults and parses overrides', () => {
    const c = loadConfig({ PUBLISHER_WEBHOOK_SECRET: 'x' });
    expect(c.port).toBe(4322);
    expect(c.sitePort).toBe(4321);
    expect(c.host).toBe('127.0.0.1');
    expect(c.siteHost).toBe('0.0.0.0');
    expect(c.debounceMs).toBe(1500);
    expect(c.keepReleases).toBe(5);
    expect(c.dataDir).toMatch(/\.data\/publisher$/);
    expect(c.buildCmds[0][1]).toMatch(/astro\/bin\/astro\.mjs$/);
    expect(c.buildCmds[1]).toContain('--site');
    const o = loadConfig({ PUBLISHER_BUILD_CMD: '[["node","b.mjs"]]', PUBLISHER_LEAK_MARKERS: 'a, b,,', PUBLISHER_DAILY_AT: 'off' });
    expect(o.buildCmds).toEqual([['node', 'b.mjs']]);
    expect(o.leakMarkers).toEqual(['a', 'b']);
    expect(o.dailyAt).toBeNull();
  });
  it('explains bad values', () => {
    expect(() => loadConfig({ PUBLISHER_PORT: 'abc' })).toThrow(/PUBLISHER_PORT must be an integer/);
    expect(() => loadConfig({ PUBLISHER_BUILD_CMD: 'node build.mjs' })).toThrow(/must be JSON/);
    expect(() => loadConfig({ PUBLISHER_BUILD_CMD: '[[]]' })).toThrow(/non-empty/);
    expect(() => loadConfig({ CMS_URL: 'nope' })).toThrow(/CMS_URL/);
    expect(() => loadConfig({ PUBLISHER_TIMEZONE: 'Mars/Base' })).toThrow(/time zone/);
    expect(() => loadConfig({ PUBLISHER_FAST_LANE: 'maybe' })).toThrow(/PUBLISHER_FAST_LANE must be "on" or "off"/);
  });
  it('turns the quick lane on with the default build and off with a custom one, unless told', () => {
    expect(loadConfig({}).fastLane).toBe(true);
    expect(loadConfig({}).fullAfterFastMs).toBe(60_000);
    expect(loadConfig({ PUBLISHER_BUILD_CMD: '[["node","b.mjs"]]' }).fastLane).toBe(false);
    expect(loadConfig({ PUBLISHER_BUILD_CMD: '[["node","b.mjs"]]', PUBLISHER_FAST_LANE: 'on' }).fastLane).toBe(true);
    expect(loadConfig({ PUBLISHER_FAST_LANE: 'off' }).fastLane).toBe(false);
  });
});

describe('build working directories', () => {
  it('gives each lane of each data dir its own Astro working directory inside the site, with --root', async () => {
    const dirs = await mkdtemp(join(tmpdir(), 'pub-cwd-'));
    try {
      const cfg = (data: string) => ({ ...loadConfig({ PUBLISHER_SITE_DIR: join(dirs, 'site'), PUBLISHER_DATA_DIR: join(dirs, data) }) });
      const astro = ['node', join(dirs, 'site', 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];
      const a = await commandCwd(cfg('a'), astro, 'full');
      const aFast = await commandCwd(cfg('a'), astro, 'fast');
      const b = await commandCwd(cfg('b'), astro, 'full');
      expect(a.argv).toEqual([...astro, '--root', join(dirs, 'site')]);
      expect(new Set([a.cwd, aFast.cwd, b.cwd]).size).toBe(3);
      for (const c of [a, aFast, b]) {
        expect(c.cwd.startsWith(join(dirs, 'site', '.astro') + '/')).toBe(true);
        expect((await stat(c.cwd)).isDirectory()).toBe(true);
      }
      // other commands keep running in the site, unchanged
      const pagefind = ['node', 'pagefind/lib/runner/bin.cjs', '--site', 'x'];
      expect(await commandCwd(cfg('a'), pagefind, 'full')).toEqual({ argv: pagefind, cwd: join(dirs, 'site') });
    } finally {
      await rm(dirs, { recursive: true, force: true });
    }
  });
});
