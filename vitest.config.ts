import { defineConfig } from 'vitest/config';

// Tests that need nothing running: each workspace's own test/ folder and the repo-wide checks in tests/unit
// (docs/architecture.md, "Where tests live"); integration, browser and extended suites have configs under tests/.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/cms/test/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
