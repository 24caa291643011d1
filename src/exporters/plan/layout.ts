import { compareText } from '../order';

const WORKDIR_CANDIDATES = ['/app', '/srv/app', '/opt/app', '/home/app/src'];

/** The first of /app, /srv/app, ... that no volume covers (a volume over the code would hide it). */
export function pickWorkdir(mounts: readonly { target: string }[]): string {
  const covered = (dir: string) =>
    mounts.some(
      (mount) =>
        mount.target === dir || dir.startsWith(`${mount.target}/`) || mount.target.startsWith(`${dir}/`),
    );
  return WORKDIR_CANDIDATES.find((dir) => !covered(dir)) ?? '/stacksketch-app';
}

/**
 * Files for module paths: `shop.api` → shop/__init__.py + shop/api.py; a module that is also a
 * package of another (shop and shop.api) becomes shop/__init__.py.
 */
export function moduleLayout(modules: string[]): { files: string[]; packages: string[]; entryFile: string } {
  const packageDirs = new Set<string>();
  for (const module of new Set(modules)) {
    const parts = module.split('.');
    for (let depth = 1; depth < parts.length; depth++) packageDirs.add(parts.slice(0, depth).join('/'));
  }
  const fileOf = (module: string) => {
    const path = module.split('.').join('/');
    return packageDirs.has(path) ? `${path}/__init__.py` : `${path}.py`;
  };
  const files = modules.map(fileOf);
  const appFiles = new Set(files);
  const packages = [...packageDirs]
    .map((dir) => `${dir}/__init__.py`)
    .filter((file) => !appFiles.has(file))
    .sort(compareText);
  const entryFile = packageDirs.has('wsgi') ? 'wsgi/__init__.py' : 'wsgi.py';
  return { files, packages, entryFile };
}
