/**
 * What a built image provides beyond the copied files, read from the final stage of a generated
 * Dockerfile: environment (ENV), the user it creates (useradd/adduser with their ids), the USER the
 * container runs as, and the folders it chowns (a new named volume takes the ownership of the image's
 * folder). Only these facts are read; the RUN lines themselves are not executed.
 */
export interface ImageFacts {
  env: Record<string, string>;
  /** The USER instruction, or null (root). */
  user: string | null;
  /** Users the image creates, by name. */
  users: Record<string, { uid: number | null; gid: number | null; system: boolean }>;
  /** Groups the image creates, by name. */
  groups: Record<string, { gid: number | null }>;
  /** Absolute folder → "user[:group]" from `chown` in RUN lines. */
  chowned: Record<string, string>;
}

/** Instructions with their continuation lines joined, comments dropped. */
function instructions(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    if (current.trim()) out.push(current.trim());
    current = '';
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Split a shell-ish command line into words (double and single quotes, no expansion). */
export function words(line: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) current += line[++i]!;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current ??= '';
    } else if (/\s/.test(ch)) {
      if (current !== null) out.push(current);
      current = null;
    } else current = (current ?? '') + ch;
  }
  if (current !== null) out.push(current);
  return out;
}

function parseEnv(rest: string, env: Record<string, string>): void {
  const tokens = words(rest);
  if (tokens.length >= 2 && !tokens[0]!.includes('=')) {
    env[tokens[0]!] = tokens.slice(1).join(' ');
    return;
  }
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))/g;
  for (const match of rest.matchAll(pattern)) {
    env[match[1]!] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? match[4] ?? '');
  }
}

function optionValue(args: string[], names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    for (const name of names) {
      if (arg === name) return args[i + 1];
      if (name.startsWith('--') && arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

function parseRun(command: string, facts: ImageFacts): void {
  for (const part of command.split(/&&|\|\||;/)) {
    const args = words(part.trim());
    const program = args[0];
    if (program === 'groupadd' || program === 'addgroup') {
      const name = args.filter((arg) => !arg.startsWith('-')).at(-1);
      const gid = optionValue(args, ['--gid', '-g']);
      if (name) facts.groups[name] = { gid: gid ? Number(gid) : null };
    } else if (program === 'useradd' || program === 'adduser') {
      const name = args.at(-1);
      const uid = optionValue(args, ['--uid', '-u']);
      const gid = optionValue(args, ['--gid', '-g', '-G', '--ingroup']);
      const gidNumber =
        gid === undefined ? null : /^\d+$/.test(gid) ? Number(gid) : (facts.groups[gid]?.gid ?? null);
      if (name && !name.startsWith('-'))
        facts.users[name] = {
          uid: uid ? Number(uid) : null,
          gid: gidNumber,
          system: args.includes('--system') || args.includes('-r') || args.includes('-S'),
        };
    } else if (program === 'chown') {
      const rest = args.slice(1).filter((arg) => !arg.startsWith('-'));
      const owner = rest[0];
      if (owner) for (const path of rest.slice(1)) if (path.startsWith('/')) facts.chowned[path] = owner;
    }
  }
}

export function readImageFacts(dockerfile: string): ImageFacts {
  const all = instructions(dockerfile);
  // Only the final stage ends up in the image.
  let start = 0;
  all.forEach((line, index) => {
    if (/^FROM\s/i.test(line)) start = index;
  });
  const facts: ImageFacts = { env: {}, user: null, users: {}, groups: {}, chowned: {} };
  for (const line of all.slice(start)) {
    const match = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const rest = match[2]!;
    if (keyword === 'ENV') parseEnv(rest, facts.env);
    else if (keyword === 'USER') facts.user = rest.trim();
    else if (keyword === 'RUN') parseRun(rest, facts);
  }
  return facts;
}
