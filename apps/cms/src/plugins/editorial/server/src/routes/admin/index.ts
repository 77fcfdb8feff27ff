// Admin-authenticated routes, served under /editorial/… (documented in docs/workflow.md).
import { SITE_STATUS_ACTION } from '@cong-ttdt/workflow';
const auth = { policies: ['admin::isAuthenticatedAdmin'] };
// Every route but the reports: members of the editorial board only (finance gets 403; policies/index.ts).
const board = { policies: ['admin::isAuthenticatedAdmin', 'plugin::editorial.is-board-member'] };
// Holders of the plugin's "site status" action (packages/workflow SITE_STATUS_ACTION; Super Admin holds every action).
const siteStatus = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [SITE_STATUS_ACTION] } }],
};

export default () => ({
  type: 'admin',
  routes: [
    { method: 'POST', path: '/transition', handler: 'editorial.transition', config: board },
    { method: 'GET', path: '/history/:uid/:documentId', handler: 'editorial.history', config: board },
    { method: 'GET', path: '/panel/:uid/:documentId', handler: 'editorial.panel', config: board },
    { method: 'GET', path: '/stages/:uid', handler: 'editorial.stages', config: board },
    { method: 'GET', path: '/queue', handler: 'editorial.queue', config: board },
    { method: 'GET', path: '/editors', handler: 'editorial.editors', config: board },
    { method: 'GET', path: '/audit/verify', handler: 'editorial.verify', config: board },
    // Reports (issue #9); each handler checks the caller's roles.
    { method: 'GET', path: '/reports/access', handler: 'reports.access', config: auth },
    { method: 'GET', path: '/reports/summary', handler: 'reports.summary', config: auth },
    { method: 'GET', path: '/reports/royalty', handler: 'reports.royalty', config: auth },
    { method: 'GET', path: '/reports/overdue', handler: 'reports.overdue', config: auth },
    { method: 'GET', path: '/reports/export/:report/:format', handler: 'reports.export', config: auth },
    { method: 'GET', path: '/reports/rates', handler: 'reports.getRates', config: auth },
    { method: 'PUT', path: '/reports/rates', handler: 'reports.setRates', config: auth },
    // Editorial profiles (unit, fields) of admin users.
    { method: 'GET', path: '/profiles', handler: 'profiles.list', config: board },
    { method: 'PUT', path: '/profiles/:userId', handler: 'profiles.update', config: board },
    // Sign-in with the second step (issue 19): the page and its script, open to all; the Super
    // Admin's reset of a second factor and unlock of a throttled account (controllers/sign-in.ts).
    { method: 'GET', path: '/dang-nhap', handler: 'signIn.page', config: { auth: false } },
    { method: 'GET', path: '/dang-nhap/script', handler: 'signIn.script', config: { auth: false } },
    { method: 'GET', path: '/accounts', handler: 'signIn.accounts', config: auth },
    { method: 'POST', path: '/accounts/:userId/second-factor/reset', handler: 'signIn.resetSecondFactor', config: auth },
    { method: 'POST', path: '/accounts/:userId/unlock', handler: 'signIn.unlock', config: auth },
    // Quarantine and two-person purge of material stored by mistake (editor-in-chief and Super Admin).
    { method: 'GET', path: '/quarantine', handler: 'quarantine.list', config: board },
    { method: 'POST', path: '/quarantine', handler: 'quarantine.request', config: board },
    { method: 'POST', path: '/quarantine/:id/purge', handler: 'quarantine.purge', config: board },
    // Whether the public site is up to date (the admin's banner; issue 21): the publisher's /status, read here.
    { method: 'GET', path: '/site-status', handler: 'siteStatus.get', config: siteStatus },
    // Proposals of a site's published items to the site above it (issue 28).
    { method: 'GET', path: '/proposals', handler: 'proposals.list', config: board },
    { method: 'POST', path: '/proposals', handler: 'proposals.create', config: board },
    { method: 'POST', path: '/proposals/:id/decide', handler: 'proposals.decide', config: board },
  ],
});
