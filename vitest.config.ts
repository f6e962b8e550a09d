import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'server/**/*.test.ts'],
    environment: 'node',
    // Browser flows take a few seconds each; on a busy 2-core machine much longer.
    testTimeout: 180_000,
    expect: { poll: { timeout: 20_000, interval: 100 } },
    // In CI one retry absorbs a browser step that timed out on a loaded 2-core machine;
    // a real failure fails twice. Locally a failure shows at once.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 120_000,
    // Two cores: run files two at a time.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
