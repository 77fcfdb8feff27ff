import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'dotenv';

const ROOT = join(import.meta.dirname, '..', '..');
const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const example = parse(readFileSync(join(ROOT, '.env.example')));

describe('docker-compose.yml', () => {
  it('documents every variable it reads in .env.example', () => {
    const used = new Set([...compose.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((v) => !(v in example));
    expect(missing).toEqual([]);
  });

  it('restarts every long-running service after a crash (config check: no Docker engine runs here)', () => {
    for (const service of ['db', 'cms', 'publisher', 'web']) {
      const block = new RegExp(`^  ${service}:\\n([\\s\\S]*?)(?=^  [a-z-]+:$|^[a-z]|(?![\\s\\S]))`, 'm').exec(compose)?.[1] ?? '';
      expect(block, service).toMatch(/^ {4}restart: (unless-stopped|always|on-failure)$/m);
    }
  });

  it("builds the site's question form and lookup against the site's own host, where the web server proxies them", () => {
    expect(compose).toMatch(/^ {6}PUBLIC_INTAKE_URL: \$\{SITE_URL\}$/m);
    const nginx = readFileSync(join(ROOT, 'deploy', 'nginx', 'portal.conf'), 'utf8');
    expect(nginx).toContain('location = /api/questions/submit');
    expect(nginx).toContain('location ^~ /api/questions/status/');
    expect(nginx).toMatch(/form-action 'self'/);
  });

  it('validates with docker-compose config -q (no engine needed)', { timeout: 60_000 }, () => {
    const bin = spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).stdout.trim();
    expect(bin, 'docker-compose is installed by scripts/test.ts').not.toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    try {
      const env = Object.entries(example)
        .map(([k, v]) => `${k}=${v || 'x'.repeat(32)}`)
        .join('\n');
      writeFileSync(join(dir, '.env'), env);
      execFileSync(
        bin,
        ['--project-directory', ROOT, '-f', join(ROOT, 'docker-compose.yml'), '--env-file', join(dir, '.env'), 'config', '-q'],
        { cwd: ROOT, stdio: 'pipe' },
      );
      // A missing required secret makes validation fail with a clear message.
      writeFileSync(join(dir, 'bad.env'), env.replace(/^APP_KEYS=.*$/m, 'APP_KEYS='));
      const bad = spawnSync(
        bin,
        ['--project-directory', ROOT, '-f', join(ROOT, 'docker-compose.yml'), '--env-file', join(dir, 'bad.env'), 'config', '-q'],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/APP_KEYS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents in .env.example every variable the CMS config and media settings read', () => {
    const raw = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const cfgDir = join(ROOT, 'apps/cms/config');
    const sources = [
      ...readdirSync(cfgDir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(cfgDir, f)),
      join(ROOT, 'apps/cms/src/lib/media-storage.ts'),
    ];
    const used = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\benv(?:\.\w+)?\(\s*'([A-Z][A-Z0-9_]*)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) used.add(m[1]);
    }
    for (const v of ['APP_KEYS', 'DATABASE_URL', 'S3_BUCKET', 'S3_PUBLIC_URL', 'LOG_FORMAT', 'UPLOAD_PROVIDER']) expect(used).toContain(v);
    // Either a setting (NAME=…) or an optional one shown commented out with its default (# NAME=…).
    const missing = [...used].filter((v) => !new RegExp(`^#?\\s*${v}=`, 'm').test(raw));
    expect(missing).toEqual([]);
  });

  it('passes the S3 settings to the CMS and lists a backup service', () => {
    for (const v of [
      'UPLOAD_PROVIDER',
      'S3_ENDPOINT',
      'S3_BUCKET',
      'S3_REGION',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'S3_PUBLIC_URL',
      'S3_FORCE_PATH_STYLE',
    ]) {
      expect(compose).toMatch(new RegExp(`^\\s+${v}: \\$\\{${v}`, 'm'));
    }
    expect(compose).toMatch(/^\s+backup:\n\s+profiles: \["tools"\]/m);
    expect(compose).toMatch(/command: \["node", "scripts\/backup.ts"\]/);
  });

  it('keeps the admin off the public web server', () => {
    const nginx = readFileSync(join(ROOT, 'deploy/nginx/portal.conf'), 'utf8');
    expect(nginx).not.toMatch(/location\s+\/admin/);
    expect(nginx).toMatch(/location = \/api\/questions\/submit/);
    expect(nginx).not.toMatch(/location\s+\/api\/\s/);
    expect(nginx).toMatch(/location \^~ \/api\/questions\/status\//);
    // Only the question routes reach the CMS: every proxied location is one of them.
    const blocks = nginx.split(/\n\s*location\s+/).slice(1);
    const proxied = blocks.filter((b) => b.includes('proxy_pass')).map((b) => b.replace(/^(=|\^~)\s*/, '').split(/\s/)[0]);
    expect(proxied.length).toBe([...nginx.matchAll(/proxy_pass/g)].length);
    expect(proxied.length).toBeGreaterThanOrEqual(2);
    for (const path of proxied) expect(path).toMatch(/^\/api\/questions\//);
  });

  it('sends the security and cache headers on every response of the public host', () => {
    const nginx = readFileSync(join(ROOT, 'deploy/nginx/portal.conf'), 'utf8');
    // An add_header inside a location drops the server-level ones there: headers live at server level only.
    const locations = [...nginx.matchAll(/location[^{]*\{([^}]*)\}/g)].map((m) => m[1]);
    expect(locations.length).toBeGreaterThan(2);
    for (const body of locations) expect(body).not.toMatch(/add_header/);
    for (const h of ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy'])
      expect(nginx).toMatch(new RegExp(`add_header ${h} `));
    expect(nginx).toMatch(/~\^\/_astro\/\s+"public, max-age=31536000, immutable"/);
    expect(nginx).toMatch(/gzip on;/);
    // A types block alone would replace the standard MIME map (HTML served as octet-stream).
    expect(nginx).toMatch(/include \/etc\/nginx\/mime.types;\s*\n\s*types \{/);
  });
});
