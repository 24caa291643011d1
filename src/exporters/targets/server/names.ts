/**
 * The names a bundle gives things on the host, all from the design name: the site, the system user,
 * the unit names and the folders. Each is lowercase ASCII letters, digits and '-', starts with a
 * letter, and fits a Linux user name (at most 32 characters), so it is also a safe unit name,
 * folder name and nginx file name whatever the design is called.
 */
const FALLBACK = 'stacksketch';
const MAX_USER_NAME = 32;

/** A design name (or a container name) made safe for a user, a unit and a path segment. */
export function hostSafeName(name: string, maxLength = MAX_USER_NAME): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return ascii.length > 0 ? ascii : FALLBACK;
}

/** Everything one python service is called on the host. */
export interface ServiceNames {
  /** The unit's name without ".service" (a template's prefix before "@"). */
  unit: string;
  /** Its folder under /srv/<site>/. */
  dir: string;
  /** Where its code lives. */
  codeDir: string;
  /** Its venv. */
  venv: string;
  /** Its StateDirectory (relative to /var/lib), where SQLite lives. */
  stateDir: string;
  /** Its RuntimeDirectory (relative to /run). */
  runtimeDir: string;
}

export interface HostNames {
  site: string;
  user: string;
  srv: string;
  www: string;
  etc: string;
  envFile: string;
  /**
   * The names of one python process: `dir` is its own (unit, code, runtime folder), `stateDir` the
   * state folder it shares with the other processes of its container (one SQLite file there).
   * Both are host-safe names already (see distinctHostNames).
   */
  service(dir: string, stateDir?: string): ServiceNames;
}

/** The longest folder name of a service, so that "<site>-<folder>" stays a short unit name. */
export const MAX_SERVICE_NAME = 24;

/**
 * A host-safe name for each key, no two alike: two keys that are the same once made safe (or cut
 * to length) get "-2", "-3", … in order, so a unit never overwrites another's file.
 */
export function distinctHostNames(
  keys: readonly string[],
  maxLength = MAX_SERVICE_NAME,
): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const key of keys) {
    if (names.has(key)) continue;
    const base = hostSafeName(key, maxLength);
    let name = base;
    for (let suffix = 2; taken.has(name); suffix++)
      name = `${base.slice(0, maxLength - String(suffix).length - 1).replace(/-+$/, '')}-${suffix}`;
    taken.add(name);
    names.set(key, name);
  }
  return names;
}

export function hostNames(designName: string): HostNames {
  const site = hostSafeName(designName);
  return {
    site,
    user: site,
    srv: `/srv/${site}`,
    www: `/var/www/${site}`,
    etc: `/etc/${site}`,
    envFile: `/etc/${site}/env`,
    service(dir, stateDir = dir) {
      const unit = `${site}-${dir}`;
      return {
        unit,
        dir,
        codeDir: `/srv/${site}/${dir}`,
        venv: `/srv/${site}/${dir}/venv`,
        stateDir: `${site}/${stateDir}`,
        runtimeDir: unit,
      };
    },
  };
}
