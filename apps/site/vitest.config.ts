import { defineConfig } from 'vitest/config';

// Tests of the site alone: unit tests (also run by the root config) and a full build from the
// snapshot fixture (test/build.test.ts: astro build + pagefind into a temporary directory).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
