import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));

// The API server serves web/dist itself; in dev, Vite proxies /api to it.
export default defineConfig({
  root,
  plugins: [
    react(),
    {
      // The service worker (public/sw.js) caches every built script and style on install, so a lazily loaded page
      // (the quick-log) opens offline even if it was never visited online.
      name: 'actionflow-precache-list',
      apply: 'build',
      generateBundle(_options, bundle) {
        const files = Object.keys(bundle).filter((f) => /\.(js|css)$/.test(f)).sort();
        this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
      },
    },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': { target: process.env.ACTIONFLOW_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
