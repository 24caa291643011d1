import { printableText } from '../../model/fields';
import type { Lang } from '../../i18n/lang';
import { CODE_COMMENTS, type CodeComments } from './codeComments';
import type { PlannedService } from '../planTypes';
import { apiBaseFor } from '../plan/routes';

/** Pinned versions of the React + Vite app (npm install gives the same tree every time). */
export const FRONTEND_VERSIONS = {
  react: '18.3.1',
  'react-dom': '18.3.1',
  vite: '5.4.11',
  '@vitejs/plugin-react': '4.3.4',
};

/** A JS string literal that is safe anywhere (JSON plus the two line separators JSON allows). */
function jsString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
}

function htmlText(value: string): string {
  return printableText(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The React page: one section per API nginx routes next to it (constant apart from APIS and TITLE). */
const MAIN_JSX_COMPONENTS = [
  'function Api({ base, items }) {',
  "  const [health, setHealth] = useState('checking…');",
  '  const [list, setList] = useState([]);',
  "  const [name, setName] = useState('');",
  "  const [error, setError] = useState('');",
  '',
  '  async function load() {',
  '    try {',
  '      const res = await fetch(`${base}health`);',
  "      setHealth(res.ok ? 'ok' : `HTTP ${res.status}`);",
  '      if (items) {',
  '        const data = await (await fetch(`${base}items`)).json();',
  '        setList(data.items ?? []);',
  '      }',
  '    } catch (e) {',
  '      setHealth(`unreachable (${e.message})`);',
  '    }',
  '  }',
  '',
  '  useEffect(() => {',
  '    load();',
  '  }, []);',
  '',
  '  async function add(event) {',
  '    event.preventDefault();',
  "    setError('');",
  '    const res = await fetch(`${base}items`, {',
  "      method: 'POST',",
  "      headers: { 'Content-Type': 'application/json' },",
  '      body: JSON.stringify({ name }),',
  '    });',
  '    if (!res.ok) {',
  '      setError((await res.json().catch(() => ({}))).error ?? `HTTP ${res.status}`);',
  '      return;',
  '    }',
  "    setName('');",
  '    load();',
  '  }',
  '',
  '  return (',
  '    <section>',
  '      <h2>',
  '        <code>{base}</code> health: {health}',
  '      </h2>',
  '      {items && (',
  '        <>',
  '          <form onSubmit={add}>',
  '            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="New item" maxLength={200} />',
  '            <button type="submit" disabled={!name.trim()}>',
  '              Add',
  '            </button>',
  '          </form>',
  '          {error && <p role="alert">{error}</p>}',
  '          <ul>',
  '            {list.map((item) => (',
  '              <li key={item.id}>{item.name}</li>',
  '            ))}',
  '          </ul>',
  '        </>',
  '      )}',
  '    </section>',
  '  );',
  '}',
  '',
  'function App() {',
  '  return (',
  '    <main>',
  '      <h1>{TITLE}</h1>',
  '      {APIS.length === 0 && <p>No API is routed next to this page.</p>}',
  '      {APIS.map((api) => (',
  '        <Api key={api.base} {...api} />',
  '      ))}',
  '    </main>',
  '  );',
  '}',
  '',
  "createRoot(document.getElementById('root')).render(",
  '  <StrictMode>',
  '    <App />',
  '  </StrictMode>,',
  ');',
  '',
].join('\n');

function packageJson(): string {
  const manifest = {
    name: 'stacksketch-frontend',
    private: true,
    version: '1.0.0',
    type: 'module',
    scripts: { dev: 'vite', build: 'vite build', preview: 'vite preview' },
    dependencies: { react: FRONTEND_VERSIONS.react, 'react-dom': FRONTEND_VERSIONS['react-dom'] },
    devDependencies: {
      '@vitejs/plugin-react': FRONTEND_VERSIONS['@vitejs/plugin-react'],
      vite: FRONTEND_VERSIONS.vite,
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function viteConfig(base: string, c: CodeComments): string {
  return [
    "import { defineConfig } from 'vite';",
    "import react from '@vitejs/plugin-react';",
    '',
    `// ${c.viteBase}`,
    'export default defineConfig({',
    `  base: ${jsString(base)},`,
    '  plugins: [react()],',
    '  build: { outDir: "dist" },',
    '});',
    '',
  ].join('\n');
}

function indexHtml(title: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="UTF-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1.0" />',
    '    <meta name="generator" content="StackSketch" />',
    `    <title>${htmlText(title)}</title>`,
    '  </head>',
    '  <body>',
    '    <div id="root"></div>',
    '    <script type="module" src="/src/main.jsx"></script>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

function mainJsx(apis: { base: string; items: boolean }[], title: string, c: CodeComments): string {
  return [
    "import { StrictMode, useEffect, useState } from 'react';",
    "import { createRoot } from 'react-dom/client';",
    '',
    `// ${c.apis}`,
    `const APIS = ${JSON.stringify(apis)
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')};`,
    `const TITLE = ${jsString(title)};`,
    '',
    MAIN_JSX_COMPONENTS,
  ].join('\n');
}

/**
 * The files of web/frontend/, keyed by their path inside it. `withItems`: the proxied nodes whose
 * app stores items (the page lists them).
 */
export function renderFrontend(
  service: PlannedService,
  title: string,
  withItems: readonly string[],
  lang: Lang,
): Record<string, string> {
  if (service.runs.kind !== 'web') return {};
  const c = CODE_COMMENTS[lang];
  const server = service.runs.servers.find((candidate) =>
    candidate.locations.some((location) => location.kind === 'static'),
  );
  const staticLocation = server?.locations.find((location) => location.kind === 'static');
  if (!server || !staticLocation || staticLocation.kind !== 'static') return {};
  const hasItems = new Set(withItems);
  const apis = server.locations.flatMap((location) =>
    location.kind === 'proxy'
      ? [{ base: apiBaseFor(location.route), items: hasItems.has(location.node) }]
      : [],
  );
  return {
    'package.json': packageJson(),
    'vite.config.js': viteConfig(staticLocation.base, c),
    'index.html': indexHtml(title),
    'src/main.jsx': mainJsx(apis, title, c),
  };
}
