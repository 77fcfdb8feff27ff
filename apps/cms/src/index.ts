import type { Core } from '@strapi/strapi';
import { ensureAdminLabels } from './bootstrap/admin-labels';
import { ensureDemoAccounts, ensureDemoProfiles } from './bootstrap/demo';
import { ensurePublicPermissions, ensureSiteToken } from './bootstrap/public-access';
import { closeRegistration } from './bootstrap/registration';
import { startPublisherNotifications } from './lib/publisher-notify';
import { questionsConfig } from './lib/questions/config';
import { registerMediaRevision } from './lib/media-revision';
import { registerContentRules } from './lib/rules';
import { refuseDataTransferImport } from './lib/data-transfer';
import { assertProductionSecrets } from './lib/secrets';
import { hasDemoContent, seedDemo } from './seed';
import { seedSites } from './seed/sites';
import { seedSynthetic } from './seed/synthetic';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertProductionSecrets();
    refuseDataTransferImport();
    registerContentRules(strapi);
  },

  // Every step is idempotent: it runs at each start and only adds what is missing.
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerMediaRevision(strapi);
    // Here, not in the plugin's bootstrap: the admin's bootstrap (which registers the conditions the
    // board's permissions use) runs after every plugin's.
    await (strapi.plugin('editorial').service('roles') as any).ensureRoles();
    await ensurePublicPermissions(strapi);
    await closeRegistration(strapi);
    await ensureSiteToken(strapi);
    await startPublisherNotifications(strapi);
    await ensureAdminLabels(strapi);
    if (process.env.PORTAL_DEMO === '1') {
      // The demo seed writes as the named system writer "seed" (editorial plugin, writers.ts).
      await asSystem(strapi, 'seed', async () => {
        await ensureDemoAccounts(strapi);
        const data = (await import('./seed/data')).default;
        const hooks = strapi.plugin('editorial').service('seed');
        const sites = strapi.plugin('editorial').service('sites');
        // The demo's sites first (seed/sites.ts); the district's content then goes to the commune that keeps it.
        if (!(await hasDemoContent(strapi))) {
          const holder = await seedSites(strapi);
          await sites.inSite(holder, () => seedDemo(strapi, data, hooks));
        }
        await ensureDemoProfiles(strapi);
        // Benchmarks only: N synthetic articles (and N/5 documents) on top of the demo content.
        const synthetic = Number(process.env.PORTAL_SYNTHETIC_ARTICLES ?? 0);
        if (synthetic > 0) await seedSynthetic(strapi, synthetic);
      });
    }
    startContactRetention(strapi);
  },

  destroy() {
    if (retentionTimer) clearInterval(retentionTimer);
    retentionTimer = null;
  },
};

let retentionTimer: NodeJS.Timeout | null = null;

/** Runs `fn` as a named system writer of the editorial plugin (writes with no user must name one). */
const asSystem = <T>(strapi: Core.Strapi, writer: string, fn: () => Promise<T>): Promise<T> =>
  strapi.plugin('editorial').service('system').run(writer, fn);

/** Decree 13/2023: askers' contact details are erased when their retention period is over. */
function startContactRetention(strapi: Core.Strapi) {
  const run = () =>
    asSystem(strapi, 'erasure', () => (strapi.service('api::question.intake') as any).eraseExpired()).catch((e: Error) =>
      strapi.log.error(`questions: contact retention job failed: ${e.message}`),
    );
  run();
  retentionTimer = setInterval(run, questionsConfig().eraseIntervalMs);
  retentionTimer.unref();
}
