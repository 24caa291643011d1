import type { Design } from '../model/design';
import type { Diagnostic, Severity } from '../validation/types';

/** A diagnostic pinned to one line of one bundle file (1-based lines and columns, end exclusive). */
export interface FileMarker {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  startColumn: number;
  endColumn: number;
}

interface LineRule {
  /** Which files, by base name. */
  file: RegExp;
  /** Which lines of those files. */
  line: RegExp;
}

const NGINX_CONF = /^nginx.*\.conf$/;
const GUNICORN_CONF = /^gunicorn.*\.py$/;
const UWSGI_INI = /uwsgi.*\.ini$/;
const COMPOSE = /^docker-compose\.ya?ml$/;

/** Where each rule shows in the generated files: the directive that will not work. */
const RULE_LINES: Record<string, LineRule[]> = {
  'uwsgi-pass-needs-socket': [
    { file: NGINX_CONF, line: /^\s*uwsgi_pass\b/ },
    { file: UWSGI_INI, line: /^\s*http-socket\s*=/ },
  ],
  'proxy-pass-to-uwsgi-socket': [
    { file: NGINX_CONF, line: /^\s*proxy_pass\b/ },
    { file: UWSGI_INI, line: /^\s*socket\s*=/ },
  ],
  'flask-dev-server': [
    { file: NGINX_CONF, line: /^\s*proxy_pass\b/ },
    // The container's command (not the indented CMD of a HEALTHCHECK).
    { file: /^Dockerfile$/, line: /^CMD\b.*(\bflask\b.*\brun\b|\bapp\.py\b)/ },
    { file: /\.py$/, line: /\.run\(/ },
  ],
  'app-server-exposed': [{ file: COMPOSE, line: /^\s*ports:/ }],
  'route-conflict': [{ file: NGINX_CONF, line: /^\s*location\b/ }],
  'port-conflict': [
    { file: NGINX_CONF, line: /^\s*listen\b/ },
    { file: GUNICORN_CONF, line: /^\s*bind\s*=/ },
    { file: UWSGI_INI, line: /^\s*(http-)?socket\s*=/ },
    { file: COMPOSE, line: /^\s*ports:/ },
  ],
  'socket-conflict': [
    { file: GUNICORN_CONF, line: /^\s*bind\s*=.*unix:/ },
    { file: UWSGI_INI, line: /^\s*(http-)?socket\s*=\s*\// },
  ],
  'wsgi-needs-app': [
    { file: GUNICORN_CONF, line: /^\s*wsgi_app\s*=/ },
    { file: UWSGI_INI, line: /^\s*(module|wsgi-file)\s*=/ },
  ],
  'workers-out-of-range': [
    { file: GUNICORN_CONF, line: /^\s*workers\s*=/ },
    { file: UWSGI_INI, line: /^\s*(processes|workers)\s*=/ },
  ],
  'sqlite-same-container': [{ file: COMPOSE, line: /^\s*volumes:/ }],
  'sqlite-single-container': [{ file: COMPOSE, line: /^\s*volumes:/ }],
  'static-needs-nginx': [{ file: NGINX_CONF, line: /^\s*root\b/ }],
};

/** The containers (top folders of the bundle) of the nodes a diagnostic names. */
function containersOf(design: Design, diagnostic: Diagnostic): Set<string> {
  const ids = new Set(diagnostic.nodes);
  for (const edgeId of diagnostic.edges) {
    const edge = design.edges.find((candidate) => candidate.id === edgeId);
    if (edge) ids.add(edge.source).add(edge.target);
  }
  const containers = new Set<string>();
  for (const node of design.nodes) if (ids.has(node.id) && node.container) containers.add(node.container);
  return containers;
}

/**
 * The markers of one file: for each diagnostic whose rule has a place in this kind of file, the lines
 * holding that directive. A file inside a container folder only gets diagnostics about that container.
 */
export function diagnosticMarkers(
  path: string,
  text: string,
  diagnostics: readonly Diagnostic[],
  design: Design,
): FileMarker[] {
  const slash = path.indexOf('/');
  const folder = slash > 0 ? path.slice(0, slash) : null;
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lines = text.split('\n');
  const markers: FileMarker[] = [];
  for (const diagnostic of diagnostics) {
    const places = (RULE_LINES[diagnostic.rule] ?? []).filter((place) => place.file.test(base));
    if (places.length === 0) continue;
    if (folder !== null && folder !== 'scripts') {
      const containers = containersOf(design, diagnostic);
      if (containers.size > 0 && !containers.has(folder)) continue;
    }
    lines.forEach((lineText, index) => {
      if (!places.some((place) => place.line.test(lineText))) return;
      const indent = lineText.length - lineText.trimStart().length;
      markers.push({
        rule: diagnostic.rule,
        severity: diagnostic.severity,
        message: diagnostic.message,
        line: index + 1,
        startColumn: indent + 1,
        endColumn: lineText.trimEnd().length + 1,
      });
    });
  }
  return markers;
}
