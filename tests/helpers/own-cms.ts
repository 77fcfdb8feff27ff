// A second, small CMS (empty database, no demo content) with settings the shared one cannot have
// without disturbing the other test files: started by the test file that needs it, stopped after it.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_SECRETS } from '../../scripts/lib/env.ts';
import { startCms, waitForCms } from '../../scripts/lib/portal.ts';
import { stopService } from '../../scripts/lib/proc.ts';
import { freePort } from '../setup/cms.ts';

export interface OwnCms {
  base: string;
  env: Record<string, string>;
  dir: string;
  stop: () => Promise<void>;
}

export async function startOwnCms(name: string, extra: Record<string, string>): Promise<OwnCms> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-own-'));
  const port = await freePort();
  const env: Record<string, string> = {
    ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>),
    ...Object.fromEntries(Object.entries(GENERATED_SECRETS).map(([k, make]) => [k, make()])),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: join(dir, 'cms.db'),
    CMS_PUBLIC_DIR: join(dir, 'public'),
    CMS_PORT: String(port),
    HOST: '127.0.0.1',
    PORTAL_DEMO: '0',
    // Off by default here (existing tests sign in with a password alone); tests of the second step
    // turn it on (tests/integration/second-factor.test.ts).
    ADMIN_SECOND_FACTOR: 'off',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...extra,
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = startCms(env, name);
  await waitForCms(env, child);
  const stop = async () => {
    await stopService(child);
    rmSync(dir, { recursive: true, force: true });
  };
  return { base: `http://127.0.0.1:${port}`, env, dir, stop };
}
