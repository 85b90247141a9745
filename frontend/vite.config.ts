import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:8080';

// The Go binary embeds dist/, and Go's embed fails on an empty or missing
// directory, so the tracked placeholder must survive emptyOutDir.
function keepDistPlaceholder(): Plugin {
  return {
    name: 'flowcare-keep-dist-placeholder',
    apply: 'build',
    closeBundle() {
      const dist = resolve(import.meta.dirname, 'dist');
      mkdirSync(dist, { recursive: true });
      writeFileSync(resolve(dist, '.gitkeep'), '');
    },
  };
}

export default defineConfig({
  plugins: [react(), keepDistPlaceholder()],
  server: {
    proxy: {
      // The notification subscription upgrades /graphql to a websocket.
      '/graphql': { target: api, ws: true },
      '/healthz': api,
      '/readyz': api,
      '/reports': api,
      '/certificates': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // antd forms in jsdom are slow on a 2-core machine.
    testTimeout: 20_000,
  },
});
