import { defineConfig } from 'vitest/config';

// Browser tests against a running flowcare server (FLOWCARE_E2E_URL).
// One Chromium is started in globalSetup and shared; each test opens its own context.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 45_000,
    hookTimeout: 60_000,
  },
});
