import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', 'deploy', 'systemd');
const unit = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('systemd units', () => {
  for (const name of ['portal-cms.service', 'portal-publisher.service', 'portal-backup.service']) {
    it(`${name} runs unprivileged and hardened with its env file`, () => {
      const text = unit(name);
      for (const line of [
        'User=portal',
        'NoNewPrivileges=yes',
        'ProtectSystem=strict',
        'PrivateTmp=yes',
        'EnvironmentFile=/etc/portal/portal.env',
      ])
        expect(text).toContain(line);
      expect(text).toMatch(/^ReadWritePaths=\S+/m);
      expect(text).toMatch(/^ExecStart=\/usr\/bin\/node \S+/m);
    });
  }

  // A config check: no systemd runs here. A crashed service comes back by itself (issue 22).
  for (const name of ['portal-cms.service', 'portal-publisher.service']) {
    it(`${name} restarts on failure, with a pause and no give-up limit that would leave the site down`, () => {
      const text = unit(name);
      expect(text).toMatch(/^Restart=(on-failure|always)$/m);
      expect(text).toMatch(/^RestartSec=\d+/m);
      expect(text).not.toMatch(/^StartLimitBurst=[1-3]$/m);
    });
  }

  const analyze = spawnSync('sh', ['-c', 'command -v systemd-analyze'], { encoding: 'utf8' }).stdout.trim();
  it.skipIf(!analyze)('pass systemd-analyze verify (when systemd is installed)', () => {
    for (const name of readdirSync(dir)) {
      const r = spawnSync(analyze, ['verify', join(dir, name)], { encoding: 'utf8' });
      expect(r.stderr.trim(), name).toBe('');
    }
  });

  it('the backup runs daily from a timer and prunes by BACKUP_KEEP', () => {
    expect(unit('portal-backup.timer')).toMatch(/^OnCalendar=\*-\*-\* 02:30:00$/m);
    expect(unit('portal-backup.timer')).toMatch(/^Persistent=true$/m);
    expect(unit('portal-backup.service')).toMatch(/^Type=oneshot$/m);
    expect(unit('portal-backup.service')).toContain('ExecStart=/usr/bin/node scripts/backup.ts');
  });
});
