/** Dockerfiles: the final stage's CMD, ENTRYPOINT, ENV, EXPOSE, WORKDIR and COPY (nothing is built). */
import { checkSize, type ReportEntry, type SourceFile } from './types';
import { splitShellWords } from './commands';

export interface Dockerfile {
  file: string;
  from: string | null;
  cmd: string[] | null;
  entrypoint: string[] | null;
  cmdLine: number;
  env: Record<string, string>;
  expose: number[];
  workdir: string;
  copies: { sources: string[]; target: string; line: number }[];
}

const READ = new Set(['FROM', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'WORKDIR', 'COPY', 'ADD']);
/** Build steps: they shape the image, not the design; listed once per file. */
const BUILD_STEPS = new Set([
  'RUN',
  'USER',
  'ARG',
  'LABEL',
  'HEALTHCHECK',
  'SHELL',
  'STOPSIGNAL',
  'VOLUME',
  'ONBUILD',
]);

export function readDockerfile(file: SourceFile, report: ReportEntry[]): Dockerfile {
  checkSize(file);
  const result: Dockerfile = {
    file: file.path,
    from: null,
    cmd: null,
    entrypoint: null,
    cmdLine: 0,
    env: {},
    expose: [],
    workdir: '/',
    copies: [],
  };
  const rawLines = file.text.split('\n');
  let buildSteps = 0;
  for (let index = 0; index < rawLines.length; index++) {
    const line = index + 1;
    let text = rawLines[index]!;
    if (!text.trim() || text.trim().startsWith('#')) continue;
    while (text.trimEnd().endsWith('\\') && index + 1 < rawLines.length) {
      text = `${text.trimEnd().slice(0, -1)} `;
      index++;
      const next = rawLines[index]!;
      if (!next.trim().startsWith('#')) text += next;
    }
    const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(text);
    if (!match) continue;
    const instruction = match[1]!.toUpperCase();
    const args = match[2]!.trim();
    if (!READ.has(instruction)) {
      if (BUILD_STEPS.has(instruction)) buildSteps++;
      else
        report.push({
          file: file.path,
          line,
          message: `Dockerfile: ${instruction} is not understood (left out)`,
        });
      continue;
    }
    switch (instruction) {
      case 'FROM': {
        // A new stage starts: only the last stage's settings describe the running container.
        const image = args.split(/\s+/)[0] ?? null;
        Object.assign(result, {
          from: image,
          cmd: null,
          entrypoint: null,
          env: {},
          expose: [],
          workdir: '/',
          copies: [],
        });
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const argv = execForm(args) ?? ['/bin/sh', '-c', args];
        if (instruction === 'CMD') result.cmd = argv;
        else result.entrypoint = argv;
        result.cmdLine = line;
        break;
      }
      case 'ENV':
        readEnv(args, result.env);
        break;
      case 'EXPOSE':
        for (const port of args.split(/\s+/)) {
          const n = Number(port.split('/')[0]);
          if (Number.isInteger(n)) result.expose.push(n);
        }
        break;
      case 'WORKDIR':
        result.workdir = args.startsWith('/') ? args : `${result.workdir.replace(/\/$/, '')}/${args}`;
        break;
      case 'COPY':
      case 'ADD': {
        const words = (execForm(args) ?? splitShellWords(args)).filter((word) => !word.startsWith('--'));
        if (/--from=/.test(args) || words.length < 2) break;
        result.copies.push({ sources: words.slice(0, -1), target: words[words.length - 1]!, line });
        break;
      }
    }
  }
  if (buildSteps > 0)
    report.push({
      file: file.path,
      line: 0,
      message: `Dockerfile: ${buildSteps} build step(s) (RUN, USER, HEALTHCHECK …) are not part of the design`,
    });
  return result;
}

function execForm(args: string): string[] | null {
  if (!args.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(args);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

function readEnv(args: string, env: Record<string, string>): void {
  const words = splitShellWords(args);
  if (words.length >= 1 && !words[0]!.includes('=')) {
    // Legacy form: ENV KEY value with spaces
    env[words[0]!] = words.slice(1).join(' ');
    return;
  }
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq > 0) env[word.slice(0, eq)] = word.slice(eq + 1);
  }
}
