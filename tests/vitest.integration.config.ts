import { defineConfig } from 'vitest/config';

// Integration suite: one real Strapi per run (tests/setup/cms.ts), files run one after another because
// they share it.
export default defineConfig({
  test: {
    include: ['tests/integration/**/*.test.ts'],
    globalSetup: ['tests/setup/cms.ts'],
    setupFiles: ['tests/setup/fetch-retry.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
