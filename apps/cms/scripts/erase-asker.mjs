#!/usr/bin/env node
// Erases, on the asker's request (Decree 13/2023/NĐ-CP), the contact details (phone, e-mail, address)
// of every question matching a tracking code, an e-mail address or a phone number.
//
//   node apps/cms/scripts/erase-asker.mjs <trackingCode|email|phone>
//   node apps/cms/scripts/erase-asker.mjs --code K7M2P9QX4T | --email a@b.vn | --phone 0912345678
//
// Loads the compiled CMS (apps/cms/dist, `strapi build`) with Strapi's programmatic API, on the
// database of the environment (the same variables as the running CMS; the repository's .env is read
// when present). Needs no running server, and is safe while one runs (no schema sync, no bootstrap).
// Prints what it erased.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(appDir, 'dist');
const args = process.argv.slice(2);
let kind;
let value;
for (let i = 0; i < args.length; i++) {
  const m = /^--(code|email|phone)$/.exec(args[i]);
  if (m) {
    kind = m[1];
    value = args[++i];
  } else value ??= args[i];
}
if (!value || args.includes('--help')) {
  console.error('usage: node apps/cms/scripts/erase-asker.mjs [--code|--email|--phone] <value>');
  process.exit(2);
}
if (!existsSync(join(distDir, 'src', 'index.js'))) {
  console.error(`${distDir} is missing: build the CMS first (strapi build, or npm start / npm test once).`);
  process.exit(2);
}
const rootEnv = resolve(appDir, '..', '..', '.env');
if (existsSync(rootEnv)) process.loadEnvFile(rootEnv); // existing variables win
// A maintenance run: no demo seeding, no logging noise.
process.env.PORTAL_DEMO = '0';
process.env.STRAPI_LOG_LEVEL ??= 'error';

// Strapi's ES build does not load under plain Node ESM resolution; its CommonJS build does.
const appRequire = createRequire(join(appDir, 'package.json'));
const { createStrapi } = appRequire('@strapi/strapi');
const coreDir = dirname(createRequire(appRequire.resolve('@strapi/strapi')).resolve('@strapi/core/package.json'));
const { transformContentTypesToModels } = appRequire(join(coreDir, 'dist', 'utils', 'transform-content-types-to-models.js'));

// Not `load()`: its bootstrap syncs the schema and admin permissions and starts timers, which must not
// happen beside a running CMS. register() loads the app's code and configuration (no database); then the
// database layer is connected with the app's models, the same way Strapi's own bootstrap does it.
const app = createStrapi({ appDir, distDir });
await app.register();
const models = [
  ...transformContentTypesToModels([...Object.values(app.contentTypes), ...Object.values(app.components)], app.db.metadata.identifiers),
  ...app.get('models').get(),
];
await app.db.init({ models });
let code = 0;
try {
  // Runs as the named system writer "erasure" (editorial plugin, writers.ts).
  const { by, documentIds } = await app
    .plugin('editorial')
    .service('system')
    .run('erasure', () => app.service('api::question.intake').eraseContacts(value, kind));
  console.log(
    documentIds.length
      ? `Erased the contact details (phone, e-mail, address) of ${documentIds.length} question(s) matched by ${by}: ${documentIds.join(', ')}`
      : `No question matches this ${by}; nothing erased.`,
  );
} catch (e) {
  console.error(e.message);
  code = 1;
} finally {
  await app.db.destroy();
}
process.exit(code);
