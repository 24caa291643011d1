import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The read-only embed viewer (embed.html), built on its own with Preact's React compatibility layer:
 * a wiki page may hold several embeds, and the viewer needs React Flow but none of React's scheduler
 * or editor features. The editor build (vite.config.ts) runs this one after itself.
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: process.env.STACKSKETCH_DIST ?? 'dist',
    emptyOutDir: false,
    target: 'es2022',
    rollupOptions: {
      input: { embed: resolve(import.meta.dirname, 'embed.html') },
    },
  },
});
