import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/core/hosts/content-security';

/** One CSP for both modes: the same policy string goes into the page's meta tag and the station's header. */
function cspMeta(): Plugin {
  return {
    name: 'packbench-csp-meta',
    transformIndexHtml(html) {
      return html.replace('<!--csp-->', `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy().replace("; frame-ancestors 'none'", '')}" />`);
    },
  };
}

/** When this build began: a source saved while it ran is newer, so the next start builds again. */
const buildStartedAt = Date.now();

/**
 * `npm run build` leaves out/.build-stamp, the mark `npm start` / `npm run serve` (electron/launch.mjs)
 * compares with the sources, so the first start after a build does not build everything again.
 * The renderer is built last, so its end is the end of the whole build.
 */
function buildStamp(): Plugin {
  return {
    name: 'packbench-build-stamp',
    apply: 'build',
    closeBundle() {
      mkdirSync(resolve(import.meta.dirname, 'out'), { recursive: true });
      writeFileSync(resolve(import.meta.dirname, 'out', '.build-stamp'), String(buildStartedAt));
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // the browser station: the same core in plain Node
          serve: resolve(import.meta.dirname, 'electron/core/hosts/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // a sandboxed preload must be CommonJS
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
    plugins: [react(), cspMeta(), buildStamp()],
  },
});
