export default () => ({
  type: 'content-api',
  routes: [
    // Public read (issue 28): what a site shows of its communes' items, with their origin.
    { method: 'GET', path: '/aggregated/:site', handler: 'proposals.aggregated', config: { auth: false } },
  ],
});
