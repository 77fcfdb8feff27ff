import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_SECRETS, ensureSecrets, readEnvFile } from '../../scripts/lib/env.ts';
import { secretProblems } from '../../apps/cms/src/lib/secrets.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

describe('no secret is committed', () => {
  const tracked = git('ls-files').split('\n').filter(Boolean);

  it('tracks no env file, database, or accounts file', () => {
    const bad = tracked.filter((f) => /(^|\/)\.env$|\.env\.(?!example$)|\.(db|sqlite3?)$|accounts.*\.(json|txt)$/.test(f));
    expect(bad).toEqual([]);
  });

  it('ignores the generated files', () => {
    for (const f of ['.env', '.data/cms.db', '.data/demo-accounts.json', '.tools/node/x', 'apps/cms/public/uploads/photo.jpg']) {
      expect(() => git('check-ignore', '-q', f), f).not.toThrow();
    }
  });

  it('has no secret value in .env.example and no assigned secret in tracked files', () => {
    const example = readEnvFile(join(ROOT, '.env.example'));
    for (const key of Object.keys(GENERATED_SECRETS)) {
      expect(example[key], `${key} documented`).toBe('');
    }
    const assigned = new RegExp(`^\\s*(${Object.keys(GENERATED_SECRETS).join('|')})\\s*=\\s*\\S{8,}`, 'm');
    const offenders = tracked
      .filter((f) => !/(^|\/)(pnpm-lock\.yaml|.*\.png)$/.test(f))
      .filter((f) => {
        try {
          return assigned.test(readFileSync(join(ROOT, f), 'utf8'));
        } catch {
          return false;
        }
      });
    expect(offenders).toEqual([]);
  });

  it('the local .env (if any) leaks into no tracked file', () => {
    const local = readEnvFile(join(ROOT, '.env'));
    const values = Object.entries(local)
      .filter(([k, v]) => k in GENERATED_SECRETS && v.length >= 16)
      .map(([, v]) => v);
    if (!values.length) return;
    // git grep exits 1 when nothing matches; only file names are reported, never the values.
    const r = spawnSync('git', ['grep', '-lF', ...values.flatMap((v) => ['-e', v])], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status === 0 || r.status === 1, 'git grep failed').toBe(true);
    expect(r.stdout.trim().split('\n').filter(Boolean)).toEqual([]);
  });
});

describe('generated secrets', () => {
  it('are written once, with private permissions, and kept on later runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    try {
      const file = join(dir, '.env');
      expect(ensureSecrets(file).sort()).toEqual(Object.keys(GENERATED_SECRETS).sort());
      const first = readEnvFile(file);
      expect(ensureSecrets(file)).toEqual([]);
      expect(readEnvFile(file)).toEqual(first);
      expect(secretProblems(first)).toEqual([]);
      const mode = execFileSync('stat', ['-c', '%a', file], { encoding: 'utf8' }).trim();
      expect(mode).toBe('600');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a production start refuses missing or template secrets', () => {
    expect(secretProblems({})).toContain('APP_KEYS is not set');
    expect(secretProblems({ APP_KEYS: 'toBeModified1,toBeModified2' }).join()).toMatch(/APP_KEYS still has a template value/);
  });
});
