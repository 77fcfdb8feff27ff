import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('validates with docker-compose config -q (no engine needed)', { timeout: 60_000 }, () => {
    const bin = spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).stdout.trim();
    expect(bin, 'docker-compose is installed by scripts/test.ts').not.toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    try {
      const env = Object.entries(example).map(([k, v]) => `${k}=${v || 'x'.repeat(32)}`).join('\n');
      writeFileSync(join(dir, '.env'), env);
      execFileSync(bin, ['--project-directory', ROOT, '-f', join(ROOT, 'docker-compose.yml'), '--env-file', join(dir, '.env'), 'config', '-q'], { cwd: ROOT, stdio: 'pipe' });
      // A missing required secret makes validation fail with a clear message.
      writeFileSync(join(dir, 'bad.env'), env.replace(/^APP_KEYS=.*$/m, 'APP_KEYS='));
      const bad = spawnSync(bin, ['--project-directory', ROOT, '-f', join(ROOT, 'docker-compose.yml'), '--env-file', join(dir, 'bad.env'), 'config', '-q'], { cwd: ROOT, encoding: 'utf8' });
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/APP_KEYS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the admin off the public web server', () => {
    const nginx = readFileSync(join(ROOT, 'deploy/nginx/portal.conf'), 'utf8');
    expect(nginx).not.toMatch(/location\s+\/admin/);
    expect(nginx).toMatch(/location = \/api\/questions\/submit/);
    expect(nginx).not.toMatch(/location\s+\/api\/\s/);
  });
});
