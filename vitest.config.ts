import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Failing scans are part of the tests; their info lines would bury vitest's report.
    env: { PACKDESK_LOG_LEVEL: 'warn' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-*/**/*.test.ts', 'src-*/**/*.test.tsx', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // Issue #4: the built station as a child process, killed and restarted under faults.
          name: 'chaos',
          include: ['test/chaos/**/*.test.ts'],
          environment: 'node',
          // Typically 1–2 minutes; a job on a long backoff at the end may add up to a few more.
          testTimeout: 480_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
