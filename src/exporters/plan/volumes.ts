import { appPart } from '../../nodes/planParts';
import type { PlannedVolume } from '../planTypes';
import { Names, dirname } from './graph';
import type { PythonDraft } from './processes';

export interface Mount {
  volume: string;
  target: string;
  /** Mounted read-only (nginx reading an app's collected static files). */
  readOnly?: boolean;
}

/** Folders a volume must not cover (the image's own files live there). */
const SYSTEM_DIRS = new Set([
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/root',
  '/sbin',
  '/sys',
  '/usr',
  '/var',
  '/usr/local',
  '/usr/lib',
  '/usr/bin',
]);

const isShareable = (dir: string) => dir !== '/' && !SYSTEM_DIRS.has(dir);

/** The named volumes of the bundle and the mounts of each service, built up by the steps below. */
export class Volumes {
  readonly list: PlannedVolume[] = [];
  readonly notes: string[] = [];
  private names = new Names();
  private mounts = new Map<string, Mount[]>();
  /** container + folder → volume: services split from one container share its folders. */
  private byFolder = new Map<string, string>();
  /** Data volumes per container so far: the second is named <service>-data-2. */
  private dataCount = new Map<string, number>();

  mountsOf(service: string): Mount[] {
    return this.mounts.get(service) ?? [];
  }

  mount(service: string, volume: string, target: string, readOnly = false): void {
    const mount: Mount = readOnly ? { volume, target, readOnly } : { volume, target };
    const list = this.mounts.get(service);
    if (!list) this.mounts.set(service, [mount]);
    else if (!list.some((existing) => existing.target === target)) list.push(mount);
  }

  private create(name: string, purpose: PlannedVolume['purpose']): string {
    const volume = this.names.take(name);
    this.list.push({ name: volume, purpose });
    return volume;
  }

  /** A named volume of its own (certificates, the ACME webroot): the name is made unique. */
  addVolume(name: string, purpose: PlannedVolume['purpose']): string {
    return this.create(name, purpose);
  }

  /** A volume at each database file's folder, so the data outlives the container. */
  addDataVolumes(draft: PythonDraft): void {
    const dirs = [...new Set(draft.apps.flatMap((app) => app.databases.map(dirname)))];
    for (const dir of dirs) {
      if (!isShareable(dir)) {
        this.notes.push(
          `The SQLite file in "${dir}" cannot get its own volume (a system folder); its data is lost when the container is recreated. Use a folder like /data.`,
        );
        continue;
      }
      const key = `data\u0000${draft.container}\u0000${dir}`;
      let name = this.byFolder.get(key);
      if (!name) {
        const existing = this.dataCount.get(draft.container) ?? 0;
        this.dataCount.set(draft.container, existing + 1);
        name = this.create(`${draft.service}-data${existing === 0 ? '' : `-${existing + 1}`}`, 'data');
        this.byFolder.set(key, name);
      }
      this.mount(draft.service, name, dir);
    }
  }

  /** A volume for each app's collected static files (collectstatic writes there, nginx may read it). */
  addStaticVolumes(draft: PythonDraft): void {
    for (const { app } of draft.apps) {
      const folder = app ? appPart(app.kind).collectFolder?.(app.props) : null;
      if (!folder) continue;
      const dir = folder.replace(/\/$/, '');
      const key = `static\u0000${draft.container}\u0000${dir}`;
      let name = this.byFolder.get(key);
      if (!name) {
        name = this.create(`${draft.service}-static`, 'static');
        this.byFolder.set(key, name);
      }
      this.mount(draft.service, name, dir);
    }
  }

  /** The volume of a service's static files folder, mounted read-only into the web service. */
  shareStatic(fromService: string, folder: string, webService: string): boolean {
    const dir = folder.replace(/\/$/, '');
    const mounted = this.mountsOf(fromService).find((mount) => mount.target === dir);
    if (!mounted) return false;
    this.mount(webService, mounted.volume, dir, true);
    return true;
  }

  /** The volume a unix socket's folder is shared through (null: a system folder, which cannot be). */
  socketVolume(serverService: string, container: string, path: string): string | null {
    const dir = dirname(path);
    if (!isShareable(dir)) {
      this.notes.push(
        `The unix socket "${path}" sits in a system folder that cannot be shared as a volume; nginx in another container cannot reach it. Use a folder like /run/app.`,
      );
      return null;
    }
    // A folder that already has a volume (the SQLite data, say) shares that one.
    const mounted = this.mountsOf(serverService).find((mount) => mount.target === dir);
    if (mounted) return mounted.volume;
    const key = `socket\u0000${container}\u0000${dir}`;
    let name = this.byFolder.get(key);
    if (!name) {
      name = this.create(`${serverService}-socket`, 'socket');
      this.byFolder.set(key, name);
    }
    this.mount(serverService, name, dir);
    return name;
  }
}

/** Step: the data and static-files volumes of every python service, in service order. */
export function planDataVolumes(drafts: readonly PythonDraft[]): Volumes {
  const volumes = new Volumes();
  for (const draft of drafts) {
    volumes.addDataVolumes(draft);
    volumes.addStaticVolumes(draft);
  }
  return volumes;
}
