/**
 * `npm run bench`: measures StackSketch against its speed and size goals and writes bench/results.json
 * and bench/RESULTS.md. Headless Debian Chromium and Node; about 3–5 minutes on 2 cores. Benchmarks
 * report figures; they never fail the test suite (this is not part of scripts/test-all.sh), and this
 * command exits 0 even when a figure misses its goal. A figure that cannot be measured is null, with
 * the reason in RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as prettier from 'prettier';
import { build } from 'vite';
import { COMPOSE_EN, generate } from '../src/exporters/generate';
import type { Design } from '../src/model/design';
import { encodeShareFragment } from '../src/model/shareLink';
import { loadTemplate, TEMPLATE_IDS, type TemplateId } from '../src/model/templates';
import { isProxy } from '../src/nodes/registry';
import {
  countRendersDuringDrag,
  draggableNodes,
  viewCentreOf,
  centreNearestNode,
  dragNode,
  FRAME_WORK,
  traceDrag,
  DRAG_FRAMES,
  firstNodePaint,
  launchChromium,
  newPage,
  openEditorWith,
  PAGE_SCRIPTS,
  renderSummary,
  scriptsRequestedAtLoad,
  type DragResult,
} from './lib/browser';
import type { benchValidateGenerate, profile } from './lib/core';
import { bareGraphOf, sharedClientDesign } from './lib/designs';
import { benchPreviewUpdate, benchTemplateZip } from './lib/editorBench';
import { DOWNLOAD_PROBE } from './lib/pageScripts';
import { FIGURE_KEYS, GOALS, goalMet, resultsMarkdown, type Extra, type FigureKey } from './lib/report';
import { serveStatic } from './lib/server';
import {
  buildApp,
  diskSize,
  initialJsOf,
  topModules,
  weightByPackage,
  whatPullsIn,
  type BuildInfo,
  type PageSize,
} from './lib/sizes';
import { benchStack, type StackReport } from './lib/stackBench';
import { benchTls } from './lib/tlsBench';
import { benchLoadBalancing } from './lib/lbBench';
import { median, round } from './lib/stats';
import { measureSystemdExposure } from './lib/systemdExposure';

const BENCH = resolve(import.meta.dirname);
const WORK = join(BENCH, '.work');
const DIST = join(WORK, 'dist');
const BARE = join(WORK, 'bare');
const DRAG_RUNS = 5;
const FIRST_PAINT_RUNS = 5;
/** The bare page's copy of the largest template (graph.json holds the drag design). */
const TEMPLATE_GRAPH = 'template-graph.json';
const PORT = Number(process.env.BENCH_PORT ?? 4305);

const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Record<
  FigureKey,
  number | boolean | null
>;
const reasons: Partial<Record<FigureKey, string>> = {};
let buildInfo: BuildInfo | null = null;
const details: Record<string, unknown> = {};
const extras: Extra[] = [];
const sections: { title: string; body: string }[] = [];
const extraValues: Record<string, unknown> = {
  firstCanvasPaintMs: null,
  firstCanvasPaintMs625Nodes: null,
  nodeRendersDuringDrag: null,
  validateGenerateAfterEditMedianMs: null,
  distSizeOnDiskKB: null,
  stack: null,
  lbRequestsPerSec: null,
};

function log(message: string) {
  process.stdout.write(`[bench ${round(performance.now() / 1000, 1)}s] ${message}\n`);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 400);
}

/** Run one part with a time limit; a failure leaves its figures null with the reason. */
// BENCH_ONLY=drag,zip runs only the parts whose names contain one of the words (results go to .work/).
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean) ?? null;

async function part(name: string, keys: FigureKey[], limitMs: number, body: () => Promise<void>) {
  if (ONLY && !ONLY.some((word) => name.includes(word))) {
    for (const key of keys) reasons[key] ??= `skipped (BENCH_ONLY=${ONLY.join(',')})`;
    return;
  }
  log(`${name}…`);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} took over ${limitMs / 1000} s`)), limitMs);
      }),
    ]);
  } catch (error) {
    const reason = `${name} failed: ${errorText(error)}`;
    log(reason);
    for (const key of keys) if (figures[key] === null && !reasons[key]) reasons[key] = reason;
    details[`${name}Error`] = reason;
  } finally {
    clearTimeout(timer);
  }
  log(`${name} done in ${round((performance.now() - started) / 1000, 1)} s`);
}

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'chromium (version unknown)';
  }
}

function largestTemplate(): { id: TemplateId; design: Design; bytes: number } {
  return TEMPLATE_IDS.map((id) => {
    const design = loadTemplate(id);
    const bytes = Object.values(generate(design, COMPOSE_EN).files).reduce(
      (sum, text) => sum + Buffer.byteLength(text),
      0,
    );
    return { id, design, bytes };
  }).sort((a, b) => b.bytes - a.bytes)[0]!;
}

const MONACO_MODULE = /node_modules\/monaco-editor\/|src\/editor\/monacoSetup/;
const EDITOR_MODULE = /src\/(canvas|panels|editor|store|app)\/|src\/App\.tsx|src\/nodes\/[^/]+\/view/;

const GROUPS: [string, RegExp][] = [
  ['React + React DOM', /^(react|react-dom|scheduler|use-sync-external-store)$/],
  ['Preact (React compat)', /^preact$/],
  ['React Flow + d3', /^(@xyflow\/.*|d3-.*|classcat)$/],
  ['dagre (auto-layout)', /^@dagrejs\//],
  ['exporters (generate)', /^src\/exporters/],
  ['validation', /^src\/validation/],
  ['model', /^src\/model/],
  ['panels, canvas, app, store', /^src\/(panels|canvas|app|store|nodes|App)/],
];

function groupWeights(info: BuildInfo, page: PageSize): string {
  const weights = weightByPackage(info, page);
  const parts = GROUPS.map(([label, pattern]) => {
    const kb = weights.filter((w) => pattern.test(w.name)).reduce((sum, w) => sum + w.gzipKB, 0);
    return kb > 0 ? `${label} ${round(kb, 1)}` : null;
  }).filter(Boolean);
  const grouped = weights.filter((w) => GROUPS.some(([, pattern]) => pattern.test(w.name)));
  const rest = weights.reduce((sum, w) => sum + w.gzipKB, 0) - grouped.reduce((sum, w) => sum + w.gzipKB, 0);
  return [...parts, `other ${round(rest, 1)}`].join(', ');
}

function explainSizes(info: BuildInfo, editor: PageSize, embed: PageSize) {
  const describe = (page: PageSize) =>
    [
      `Initial chunks of ${page.page} (${page.gzipKB} KB gzip, ${page.rawKB} KB raw):`,
      '',
      ...page.chunks.map(
        (c) =>
          `- \`${c.file}\`: ${round(c.gzipBytes / 1024, 1)} KB gzip${c.monacoMarkers.length ? ` — Monaco markers: ${c.monacoMarkers.join(', ')}` : ''}`,
      ),
      '',
      `Groups (≈ gzip KB): ${groupWeights(info, page)}.`,
      '',
      'Weight by package (rendered KB before minification; ≈ gzip KB as the chunk’s gzip shared by rendered size):',
      '',
      ...weightByPackage(info, page)
        .slice(0, 12)
        .map((w) => `- ${w.name}: ${w.renderedKB} KB (≈ ${w.gzipKB} KB gzip)`),
    ].join('\n');
  const pulls = [...whatPullsIn(info, editor, MONACO_MODULE), ...whatPullsIn(info, embed, MONACO_MODULE)];
  const editorInEmbed = whatPullsIn(info, embed, EDITOR_MODULE);
  const body = [
    describe(editor),
    '',
    describe(embed),
    '',
    pulls.length === 0
      ? 'No Monaco module is in the initial chunks of either page.'
      : `Monaco in initial chunks, imported statically by: ${pulls
          .map(
            (p) => `\`${p.module}\` (in \`${p.chunk}\`) ← ${p.importers.map((i) => `\`${i}\``).join(', ')}`,
          )
          .join('; ')}`,
    '',
    editorInEmbed.length === 0
      ? 'No editor module (canvas, panels, editor, store, app) is in the embed page’s initial chunks.'
      : `Editor modules in the embed page’s initial chunks: ${editorInEmbed
          .map((p) => `\`${p.module}\` ← ${p.importers.map((i) => `\`${i}\``).join(', ')}`)
          .join('; ')}`,
  ].join('\n');
  sections.push({ title: 'Where the initial JS comes from', body });
}

/** One line per figure that missed its goal, from what this run measured (and the code it measured). */
function explainMisses(): string {
  const lines: string[] = [];
  const missed = (key: FigureKey) => figures[key] !== null && goalMet(key, figures[key]!) === false;
  const sizes = details.sizes as {
    editorGroups?: Record<string, number>;
    embedGroups?: Record<string, number>;
  };
  if (missed('editorInitialJsGzipKB') && sizes?.editorGroups) {
    const g = sizes.editorGroups;
    lines.push(
      `- \`editorInitialJsGzipKB\` ${figures.editorInitialJsGzipKB} KB: ${round((figures.editorInitialJsGzipKB as number) - 180, 1)} KB over. ` +
        `The initial JS carries dagre (≈ ${g['dagre (auto-layout)'] ?? 0} KB, used only to lay out designs without positions: load it with import() when needed) ` +
        `and the exporters (≈ ${g['exporters (generate)'] ?? 0} KB, needed for the preview and the download: they can load with the lazy preview chunk). ` +
        `React + React DOM (≈ ${g['React + React DOM'] ?? 0} KB) and React Flow + d3 (≈ ${g['React Flow + d3'] ?? 0} KB) are the floor.`,
    );
  }
  if (missed('embedInitialJsGzipKB') && sizes?.embedGroups) {
    const g = sizes.embedGroups;
    const floor = round((g['React + React DOM'] ?? 0) + (g['React Flow + d3'] ?? 0), 1);
    lines.push(
      `- \`embedInitialJsGzipKB\` ${figures.embedInitialJsGzipKB} KB: React + React DOM (≈ ${g['React + React DOM'] ?? 0} KB) and React Flow + d3 (≈ ${g['React Flow + d3'] ?? 0} KB) alone are ≈ ${floor} KB of the 130 KB goal. ` +
        `Loading validation on first hover saves ≈ ${g.validation ?? 0} KB; meeting the goal needs an embed without React Flow (for example the static SVG of src/exporters/svg.ts with CSS pan and zoom).`,
    );
  }
  if (missed('editRegenerateRatio1000Nodes')) {
    const core = details.validateGenerate as
      | {
          medianMs: number;
          editMedianMs: number;
          editBreakdownMs: Record<string, number>;
          editSamplesMs: number[];
        }
      | undefined;
    if (core) {
      const sorted = core.editSamplesMs.slice().sort((a, b) => a - b);
      const quarter = sorted[Math.floor((sorted.length - 1) / 4)];
      lines.push(
        `- \`editRegenerateRatio1000Nodes\` ${figures.editRegenerateRatio1000Nodes}: after a one-node edit, validate takes ${core.editBreakdownMs.validate} ms and generate ${core.editBreakdownMs.generate} ms (medians measured apart; a full run: ${core.medianMs} ms). ` +
          `Only the edited part of the design is planned, checked and rendered again; every edit still pays the whole-design files (README ${core.editBreakdownMs.readme} ms, docker-compose.yml from its kept blocks ${core.editBreakdownMs.compose} ms, design.json ${core.editBreakdownMs.designJson} ms) and the files record. ` +
          `The edits spread from ${sorted[0]} to ${sorted.at(-1)} ms (a quarter at or under ${quarter} ms, median ${core.editMedianMs} ms): the slower ones include the garbage collector's pauses for what each edit allocates.`,
      );
    }
  }
  const renders = details.rendersDuringDrag as
    { editor: ReturnType<typeof renderSummary>; bare: ReturnType<typeof renderSummary> } | undefined;
  const frameWork = details.dragFrameWork as
    { editor: Record<string, number | null>; bare: Record<string, number | null> } | undefined;
  if (missed('dragP95FrameMs625Nodes') || missed('dragP95RatioVsBareReactFlow')) {
    const parts: string[] = [];
    if (renders)
      parts.push(
        `React work is narrow: during one drag ${renders.editor.otherNodesRerendered} nodes besides the dragged one re-rendered (dragged node ${renders.editor.draggedNodeRenders}×, bare React Flow ${renders.bare.draggedNodeRenders}×).`,
      );
    if (frameWork) {
      const cell = (name: string) =>
        `${name} ${frameWork.editor[name] ?? '—'} ms (bare ${frameWork.bare[name] ?? '—'})`;
      parts.push(`Per frame (see “Where a drag frame goes”): ${FRAME_WORK.map(cell).join(', ')}.`);
    }
    parts.push(
      'The rest is what the editor draws that default nodes do not: per node a card with an icon, two text lines and a problem badge; a frame per Compose service; a label and an arrowhead per edge; the minimap. ' +
        'Chromium re-layerizes the canvas’s paint chunks on each frame a node moves, and re-rasterizes every card and frame under the area the node’s edges sweep: on a 2-core machine those raster threads compete with the main thread, so drags of a node with a long edge (an nginx fed by the shared client) drop frames first. ' +
        'Found and fixed while measuring: inline `snapGrid`/key arrays made React Flow treat every drag frame as a settings change; React Flow’s ViewportPortal searched the canvas DOM on every store update; a clip per card, a transformed label group per edge and two absolutely positioned handles per node multiplied the paint chunks; dashed rounded frame borders dominated raster time; the dragged node was hit-tested under every node drawn after it; and the benchmark itself dragged nodes into the auto-pan margin of the editor’s smaller canvas, panning the whole viewport. ' +
        'What remains would need less on the canvas when zoomed out (cards in less detail), or the edges on a composited layer of their own (measured: raster falls to a tenth, but layerizing doubles).',
    );
    lines.push(`- drag: ${parts.join(' ')}`);
  }
  if (missed('firstPaintRatioVsBareReactFlow')) {
    const paint = details.firstPaintVsBare as
      { template: string; editor: number[]; bare: number[] } | undefined;
    if (paint)
      lines.push(
        `- \`firstPaintRatioVsBareReactFlow\` ${figures.firstPaintRatioVsBareReactFlow} for \`${paint.template}\` (editor ${median(paint.editor)} ms, bare ${median(paint.bare)} ms): the editor's initial JS is several times the bare page's, and it parses, decodes and validates the design before React Flow draws; the difference is fixed cost, not per node.`,
      );
  }
  if (missed('previewUpdateP95Ms')) {
    const preview = details.previewUpdate as { medianMs: number; samplesMs: number[] } | undefined;
    if (preview)
      lines.push(
        `- \`previewUpdateP95Ms\` ${figures.previewUpdateP95Ms} ms with a median of ${preview.medianMs} ms: the slow edits are outliers (${[
          ...preview.samplesMs,
        ]
          .sort((a, b) => b - a)
          .slice(0, 3)
          .join(', ')} ms), i.e. a long task (garbage collection, another render) lands on some edits.`,
      );
  }
  if (missed('templateZipMedianMs')) {
    const zip = details.templateZip as { samplesMs: number[]; template: string } | undefined;
    if (zip)
      lines.push(
        `- \`templateZipMedianMs\` ${figures.templateZipMedianMs} ms for \`${zip.template}\` (samples ${zip.samplesMs.join(', ')} ms): from the click to the Blob, the download imports JSZip (cached after the warm-up) and deflates every file at level 6.`,
      );
  }
  if (missed('stackDevServerRatio'))
    lines.push('- `stackDevServerRatio`: see “The generated stack against the Flask dev server” below.');
  return lines.length > 0 ? lines.join('\n') : 'Every measured figure met its goal.';
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const machine = `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at start, Node ${process.version}, ${chromiumVersion()}`;
  details.machine = machine;
  log(machine);

  // ---- sizes -------------------------------------------------------------------------------
  let info: BuildInfo | null = null;
  await part(
    'production build and sizes',
    ['editorInitialJsGzipKB', 'embedInitialJsGzipKB', 'monacoLazy'],
    240_000,
    async () => {
      info = await buildApp(DIST);
      const editor = initialJsOf(info, 'index.html');
      const embed = initialJsOf(info, 'embed.html');
      figures.editorInitialJsGzipKB = editor.gzipKB;
      figures.embedInitialJsGzipKB = embed.gzipKB;
      const monacoModulesInitial = [editor, embed].some((page) =>
        page.chunks.some((c) => info!.chunks[c.file]?.modules.some((m) => MONACO_MODULE.test(m.id))),
      );
      figures.monacoLazy =
        editor.monacoChunks.length === 0 && embed.monacoChunks.length === 0 && !monacoModulesInitial;
      const disk = diskSize(DIST);
      extraValues.distSizeOnDiskKB = round(disk.bytes / 1024, 1);
      extras.push({
        label: 'dist size on disk',
        value: `${round(disk.bytes / 1024 / 1024, 2)} MB in ${disk.files} files`,
        how: 'every file of the production build (both pages, lazy chunks, worker, fonts, CSS)',
      });
      details.sizes = {
        editor,
        embed,
        editorTopModules: topModules(info, editor),
        embedTopModules: topModules(info, embed),
        lazyChunks: Object.values(info.chunks)
          .filter(
            (c) =>
              !editor.chunks.some((e) => e.file === c.fileName) &&
              !embed.chunks.some((e) => e.file === c.fileName),
          )
          .map((c) => ({
            file: c.fileName,
            name: c.name,
            topModules: c.modules.slice(0, 3).map((m) => m.id),
          })),
      };
      const groups = (page: PageSize) => {
        const weights = weightByPackage(info!, page);
        return Object.fromEntries(
          GROUPS.map(([label, pattern]) => [
            label,
            round(
              weights.filter((w) => pattern.test(w.name)).reduce((sum, w) => sum + w.gzipKB, 0),
              1,
            ),
          ]),
        );
      };
      Object.assign(details.sizes as object, { editorGroups: groups(editor), embedGroups: groups(embed) });
      explainSizes(info, editor, embed);
    },
  );

  buildInfo = info;

  // ---- the pure core in Node --------------------------------------------------------------------
  await part(
    'validate + generate of 1,000 nodes',
    ['validateGenerate1000NodesMedianMs', 'editRegenerateRatio1000Nodes'],
    120_000,
    async () => {
      // a fresh Node process: this one carries the production build's heap
      const output = execFileSync(
        join(BENCH, '..', 'node_modules/.bin/tsx'),
        [join(BENCH, 'lib/coreMain.ts')],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      const { result, hot } = JSON.parse(output) as {
        result: ReturnType<typeof benchValidateGenerate>;
        hot: Awaited<ReturnType<typeof profile>>;
      };
      details.validateGenerate = result;
      if (result.errors > 0) {
        reasons.validateGenerate1000NodesMedianMs = `the 1,000-node benchmark design has ${result.errors} errors; it must be valid`;
        return;
      }
      figures.validateGenerate1000NodesMedianMs = result.medianMs;
      figures.editRegenerateRatio1000Nodes = result.editRatio;
      extraValues.validateGenerateAfterEditMedianMs = result.editMedianMs;
      extras.push({
        label: 'validate + generate after a one-node edit (1,000 nodes)',
        value: `${result.editMedianMs} ms median`,
        how: 'each run replaces one nginx node with an edited copy (as the inspector does), then validates and generates every file; services whose inputs are the same objects are reused',
      });
      const b = result.breakdownMs;
      details.validateGenerateHotFunctions = hot;
      sections.push({
        title: 'validate + generate of 1,000 nodes',
        body: [
          `${result.nodes} nodes, ${result.edges} edges, ${result.errors} errors, ${result.warnings} warnings; ${result.files} files, ${round(result.bytes / 1024)} KB. Median ${result.medianMs} ms of ${result.runs} runs.`,
          `Separately (medians of 10, each on a fresh copy): validate ${b.validate} ms; plan ${b.plan} ms; rendering every file ${b.renderAllFiles} ms; docker-compose.yml alone (planned and written in one go) ${b.renderDockerCompose} ms.`,
          `After a one-node edit: median ${result.editMedianMs} ms (validate ${result.editBreakdownMs.validate} ms, generate ${result.editBreakdownMs.generate} ms), ${result.editRatio} of a full run.`,
          `Slowest rules (beyond the shared context, ${b.buildContext} ms): ${result.slowestRulesMs.map((r) => `\`${r.rule}\` ${r.ms} ms`).join(', ')}.`,
          `Hottest functions in validate + generate (V8 CPU profile, self time per run): ${hot.map((h) => `\`${h.fn}\` (${h.where}) ${h.selfMs} ms`).join('; ')}.`,
        ].join('\n'),
      });
    },
  );

  // ---- the browser ----------------------------------------------------------------------------
  await part(
    'bare React Flow page build',
    ['dragP95RatioVsBareReactFlow', 'firstPaintRatioVsBareReactFlow'],
    120_000,
    async () => {
      await build({ configFile: join(BENCH, 'vite.bare.config.ts'), logLevel: 'warn' });
    },
  );

  const dragDesign = sharedClientDesign(156);
  mkdirSync(BARE, { recursive: true });
  writeFileSync(join(BARE, 'graph.json'), JSON.stringify(bareGraphOf(dragDesign)));
  writeFileSync(join(BARE, TEMPLATE_GRAPH), JSON.stringify(bareGraphOf(largestTemplate().design)));
  const BROWSER_FIGURES: FigureKey[] = [
    'dragP95FrameMs625Nodes',
    'dragP95RatioVsBareReactFlow',
    'firstPaintRatioVsBareReactFlow',
    'previewUpdateP95Ms',
    'templateZipMedianMs',
  ];
  let server: Awaited<ReturnType<typeof serveStatic>> | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    server = await serveStatic(PORT, { '/app': DIST, '/bare': BARE });
    browser = await launchChromium();
  } catch (error) {
    const reason = `the browser benchmarks could not start: ${errorText(error)}`;
    log(reason);
    for (const key of BROWSER_FIGURES) reasons[key] ??= reason;
  }
  if (server && browser) {
    await browserParts(server, browser, dragDesign);
  }
  await browser?.close();
  await server?.close();
  await stackAndResults(machine);
}

async function browserParts(
  server: Awaited<ReturnType<typeof serveStatic>>,
  browser: Awaited<ReturnType<typeof launchChromium>>,
  dragDesign: Design,
) {
  const appUrl = `${server.url}/app`;
  const info = buildInfo;
  {
    await part('initial requests in Chromium', [], 60_000, async () => {
      if (!info) throw new Error('no production build');
      const sizes = details.sizes as { editor: PageSize; embed: PageSize };
      const check = async (page: PageSize, url: string) => {
        const { requested, workers } = await scriptsRequestedAtLoad(browser, url);
        const initial = new Set(page.chunks.map((c) => `/app/${c.file}`));
        const lateChunks = requested.filter((r) => !initial.has(r));
        const notRequested = [...initial].filter((f) => !requested.includes(f));
        const monacoRequested = requested.filter((r) => {
          const chunk = info!.chunks[r.replace(/^\/app\//, '')];
          return chunk?.modules.some((m) => MONACO_MODULE.test(m.id)) ?? /monaco|editor\.main/i.test(r);
        });
        return { requested, workers, lateChunks, notRequested, monacoRequested };
      };
      const template = loadTemplate('gunicorn-flask-sqlite');
      const editor = await check(sizes.editor, `${appUrl}/index.html`);
      const embed = await check(sizes.embed, `${appUrl}/embed.html#${encodeShareFragment(template)}`);
      details.requestedAtLoad = { editor, embed };
      const line = (name: string, r: typeof editor) =>
        `- ${name}: requested ${r.requested.length} JS files before any interaction; ` +
        `${r.lateChunks.length ? `beyond the initial chunks: ${r.lateChunks.map((f) => `\`${f}\``).join(', ')}` : 'only the initial chunks'}` +
        `${r.notRequested.length ? `; initial chunks never requested: ${r.notRequested.join(', ')}` : ''}` +
        `${r.monacoRequested.length ? `; Monaco chunks fetched without interaction: ${r.monacoRequested.map((f) => `\`${f}\``).join(', ')}` : '; no Monaco chunk fetched'}` +
        `${r.workers.length ? `; workers started: ${r.workers.join(', ')}` : ''}.`;
      sections.push({
        title: 'Cross-check: JS requested by Chromium before any interaction',
        body: [
          line('editor (index.html)', editor),
          line('embed (embed.html with a template link)', embed),
        ].join('\n'),
      });
    });

    await part('first canvas paint', [], 90_000, async () => {
      const loads: number[] = [];
      for (let i = 0; i < 3; i++) {
        const { context, page } = await newPage(browser, [PAGE_SCRIPTS.FIRST_NODE_PAINT]);
        await page.goto(`${appUrl}/index.html`);
        const paint = await firstNodePaint(page);
        await context.close();
        if (paint) loads.push(paint.paintedAt);
      }
      if (loads.length === 0) throw new Error('no React Flow node became visible in the editor');
      extraValues.firstCanvasPaintMs = round(median(loads), 1);
      extras.push({
        label: 'first canvas paint (editor, startup design)',
        value: `${extraValues.firstCanvasPaintMs} ms`,
        how: 'navigation start → end of the frame that shows the first React Flow node, fresh profile, median of 3',
      });
      const { context, page } = await newPage(browser, [PAGE_SCRIPTS.FIRST_NODE_PAINT]);
      const opened = await openEditorWith(page, appUrl, dragDesign);
      if (opened.via === 'share-fragment') {
        const paint = await firstNodePaint(page);
        if (paint) {
          extraValues.firstCanvasPaintMs625Nodes = round(paint.paintedAt, 1);
          extras.push({
            label: 'first canvas paint (625-node share link)',
            value: `${extraValues.firstCanvasPaintMs625Nodes} ms`,
            how: 'the same, opening the 625-node design from a share link',
          });
        }
      }
      await context.close();
    });

    await part('first paint vs bare React Flow', ['firstPaintRatioVsBareReactFlow'], 300_000, async () => {
      const largest = largestTemplate();
      const paintOnce = async (url: string) => {
        const { context, page } = await newPage(browser, [PAGE_SCRIPTS.FIRST_NODE_PAINT]);
        await page.goto(url);
        const paint = await firstNodePaint(page);
        await context.close();
        if (!paint) throw new Error(`no React Flow node became visible at ${url.split('#')[0]}`);
        log(`  first node painted after ${round(paint.paintedAt, 1)} ms: ${url.split('#')[0]}`);
        return paint.paintedAt;
      };
      const editorUrl = `${appUrl}/index.html#${encodeShareFragment(largest.design)}`;
      const bareUrl = `${server.url}/bare/index.html?graph=${TEMPLATE_GRAPH}`;
      // a warm-up of each (the static server's first reads), then alternate so machine noise hits both alike
      await paintOnce(editorUrl);
      await paintOnce(bareUrl);
      const runs: { editor: number[]; bare: number[] } = { editor: [], bare: [] };
      for (let i = 0; i < FIRST_PAINT_RUNS; i++) {
        runs.editor.push(round(await paintOnce(editorUrl), 1));
        runs.bare.push(round(await paintOnce(bareUrl), 1));
      }
      const editorMs = median(runs.editor);
      const bareMs = median(runs.bare);
      figures.firstPaintRatioVsBareReactFlow = round(editorMs / bareMs, 2);
      details.firstPaintVsBare = { template: largest.id, nodes: largest.design.nodes.length, ...runs };
      sections.push({
        title: 'First paint against bare React Flow',
        body:
          `Largest template \`${largest.id}\` (${largest.design.nodes.length} nodes, ${largest.design.edges.length} edges): the editor paints its first node after a median ${round(editorMs, 1)} ms (loads ${runs.editor.join(', ')} ms), the bare React Flow page after ${round(bareMs, 1)} ms (${runs.bare.join(', ')} ms); ratio ${figures.firstPaintRatioVsBareReactFlow}. ` +
          'The editor loads more before its canvas draws (its initial JS, the store, the share link decoded and validated); the bare page loads React Flow and fetches the graph as JSON.',
      });
    });

    let dragged: string | null = null;
    await part(
      'drag 625 nodes',
      ['dragP95FrameMs625Nodes', 'dragP95RatioVsBareReactFlow'],
      180_000,
      async () => {
        const ids = dragDesign.nodes.map((n) => n.id);
        const editor = await newPage(browser, [PAGE_SCRIPTS.FRAME_RECORDER]);
        const opened = await openEditorWith(editor.page, appUrl, dragDesign);
        details.dragEditorLoad = opened;
        // The canvas gets the window, as the bare page's does: with the side panels open only a few
        // nodes sit clear of the auto-pan margins, and some runs found none to drag.
        for (const panel of ['palette', 'side', 'preview']) {
          const collapse = editor.page.locator(`[data-testid="collapse-${panel}"]`);
          if ((await collapse.count()) > 0 && (await collapse.getAttribute('aria-expanded')) !== 'false')
            await collapse.click();
        }
        await editor.page.waitForTimeout(1000);
        await centreNearestNode(editor.page, ids);
        // The bare page shows what the editor shows: the same flow point in the middle, at the same zoom
        // (the editor never fits below its readable zoom; fitting the bare page would draw other nodes).
        const view = await viewCentreOf(editor.page);
        details.dragView = view;
        const bare = await newPage(browser, [PAGE_SCRIPTS.FRAME_RECORDER]);
        await bare.page.goto(`${server.url}/bare/index.html?view=${view.x},${view.y},${view.zoom}`);
        await bare.page.waitForSelector('.react-flow__node');
        // a node free to grab (its centre on screen, nothing over it) on both pages; picked again before
        // each pair of drags, since a node dragged before may have come to rest under another element
        const pickCommon = async () => {
          const inEditor = await draggableNodes(editor.page, ids);
          const inBare = new Set((await draggableNodes(bare.page, ids)).map((c) => c.id));
          const preferred = inEditor.filter((c) => inBare.has(c.id));
          const pick = preferred.find((c) => /^(nginx|gunicorn)-/.test(c.id)) ?? preferred[0];
          if (!pick)
            throw new Error(
              `no node is free to drag on both pages (editor: ${inEditor.length} candidates, bare page: ${inBare.size})`,
            );
          return pick.id;
        };
        const first = await pickCommon();
        dragged = first;
        // warm-up, then alternate editor and bare so machine noise hits both alike
        await dragNode(editor.page, first, 20);
        await dragNode(bare.page, first, 20);
        const runs: { editor: DragResult[]; bare: DragResult[] } = { editor: [], bare: [] };
        for (let i = 0; i < DRAG_RUNS; i++) {
          const direction = i % 2 === 0 ? -1 : 1;
          const id = await pickCommon();
          runs.editor.push(await dragNode(editor.page, id, DRAG_FRAMES, direction));
          runs.bare.push(await dragNode(bare.page, id, DRAG_FRAMES, direction));
        }
        await editor.context.close();
        await bare.context.close();
        // a drag that left the node where it was did not measure a drag: keep only those that moved it
        const moved = (list: DragResult[]) => list.filter((r) => r.movedPx >= 20);
        const stuck = [...runs.editor, ...runs.bare].filter((r) => r.movedPx < 20).length;
        details.dragRunsThatDidNotMove = stuck;
        if (moved(runs.editor).length < 3 || moved(runs.bare).length < 3)
          throw new Error(
            `the drag moved its node in only ${moved(runs.editor).length} editor and ${moved(runs.bare).length} bare runs of ${DRAG_RUNS}`,
          );
        const editorP95 = median(moved(runs.editor).map((r) => r.p95Ms));
        const bareP95 = median(moved(runs.bare).map((r) => r.p95Ms));
        figures.dragP95FrameMs625Nodes = round(editorP95, 1);
        figures.dragP95RatioVsBareReactFlow = round(editorP95 / bareP95, 2);
        const brief = (r: DragResult) => ({ ...r, intervalsMs: undefined });
        details.drag = {
          nodes: runs.editor.map((r) => r.nodeId),
          renderedDesignNodes: opened.renderedNodes,
          loadedVia: opened.via,
          editor: runs.editor.map(brief),
          bare: runs.bare.map(brief),
          editorIntervalsMs: runs.editor.map((r) => r.intervalsMs),
          bareIntervalsMs: runs.bare.map((r) => r.intervalsMs),
        };
        sections.push({
          title: 'Drag',
          body: [
            `Dragged nodes ${[...new Set(runs.editor.map((r) => `\`${r.nodeId}\``))].join(', ')} (design loaded through ${opened.via}; ${opened.renderedNodes} of 625 design nodes rendered).`,
            `Editor p95 per drag: ${runs.editor.map((r) => r.p95Ms).join(', ')} ms (median frame ${runs.editor.map((r) => r.medianMs).join(', ')} ms, max ${runs.editor.map((r) => r.maxMs).join(', ')} ms).`,
            `Bare React Flow p95 per drag: ${runs.bare.map((r) => r.p95Ms).join(', ')} ms (median frame ${runs.bare.map((r) => r.medianMs).join(', ')} ms, max ${runs.bare.map((r) => r.maxMs).join(', ')} ms).`,
            `Drags that did not move the node (left out): ${stuck}.`,
            `Frames that handled exactly one move: editor ${runs.editor.map((r) => `${r.framesWithOneMove}/${r.frames}`).join(', ')}; bare ${runs.bare.map((r) => `${r.framesWithOneMove}/${r.frames}`).join(', ')}.`,
            'At 60 Hz a frame is 16.7 ms: a p95 of 33 ms means at least one frame in twenty was dropped.',
          ].join('\n'),
        });
      },
    );

    await part('where a drag frame goes', [], 150_000, async () => {
      const ids = dragDesign.nodes.map((n) => n.id);
      const work: Record<'editor' | 'bare', Record<string, number[]>> = { editor: {}, bare: {} };
      for (const which of ['editor', 'bare'] as const) {
        const { context, page } = await newPage(browser, [PAGE_SCRIPTS.FRAME_RECORDER]);
        if (which === 'editor') await openEditorWith(page, appUrl, dragDesign);
        else {
          await page.goto(`${server.url}/bare/index.html`);
          await page.waitForSelector('.react-flow__node');
        }
        await page.waitForTimeout(800);
        const first = (await draggableNodes(page, ids))[0];
        if (!first) throw new Error(`no node is free to drag on the ${which} page`);
        await dragNode(page, first.id, 20);
        for (let i = 0; i < 3; i++) {
          // a fresh node each time: a node dragged before may now sit under another
          const pick = (await draggableNodes(page, ids))[i] ?? first;
          const traced = await traceDrag(
            browser,
            page,
            pick.id,
            i % 2 ? 1 : -1,
            join(WORK, `drag-trace-${which}.json`),
          );
          if (traced.movedPx < 20) continue;
          for (const [name, ms] of Object.entries(traced.perFrameMs)) (work[which][name] ??= []).push(ms);
        }
        await context.close();
      }
      const perFrame = (which: 'editor' | 'bare') =>
        Object.fromEntries(
          FRAME_WORK.map((name) => [name, work[which][name] ? round(median(work[which][name]!), 2) : null]),
        );
      details.dragFrameWork = { editor: perFrame('editor'), bare: perFrame('bare') };
      const editor = perFrame('editor');
      const bare = perFrame('bare');
      sections.push({
        title: 'Where a drag frame goes',
        body: [
          'Chromium trace of three 40-frame drags per page (category devtools.timeline); main-thread thread time of each',
          'kind of work divided by the frames of the drag, median of the drags. FunctionCall is script (React, React Flow,',
          'the app); the others are the browser’s rendering pipeline. Tracing adds its own overhead to both pages.',
          '',
          '| work per frame (ms) | editor | bare React Flow |',
          '|---|---|---|',
          ...FRAME_WORK.map((name) => `| ${name} | ${editor[name] ?? '—'} | ${bare[name] ?? '—'} |`),
        ].join('\n'),
      });
    });

    await part('renders during drag', [], 120_000, async () => {
      if (!dragged) throw new Error('no node was dragged');
      const edgesOf = dragDesign.edges
        .filter((e) => e.source === dragged || e.target === dragged)
        .map((e) => e.id);
      const editor = await newPage(browser, [PAGE_SCRIPTS.FRAME_RECORDER, PAGE_SCRIPTS.RENDER_COUNTER]);
      await openEditorWith(editor.page, appUrl, dragDesign);
      const editorCounts = await countRendersDuringDrag(editor.page, dragged);
      await editor.context.close();
      const bare = await newPage(browser, [PAGE_SCRIPTS.FRAME_RECORDER, PAGE_SCRIPTS.RENDER_COUNTER]);
      await bare.page.goto(`${server.url}/bare/index.html`);
      await bare.page.waitForSelector('.react-flow__node');
      const bareCounts = await countRendersDuringDrag(bare.page, dragged);
      await bare.context.close();
      if (!editorCounts.hooked) throw new Error('React did not register with the injected DevTools hook');
      const editorSummary = renderSummary(editorCounts, dragged, edgesOf);
      const bareSummary = renderSummary(bareCounts, dragged, edgesOf);
      details.rendersDuringDrag = { editor: editorSummary, bare: bareSummary };
      extraValues.nodeRendersDuringDrag = editorSummary.nodeComponentRenders;
      extras.push({
        label: 'React renders of node components during one 60-move drag',
        value: `editor: ${editorSummary.nodeComponentRenders} (dragged node ${editorSummary.draggedNodeRenders}, ${editorSummary.otherNodesRerendered} other nodes re-rendered ${editorSummary.otherNodeRenders}×); bare React Flow: ${bareSummary.nodeComponentRenders} (dragged ${bareSummary.draggedNodeRenders}, others ${bareSummary.otherNodesRerendered})`,
        how: 'a React DevTools global hook injected before load counts, per commit, the node components that rendered (PerformedWork flag); no product change',
      });
      sections.push({
        title: 'Renders during the drag',
        body: [
          `Editor: ${editorSummary.commits} commits, ${editorSummary.componentRenders} component renders in all; node components ${editorSummary.nodeComponentRenders} (dragged node ${editorSummary.draggedNodeRenders}); other nodes re-rendered: ${editorSummary.otherNodesRerendered}${editorSummary.exampleOtherNodes.length ? ` (e.g. ${editorSummary.exampleOtherNodes.join(', ')})` : ''}; node wrappers ${editorSummary.nodeWrapperRenders}; edge components ${editorSummary.edgeComponentRenders} (of the dragged node’s edges ${editorSummary.draggedNodeEdgeRenders}, other edges re-rendered: ${editorSummary.otherEdgesRerendered}).`,
          `Editor renders by page region (nearest element with a test id, else a class): ${editorSummary.topRegions.join(', ')}.`,
          `Editor renders by what the component draws (its first element): ${editorSummary.topElements.join(', ')}.`,
          `Editor renders by component name (minified in production; names that survive): ${editorSummary.topComponents.join(', ')}.`,
          `Bare React Flow: ${bareSummary.commits} commits, ${bareSummary.componentRenders} component renders; node components ${bareSummary.nodeComponentRenders} (dragged ${bareSummary.draggedNodeRenders}); other nodes re-rendered ${bareSummary.otherNodesRerendered}; edge components ${bareSummary.edgeComponentRenders}.`,
        ].join('\n'),
      });
    });

    await part('preview update', ['previewUpdateP95Ms'], 120_000, async () => {
      const design = loadTemplate('gunicorn-flask-sqlite');
      const nginx = design.nodes.find(isProxy)!;
      const files = Object.keys(generate(design, COMPOSE_EN).files);
      const path = files.find((f) => f.endsWith('nginx.conf'));
      if (!path) throw new Error('the gunicorn-flask-sqlite bundle has no nginx.conf');
      const { context, page } = await newPage(browser);
      await openEditorWith(page, appUrl, design);
      const result = await benchPreviewUpdate(page, {
        nodeId: nginx.id,
        field: 'listen',
        path,
        values: (i) => String(8100 + i + 1),
        count: 30,
      });
      await context.close();
      details.previewUpdate = result;
      figures.previewUpdateP95Ms = result.p95Ms;
      sections.push({
        title: 'Preview update',
        body: `Edited \`listen\` of node \`${nginx.id}\` 30 times; the change applied on ${result.commit}; read through the ${result.readVia} of \`${path}\`. Median ${result.medianMs} ms, p95 ${result.p95Ms} ms; samples: ${result.samplesMs.join(', ')} ms.`,
      });
    });

    await part('template zip', ['templateZipMedianMs'], 120_000, async () => {
      const largest = largestTemplate();
      const { context, page } = await newPage(browser, [DOWNLOAD_PROBE]);
      await openEditorWith(page, appUrl, largest.design);
      const result = await benchTemplateZip(page, largest.design, 12);
      await context.close();
      details.templateZip = { template: largest.id, bundleBytes: largest.bytes, ...result };
      figures.templateZipMedianMs = result.medianMs;
      sections.push({
        title: 'Template zip',
        body: `Largest template \`${largest.id}\` (${Object.keys(generate(largest.design, COMPOSE_EN).files).length} files, ${round(largest.bytes / 1024, 1)} KB of text); zip ${round(result.zipBytes / 1024, 1)} KB; samples ${result.samplesMs.join(', ')} ms.`,
      });
    });
  }
}

async function stackAndResults(machine: string) {
  // ---- the generated stack -------------------------------------------------------------------
  await part('generated stack under wrk', ['stackDevServerRatio'], 240_000, async () => {
    const report: StackReport = await benchStack(join(WORK, 'stack'), log);
    extraValues.stack = report.summary;
    details.stack = report.details;
    if (report.ratio === null) {
      reasons.stackDevServerRatio = report.reason ?? 'not measured';
    } else figures.stackDevServerRatio = report.ratio;
    extras.push(...report.extras);
    sections.push(...report.sections);
  });

  // ---- load balancing and faults (BENCH_ONLY=balancing runs this part alone) -------------------
  await part(
    'load balancing and faults',
    ['lbScaleRatio3', 'faultFailedRequests', 'lostWrites', 'reloadFailedRequests'],
    300_000,
    async () => {
      const report = await benchLoadBalancing(log);
      extraValues.lbRequestsPerSec = report.requestsPerSec;
      figures.lbScaleRatio3 = report.scaleRatio3;
      figures.faultFailedRequests = report.faults.faultFailedRequests;
      figures.lostWrites = report.faults.lostWrites;
      figures.reloadFailedRequests = report.faults.reloadFailedRequests;
      sections.push({
        title: 'Load balancing and faults',
        body: `load-balanced-gunicorn through nginx: ${report.requestsPerSec[1]} req/s with 1 copy, ${report.requestsPerSec[3]} req/s with 3 copies (ratio ${report.scaleRatio3}; on 2 cores nginx, the copies and the load generator share the CPUs, so the ratio is bound by the machine). Fault proofs: ${report.faults.faultFailedRequests} failed GETs with a copy killed, ${report.faults.lostWrites} lost writes, ${report.faults.reloadFailedRequests} failed GETs during reloads${report.failedChecks.length ? `; failed checks: ${report.failedChecks.join('; ')}` : ''}.`,
      });
    },
  );
  // ---- HTTPS (BENCH_ONLY=https runs this part alone) --------------------------------------------
  await part('https handshakes and requests', ['tlsVsDebianDefaultRatio'], 180_000, async () => {
    const report = await benchTls(log);
    figures.tlsVsDebianDefaultRatio = report.ratio;
    extraValues.tlsHandshakesPerSec = report.tlsHandshakesPerSec;
    extraValues.tlsDebianDefaultHandshakesPerSec = report.debianDefaultHandshakesPerSec;
    extraValues.httpsRequestsPerSec = report.httpsRequestsPerSec;
    sections.push({
      title: 'HTTPS',
      body: `Self-signed bundle (gunicorn-flask-sqlite with tls "self-signed"): ${report.tlsHandshakesPerSec} new TLS handshakes/s through the generated nginx (no session reuse) vs ${report.debianDefaultHandshakesPerSec} with Debian’s default TLS settings on the same certificate (ratio ${report.ratio}); ${report.httpsRequestsPerSec === null ? `HTTPS requests/s not measured: ${report.reason}` : `${report.httpsRequestsPerSec} HTTPS requests/s with keep-alive (wrk -c16 GET /api/health)`}.`,
    });
  });
  await part('systemd exposure of the server target', [], 60_000, async () => {
    const exposure = measureSystemdExposure();
    extraValues.systemdExposureMax = exposure.max;
    extraValues.systemdExposure = exposure.units;
  });

  sections.unshift({ title: 'Misses and their causes', body: explainMisses() });

  // ---- results -------------------------------------------------------------------------------
  const met = Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, figures[k] === null ? null : goalMet(k, figures[k]!)]),
  );
  const results = {
    ...figures,
    ...extraValues,
    goals: Object.fromEntries(FIGURE_KEYS.map((k) => [k, GOALS[k].text])),
    met,
    notMeasured: reasons,
    machine,
    generatedAt: new Date().toISOString(),
    durationS: round(performance.now() / 1000, 1),
    details,
  };
  const out = ONLY ? WORK : BENCH;
  // written in the repository's own style, so the format check of the whole tree stays clean
  const markdown = resultsMarkdown({ figures, reasons, extras, sections, machine });
  const prettierOptions = (await prettier.resolveConfig(join(BENCH, 'RESULTS.md'))) ?? {};
  writeFileSync(
    join(out, 'RESULTS.md'),
    await prettier.format(markdown, { ...prettierOptions, parser: 'markdown' }),
  );
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(
    join(out, 'results.json'),
    await prettier.format(json, { ...prettierOptions, parser: 'json' }),
  );
  log(`wrote ${out}/results.json and RESULTS.md in ${results.durationS} s`);
  for (const key of FIGURE_KEYS) log(`  ${key}: ${figures[key]} (goal ${GOALS[key].text})`);
}

// A stray rejection in one part must not end the run before the results are written.
process.on('unhandledRejection', (error) => log(`unhandled rejection: ${errorText(error)}`));

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
