import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The bare React Flow page of the drag benchmark, built apart from the app into bench/.work/bare.
export default defineConfig({
  root: resolve(import.meta.dirname, 'bare'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '.work/bare'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
