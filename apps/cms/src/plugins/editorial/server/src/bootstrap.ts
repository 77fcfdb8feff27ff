import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { registerAccountAudit } from './account-audit';
import { purgeScope } from './context';
import { registerReadScopeCondition } from './read-scope';
import { schedulerInterval } from './scheduler-interval';
import { secondFactorRequired } from './services/second-factor';
import { registerSiteAssignment, siteScope } from './site-scope';
import { assertWriterMayTable, runAs } from './writers';
import { getService } from './seams';

const WRITE_EVENTS: Record<string, string> = {
  beforeCreate: 'create',
  beforeCreateMany: 'create',
  beforeUpdate: 'update',
  beforeUpdateMany: 'update',
  beforeDelete: 'delete',
  beforeDeleteMany: 'delete',
};

let schedulerTimer: NodeJS.Timeout | null = null;
let mailTimer: NodeJS.Timeout | null = null;
let siteStatusTimer: NodeJS.Timeout | null = null;

/** Stops the scheduler and the mail intake (plugin destroy). */
export function stopScheduler() {
  if (schedulerTimer) clearInterval(schedulerTimer);
  if (mailTimer) clearInterval(mailTimer);
  if (siteStatusTimer) clearInterval(siteStatusTimer);
  schedulerTimer = null;
  mailTimer = null;
  siteStatusTimer = null;
}

/** A timer that runs `run` every `ms`, skipping a tick while the last run is still going; failures are logged. */
function everyWithoutOverlap(strapi: Core.Strapi, run: () => Promise<unknown>, ms: number, what: string): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch((e: Error) => strapi.log.error(`${what}: ${e.message}`))
      .finally(() => (running = false));
  }, ms);
  timer.unref();
  return timer;
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // The roles themselves are assigned by the app's bootstrap, after the admin's (services/roles.ts).
  await getService(strapi, 'roles').registerActions();
  await registerReadScopeCondition(strapi);

  // Strapi's data transfer switches the database lifecycles off while it runs (import, remote push), which
  // would bypass the check below and the log's protection: they stay on, so its writes meet them.
  // PORTAL_DATA_IMPORT=1: the operator's one-off move to PostgreSQL (docs/operations.md) runs as in stock Strapi.
  if (process.env.PORTAL_DATA_IMPORT !== '1')
    strapi.db.lifecycles.disable = () => strapi.log.warn('editorial: database lifecycles stay on (data transfer meets the write checks).');

  // Below the Document Service (direct queries, Strapi's data-transfer import): a write to the portal's
  // content or the plugin's tables with no request behind it must name a system writer listed for it.
  strapi.db.lifecycles.subscribe((event) => {
    const operation = WRITE_EVENTS[event.action];
    const uid = event.model?.uid ?? '';
    if (!operation || !(uid.startsWith('api::') || uid.startsWith('plugin::editorial.'))) return;
    if (strapi.requestContext.get()) return;
    assertWriterMayTable(uid, operation);
  });

  // The log is append-only for everyone, Super Admin included: no route writes it, and the database
  // layer refuses updates and deletes of its rows.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::editorial.review-log', 'plugin::editorial.original'],
    beforeUpdate() {
      throw new errors.ForbiddenError('Nhật ký biên tập không được sửa.');
    },
    beforeUpdateMany() {
      throw new errors.ForbiddenError('Nhật ký biên tập không được sửa.');
    },
    // The one exception: a purge confirmed by two people removes the originals of material stored by mistake.
    beforeDelete(event: { model: { uid: string } }) {
      if (event.model.uid === 'plugin::editorial.original' && purgeScope.getStore()) return;
      throw new errors.ForbiddenError('Nhật ký biên tập không được xóa.');
    },
    beforeDeleteMany(event: { model: { uid: string } }) {
      if (event.model.uid === 'plugin::editorial.original' && purgeScope.getStore()) return;
      throw new errors.ForbiddenError('Nhật ký biên tập không được xóa.');
    },
  });

  // Sites (issue 28): new rows get their site; a single-site database becomes its first site, once.
  registerSiteAssignment(strapi);
  await runAs('sites', () => siteScope(strapi).migrate());

  // Account events (created, activated, deactivated, deleted, roles, passwords, tokens) in the chain.
  registerAccountAudit(strapi);

  // A wrong ADMIN_SECOND_FACTOR stops the start rather than every request.
  strapi.log.info(`editorial: second factor for approvers and administrators ${secondFactorRequired() ? 'required' : 'off'}`);

  // Go-live and expiry of approved items. A tick that is still running when the next one is due is
  // not doubled: the second would only find the same items again and log refused transitions.
  const { ms, warning } = schedulerInterval(strapi.config.get<{ schedulerIntervalMs?: unknown }>('plugin::editorial').schedulerIntervalMs);
  if (warning) strapi.log.warn(`editorial scheduler: ${warning}`);
  let running = false;
  schedulerTimer = setInterval(() => {
    if (running) return;
    running = true;
    runAs('scheduler', () => getService(strapi, 'schedule').tick())
      .catch((e: Error) => strapi.log.error(`editorial scheduler: ${e.message}`))
      .finally(() => (running = false));
  }, ms);
  schedulerTimer.unref();

  // Contributions by e-mail, when a mailbox is configured (services/mail-intake.ts; the poll runs as its writer).
  const intake = getService(strapi, 'mailIntake');
  const mail = intake.config();
  if (mail) {
    mailTimer = everyWithoutOverlap(strapi, () => intake.poll(), mail.intervalMs, 'mail intake');
  }

  // Whether the public site is stale (services/site-status.ts): one e-mail to the portal administrators per stale period.
  const siteStatus = getService(strapi, 'siteStatus');
  siteStatusTimer = everyWithoutOverlap(
    strapi,
    () => siteStatus.watch(),
    Math.max(500, Number(process.env.SITE_STATUS_POLL_MS) || 60_000),
    'site status',
  );
};

export default bootstrap;
