/** The bundle's paths as the rows of a file tree: folders before files, each level sorted. Pure. */
export interface TreeRow {
  kind: 'folder' | 'file';
  /** Full path in the bundle (folders without a trailing slash). */
  path: string;
  name: string;
  depth: number;
}

interface Folder {
  folders: Map<string, Folder>;
  files: string[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function fileTreeRows(paths: readonly string[]): TreeRow[] {
  const root: Folder = { folders: new Map(), files: [] };
  for (const path of paths) {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { folders: new Map(), files: [] };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.push(parts[parts.length - 1]!);
  }
  const rows: TreeRow[] = [];
  const walk = (folder: Folder, prefix: string, depth: number) => {
    for (const name of [...folder.folders.keys()].sort(byName)) {
      const path = `${prefix}${name}`;
      rows.push({ kind: 'folder', path, name, depth });
      walk(folder.folders.get(name)!, `${path}/`, depth + 1);
    }
    for (const name of [...folder.files].sort(byName))
      rows.push({ kind: 'file', path: `${prefix}${name}`, name, depth });
  };
  walk(root, '', 0);
  return rows;
}
