// npm run test:real-cluster: the end-to-end suite against a real 2-node openMosix cluster in QEMU
// (test/realCluster/*.real.test.ts). One cluster, one file at a time; it skips with the reason
// when OMTOP_OM_IMAGES or qemu-system-i386 is missing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/realCluster/**/*.real.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
