import { defineConfig } from 'vitest/config';

// Browser tests of the admin UI alone: a real CMS (tests/setup/cms.ts), no publisher or site, driven by
// Debian's Chromium (playwright-core).
export default defineConfig({
  test: {
    include: [
      'tests/browser/reports.test.ts',
      'tests/browser/admin-vietnamese.test.ts',
      'tests/browser/second-factor.test.ts',
      'tests/browser/site-status-banner.test.ts',
      'tests/browser/admin-editorial.test.ts',
    ],
    globalSetup: ['tests/setup/cms.ts'],
    setupFiles: ['tests/setup/fetch-retry.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
