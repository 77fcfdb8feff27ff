// Every README command as the first command on a clean clone, including the long-running ones CI leaves
// out for time (`dev` builds and starts Strapi's develop mode; `bench --help` builds everything first).
// CI itself runs scripts/ci/first-start.mjs and the short commands (see .ci/run).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

it('npm run dev, npm run bench -- --help and the short commands work as the first command on a clean clone', () => {
  // The system Node, as on a newcomer's machine: the bootstrap must fetch its own.
  const r = spawnSync(
    'node',
    [join(ROOT, 'scripts/ci/first-commands.mjs'), 'dev', 'bench', 'budget', 'backup', 'restore', 'audit:verify'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: process.env.PATH?.split(':')
          .filter((p) => !p.includes('.tools'))
          .join(':'),
      },
    },
  );
  process.stdout.write(r.stdout);
  expect(r.stdout.match(/: ok in/g)?.length, r.stdout.slice(-4000)).toBe(6);
  expect(r.status).toBe(0);
});
