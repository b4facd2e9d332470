import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/precompress.mjs';

// The API serves dist/ at / (CSP: same-origin scripts and styles only, so nothing is inlined
// from a CDN), each hashed asset with .br and .gz copies beside it. `npm run dev` proxies /api
// to a local backend.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // scripts/bundle-size.mjs reads the manifest to size the initial JS (then removes it).
    manifest: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': { target: process.env.CRYPTOLENS_API ?? 'http://127.0.0.1:8000', changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
