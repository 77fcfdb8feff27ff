// Admin-authenticated routes, served under /editorial/… (documented in docs/workflow.md).
const auth = { policies: ['admin::isAuthenticatedAdmin'] };

export default () => ({
  type: 'admin',
  routes: [
    { method: 'POST', path: '/transition', handler: 'editorial.transition', config: auth },
    { method: 'GET', path: '/history/:uid/:documentId', handler: 'editorial.history', config: auth },
    { method: 'GET', path: '/panel/:uid/:documentId', handler: 'editorial.panel', config: auth },
    { method: 'GET', path: '/stages/:uid', handler: 'editorial.stages', config: auth },
    { method: 'GET', path: '/queue', handler: 'editorial.queue', config: auth },
    { method: 'GET', path: '/editors', handler: 'editorial.editors', config: auth },
    { method: 'GET', path: '/audit/verify', handler: 'editorial.verify', config: auth },
    // Reports (issue #9); each handler checks the caller's roles.
    { method: 'GET', path: '/reports/access', handler: 'reports.access', config: auth },
    { method: 'GET', path: '/reports/summary', handler: 'reports.summary', config: auth },
    { method: 'GET', path: '/reports/royalty', handler: 'reports.royalty', config: auth },
    { method: 'GET', path: '/reports/export/:report/:format', handler: 'reports.export', config: auth },
    { method: 'GET', path: '/reports/rates', handler: 'reports.getRates', config: auth },
    { method: 'PUT', path: '/reports/rates', handler: 'reports.setRates', config: auth },
    // Editorial profiles (unit, fields) of admin users.
    { method: 'GET', path: '/profiles', handler: 'profiles.list', config: auth },
    { method: 'PUT', path: '/profiles/:userId', handler: 'profiles.update', config: auth },
  ],
});
