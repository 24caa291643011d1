/**
 * Compose files (the Compose spec) through the `yaml` library, with its alias limit and the design
 * file's size and nesting limits: services, builds, commands, ports, volumes, environment,
 * depends_on and deploy.replicas. `${VAR}` values are filled from a `.env` file where given.
 */
import { LineCounter, isAlias, isCollection, isPair, isScalar, parseDocument, type Node } from 'yaml';
import { ImportError, MAX_CONFIG_DEPTH, checkSize, type ReportEntry, type SourceFile } from './types';

export interface ComposePort {
  host: number | null;
  container: number;
  line: number;
}

export interface ComposeVolume {
  /** A named volume, a host path (bind mount) or null (an anonymous volume). */
  source: string | null;
  named: boolean;
  target: string;
  line: number;
}

export interface ComposeService {
  name: string;
  line: number;
  build: { context: string; dockerfile: string } | null;
  image: string | null;
  /** As written: a string is a shell command line, a list is exec form. */
  command: string | string[] | null;
  entrypoint: string | string[] | null;
  commandLine: number;
  ports: ComposePort[];
  expose: number[];
  volumes: ComposeVolume[];
  environment: Record<string, string>;
  dependsOn: string[];
  replicas: number | null;
}

export interface ComposeFile {
  file: string;
  services: ComposeService[];
  /** Top-level named volumes. */
  volumes: string[];
}

const MAX_ALIASES = 100;
const SERVICE_KEYS = new Set([
  'build',
  'image',
  'command',
  'entrypoint',
  'ports',
  'expose',
  'volumes',
  'environment',
  'env_file',
  'depends_on',
  'deploy',
]);

/** The deepest bracket nesting in YAML flow style, counted before parsing. */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

function checkDepth(file: string, node: unknown, depth: number, lines: LineCounter): void {
  if (depth > MAX_CONFIG_DEPTH) {
    const offset = (node as { range?: [number] }).range?.[0] ?? 0;
    throw new ImportError(
      file,
      lines.linePos(offset).line,
      `the YAML nests deeper than ${MAX_CONFIG_DEPTH} levels`,
    );
  }
  if (isCollection(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        checkDepth(file, item.key, depth + 1, lines);
        checkDepth(file, item.value, depth + 1, lines);
      } else checkDepth(file, item, depth + 1, lines);
    }
  }
}

/** `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR` and `$$`, as Compose interpolates them. */
export function interpolate(
  value: string,
  env: ReadonlyMap<string, string>,
  onMissing: (name: string) => void,
): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      whole,
      braced: string | undefined,
      op: string | undefined,
      fallback: string | undefined,
      bare: string | undefined,
    ) => {
      if (whole === '$$') return '$';
      const name = braced ?? bare!;
      const found = env.get(name);
      if (op === ':-') return found ? found : (fallback ?? '');
      if (op === '-') return found ?? fallback ?? '';
      if (found !== undefined) return found;
      onMissing(name);
      return '';
    },
  );
}

/** A `.env` file: KEY=VALUE lines, `#` comments, optional quotes. */
export function readDotEnv(file: SourceFile, report: ReportEntry[]): Map<string, string> {
  checkSize(file);
  const env = new Map<string, string>();
  file.text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      report.push({ file: file.path, line: index + 1, message: '.env: not a KEY=VALUE line (left out)' });
      return;
    }
    env.set(match[1]!, match[2]!.replace(/^(['"])(.*)\1$/, '$2'));
  });
  return env;
}

function toPort(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(n) ? n : null;
}

/** Read a Compose file. `env` fills `${VAR}`; unset variables are reported. */
export function readCompose(
  file: SourceFile,
  env: ReadonlyMap<string, string>,
  report: ReportEntry[],
): ComposeFile {
  checkSize(file);
  if (flowDepth(file.text) > MAX_CONFIG_DEPTH)
    throw new ImportError(file.path, 0, `the YAML nests deeper than ${MAX_CONFIG_DEPTH} levels`);
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(file.text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: false,
      merge: true,
    });
  } catch (error) {
    throw new ImportError(
      file.path,
      0,
      `the YAML cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const first = doc.errors[0];
  if (first) {
    const line = lines.linePos(first.pos[0]).line;
    throw new ImportError(file.path, line, `malformed YAML: ${first.message.split('\n')[0]}`);
  }
  let aliases = 0;
  const countAliases = (node: unknown): void => {
    if (isAlias(node) && ++aliases > MAX_ALIASES)
      throw new ImportError(
        file.path,
        lines.linePos(node.range?.[0] ?? 0).line,
        `more than ${MAX_ALIASES} YAML aliases (refused: an alias bomb expands without bound)`,
      );
    if (isCollection(node))
      for (const item of node.items) {
        if (isPair(item)) {
          countAliases(item.key);
          countAliases(item.value);
        } else countAliases(item);
      }
  };
  checkDepth(file.path, doc.contents, 0, lines);
  countAliases(doc.contents);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new ImportError(
      file.path,
      0,
      `the YAML cannot be expanded (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const lineAt = (path: (string | number)[]): number => {
    const node = doc.getIn(path, true) as Node | undefined;
    const offset = node && (isScalar(node) || isCollection(node)) ? node.range?.[0] : undefined;
    return offset === undefined ? 0 : lines.linePos(offset).line;
  };
  if (!isRecord(data) || !isRecord(data.services))
    throw new ImportError(file.path, 1, 'a Compose file has a "services" map');

  const missing = new Set<string>();
  const sub = (value: string, line: number) =>
    interpolate(value, env, (name) => {
      if (missing.has(`${name}:${line}`)) return;
      missing.add(`${name}:${line}`);
      report.push({
        file: file.path,
        line,
        message: `compose: \${${name}} is not set (no .env value); read as empty`,
      });
    });
  const str = (value: unknown, line: number): string | null =>
    typeof value === 'string'
      ? sub(value, line)
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : null;

  const services: ComposeService[] = [];
  for (const [name, raw] of Object.entries(data.services)) {
    const at = (...rest: (string | number)[]) => lineAt(['services', name, ...rest]);
    const line = Math.max(1, at() - 1);
    if (!isRecord(raw)) {
      report.push({ file: file.path, line, message: `compose: service "${name}" is not a map (left out)` });
      continue;
    }
    for (const key of Object.keys(raw))
      if (!SERVICE_KEYS.has(key))
        report.push({
          file: file.path,
          line: at(key),
          message: `compose: "${key}" of service "${name}" is not modelled (left out)`,
        });
    const service: ComposeService = {
      name,
      line,
      build: null,
      image: str(raw.image, at('image')),
      command: null,
      entrypoint: null,
      commandLine: at('command') || at('entrypoint') || line,
      ports: [],
      expose: [],
      volumes: [],
      environment: {},
      dependsOn: [],
      replicas: null,
    };
    if (typeof raw.build === 'string')
      service.build = { context: sub(raw.build, at('build')), dockerfile: 'Dockerfile' };
    else if (isRecord(raw.build))
      service.build = {
        context: str(raw.build.context, at('build', 'context')) ?? '.',
        dockerfile: str(raw.build.dockerfile, at('build', 'dockerfile')) ?? 'Dockerfile',
      };
    for (const key of ['command', 'entrypoint'] as const) {
      const value = raw[key];
      if (typeof value === 'string') service[key] = sub(value, at(key));
      else if (Array.isArray(value)) service[key] = value.map((part, i) => str(part, at(key, i)) ?? '');
    }
    if (Array.isArray(raw.ports))
      raw.ports.forEach((entry, i) => {
        const portLine = at('ports', i);
        const parsed = readPort(entry, (v) => str(v, portLine));
        if (parsed) service.ports.push({ ...parsed, line: portLine });
        else
          report.push({
            file: file.path,
            line: portLine,
            message: `compose: port "${String(str(entry, portLine) ?? JSON.stringify(entry))}" of "${name}" is not understood (left out)`,
          });
      });
    if (Array.isArray(raw.expose))
      raw.expose.forEach((entry, i) => {
        const port = toPort(str(entry, at('expose', i))?.split('/')[0]);
        if (port !== null) service.expose.push(port);
      });
    if (Array.isArray(raw.volumes))
      raw.volumes.forEach((entry, i) => {
        const volumeLine = at('volumes', i);
        const volume = readVolume(entry, (v) => str(v, volumeLine));
        if (volume) service.volumes.push({ ...volume, line: volumeLine });
        else
          report.push({
            file: file.path,
            line: volumeLine,
            message: `compose: a volume of "${name}" is not understood (left out)`,
          });
      });
    if (Array.isArray(raw.environment))
      raw.environment.forEach((entry, i) => {
        const text = str(entry, at('environment', i)) ?? '';
        const eq = text.indexOf('=');
        if (eq > 0) service.environment[text.slice(0, eq)] = text.slice(eq + 1);
        else if (env.has(text)) service.environment[text] = env.get(text)!;
      });
    else if (isRecord(raw.environment))
      for (const [key, value] of Object.entries(raw.environment))
        service.environment[key] =
          value === null ? (env.get(key) ?? '') : (str(value, at('environment', key)) ?? '');
    if (Array.isArray(raw.depends_on))
      service.dependsOn = raw.depends_on.filter((v): v is string => typeof v === 'string');
    else if (isRecord(raw.depends_on)) service.dependsOn = Object.keys(raw.depends_on);
    if (isRecord(raw.deploy)) {
      for (const key of Object.keys(raw.deploy))
        if (key !== 'replicas')
          report.push({
            file: file.path,
            line: at('deploy', key),
            message: `compose: deploy.${key} of "${name}" is not modelled (left out)`,
          });
      const replicas = toPort(raw.deploy.replicas);
      if (replicas !== null) service.replicas = replicas;
    }
    if (raw.env_file !== undefined)
      report.push({
        file: file.path,
        line: at('env_file'),
        message: `compose: env_file of "${name}" is read only when that file is given as .env`,
      });
    services.push(service);
  }
  const volumes = isRecord(data.volumes) ? Object.keys(data.volumes) : [];
  for (const key of Object.keys(data))
    if (key !== 'services' && key !== 'volumes' && key !== 'version' && key !== 'name')
      report.push({
        file: file.path,
        line: lineAt([key]) - 1 || 1,
        message: `compose: top-level "${key}" is not modelled (left out)`,
      });
  return { file: file.path, services, volumes };
}

function readPort(
  entry: unknown,
  str: (v: unknown) => string | null,
): { host: number | null; container: number } | null {
  if (isRecord(entry)) {
    const container = toPort(str(entry.target));
    if (container === null) return null;
    return {
      container,
      host: entry.published === undefined ? null : toPort(String(str(entry.published)).split('-')[0]),
    };
  }
  const text = str(entry);
  if (text === null) return null;
  const parts = text.replace(/\/(tcp|udp)$/, '').split(':');
  const container = toPort(parts[parts.length - 1]);
  if (container === null) return null;
  return { container, host: parts.length >= 2 ? toPort(parts[parts.length - 2]) : null };
}

function readVolume(entry: unknown, str: (v: unknown) => string | null): Omit<ComposeVolume, 'line'> | null {
  if (isRecord(entry)) {
    const target = str(entry.target);
    if (!target) return null;
    const source = entry.source === undefined ? null : str(entry.source);
    return { source, target, named: entry.type !== 'bind' && source !== null && !/^[./~]/.test(source) };
  }
  const text = str(entry);
  if (!text) return null;
  const parts = text.split(':');
  if (parts.length === 1) return { source: null, target: parts[0]!, named: false };
  const source = parts[0]!;
  return { source, target: parts[1]!, named: !/^[./~]/.test(source) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
