/**
 * nginx configuration as data: blocks and directives built by the generators, written to text here.
 * Every argument is either a generator constant (`lit`, may use nginx variables like $host) or a user
 * value (`user`, checked again with the field validators of src/model/fields.ts and never allowed to
 * contain `$`). Anything that could end a directive, open a block or start a new line is rejected,
 * and arguments with characters nginx treats specially are double-quoted with escapes.
 */
import {
  checkAbsolutePath,
  checkPort,
  checkRoute,
  checkServerName,
  checkSize,
  hasControlCharacters,
  printableText,
} from '../../model/fields';
import { remembered } from '../../model/remembered';

const USER_VALUE_KINDS = ['route', 'serverName', 'path', 'size', 'port', 'host'] as const;
export type UserValueKind = (typeof USER_VALUE_KINDS)[number];

export type NginxArg =
  { source: 'literal'; text: string } | { source: 'user'; kind: UserValueKind; text: string };

export interface NginxDirective {
  name: string;
  args: NginxArg[];
  /** Present for blocks like `http`, `server`, `location`. */
  block?: NginxNode[];
}

/** A comment line (generator text only). */
export interface NginxComment {
  comment: string;
}

/**
 * Nodes the generator writes the same way in every file (headers, gzip settings, fixed locations):
 * formatted once through formatNode when the module loads, then copied as text. Only literal
 * arguments may go in (user values differ per design), and the depth is fixed so the indent is right.
 */
export interface NginxFragment {
  fragment: string;
  depth: number;
}

export type NginxNode = NginxDirective | NginxComment | NginxFragment;

export function lit(text: string | number): NginxArg {
  return { source: 'literal', text: String(text) };
}

export function user(kind: UserValueKind, value: string | number): NginxArg {
  return { source: 'user', kind, text: String(value) };
}

export function directive(name: string, ...args: NginxArg[]): NginxDirective {
  return { name, args };
}

export function block(name: string, args: NginxArg[], children: NginxNode[]): NginxDirective {
  return { name, args, block: children };
}

export function comment(text: string): NginxComment {
  return { comment: text };
}

const DIRECTIVE_NAME = /^[a-z_][a-z0-9_]*$/;
/** Characters that may stand in an unquoted nginx argument without changing its meaning. */
const BARE = /^[A-Za-z0-9_/.:*~!@%+,=^[\]()|?&$-]+$/;
const COMPOSE_HOST = /^[a-z0-9][a-z0-9_.-]*$/;

function userValueProblem(kind: UserValueKind, text: string): string | null {
  let problem: string | null;
  switch (kind) {
    case 'route':
      problem = checkRoute(text);
      break;
    case 'serverName':
      problem = checkServerName(text);
      break;
    case 'path':
      problem = checkAbsolutePath(text);
      break;
    case 'size':
      problem = checkSize(text);
      break;
    case 'port':
      problem = checkPort(Number(text)) ?? (/^[0-9]+$/.test(text) ? null : 'not a port number');
      break;
    case 'host':
      problem = COMPOSE_HOST.test(text) && text.length <= 63 ? null : 'not a service host name';
      break;
  }
  if (problem === null && text.includes('$')) problem = 'user values must not contain "$"';
  return problem;
}

/**
 * Each distinct value, name and comment is checked and formatted once: a 200-server design repeats
 * the same few hundred thousands of times. A refused one still throws on every call.
 */
const userValueProblems = Object.fromEntries(
  USER_VALUE_KINDS.map((kind) => [kind, remembered((text) => userValueProblem(kind, text))]),
) as Record<UserValueKind, (text: string) => string | null>;
const directiveNameProblem = remembered((name) =>
  DIRECTIVE_NAME.test(name) ? null : `bad directive name ${JSON.stringify(name)}`,
);
const commentProblem = remembered((text) =>
  hasControlCharacters(text) ? 'a comment must be one line' : null,
);

/** Checks a user value against its field validator; throws an Error naming the value. */
function checkUserValue(kind: UserValueKind, text: string): void {
  const problem = userValueProblems[kind](text);
  if (problem !== null)
    throw new Error(`nginx: refusing ${kind} value ${JSON.stringify(printableText(text))}: ${problem}`);
}

const formatText = remembered((text) => {
  if (hasControlCharacters(text))
    throw new Error(`nginx: refusing argument ${JSON.stringify(printableText(text))}: control characters`);
  if (text.length > 0 && BARE.test(text) && !text.startsWith('#')) return text;
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
});

/** One argument as nginx text: bare when safe, otherwise double-quoted with \" and \\ escaped. */
export function formatArg(arg: NginxArg): string {
  if (arg.source === 'user') checkUserValue(arg.kind, arg.text);
  return formatText(arg.text);
}

const INDENT = '    ';

/** `nodes` formatted for `depth` levels of blocks; see NginxFragment. */
export function fragment(depth: number, ...nodes: NginxNode[]): NginxFragment {
  const hasUserValue = (node: NginxNode): boolean =>
    'name' in node &&
    (node.args.some((arg) => arg.source === 'user') || (node.block ?? []).some(hasUserValue));
  if (nodes.some(hasUserValue)) throw new Error('nginx: a fragment holds generator text only');
  const out: string[] = [];
  for (const node of nodes) formatNode(node, INDENT.repeat(depth), out);
  return { fragment: out.join('\n'), depth };
}

function formatNode(node: NginxNode, indent: string, out: string[]): void {
  if ('fragment' in node) {
    if (indent.length !== node.depth * INDENT.length)
      throw new Error(
        `nginx: a fragment for depth ${node.depth} used at depth ${indent.length / INDENT.length}`,
      );
    out.push(node.fragment);
    return;
  }
  if ('comment' in node) {
    const problem = commentProblem(node.comment);
    if (problem !== null) throw new Error(`nginx: ${problem}`);
    out.push(`${indent}# ${node.comment}`);
    return;
  }
  const nameProblem = directiveNameProblem(node.name);
  if (nameProblem !== null) throw new Error(`nginx: ${nameProblem}`);
  let head = node.name;
  for (const arg of node.args) head += ` ${formatArg(arg)}`;
  if (!node.block) {
    out.push(`${indent}${head};`);
    return;
  }
  out.push(`${indent}${head} {`);
  const inner = `${indent}${INDENT}`;
  for (const child of node.block) formatNode(child, inner, out);
  out.push(`${indent}}`);
}

/** The whole configuration as text, four-space indent, final newline. Blank-line separated top level. */
export function formatNginx(nodes: NginxNode[]): string {
  const out: string[] = [];
  for (const node of nodes) formatNode(node, '', out);
  // The final newline as a last empty line: join gives one flat string, not text + "\n" as a pair.
  out.push('');
  return out.join('\n');
}
