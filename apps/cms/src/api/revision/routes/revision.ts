// GET /api/revision: the publisher's reconcile check. A `find` action, so read-only API tokens (the
// site's) may call it; the public role is not granted it.
export default {
  routes: [
    {
      method: 'GET',
      path: '/revision',
      handler: 'revision.find',
      config: { policies: [] },
    },
  ],
};
