import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real openMosix cluster (two QEMU VMs, minutes of CPU): npm run test:real-cluster.
    exclude: ['**/node_modules/**', 'test/**/*.real.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
