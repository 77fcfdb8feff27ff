// GET /api/article-totals: how many articles are live, overall and per field, in one request (the
// site's fast builds hold only the newest articles and need the true sizes for their pagers). A `find`
// action, so the site's read-only API token may call it; the public role is not granted it.
export default {
  routes: [
    {
      method: 'GET',
      path: '/article-totals',
      handler: 'article-total.find',
      config: { policies: [] },
    },
  ],
};
