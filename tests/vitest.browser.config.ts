import { defineConfig } from 'vitest/config';

// Browser suite: real CMS + publisher + built site, driven by Debian's Chromium (playwright-core).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    // Admin-only browser tests run with the CMS alone (tests/vitest.browser-admin.config.ts); the banner's
    // test needs that suite's fake publisher port (the real publisher holds it here).
    exclude: ['tests/browser/reports.test.ts', 'tests/browser/site-status-banner.test.ts'],
    globalSetup: ['tests/setup/portal.ts'],
    setupFiles: ['tests/setup/fetch-retry.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
