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
