import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { round } from './stats';

/** What the production build says about one JS chunk (collected while Vite writes the bundle). */
export interface ChunkInfo {
  fileName: string;
  name: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  /** Source modules in the chunk with their rendered size, largest first (paths relative to the repo). */
  modules: { id: string; renderedLength: number }[];
}

export interface ModuleImporters {
  [moduleId: string]: { importers: string[]; dynamicImporters: string[] };
}

export interface BuildInfo {
  dist: string;
  chunks: Record<string, ChunkInfo>;
  importers: ModuleImporters;
}

const ROOT = resolve(import.meta.dirname, '../..');

function short(id: string): string {
  const clean = id.replace(/\0/g, '').replace(/\?.*$/, '');
  return clean.startsWith(ROOT) ? relative(ROOT, clean) : clean;
}

/** Build the production app (both pages) into `dist` with the project's own vite.config.ts. */
export async function buildApp(dist: string): Promise<BuildInfo> {
  const chunks: Record<string, ChunkInfo> = {};
  const importers: ModuleImporters = {};
  const collector: Plugin = {
    name: 'stacksketch-bench-chunks',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        const modules = Object.entries(item.modules)
          .map(([id, info]) => ({ id: short(id), renderedLength: info.renderedLength }))
          .sort((a, b) => b.renderedLength - a.renderedLength);
        chunks[item.fileName] = {
          fileName: item.fileName,
          name: item.name,
          isEntry: item.isEntry,
          isDynamicEntry: item.isDynamicEntry,
          imports: [...item.imports],
          dynamicImports: [...item.dynamicImports],
          modules,
        };
        for (const id of item.moduleIds) {
          const info = this.getModuleInfo(id);
          if (!info) continue;
          importers[short(id)] = {
            importers: info.importers.map(short),
            dynamicImporters: info.dynamicImporters.map(short),
          };
        }
      }
    },
  };
  const previous = process.env.STACKSKETCH_DIST;
  process.env.STACKSKETCH_DIST = dist;
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: ROOT,
      logLevel: 'warn',
      plugins: [collector],
      build: { outDir: dist, emptyOutDir: true },
    });
    // A page built by its own config (the embed viewer's vite.embed.config.ts, which the main build runs
    // after itself): build it again with the collector, into the same folder, to describe its chunks too.
    for (const extra of ['vite.embed.config.ts']) {
      if (!existsSync(join(ROOT, extra))) continue;
      await build({
        configFile: join(ROOT, extra),
        root: ROOT,
        logLevel: 'warn',
        plugins: [collector],
        build: { outDir: dist, emptyOutDir: false },
      });
    }
  } finally {
    if (previous === undefined) delete process.env.STACKSKETCH_DIST;
    else process.env.STACKSKETCH_DIST = previous;
  }
  return { dist, chunks, importers };
}

/** The module script and modulepreload links of a built HTML page, as paths relative to dist. */
export function entryScriptsOf(html: string, htmlPath: string): string[] {
  const found: string[] = [];
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag) && attr('type') === 'module' && attr('src')) found.push(attr('src')!);
    if (/^<link/i.test(tag) && attr('rel') === 'modulepreload' && attr('href')) found.push(attr('href')!);
  }
  const base = posix.dirname(htmlPath);
  return found.map((url) => posix.normalize(posix.join(base, url.replace(/^\.\//, ''))).replace(/^\//, ''));
}

/** Static imports of a built chunk, read from its text (for chunks the build did not describe). */
export function staticImportsFromText(code: string, chunkPath: string): string[] {
  const specifiers = new Set<string>();
  const patterns = [
    /(?:^|[;}\n\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
    /(?:^|[;}\n\s])export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) specifiers.add(match[1]!);
  }
  const base = posix.dirname(chunkPath);
  return [...specifiers].filter((s) => s.startsWith('.')).map((s) => posix.normalize(posix.join(base, s)));
}

/** Strings found only in Monaco's editor core (not in the small @monaco-editor/react wrapper). */
const MONACO_MARKERS = [
  'editor.action.selectAll',
  'editor.contrib.',
  'monaco-scrollable-element',
  'vs/editor/',
  'StandaloneCodeEditor',
  'MonacoEnvironment',
];

export function monacoMarkersIn(code: string, fileName: string): string[] {
  const found = MONACO_MARKERS.filter((marker) => code.includes(marker));
  if (/monaco|editor\.main|editor\.api/i.test(fileName)) found.push(`file name ${fileName}`);
  return found;
}

export interface PageSize {
  page: string;
  entryTags: string[];
  chunks: { file: string; bytes: number; gzipBytes: number; monacoMarkers: string[] }[];
  gzipKB: number;
  rawKB: number;
  monacoChunks: string[];
}

/** Initial JS of one page: its entry script and modulepreloads plus their static imports, gzip -9. */
export function initialJsOf(info: BuildInfo, htmlFile: string): PageSize {
  const html = readFileSync(join(info.dist, htmlFile), 'utf8');
  const entryTags = entryScriptsOf(html, htmlFile);
  const seen = new Set<string>();
  const queue = [...entryTags];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const described = info.chunks[file];
    const next = described
      ? described.imports
      : staticImportsFromText(readFileSync(join(info.dist, file), 'utf8'), file);
    queue.push(...next);
  }
  const chunks = [...seen].sort().map((file) => {
    const code = readFileSync(join(info.dist, file));
    return {
      file,
      bytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
      monacoMarkers: monacoMarkersIn(code.toString('utf8'), file),
    };
  });
  const gzip = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  const raw = chunks.reduce((sum, c) => sum + c.bytes, 0);
  return {
    page: htmlFile,
    entryTags,
    chunks,
    gzipKB: round(gzip / 1024, 1),
    rawKB: round(raw / 1024, 1),
    monacoChunks: chunks.filter((c) => c.monacoMarkers.length > 0).map((c) => c.file),
  };
}

export function diskSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = diskSize(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Largest source contributors to a page's initial chunks, for explaining a size miss. */
export function topModules(info: BuildInfo, page: PageSize, limit = 12) {
  const all: { chunk: string; id: string; renderedLength: number }[] = [];
  for (const chunk of page.chunks) {
    for (const module of info.chunks[chunk.file]?.modules ?? []) all.push({ chunk: chunk.file, ...module });
  }
  return all.sort((a, b) => b.renderedLength - a.renderedLength).slice(0, limit);
}

/** Package name of a module path (node_modules/<pkg> or src/<area>), to group a page's weight. */
export function packageOf(id: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (nm) return nm[1]!;
  const src = /^src\/([^/]+(?:\/[^/]+)?)/.exec(id);
  return src ? `src/${src[1]}` : id;
}

/**
 * A page's weight by package. gzipKB is an estimate: each chunk's gzip size shared out over its modules
 * in proportion to their rendered (pre-minification) size.
 */
export function weightByPackage(info: BuildInfo, page: PageSize) {
  const totals = new Map<string, { rendered: number; gzip: number }>();
  for (const chunk of page.chunks) {
    const modules = info.chunks[chunk.file]?.modules ?? [];
    const chunkRendered = modules.reduce((sum, m) => sum + m.renderedLength, 0) || 1;
    for (const module of modules) {
      const key = packageOf(module.id);
      const entry = totals.get(key) ?? { rendered: 0, gzip: 0 };
      entry.rendered += module.renderedLength;
      entry.gzip += (chunk.gzipBytes * module.renderedLength) / chunkRendered;
      totals.set(key, entry);
    }
  }
  return [...totals.entries()]
    .map(([name, t]) => ({ name, renderedKB: round(t.rendered / 1024, 1), gzipKB: round(t.gzip / 1024, 1) }))
    .sort((a, b) => b.renderedKB - a.renderedKB);
}

/** For each Monaco or editor module in a page's initial chunks: who imports it statically. */
export function whatPullsIn(info: BuildInfo, page: PageSize, pattern: RegExp) {
  const out: { module: string; chunk: string; importers: string[] }[] = [];
  for (const chunk of page.chunks) {
    for (const module of info.chunks[chunk.file]?.modules ?? []) {
      if (!pattern.test(module.id)) continue;
      const importers = (info.importers[module.id]?.importers ?? []).filter((id) => !pattern.test(id));
      if (importers.length > 0) out.push({ module: module.id, chunk: chunk.file, importers });
    }
  }
  return out;
}
