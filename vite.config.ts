import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two pages: the editor (index.html) and the read-only embed viewer (embed.html), which must not pull in
// the editor or Monaco. STACKSKETCH_DIST lets parallel builds (tests, benchmarks) use their own folder.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: process.env.STACKSKETCH_DIST ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
    },
  },
  worker: { format: 'es' },
});
