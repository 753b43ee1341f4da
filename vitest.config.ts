import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Browser tests share one built client; unit and API tests are quick. Two cores: keep workers at two.
    maxWorkers: 2,
  },
});
