/**
 * Designs live on in autosaves, files, share links and SVG/PNG images, so every format StackSketch
 * ever wrote keeps loading: a file is migrated step by step to the current format before it is checked.
 * A migration works on the parsed file (not yet checked) and never fails on what the check reports
 * anyway; it leaves malformed parts as they are.
 */
import { isNodeKind } from '../nodes/registry';
import { defaultContainers, type Link, type PlaceableNode } from './defaultContainers';
import { FORMAT } from './design';
import { byName } from './containers';

export type DesignObject = Record<string, unknown>;

export interface Migration {
  from: string;
  to: string;
  /** What changed, in one line (for the docs and the tests). */
  title: string;
  migrate: (file: DesignObject) => DesignObject;
}

/** A file that a migration cannot carry forward; `path` names the field, like a load error. */
export class MigrationError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const isObject = (value: unknown): value is DesignObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The well-formed nodes and edges of an unchecked file (the check reports the others). */
function placeable(file: DesignObject): { nodes: PlaceableNode[]; edges: Link[] } {
  const rawNodes = Array.isArray(file.nodes) ? file.nodes : [];
  const rawEdges = Array.isArray(file.edges) ? file.edges : [];
  const nodes = rawNodes.flatMap((raw): PlaceableNode[] =>
    isObject(raw) && typeof raw.id === 'string' && isNodeKind(raw.kind)
      ? [
          {
            id: raw.id,
            kind: raw.kind,
            container: typeof raw.container === 'string' ? raw.container : undefined,
          },
        ]
      : [],
  );
  const edges = rawEdges.flatMap((raw): Link[] =>
    isObject(raw) && typeof raw.source === 'string' && typeof raw.target === 'string'
      ? [{ source: raw.source, target: raw.target }]
      : [],
  );
  return { nodes, edges };
}

export const v1ToV2: Migration = {
  from: 'stacksketch/v1',
  to: 'stacksketch/v2',
  title: 'containers: one entry per container the nodes name (explicitly or by default), none with settings',
  migrate(file) {
    if (file.containers !== undefined)
      throw new MigrationError(
        'containers',
        'unknown field in a stacksketch/v1 design (containers came with stacksketch/v2)',
      );
    const { nodes, edges } = placeable(file);
    const assigned = defaultContainers(nodes, edges);
    const names = new Set(
      nodes.flatMap((node) => {
        const container = node.container ?? assigned.get(node.id);
        return container === undefined ? [] : [container];
      }),
    );
    const containers = Object.fromEntries([...names].sort(byName).map((name) => [name, {}]));
    return { ...file, format: v1ToV2.to, containers };
  },
};

/** Every migration, oldest first: each one's `to` is the next one's `from`, the last one's is FORMAT. */
export const MIGRATIONS: readonly Migration[] = [v1ToV2];

/** Every format this StackSketch reads, oldest first. */
export const READABLE_FORMATS: readonly string[] = [...MIGRATIONS.map((m) => m.from), FORMAT];

const versionOf = (format: string): number | null => {
  const match = /^stacksketch\/v([0-9]{1,9})$/.exec(format);
  return match ? Number(match[1]) : null;
};

/** Why a format string is unreadable because it is newer than this StackSketch (null: it is not newer). */
export function newerFormatProblem(format: unknown): string | null {
  const version = typeof format === 'string' ? versionOf(format) : null;
  if (version === null || version <= versionOf(FORMAT)!) return null;
  return `this design was made by a newer StackSketch (format "${String(format)}"; this one reads ${READABLE_FORMATS.join(' and ')}): update StackSketch to open it`;
}

export type MigrationResult =
  { ok: true; file: DesignObject; applied: Migration[] } | { ok: false; path: string; message: string };

/** Bring a parsed file of a readable format (see READABLE_FORMATS) to FORMAT; the file itself is not changed. */
export function migrateToCurrent(file: DesignObject): MigrationResult {
  let current = file;
  const applied: Migration[] = [];
  try {
    for (const migration of MIGRATIONS) {
      if (current.format !== migration.from) continue;
      current = migration.migrate(current);
      applied.push(migration);
    }
  } catch (error) {
    if (error instanceof MigrationError) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
  return { ok: true, file: current, applied };
}
