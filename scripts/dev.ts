// `npm run dev`: the CMS in Strapi's develop mode (admin with hot reload) and the site in `astro dev`,
// on the same SQLite database and env file as `npm start`.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { ensureSecrets, readEnvFile } from './lib/env.ts';
import { CMS_DIR, DATA, NODE, ROOT, SITE_DIR } from './lib/paths.ts';
import { service, stopAll, waitForUrl } from './lib/proc.ts';

async function main() {
  mkdirSync(DATA, { recursive: true });
  ensureSecrets(join(ROOT, '.env'));
  const fileEnv = readEnvFile(join(ROOT, '.env'));
  const cmsPort = process.env.CMS_PORT ?? fileEnv.CMS_PORT ?? '1337';
  const env = {
    DATABASE_FILENAME: join(DATA, 'cms.db'),
    ...fileEnv,
    ...process.env,
    CMS_PORT: cmsPort,
    CMS_URL: `http://127.0.0.1:${cmsPort}`,
    PORTAL_DEMO: '1',
    PORTAL_DEMO_ACCOUNTS_FILE: join(DATA, 'demo-accounts.json'),
  };
  process.on('SIGINT', () => stopAll().then(() => process.exit(0)));
  process.on('SIGTERM', () => stopAll().then(() => process.exit(0)));
  mkdirSync(join(CMS_DIR, 'public', 'uploads'), { recursive: true });
  const cms = service('cms', NODE, [join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'develop'], {
    cwd: CMS_DIR,
    env,
  });
  await waitForUrl(`http://127.0.0.1:${cmsPort}/_health`, 300_000, cms);
  service('site', NODE, [join(SITE_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', process.env.SITE_PORT ?? '4321'], {
    cwd: SITE_DIR,
    env,
  });
  console.log(
    `\nDev mode: admin http://localhost:${cmsPort}/admin · site http://localhost:${process.env.SITE_PORT ?? '4321'} (Ctrl-C stops)`,
  );
}

main().catch(async (err) => {
  console.error(`[dev] ${err instanceof Error ? err.message : err}`);
  await stopAll();
  process.exit(1);
});
