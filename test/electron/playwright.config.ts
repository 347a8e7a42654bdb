import { defineConfig } from '@playwright/test';

// Runs only where the Electron binary exists (not on machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
export default defineConfig({ testDir: '.', testMatch: '*.spec.ts', timeout: 60_000, workers: 1, reporter: [['list']] });
