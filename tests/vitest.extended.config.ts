import { defineConfig } from 'vitest/config';

// `npm run test:extended`: the heavier matrices that do not fit CI's 30-minute budget. Each file starts
// what it needs itself; files run one after another (they share ports and the machine's two cores).
export default defineConfig({
  test: {
    include: ['tests/extended/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 900_000,
  },
});
