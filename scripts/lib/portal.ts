// Starts the CMS and the publisher as child processes with the shared env; used by start and tests.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { CMS_DIR, NODE, PUBLISHER_DIR, ROOT, SITE_DIR } from './paths.ts';
import { service, waitForUrl } from './proc.ts';
import { uploadsDir } from './dbsnap.ts';

export type Env = Record<string, string | undefined>;

export function startCms(env: Env, name = 'cms'): ChildProcess {
  mkdirSync(uploadsDir(env), { recursive: true });
  if (env.DATABASE_FILENAME) mkdirSync(join(env.DATABASE_FILENAME, '..'), { recursive: true });
  const strapiBin = join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  return service(name, NODE, [strapiBin, 'start'], { cwd: CMS_DIR, env: env as NodeJS.ProcessEnv });
}

export async function waitForCms(env: Env, child?: ChildProcess, timeoutMs = 180_000): Promise<void> {
  await waitForUrl(`http://127.0.0.1:${env.CMS_PORT ?? 1337}/_health`, timeoutMs, child);
}

export function startPublisher(env: Env, name = 'publisher'): ChildProcess {
  if (!existsSync(join(PUBLISHER_DIR, 'src', 'main.ts'))) throw new Error('apps/publisher/src/main.ts is missing');
  return service(name, NODE, ['--disable-warning=ExperimentalWarning', join(PUBLISHER_DIR, 'src', 'main.ts')], {
    cwd: PUBLISHER_DIR,
    env: { PUBLISHER_SITE_DIR: SITE_DIR, ...env } as NodeJS.ProcessEnv,
  });
}

export { ROOT };
