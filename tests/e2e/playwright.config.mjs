// Playwright runs the end-to-end tests in Debian's Chromium against the bundle that
// `cargo xtask test` builds and serves (its URL arrives in BASE_URL).
import { defineConfig, devices } from '@playwright/test';

// Headless Chromium on this kind of machine needs these flags: without the background-networking
// ones it floods the closed network with refused connections.
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../../target/playwright-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json']],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8080/',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    ...devices['Pixel 5'],
    viewport: { width: 360, height: 740 },
  },
});
