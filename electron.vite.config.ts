import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main has four entries: the Electron shell, the browser host (`npm run start:web`), the
// standalone Sendcloud simulator (`npm run simulator`) and the warehouse's webhook receiver
// (`npm run hub`). Only `index` imports electron.
// A fifth, the raster worker, is the file the station starts label-drawing threads from.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          web: resolve('src-main/web.ts'),
          simulator: resolve('src-main/run-simulator.ts'),
          hub: resolve('src-main/run-hub.ts'),
          'raster-worker': resolve('src-main/printing/raster-worker.ts'),
        },
        // Native and WASM-heavy modules stay in node_modules; they are loaded at run time.
        external: ['better-sqlite3', 'zpl-renderer-js', 'ws', 'bwip-js', 'pdf-lib'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron`: bundle everything else (zod) into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
