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
  ],
});
