import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Design } from '../../src/model/design';
import { encodeShareFragment } from '../../src/model/shareLink';
import { serializeDesign } from '../../src/model/serialize';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { FIRST_NODE_PAINT, FRAME_RECORDER, RENDER_COUNTER } from './pageScripts';
import { percentile, round, summary } from './stats';

/** Debian's Chromium with the flags TOOLCHAIN.md lists (Playwright cannot download its own browser here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export const VIEWPORT = { width: 1440, height: 900 };

export async function newPage(
  browser: Browser,
  scripts: string[] = [],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  for (const script of scripts) await context.addInitScript({ content: script });
  const page = await context.newPage();
  return { context, page };
}

export function nextFrame(page: Page): Promise<unknown> {
  return page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(0)))');
}

/** JS files a page requests from load until `settleMs` after the load event, with no interaction. */
export async function scriptsRequestedAtLoad(browser: Browser, url: string, settleMs = 2000) {
  const { context, page } = await newPage(browser);
  const requested: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.resourceType() === 'script' || path.endsWith('.js')) requested.push(path);
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  await context.close();
  return { requested: [...new Set(requested)], workers };
}

/** ids of a design's nodes that the page currently renders as React Flow nodes. */
async function renderedDesignNodes(page: Page, design: Design): Promise<number> {
  const ids = design.nodes.map((n) => n.id);
  return page.evaluate(
    `(() => { const ids = new Set(${JSON.stringify(ids)}); let n = 0;
      for (const el of document.querySelectorAll('.react-flow__node[data-id]')) if (ids.has(el.getAttribute('data-id'))) n++;
      return n; })()`,
  ) as Promise<number>;
}

async function waitForDesign(page: Page, design: Design, timeoutMs: number): Promise<boolean> {
  const ids = design.nodes.map((n) => n.id);
  const sample = [...ids.slice(0, 5), ids[ids.length - 1]!];
  try {
    await page.waitForFunction(
      `(() => { const ids = ${JSON.stringify(sample)};
        return ids.every((id) => document.querySelector('.react-flow__node[data-id="' + CSS.escape(id) + '"]')); })()`,
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
    return true;
  } catch {
    return false;
  }
}

async function clickConfirmIfAsked(page: Page): Promise<void> {
  const confirm = page.locator('[data-testid="confirm"]');
  try {
    await confirm.first().waitFor({ state: 'visible', timeout: 1500 });
    await confirm.first().click();
  } catch {
    // nothing asked
  }
}

export interface OpenedDesign {
  via: 'share-fragment' | 'import-file';
  renderedNodes: number;
  attempts: string[];
}

/**
 * Open the editor with a design the way a user would: a share link (`index.html#s1.…`), or, when the
 * editor does not read links, the Open file input. Returns how it got in, or throws naming what failed.
 */
export async function openEditorWith(page: Page, appUrl: string, design: Design): Promise<OpenedDesign> {
  const attempts: string[] = [];
  await page.goto(`${appUrl}/index.html#${encodeShareFragment(design)}`, { waitUntil: 'load' });
  await clickConfirmIfAsked(page);
  if (await waitForDesign(page, design, 20_000)) {
    return { via: 'share-fragment', renderedNodes: await renderedDesignNodes(page, design), attempts };
  }
  attempts.push('share fragment: the design did not appear within 20 s');
  await page.goto(`${appUrl}/index.html`, { waitUntil: 'load' });
  await page.keyboard.press('Escape');
  const input = page.locator('[data-testid="import-file"]');
  if ((await input.count()) === 0) {
    attempts.push('import-file: no [data-testid="import-file"] input on the page');
    throw new Error(attempts.join('; '));
  }
  await input.first().setInputFiles({
    name: `${design.name}.stacksketch.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(serializeDesign(design)),
  });
  await clickConfirmIfAsked(page);
  if (await waitForDesign(page, design, 20_000)) {
    return { via: 'import-file', renderedNodes: await renderedDesignNodes(page, design), attempts };
  }
  attempts.push('import-file: the design did not appear within 20 s');
  throw new Error(attempts.join('; '));
}

export async function firstNodePaint(page: Page): Promise<{ shownAt: number; paintedAt: number } | null> {
  try {
    await page.waitForFunction('window.__benchFirstNode !== null', undefined, { timeout: 20_000 });
  } catch {
    return null;
  }
  return page.evaluate('window.__benchFirstNode') as Promise<{ shownAt: number; paintedAt: number }>;
}

/** Drag travel per frame (px); 60 frames stay inside the viewport for a node picked near the centre. */
export const DRAG_FRAMES = 60;
const STEP = { x: 1.5, y: 1 };
/** Room a node needs around it: a slow page takes about two moves per frame. */
const ROOM = { x: STEP.x * DRAG_FRAMES * 2 + 40, y: STEP.y * DRAG_FRAMES * 2 + 40 };

/**
 * React Flow pans the viewport while a dragged node is this close to the canvas's edge (its default
 * autoPanOnNodeDrag margin); a drag that pans repaints the whole canvas and is not the same drag as one
 * on a page whose canvas is larger, so drags keep clear of it.
 */
const AUTO_PAN_MARGIN = 40;

/** Node ids whose centre is inside the canvas, with room for the drag, and not covered by anything else. */
export async function draggableNodes(page: Page, ids: string[]): Promise<{ id: string; distance: number }[]> {
  return page.evaluate(
    `(() => {
      const out = [];
      const pane = document.querySelector('.react-flow');
      const box = pane ? pane.getBoundingClientRect() : { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      const cx = (box.left + box.right) / 2, cy = (box.top + box.bottom) / 2;
      const roomX = ${ROOM.x + AUTO_PAN_MARGIN}, roomY = ${ROOM.y + AUTO_PAN_MARGIN};
      for (const id of ${JSON.stringify(ids)}) {
        const el = document.querySelector('.react-flow__node[data-id="' + CSS.escape(id) + '"]');
        if (!el) continue;
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (r.width < 8 || x < box.left + roomX || y < box.top + roomY || x + roomX > box.right || y + roomY > box.bottom) continue;
        const top = document.elementFromPoint(x, y);
        if (!top || top.closest('.react-flow__node') !== el) continue;
        if (top.closest('.react-flow__handle')) continue;
        out.push({ id, distance: Math.hypot(x - cx, y - cy) });
      }
      return out.sort((a, b) => a.distance - b.distance);
    })()`,
  ) as Promise<{ id: string; distance: number }[]>;
}

/** The flow point at the middle of the canvas and the zoom, read from React Flow's viewport transform. */
export async function viewCentreOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.evaluate(`(() => {
    const box = document.querySelector('.react-flow').getBoundingClientRect();
    const transform = document.querySelector('.react-flow__viewport').style.transform;
    const [tx, ty, zoom] = transform.match(/-?[0-9.]+/g).map(Number);
    return { x: (box.width / 2 - tx) / zoom, y: (box.height / 2 - ty) / zoom, zoom };
  })()`) as Promise<{ x: number; y: number; zoom: number }>;
}

/**
 * Pan the canvas (by dragging an empty spot of it, as a user would) so that the node of `ids` nearest
 * the middle comes to the middle, with room around it for a drag.
 */
export async function centreNearestNode(page: Page, ids: string[]): Promise<void> {
  const plan = (await page.evaluate(`(() => {
    const box = document.querySelector('.react-flow').getBoundingClientRect();
    const cx = (box.left + box.right) / 2, cy = (box.top + box.bottom) / 2;
    let best = null;
    for (const id of ${JSON.stringify(ids)}) {
      const el = document.querySelector('.react-flow__node[data-id="' + CSS.escape(id) + '"]');
      if (!el) continue;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
      const d = Math.hypot(x - cx, y - cy);
      if (!best || d < best.d) best = { d, dx: cx - x, dy: cy - y };
    }
    if (!best) return null;
    for (let gy = box.top + 20; gy < box.bottom - 20; gy += 12)
      for (let gx = box.left + 20; gx < box.right - 20; gx += 12) {
        const top = document.elementFromPoint(gx, gy);
        const tx = gx + best.dx, ty = gy + best.dy;
        if (top && top.classList.contains('react-flow__pane') && tx > box.left && tx < box.right && ty > box.top && ty < box.bottom)
          return { x: gx, y: gy, dx: best.dx, dy: best.dy };
      }
    return null;
  })()`)) as { x: number; y: number; dx: number; dy: number } | null;
  if (!plan) return;
  await page.mouse.move(plan.x, plan.y);
  await page.mouse.down();
  await page.mouse.move(plan.x + plan.dx, plan.y + plan.dy, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}

async function nodeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).first().boundingBox();
  if (!box) throw new Error(`node ${id} has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export interface DragResult {
  nodeId: string;
  /** Frames recorded from the first to the last move. */
  frames: number;
  moves: number;
  /** Frames in which exactly one / no mousemove was handled. */
  framesWithOneMove: number;
  framesWithoutMove: number;
  intervalsMs: number[];
  p95Ms: number;
  medianMs: number;
  maxMs: number;
  movedPx: number;
}

/**
 * Press on a node and keep moving the mouse until `frames` animation frames have each handled a move.
 * Moves go through the DevTools protocol with at most two in flight: Chromium hands the page at most
 * one (coalesced) mousemove per animation frame, so a page that keeps up gets a move every frame, and a
 * slow page gets the latest position each frame, as with a real mouse. The page records its rAF
 * timestamps and how many moves each frame handled; the frame intervals are what a user sees as smooth
 * or janky.
 */
export async function dragNode(
  page: Page,
  id: string,
  frames = DRAG_FRAMES,
  direction: 1 | -1 = 1,
): Promise<DragResult> {
  const start = await nodeCentre(page, id);
  const cdp = await page.context().newCDPSession(page);
  const mouse = (type: string, x: number, y: number) =>
    cdp.send('Input.dispatchMouseEvent', {
      type: type as 'mouseMoved',
      x,
      y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: type === 'mouseMoved' ? 0 : 1,
    });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: start.x, y: start.y });
  await mouse('mousePressed', start.x, start.y);
  // past React Flow's drag threshold before timing starts
  await mouse('mouseMoved', start.x + 2, start.y + 2);
  await nextFrame(page);
  await nextFrame(page);
  await page.evaluate('window.__benchFrames.start()');
  await nextFrame(page);
  const inFlight: Promise<unknown>[] = [];
  let at = { x: start.x + 2, y: start.y + 2 };
  for (let i = 1; i <= frames * 4; i++) {
    at = { x: start.x + 2 + direction * STEP.x * i, y: start.y + 2 + direction * STEP.y * i };
    inFlight.push(mouse('mouseMoved', at.x, at.y));
    if (inFlight.length >= 2) await inFlight.shift();
    if (((await page.evaluate('window.__benchFrames.movedFrames()')) as number) >= frames) break;
  }
  await Promise.all(inFlight);
  await nextFrame(page);
  await nextFrame(page);
  const record = (await page.evaluate('window.__benchFrames.stop()')) as { times: number[]; moves: number[] };
  await mouse('mouseReleased', at.x, at.y);
  await cdp.detach();
  await nextFrame(page);
  const end = await nodeCentre(page, id);
  // the drag window: from the frame that handled the first move to the one that handled the last
  const first = record.moves.findIndex((m) => m > 0);
  let last = -1;
  let seen = 0;
  record.moves.forEach((m, i) => {
    if (m > 0 && seen < frames) {
      seen++;
      last = i;
    }
  });
  if (first < 0) throw new Error('no mouse move reached the page during the drag');
  const times = record.times.slice(Math.max(0, first - 1), last + 1);
  const moves = record.moves.slice(first, last + 1);
  const intervals = times.slice(1).map((t, i) => t - times[i]!);
  if (intervals.length === 0) throw new Error('no animation frames were recorded during the drag');
  const stats = summary(intervals);
  return {
    nodeId: id,
    frames: moves.length,
    moves: moves.reduce((a, b) => a + b, 0),
    framesWithOneMove: moves.filter((m) => m === 1).length,
    framesWithoutMove: moves.filter((m) => m === 0).length,
    intervalsMs: intervals.map((v) => round(v)),
    p95Ms: round(percentile(intervals, 95)),
    medianMs: stats.median,
    maxMs: stats.max,
    movedPx: round(Math.hypot(end.x - start.x, end.y - start.y), 1),
  };
}

export interface RenderCounts {
  commits: number;
  components: number;
  nodeComponents: Record<string, number>;
  nodeWrappers: Record<string, number>;
  nodeSubtree: Record<string, number>;
  edgeComponents: Record<string, number>;
  byRegion: Record<string, number>;
  byName: Record<string, number>;
  byElement: Record<string, number>;
  error?: string;
}

export const PAGE_SCRIPTS = { FIRST_NODE_PAINT, FRAME_RECORDER, RENDER_COUNTER };

/** React renders during one drag, counted by the injected DevTools hook (see pageScripts.ts). */
export async function countRendersDuringDrag(
  page: Page,
  id: string,
): Promise<RenderCounts & { hooked: boolean }> {
  const hooked = (await page.evaluate(
    'Boolean(window.__REACT_DEVTOOLS_GLOBAL_HOOK__ && window.__REACT_DEVTOOLS_GLOBAL_HOOK__.renderers.size > 0)',
  )) as boolean;
  await page.evaluate('window.__benchRenders.enabled = true');
  await dragNode(page, id);
  await page.evaluate('window.__benchRenders.enabled = false');
  const counts = (await page.evaluate('window.__benchRenders')) as RenderCounts;
  return { ...counts, hooked };
}

/** Summarise render counts: how many distinct nodes re-rendered, and how often the dragged one did. */
export function renderSummary(counts: RenderCounts, draggedId: string, edgesOfDragged: string[]) {
  const total = (table: Record<string, number>) => Object.values(table).reduce((a, b) => a + b, 0);
  const others = Object.entries(counts.nodeComponents)
    .filter(([id]) => id !== draggedId)
    .sort((a, b) => b[1] - a[1]);
  const top = (table: Record<string, number>) =>
    Object.entries(table)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([key, n]) => `${key}×${n}`);
  const otherEdges = Object.entries(counts.edgeComponents).filter(([id]) => !edgesOfDragged.includes(id));
  return {
    commits: counts.commits,
    componentRenders: counts.components,
    nodeComponentRenders: total(counts.nodeComponents),
    draggedNodeRenders: counts.nodeComponents[draggedId] ?? 0,
    otherNodesRerendered: others.length,
    otherNodeRenders: total(Object.fromEntries(others)),
    exampleOtherNodes: others.slice(0, 8).map(([id, n]) => `${id}×${n}`),
    nodeWrapperRenders: total(counts.nodeWrappers),
    nodeSubtreeComponentRenders: total(counts.nodeSubtree),
    edgeComponentRenders: total(counts.edgeComponents),
    draggedNodeEdgeRenders: edgesOfDragged.reduce((sum, e) => sum + (counts.edgeComponents[e] ?? 0), 0),
    otherEdgesRerendered: otherEdges.length,
    topRegions: top(counts.byRegion),
    topComponents: top(counts.byName),
    topElements: top(counts.byElement),
    ...(counts.error ? { error: counts.error } : {}),
  };
}

/** Main-thread work Chromium records per frame (trace events, thread time). */
export const FRAME_WORK = [
  'FunctionCall',
  'Layerize',
  'Layout',
  'Paint',
  'PrePaint',
  'HitTest',
  'UpdateLayoutTree',
];

/**
 * One drag under Chromium's tracing: the thread time of each kind of main-thread work, divided by the
 * frames the drag took. Tells whether a slow frame is script (FunctionCall) or the browser's own
 * rendering pipeline (style, layout, paint, layerize).
 */
export async function traceDrag(
  browser: Browser,
  page: Page,
  id: string,
  direction: 1 | -1,
  tracePath: string,
): Promise<{ frames: number; movedPx: number; perFrameMs: Record<string, number> }> {
  await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline'] });
  let drag: DragResult;
  try {
    drag = await dragNode(page, id, 40, direction);
  } finally {
    await browser.stopTracing();
  }
  const events = (
    JSON.parse(readFileSync(tracePath, 'utf8')) as {
      traceEvents: { name: string; ph: string; tid: number; tdur?: number }[];
    }
  ).traceEvents;
  // the renderer's main thread is the one that layerizes
  const main = new Set(events.filter((e) => e.name === 'Layerize').map((e) => e.tid));
  const perFrameMs: Record<string, number> = {};
  for (const name of FRAME_WORK) {
    const total = events
      .filter((e) => e.name === name && e.ph === 'X' && main.has(e.tid) && e.tdur)
      .reduce((sum, e) => sum + e.tdur! / 1000, 0);
    perFrameMs[name] = round(total / Math.max(1, drag.frames), 2);
  }
  return { frames: drag.frames, movedPx: drag.movedPx, perFrameMs };
}
