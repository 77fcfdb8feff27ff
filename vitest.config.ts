import { defineConfig } from 'vitest/config';

// Unit tests of the pure packages; integration and browser suites have their own configs under tests/.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
