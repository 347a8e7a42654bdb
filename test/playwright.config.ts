import { defineConfig } from '@playwright/test';

// E2E runs against the browser station in Debian's Chromium; Playwright never downloads a browser here.
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // one retry, reported as "flaky" in the list: a timing flake on a loaded CI machine does not hide a real failure (it fails twice)
  retries: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    },
    headless: true,
    viewport: { width: 1400, height: 900 },
    trace: 'off',
  },
});
