import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin } from 'vite';

// Two pages: the editor (index.html) and the read-only embed viewer (embed.html), which must not pull in
// the editor or Monaco. STACKSKETCH_DIST lets parallel builds (tests, benchmarks) use their own folder.
export default defineConfig({
  base: './',
  plugins: [react(), buildEmbedAfterEditor()],
  build: {
    outDir: process.env.STACKSKETCH_DIST ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
      },
      // Everything the editor needs at start in one file (one request instead of eight); what loads
      // later (rules, preview, inspector, Monaco, Korean) keeps its own chunks.
      output: {
        codeSplitting: { groups: [{ name: 'main', tags: ['$initial'] }] },
      },
    },
  },
  worker: { format: 'es' },
});

/** `vite build` also builds the embed viewer (its own config, see vite.embed.config.ts) into the same folder. */
function buildEmbedAfterEditor(): Plugin {
  return {
    name: 'stacksketch-embed-build',
    apply: 'build',
    async closeBundle() {
      await build({ configFile: resolve(import.meta.dirname, 'vite.embed.config.ts'), logLevel: 'warn' });
    },
  };
}
