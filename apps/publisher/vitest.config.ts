import { defineConfig } from 'vitest/config';

// Publisher tests spawn real processes and HTTP servers on 127.0.0.1; give them room.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    fileParallelism: true,
  },
});
