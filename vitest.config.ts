import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every test file removes the temporary folders it made (test/helpers/temp.ts).
    setupFiles: ['test/helpers/temp-cleanup.ts'],
  },
});
