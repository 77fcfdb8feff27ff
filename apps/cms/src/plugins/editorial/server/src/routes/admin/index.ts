// Admin-authenticated routes, served under /editorial/… (documented in docs/workflow.md).
const auth = { policies: ['admin::isAuthenticatedAdmin'] };
// Every route but the reports: members of the editorial board only (finance gets 403; policies/index.ts).
const board = { policies: ['admin::isAuthenticatedAdmin', 'plugin::editorial.is-board-member'] };

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
    { method: 'GET', path: '/reports/export/:report/:format', handler: 'reports.export', config: auth },
    { method: 'GET', path: '/reports/rates', handler: 'reports.getRates', config: auth },
    { method: 'PUT', path: '/reports/rates', handler: 'reports.setRates', config: auth },
    // Editorial profiles (unit, fields) of admin users.
    { method: 'GET', path: '/profiles', handler: 'profiles.list', config: board },
    { method: 'PUT', path: '/profiles/:userId', handler: 'profiles.update', config: board },
    // Proposals of a site's published items to the site above it (issue 28).
    { method: 'GET', path: '/proposals', handler: 'proposals.list', config: board },
    { method: 'POST', path: '/proposals', handler: 'proposals.create', config: board },
    { method: 'POST', path: '/proposals/:id/decide', handler: 'proposals.decide', config: board },
  ],
});
