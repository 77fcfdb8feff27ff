// `npm start`: the whole portal on the embedded default (SQLite, local disk) with demo content.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSecrets, readEnvFile } from './lib/env.ts';
import { DATA, ROOT } from './lib/paths.ts';
import { startCms, startPublisher, waitForCms } from './lib/portal.ts';
import { stopAll, supervise, waitForUrl } from './lib/proc.ts';

// role code, e-mail local part, display name, unit slug and (editors) field slugs of the editorial profile
const DEMO_ROLES: Array<[string, string, string, string, string[]?]> = [
  ['strapi-super-admin', 'quantri', 'Quản trị hệ thống', 'van-phong-hdnd-va-ubnd-huyen'],
  ['contributor', 'congtacvien', 'Cộng tác viên', 'trung-tam-van-hoa-the-thao-va-truyen-thong-huyen'],
  ['portal-admin', 'quantricong', 'Quản trị cổng', 'van-phong-hdnd-va-ubnd-huyen'],
  ['editor', 'bientapvien', 'Biên tập viên', 'phong-van-hoa-va-thong-tin', ['chinh-tri-xa-hoi', 'van-hoa-xa-hoi']],
  ['editor-in-chief', 'truongban', 'Trưởng ban biên tập', 'van-phong-hdnd-va-ubnd-huyen'],
  ['inspector', 'thanhtra', 'Thanh tra', 'phong-noi-vu'],
  ['finance', 'taichinh', 'Tài chính – Kế hoạch', 'phong-tai-chinh-ke-hoach'],
];

function demoAccounts(file: string): boolean {
  if (existsSync(file)) return false;
  // Strapi's policy: 8+ characters with upper case, lower case and a digit.
  const password = () => `Demo-${randomBytes(9).toString('base64url')}-7a`;
  const accounts = DEMO_ROLES.map(([role, local, label, unit, fields]) => ({
    role,
    email: `${local}@example.com`,
    password: password(),
    firstname: label,
    lastname: 'Demo',
    unit,
    ...(fields ? { fields } : {}),
  }));
  writeFileSync(file, JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });
  return true;
}

async function main() {
  const t0 = Date.now();
  mkdirSync(DATA, { recursive: true });
  const envFile = join(ROOT, '.env');
  const added = ensureSecrets(envFile);
  if (added.length) console.log(`[start] generated secrets in .env: ${added.join(', ')}`);
  const accountsFile = join(DATA, 'demo-accounts.json');
  const fresh = demoAccounts(accountsFile);

  const fileEnv = readEnvFile(envFile);
  const cmsPort = process.env.CMS_PORT ?? fileEnv.CMS_PORT ?? '1337';
  const publisherPort = process.env.PUBLISHER_PORT ?? fileEnv.PUBLISHER_PORT ?? '4322';
  const sitePort = process.env.SITE_PORT ?? fileEnv.SITE_PORT ?? '4321';
  const env = {
    DATABASE_FILENAME: join(DATA, 'cms.db'),
    PUBLISHER_DATA_DIR: join(DATA, 'publisher'),
    ...fileEnv,
    ...process.env,
    CMS_PORT: cmsPort,
    PUBLISHER_PORT: publisherPort,
    SITE_PORT: sitePort,
    CMS_URL: `http://127.0.0.1:${cmsPort}`,
    CMS_PUBLIC_URL: process.env.CMS_PUBLIC_URL ?? fileEnv.CMS_PUBLIC_URL ?? `http://localhost:${cmsPort}`,
    SITE_URL: process.env.SITE_URL ?? fileEnv.SITE_URL ?? `http://localhost:${sitePort}`,
    PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${publisherPort}/webhook`,
    PORTAL_DEMO: '1',
    PORTAL_DEMO_ACCOUNTS_FILE: accountsFile,
  };

  let stopping = false;
  const stop = async () => {
    // Ctrl-C reaches this process twice: from the terminal's process group and forwarded by bootstrap.mjs.
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping…');
    await stopAll();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // Supervised: a crashed CMS or publisher (which also serves the public site) comes back by itself.
  const cms = supervise('cms', () => startCms(env));
  await waitForCms(env, cms.child);
  supervise('publisher', () => startPublisher(env));
  await waitForUrl(`http://127.0.0.1:${publisherPort}/status`, 60_000);

  console.log(`
Cổng thông tin điện tử is running (ready in ${((Date.now() - t0) / 1000).toFixed(0)} s):
  Admin (CMS):     ${env.CMS_PUBLIC_URL}/admin
  Public site:     ${env.SITE_URL}/   (first build takes a minute; status below)
  Publisher:       http://localhost:${publisherPort}/status
  Demo accounts:   ${accountsFile}
Press Ctrl-C to stop.`);
  if (fresh) {
    console.log('\nDemo accounts (shown once; also saved in the file above):');
    for (const a of JSON.parse(readFileSync(accountsFile, 'utf8')))
      console.log(`  ${a.firstname.padEnd(22)} ${a.email.padEnd(28)} ${a.password}`);
  }
}

main().catch(async (err) => {
  console.error(`[start] ${err instanceof Error ? err.message : err}`);
  await stopAll();
  process.exit(1);
});
