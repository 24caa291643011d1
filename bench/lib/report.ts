/** The figures `npm run bench` reports, their goals, and the RESULTS.md table. */

export type FigureKey =
  | 'editorInitialJsGzipKB'
  | 'embedInitialJsGzipKB'
  | 'monacoLazy'
  | 'validateGenerate1000NodesMedianMs'
  | 'editRegenerateRatio1000Nodes'
  | 'dragP95FrameMs625Nodes'
  | 'dragP95RatioVsBareReactFlow'
  | 'firstPaintRatioVsBareReactFlow'
  | 'previewUpdateP95Ms'
  | 'templateZipMedianMs'
  | 'stackDevServerRatio'
  | 'lbScaleRatio3'
  | 'faultFailedRequests'
  | 'lostWrites'
  | 'reloadFailedRequests'
  | 'tlsVsDebianDefaultRatio';

export interface Goal {
  text: string;
  /** null: the figure is reported, with no goal to meet. */
  met: ((value: number | boolean) => boolean) | null;
  how: string;
}

/** Whether a measured figure meets its goal (null: it has none). */
export function goalMet(key: FigureKey, value: number | boolean): boolean | null {
  const met = GOALS[key].met;
  return met ? met(value) : null;
}

export const GOALS: Record<FigureKey, Goal> = {
  tlsVsDebianDefaultRatio: {
    text: '≥ 1.0',
    met: (v) => typeof v === 'number' && v >= 1,
    how: 'openssl s_time -new (no session reuse) against the self-signed bundle’s generated nginx ÷ the same nginx, certificate and container with Debian’s default TLS settings; best of two alternating 8 s runs each',
  },
  editorInitialJsGzipKB: {
    text: '≤ 180',
    met: (v) => typeof v === 'number' && v <= 180,
    how: 'production build; index.html module script + modulepreloads + their static imports, each gzip -9, summed',
  },
  embedInitialJsGzipKB: {
    text: '≤ 130',
    met: (v) => typeof v === 'number' && v <= 130,
    how: 'the same for embed.html',
  },
  monacoLazy: {
    text: 'true',
    met: (v) => v === true,
    how: 'no initial chunk of either page contains Monaco core (content markers, chunk names, module ids)',
  },
  validateGenerate1000NodesMedianMs: {
    text: 'reported',
    met: null,
    how: 'Node: validate + generate of a valid 1,000-node design (200 client→nginx→gunicorn→flask→sqlite stacks), each run on a fresh deep copy (nothing reused), median of 30 after 30 warm-ups, in a Node process of its own',
  },
  editRegenerateRatio1000Nodes: {
    text: '≤ 0.10',
    met: (v) => typeof v === 'number' && v <= 0.1,
    how: 'the same process: median of validate + generate after a one-node edit (a new object for one nginx node, as the store edits) ÷ the median full run above',
  },
  dragP95FrameMs625Nodes: {
    text: '≤ 20',
    met: (v) => typeof v === 'number' && v <= 20,
    how: 'Chromium: 625 nodes / 624 edges loaded in the editor; 60 mouse moves one 60 Hz frame apart on one node; p95 of rAF intervals; median of 5 drags',
  },
  dragP95RatioVsBareReactFlow: {
    text: '≤ 1.25',
    met: (v) => typeof v === 'number' && v <= 1.25,
    how: 'the same drags on a bare React Flow page (same graph, default nodes), alternated in the same run; ratio of the median p95s',
  },
  firstPaintRatioVsBareReactFlow: {
    text: '≤ 1.5',
    met: (v) => typeof v === 'number' && v <= 1.5,
    how: 'Chromium, fresh profile each load: navigation start → end of the frame that shows the first React Flow node, the largest template opened from a share link in the editor ÷ the same graph on the bare React Flow page (default nodes, graph fetched as JSON); loads alternated in the same run, ratio of the medians of 5',
  },
  previewUpdateP95Ms: {
    text: '≤ 50',
    met: (v) => typeof v === 'number' && v <= 50,
    how: 'gunicorn-flask-sqlite template: 30 edits of the nginx node’s `listen` in the inspector; input event → new text in the Monaco model of web/nginx.conf; p95',
  },
  templateZipMedianMs: {
    text: '≤ 50',
    met: (v) => typeof v === 'number' && v <= 50,
    how: 'largest template in the editor: click on download-zip → zip Blob handed to URL.createObjectURL; median of 12 after a warm-up',
  },
  stackDevServerRatio: {
    text: '≥ 4',
    met: (v) => typeof v === 'number' && v >= 4,
    how: 'wrk -t2 -c50 -d10s GET /api/items: the gunicorn-flask-sqlite bundle run natively (nginx + Gunicorn, as npm run smoke) ÷ the same app on `flask run`; req/s ratio',
  },
  lbScaleRatio3: {
    text: 'reported',
    met: null,
    how: 'load-balanced-gunicorn bundle (2 Gunicorn workers per copy) behind nginx: req/s of GET /api/health with 3 copies ÷ with 1 copy (lbRequestsPerSec); Node http.Agent, 50 connections, 8 s each. On 2 cores the copies, nginx and the load generator share the same CPUs, so this is machine-bound, not a measure of scaling out',
  },
  faultFailedRequests: {
    text: '0',
    met: (v) => v === 0,
    how: 'load-balanced-gunicorn (3 copies): failed GETs while one copy is killed with SIGKILL under 50 connections (nginx retries idempotent requests on another copy)',
  },
  lostWrites: {
    text: '0',
    met: (v) => v === 0,
    how: 'the same stack: 20 clients × 25 concurrent POSTs through every copy and worker; writes answered 201 that are missing from the SQLite file afterwards',
  },
  reloadFailedRequests: {
    text: '0',
    met: (v) => v === 0,
    how: 'the same stack under 20 connections: failed GETs during `nginx -s reload` plus during a Gunicorn graceful reload (SIGHUP)',
  },
};

export const FIGURE_KEYS = Object.keys(GOALS) as FigureKey[];

export interface Extra {
  label: string;
  value: string;
  how: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'number' ? String(value) : String(value);
}

export function resultsMarkdown(input: {
  figures: Record<FigureKey, number | boolean | null>;
  reasons: Partial<Record<FigureKey, string>>;
  extras: Extra[];
  sections: { title: string; body: string }[];
  machine: string;
}): string {
  const lines = [
    '# StackSketch benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); the same figures are in `bench/results.json`.',
    'Benchmarks report, they never fail the test suite. A figure that could not be measured in this run is',
    'null, with the reason below the table.',
    '',
    `Machine: ${input.machine}`,
    '',
    '| figure | goal | value | how measured | met? |',
    '|---|---|---|---|---|',
  ];
  for (const key of FIGURE_KEYS) {
    const value = input.figures[key];
    const met =
      value === null
        ? 'not measured'
        : ({ true: 'yes', false: '**no**', null: 'no goal' } as const)[`${goalMet(key, value)}`];
    lines.push(`| \`${key}\` | ${GOALS[key].text} | ${show(value)} | ${GOALS[key].how} | ${met} |`);
  }
  lines.push('', '## Also reported (no goal yet)', '', '| figure | value | how measured |', '|---|---|---|');
  for (const extra of input.extras) lines.push(`| ${extra.label} | ${extra.value} | ${extra.how} |`);
  const missing = FIGURE_KEYS.filter((k) => input.figures[k] === null);
  if (missing.length > 0) {
    lines.push('', '## Not measured in this run', '');
    for (const key of missing) lines.push(`- \`${key}\`: ${input.reasons[key] ?? 'no reason recorded'}`);
  }
  for (const section of input.sections) lines.push('', `## ${section.title}`, '', section.body.trim());
  return `${lines.join('\n')}\n`;
}
