/**
 * Dockerfile instructions as data, written as text. Commands use the JSON (exec) form, built with
 * JSON.stringify, so no shell ever re-reads a value; every argument is one line.
 */
import { hasControlCharacters, printableText } from '../../model/fields';
import { remembered } from '../../model/remembered';

export type DockerInstruction =
  | { op: 'comment'; text: string }
  | { op: 'blank' }
  | { op: 'FROM'; image: string; as?: string }
  | { op: 'ENV'; vars: [string, string][] }
  | { op: 'WORKDIR'; path: string }
  | { op: 'RUN'; shell: string }
  | { op: 'COPY'; from?: string; chown?: string; sources: string[]; dest: string }
  | { op: 'USER'; name: string }
  | { op: 'EXPOSE'; port: number }
  | {
      op: 'HEALTHCHECK';
      interval: string;
      timeout: string;
      startPeriod: string;
      retries: number;
      command: string[];
    }
  | { op: 'STOPSIGNAL'; signal: 'SIGINT' | 'SIGTERM' | 'SIGQUIT' }
  | { op: 'CMD'; command: string[] }
  | DockerFragment;

/**
 * Instructions the generator writes the same way in every Dockerfile, formatted once by
 * dockerFragment (with every check below) and then copied as text.
 */
export interface DockerFragment {
  op: 'fragment';
  text: string;
}

export function dockerFragment(instructions: DockerInstruction[]): DockerFragment {
  return { op: 'fragment', text: formatDockerfile(instructions).slice(0, -1) };
}

const IMAGE = /^[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9._-]+$/;
const STAGE = /^[a-z][a-z0-9_-]*$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const DURATION = /^[0-9]+(ms|s|m|h)$/;
const USER = /^[a-z_][a-z0-9_-]*(:[a-z_][a-z0-9_-]*)?$/;
const PLAIN_PATH = /^[A-Za-z0-9_/.+@%=:,-]+$/;

function oneLine(value: string, what: string): string {
  if (hasControlCharacters(value))
    throw new Error(
      `Dockerfile: refusing ${what} ${JSON.stringify(printableText(value))}: control characters`,
    );
  return value;
}

/** A JSON string literal, or null for text with control characters (the caller names the problem). */
const jsonString = remembered((value) => (hasControlCharacters(value) ? null : JSON.stringify(value)));

function jsonArray(values: string[], what: string): string {
  if (values.length === 0) throw new Error(`Dockerfile: ${what} needs a command`);
  return `[${values.map((value) => jsonString(value) ?? oneLine(value, what)).join(', ')}]`;
}

/** A COPY path: plain when it only has path characters, otherwise the whole instruction goes JSON. */
function copyLine(flags: string, sources: string[], dest: string): string {
  const all = [...sources, dest];
  if (all.every((path) => PLAIN_PATH.test(path))) return `COPY ${flags}${all.join(' ')}`;
  return `COPY ${flags}${jsonArray(all, 'COPY path')}`;
}

function check(pattern: RegExp, value: string, what: string): string {
  if (!pattern.test(value))
    throw new Error(`Dockerfile: refusing ${what} ${JSON.stringify(printableText(value))}`);
  return value;
}

function envValue(value: string): string {
  // Quoted: Docker unescapes \" \\ and expands $ in ENV, so both are escaped.
  return `"${oneLine(value, 'ENV value').replace(/[\\"$]/g, (ch) => `\\${ch}`)}"`;
}

export function formatDockerfile(instructions: DockerInstruction[]): string {
  const out: string[] = [];
  for (const ins of instructions) {
    switch (ins.op) {
      case 'fragment':
        out.push(ins.text);
        break;
      case 'comment':
        out.push(`# ${oneLine(ins.text, 'comment')}`);
        break;
      case 'blank':
        out.push('');
        break;
      case 'FROM':
        out.push(
          `FROM ${check(IMAGE, ins.image, 'image')}${ins.as ? ` AS ${check(STAGE, ins.as, 'stage name')}` : ''}`,
        );
        break;
      case 'ENV':
        out.push(
          `ENV ${ins.vars.map(([name, value]) => `${check(ENV_NAME, name, 'ENV name')}=${envValue(value)}`).join(' \\\n    ')}`,
        );
        break;
      case 'WORKDIR':
        out.push(`WORKDIR ${check(PLAIN_PATH, ins.path, 'WORKDIR')}`);
        break;
      case 'RUN':
        // Generator text only (never a user value); kept on one logical line.
        out.push(`RUN ${oneLine(ins.shell, 'RUN command')}`);
        break;
      case 'COPY': {
        const flags =
          (ins.from ? `--from=${check(STAGE, ins.from, 'stage name')} ` : '') +
          (ins.chown ? `--chown=${check(USER, ins.chown, 'owner')} ` : '');
        out.push(copyLine(flags, ins.sources, ins.dest));
        break;
      }
      case 'USER':
        out.push(`USER ${check(USER, ins.name, 'user')}`);
        break;
      case 'STOPSIGNAL':
        out.push(`STOPSIGNAL ${check(/^SIG(INT|TERM|QUIT)$/, ins.signal, 'stop signal')}`);
        break;
      case 'EXPOSE':
        if (!Number.isInteger(ins.port) || ins.port < 1 || ins.port > 65535)
          throw new Error(`Dockerfile: refusing port ${ins.port}`);
        out.push(`EXPOSE ${ins.port}`);
        break;
      case 'HEALTHCHECK':
        out.push(
          `HEALTHCHECK --interval=${check(DURATION, ins.interval, 'interval')} --timeout=${check(DURATION, ins.timeout, 'timeout')} --start-period=${check(DURATION, ins.startPeriod, 'start period')} --retries=${ins.retries} \\\n    CMD ${jsonArray(ins.command, 'HEALTHCHECK')}`,
        );
        break;
      case 'CMD':
        out.push(`CMD ${jsonArray(ins.command, 'CMD')}`);
        break;
    }
  }
  // The final newline as a last empty line: join gives one flat string, not text + "\n" as a pair.
  out.push('');
  return out.join('\n');
}
