/**
 * The resolver: joins what the readers found into one design file. Compose services become
 * containers (a file without Compose is one bare server), the programs they run become nodes, nginx
 * locations become routed edges to whatever listens at their address, and published ports become
 * edges from a client. Anything not modelled goes to the report; nothing is guessed.
 */
import { FORMAT } from '../model/design';
import { loadDesign, type LoadError } from '../model/load';
import type { Design } from '../model/design';
import { IMPORTED_KIND, IMPORTED_TLS, UWSGI_PROTOCOL } from '../nodes/imported';
import type { NodeKind } from '../nodes/registry';
import { SHELL, recognise, splitShellWords, type Recognised } from './commands';
import { readCompose, readDotEnv, interpolate, type ComposeFile, type ComposeService } from './compose';
import { readDockerfile, type Dockerfile } from './dockerfile';
import {
  readNginx,
  type NginxConfig,
  type NginxDirective,
  type NginxListen,
  type NginxLocation,
  type NginxRedirect,
  type NginxServer,
} from './nginx';
import { readGunicornConf, scanPythonModule, type PyValue } from './python';
import { readSystemdUnit, type SystemdService } from './systemd';
import { hostSafeName } from '../exporters/targets/server/names';
import { readUwsgiIni } from './uwsgi';
import {
  DESIGN_HSTS,
  LETSENCRYPT_LIVE,
  certificateSteps,
  judgeTlsSetting,
  type CertificateStep,
} from './tls';
import {
  ImportError,
  baseName,
  checkSize,
  dirOf,
  joinPath,
  type ReportEntry,
  type SourceFile,
} from './types';

export interface ImportResult {
  /** The design file object (what a user would save), or null when nothing could be imported. */
  file: Record<string, unknown> | null;
  /** The loaded design (null when nothing was imported or the loader refused the file). */
  design: Design | null;
  loadErrors: LoadError[];
  report: ReportEntry[];
}

type FileRole =
  | 'compose-file'
  | 'nginx-config'
  | 'gunicorn-config'
  | 'uwsgi-ini'
  | 'systemd-unit'
  | 'systemd-socket'
  | 'dockerfile'
  | 'python'
  | 'env'
  | 'other';

const NOT_READ =
  'not a file the import reads (Compose, nginx, gunicorn.conf.py, uwsgi.ini, Dockerfile, Python, .env): left out';

const isShellScript = (file: SourceFile): boolean => file.path.endsWith('.sh');

/** Every folder a path is in: `a/b/c.py` is in `a` and `a/b`. */
function parentFolders(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** What a file is, from its name (and for nginx, its content). */
export function classify(file: SourceFile): FileRole {
  const name = baseName(file.path).toLowerCase();
  if (/^(docker-)?compose[\w.-]*\.ya?ml$/.test(name)) return 'compose-file';
  if (/^dockerfile([.-][\w.-]+)?$|\.dockerfile$/.test(name)) return 'dockerfile';
  if (/^gunicorn[\w.-]*\.py$/.test(name)) return 'gunicorn-config';
  if (name === '.env') return 'env';
  if (name.endsWith('.py')) return 'python';
  if (name.endsWith('.ini') && /^\s*\[uwsgi\]/m.test(file.text)) return 'uwsgi-ini';
  if (name.endsWith('.service') && /^\s*\[Service\]/m.test(file.text)) return 'systemd-unit';
  if (name.endsWith('.socket') && /^\s*\[Socket\]/m.test(file.text)) return 'systemd-socket';
  if (
    /\.(conf|template|nginx)$/.test(name) ||
    /(^|\/)(sites-available|sites-enabled|conf\.d|nginx)\//.test(file.path) ||
    /^\s*(server|http|upstream|location)\b[^;{]*\{/m.test(file.text)
  ) {
    if (/[{;]/.test(file.text) || file.text.trim() === '') return 'nginx-config';
  }
  return 'other';
}

interface Unit {
  /** The Compose service name, or null for a bare server (every file on one host). */
  name: string | null;
  service: ComposeService | null;
  /** Files that belong to it (its build context, bind mounts), by path. */
  files: SourceFile[];
  /** Where those files sit in the container: container path → given path. */
  mounts: { target: string; source: string }[];
  command: Recognised | null;
  commandFile: string;
  commandLine: number;
  env: Record<string, string>;
  dockerfile: Dockerfile | null;
  /** The shell script its command runs (a wrapper like tls-init.sh, or the program itself). */
  script: SourceFile | null;
}

/** A container running certbot; reported as not modelled unless an nginx server uses its certificates. */
interface CertbotUnit {
  unit: Unit;
  steps: CertificateStep[];
  entry: ReportEntry;
  used: boolean;
}

interface ConfiguredServer {
  config: NginxConfig;
  server: NginxServer;
}

interface ListenerEntry {
  unit: Unit;
  tcp: number | null;
  unix: string | null;
  /** Host it binds (null: all interfaces). */
  node: string;
  /** The node kind's listener speaks the uwsgi protocol. */
  uwsgiProtocol: boolean;
}

interface RawNode {
  id: string;
  kind: NodeKind;
  container?: string;
  props: Record<string, string | number | boolean>;
}
interface RawEdge {
  id: string;
  source: string;
  target: string;
  props?: Record<string, string>;
}

/** Import the given files into a design file, a loaded design and the report. */
export function importConfigs(files: SourceFile[], name?: string): ImportResult {
  const report: ReportEntry[] = [];
  const readable: SourceFile[] = [];
  for (const file of files) {
    try {
      checkSize(file);
      readable.push({ path: file.path.replace(/\\/g, '/').replace(/^\.\//, ''), text: file.text });
    } catch (error) {
      if (error instanceof ImportError) report.push(error.toEntry());
      else throw error;
    }
  }
  const state = new Resolver(readable, report);
  try {
    state.run();
  } catch (error) {
    // A reader's refusal names its file and line; anything else is still reported, never thrown at the user.
    report.push(
      error instanceof ImportError
        ? error.toEntry()
        : {
            file: '',
            line: 0,
            message: `error: the files could not be imported (${error instanceof Error ? error.message : String(error)})`,
          },
    );
    return { file: null, design: null, loadErrors: [], report };
  }
  if (state.nodes.length === 0) {
    report.push({ file: '', line: 0, message: 'nothing in the given files could be imported' });
    return { file: null, design: null, loadErrors: [], report };
  }
  const designFile = state.designFile(name ?? state.projectName());
  const loaded = loadDesign(designFile);
  return {
    file: designFile,
    design: loaded.ok ? loaded.design : null,
    loadErrors: loaded.ok ? [] : loaded.errors,
    report,
  };
}

class Resolver {
  readonly nodes: RawNode[] = [];
  readonly edges: RawEdge[] = [];
  private readonly byPath: Map<string, string>;
  private readonly listeners: ListenerEntry[] = [];
  private readonly units: Unit[] = [];
  private compose: ComposeFile | null = null;
  private readonly used = new Set<string>();
  private readonly replicas = new Map<string, number>();

  constructor(
    private readonly files: SourceFile[],
    private readonly report: ReportEntry[],
  ) {
    this.byPath = new Map(files.map((file) => [file.path, file.text]));
  }

  private note(file: string, line: number, message: string): void {
    this.report.push({ file, line, message });
  }

  projectName(): string {
    const composeName = this.compose?.file ? dirOf(this.compose.file).split('/').pop() : '';
    const top = this.files.length > 0 ? this.files[0]!.path.split('/')[0]! : '';
    const shared = this.files.every((file) => file.path.startsWith(`${top}/`)) ? top : '';
    return (composeName || shared || 'imported').replace(/[^A-Za-z0-9 ._-]/g, '-').slice(0, 60) || 'imported';
  }

  run(): void {
    const roles = new Map(this.files.map((file) => [file.path, classify(file)]));
    const of = (role: FileRole) => this.files.filter((file) => roles.get(file.path) === role);
    // Shell scripts are read for their certificate steps (HTTPS); the rest are reported at the end.
    for (const file of of('other').filter((f) => !isShellScript(f))) this.note(file.path, 0, NOT_READ);
    const composeFiles = of('compose-file');
    const env = new Map<string, string>();
    for (const file of of('env'))
      for (const [key, value] of readDotEnv(file, this.report)) env.set(key, value);
    if (composeFiles.length > 1)
      for (const extra of composeFiles.slice(1))
        this.note(
          extra.path,
          0,
          `only one Compose file is read (${composeFiles[0]!.path}); this one is left out`,
        );
    if (composeFiles[0]) this.compose = readCompose(composeFiles[0], env, this.report);

    if (this.compose) this.composeUnits(this.compose);
    else this.bareUnit(of('dockerfile'));
    for (const unit of this.units) this.runPython(unit, roles);
    for (const unit of this.units) this.runNginx(unit, roles);
    for (const certbot of this.certbotUnits) if (!certbot.used) this.report.push(certbot.entry);
    this.clients();
    this.reportUnused(roles);
  }

  private readonly consumed = new Set<string>();
  /** Containers running certbot (a script with certbot steps), until an nginx server uses them. */
  private readonly certbotUnits: CertbotUnit[] = [];

  private reportUnused(roles: Map<string, FileRole>): void {
    for (const file of this.files) {
      const role = roles.get(file.path);
      if (role === 'other' && isShellScript(file) && !this.consumed.has(file.path))
        this.note(file.path, 0, NOT_READ);
      if (role === 'other' || role === 'compose-file' || role === 'env' || this.consumed.has(file.path))
        continue;
      if (role === 'python') continue;
      this.note(file.path, 0, `${role} file not used by any service (left out)`);
    }
  }

  private composeUnits(compose: ComposeFile): void {
    const base = dirOf(compose.file);
    for (const service of compose.services) {
      const files: SourceFile[] = [];
      const mounts: { target: string; source: string }[] = [];
      const add = (file: SourceFile) => {
        if (!files.includes(file)) files.push(file);
      };
      let dockerfile: Dockerfile | null = null;
      if (service.build) {
        const context = joinPath(base, service.build.context);
        if (context === null)
          this.note(
            compose.file,
            service.line,
            `build context "${service.build.context}" of "${service.name}" is outside the given files`,
          );
        else {
          for (const file of this.files) if (context === '' || file.path.startsWith(`${context}/`)) add(file);
          const dockerPath = joinPath(context, service.build.dockerfile);
          const docker = this.files.find((file) => file.path === dockerPath);
          if (docker) {
            dockerfile = readDockerfile(docker, this.report);
            this.consumed.add(docker.path);
            for (const copy of dockerfile.copies)
              for (const source of copy.sources) {
                const from = joinPath(context, source);
                if (from !== null)
                  mounts.push({
                    target:
                      copy.target.endsWith('/') || source === '.'
                        ? `${copy.target.replace(/\/$/, '')}/${source === '.' ? '' : baseName(source)}`.replace(
                            /\/$/,
                            '',
                          )
                        : copy.target,
                    source: from,
                  });
              }
          } else
            this.note(
              compose.file,
              service.line,
              `the Dockerfile of "${service.name}" (${dockerPath}) is not among the given files`,
            );
        }
      }
      for (const volume of service.volumes) {
        if (volume.named || volume.source === null) continue;
        const source = joinPath(base, volume.source);
        if (source === null) continue;
        mounts.push({ target: volume.target, source });
        const before = files.length;
        for (const file of this.files)
          if (source === '' || file.path === source || file.path.startsWith(`${source}/`)) add(file);
        // Files picked without their folders: a mounted file is found by its name alone.
        const byName = this.files.filter(
          (file) => !file.path.includes('/') && file.path === baseName(source),
        );
        if (files.length === before && byName.length === 1 && byName[0]!.path !== source) {
          add(byName[0]!);
          mounts.push({ target: volume.target, source: byName[0]!.path });
          this.note(
            compose.file,
            volume.line,
            `"${volume.source}" is taken to be the given ${byName[0]!.path} (same name)`,
          );
        }
      }
      const env: Record<string, string> = { ...(dockerfile?.env ?? {}), ...service.environment };
      let argv: string[] | null = null;
      const entry = service.entrypoint ?? dockerfile?.entrypoint ?? null;
      const cmd = service.command ?? (service.entrypoint ? null : (dockerfile?.cmd ?? null));
      const splitCommand = (value: string | string[] | null) =>
        value === null ? [] : typeof value === 'string' ? splitShellWords(value) : value;
      // The shell that runs the command fills `${VAR:-default}` from the container's environment.
      const asArgv = (value: string | string[] | null) =>
        splitCommand(value).map((word) => shellExpand(word, env));
      if (entry !== null || cmd !== null) argv = [...asArgv(entry), ...asArgv(cmd)];
      const fromCompose = service.command !== null || service.entrypoint !== null;
      const commandFile = fromCompose ? compose.file : (dockerfile?.file ?? compose.file);
      const commandLine = fromCompose ? service.commandLine : (dockerfile?.cmdLine ?? service.line);
      let command = argv && argv.length > 0 ? recognise(argv) : null;
      // An entrypoint script that ends in `exec "$@"` runs the CMD.
      if (command?.tool === 'other' && service.command === null && dockerfile?.cmd && entry)
        command = recognise(asArgv(dockerfile.cmd));
      const run = argv ? scriptRun(argv, files) : null;
      if (command?.tool === 'other' && run?.handsOver) {
        command = recognise(run.rest);
        this.consumed.add(run.script.path);
      }
      const image = service.image ?? dockerfile?.from ?? '';
      if (!command && /(^|\/)nginx(:|$)/.test(image)) command = { tool: 'nginx-server' };
      if (service.replicas !== null) this.replicas.set(service.name, service.replicas);
      this.units.push({
        name: service.name,
        service,
        files,
        mounts,
        command,
        commandFile,
        commandLine,
        env,
        dockerfile,
        script: run?.script ?? null,
      });
    }
  }

  private bareUnit(dockerfiles: SourceFile[]): void {
    for (const docker of dockerfiles) {
      const dockerfile = readDockerfile(docker, this.report);
      this.consumed.add(docker.path);
      const context = dirOf(docker.path);
      const argv = [...(dockerfile.entrypoint ?? []), ...(dockerfile.cmd ?? [])];
      const name = baseName(context) || 'app';
      const image = dockerfile.from ?? '';
      const files = this.files.filter((file) => context === '' || file.path.startsWith(`${context}/`));
      const run = scriptRun(argv, files);
      this.units.push({
        name: name.toLowerCase().replace(/[^a-z0-9_.-]/g, '-'),
        service: null,
        files,
        mounts: [],
        command:
          argv.length > 0
            ? run?.handsOver
              ? recognise(run.rest)
              : recognise(argv)
            : /(^|\/)nginx(:|$)/.test(image)
              ? { tool: 'nginx-server' }
              : null,
        commandFile: docker.path,
        commandLine: dockerfile.cmdLine,
        env: dockerfile.env,
        dockerfile,
        script: run?.script ?? null,
      });
    }
    if (this.units.length === 0)
      this.units.push({
        name: null,
        service: null,
        files: this.files,
        mounts: [],
        command: null,
        commandFile: '',
        commandLine: 0,
        env: {},
        dockerfile: null,
        script: null,
      });
  }

  private takeId(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }

  private addNode(unit: Unit, kind: NodeKind, props: RawNode['props']): string {
    const id = this.takeId(unit.name ? `${unit.name}-${kind}` : kind);
    const node: RawNode = { id, kind, props };
    if (unit.name) node.container = unit.name;
    this.nodes.push(node);
    return id;
  }

  private addEdge(source: string, target: string, props?: Record<string, string>): void {
    if (this.edges.some((edge) => edge.source === source && edge.target === target)) return;
    const edge: RawEdge = { id: `e${this.edges.length + 1}`, source, target };
    if (props) edge.props = props;
    this.edges.push(edge);
  }

  /** A file of the unit named by a command or config: by path from the workdir, else by its name. */
  private findFile(unit: Unit, wanted: string): SourceFile | null {
    const exact = unit.files.find(
      (file) => file.path === wanted || file.path.endsWith(`/${wanted.replace(/^\.?\//, '')}`),
    );
    if (exact) return exact;
    const name = baseName(wanted);
    return unit.files.find((file) => baseName(file.path) === name) ?? null;
  }

  private runPython(unit: Unit, roles: Map<string, FileRole>): void {
    if (unit.name === null) {
      // A bare server: systemd units first (their commands name their configs), then every uWSGI ini
      // and gunicorn.conf.py no unit named is a server of its own.
      for (const file of unit.files) {
        if (roles.get(file.path) !== 'systemd-unit') continue;
        const service = readSystemdUnit(file, this.report);
        this.consumed.add(file.path);
        if (!service.execStart) {
          this.note(file.path, 0, 'systemd: no ExecStart (left out)');
          continue;
        }
        this.runSystemdService(unit, file, service);
      }
      this.hostDatabasesToTheirStateFolder();
      for (const file of unit.files) {
        if (this.consumed.has(file.path)) continue;
        if (roles.get(file.path) === 'uwsgi-ini')
          this.uwsgiServer(unit, { tool: 'uwsgi-cli', ini: file.path, options: new Map() }, file.path, 0);
        else if (roles.get(file.path) === 'gunicorn-config')
          this.gunicornServer(
            unit,
            {
              tool: 'gunicorn-cli',
              binds: [],
              workers: null,
              threads: null,
              timeout: null,
              config: file.path,
              app: null,
            },
            file.path,
            0,
          );
      }
      return;
    }
    const command = unit.command;
    if (!command) {
      const where = unit.service ? `service "${unit.name}"` : `"${unit.name}"`;
      const image = unit.service?.image ?? unit.dockerfile?.from ?? 'no image';
      this.note(
        unit.commandFile || this.compose?.file || '',
        unit.service?.line ?? 0,
        `${where} (${image}) runs nothing the design models (left out)`,
      );
      return;
    }
    this.runCommand(unit, command);
  }

  /**
   * One systemd service of a bare server. A unit whose WorkingDirectory is a folder of the given files
   * (`/srv/<site>/<folder>`, as the server bundle writes it) is that folder's container: its
   * commands find their configs in that folder, and its nodes are put in a container named after
   * it. A template unit (`name@.service`) runs one copy per `copies/<k>/` folder: copy 1's config
   * is read and the number of copies is the container's replicas.
   */
  private runSystemdService(unit: Unit, file: SourceFile, service: SystemdService): void {
    const hostDir = service.workingDirectory ? baseName(service.workingDirectory) : '';
    // The bundle's folder keeps the container's own name; the host's folder is its safe form. The
    // bundle may itself be inside a folder: the shallowest folder of that name is the code's.
    const folders = [...new Set(unit.files.flatMap((f) => parentFolders(f.path)))];
    const folder =
      folders
        .filter((dir) => hostDir !== '' && hostSafeName(baseName(dir), 24) === hostDir)
        .sort((a, b) => a.split('/').length - b.split('/').length)[0] ?? '';
    const files = folder ? unit.files.filter((f) => f.path.startsWith(`${folder}/`)) : [];
    const own = files.length > 0;
    const template = baseName(file.path).includes('@');
    const copiesDir = `${folder}/copies/`;
    const copies = new Set(
      files
        .filter((f) => f.path.startsWith(copiesDir))
        .map((f) => f.path.slice(copiesDir.length).split('/')[0]!)
        .filter((k) => /^\d+$/.test(k)),
    );
    const argv = service.execStart!.map((word) => (template ? word.replace(/%i/g, '1') : word));
    const command = recognise(argv);
    const first = this.nodes.length;
    this.runCommand(
      {
        ...unit,
        files: own ? files : unit.files,
        env: service.env,
        command,
        commandFile: file.path,
        commandLine: service.line,
      },
      command,
    );
    // Its .socket unit listens where the server's own config binds: nothing more to read in it.
    const socket = file.path.replace(/\.service$/, '.socket');
    if (this.byPath.has(socket)) this.consumed.add(socket);
    if (!own) return;
    const container = baseName(folder);
    for (const node of this.nodes.slice(first)) node.container = container;
    if (template && copies.size > 1) {
      this.replicas.set(container, copies.size);
      for (const copy of files)
        if (copy.path.startsWith(copiesDir) && !copy.path.startsWith(`${copiesDir}1/`))
          this.consumed.add(copy.path);
    }
  }

  /**
   * A SQLite file several units of a host open lives in the state folder of their container
   * (`/var/lib/<site>/<container>/`), which the container's first server's folder is named after:
   * that folder's container holds the database.
   */
  private hostDatabasesToTheirStateFolder(): void {
    const containers = new Set(this.nodes.flatMap((node) => (node.container ? [node.container] : [])));
    for (const node of this.nodes) {
      if (node.kind !== IMPORTED_KIND.sqliteFile || typeof node.props.file !== 'string') continue;
      const stateFolder = baseName(node.props.file.slice(0, node.props.file.lastIndexOf('/')));
      const owner = [...containers].find((container) => hostSafeName(container, 24) === stateFolder);
      if (owner) node.container = owner;
    }
  }

  private runCommand(unit: Unit, command: Recognised): void {
    const where = unit.service
      ? `service "${unit.name}"`
      : unit.name
        ? `"${unit.name}"`
        : `${unit.commandFile}`;
    switch (command.tool) {
      case 'gunicorn-cli':
        return this.gunicornServer(unit, command, unit.commandFile, unit.commandLine);
      case 'uwsgi-cli':
        return this.uwsgiServer(unit, command, unit.commandFile, unit.commandLine);
      case 'flask-run':
        return this.flaskDev(unit, command);
      case 'python-script':
        return this.pythonScript(unit, command.script);
      case 'django-runserver':
        return this.djangoDev(unit, command.address);
      case 'nginx-server':
        return;
      case 'other': {
        const entry: ReportEntry = {
          file: unit.commandFile,
          line: unit.commandLine,
          message: `${where} runs "${command.text.slice(0, 80)}", which the design does not model (left out)`,
        };
        // A certbot service is part of the nginx node whose certificate it obtains: reported only
        // when no nginx server uses its certificates.
        const steps = unit.script ? certificateSteps(unit.script) : [];
        if (unit.name !== null && steps.some((step) => step.kind === 'certbot'))
          this.certbotUnits.push({ unit, steps, entry, used: false });
        else this.report.push(entry);
      }
    }
  }

  private gunicornServer(
    unit: Unit,
    command: Extract<Recognised, { tool: 'gunicorn-cli' }>,
    file: string,
    line: number,
  ): void {
    const configFile = command.config
      ? this.findFile(unit, command.config)
      : (unit.files.find((f) => roles(f) === 'gunicorn.conf.py') ?? null);
    const settings = new Map<string, PyValue>();
    if (command.config && !configFile)
      this.note(file, line, `gunicorn config "${command.config}" is not among the given files`);
    if (configFile) {
      this.consumed.add(configFile.path);
      for (const [key, entry] of readGunicornConf(configFile, this.report).settings)
        settings.set(key, entry.value);
    }
    const text = (value: PyValue | undefined) =>
      typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    const bindValue =
      command.binds[0] ??
      (Array.isArray(settings.get('bind'))
        ? text((settings.get('bind') as PyValue[])[0])
        : text(settings.get('bind'))) ??
      '127.0.0.1:8000';
    const extraBinds =
      command.binds.length > 1
        ? command.binds.slice(1)
        : Array.isArray(settings.get('bind'))
          ? (settings.get('bind') as PyValue[]).slice(1)
          : [];
    if (extraBinds.length > 0)
      this.note(
        configFile?.path ?? file,
        line,
        `gunicorn binds more than one address; only "${bindValue}" is modelled`,
      );
    const props: RawNode['props'] = {};
    const bind = parseAddress(bindValue);
    if (bind.unix === null && bind.port === null)
      this.note(
        configFile?.path ?? file,
        line,
        `gunicorn bind "${bindValue}" cannot be resolved here; the port is left at 8000`,
      );
    if (bind.unix !== null) Object.assign(props, { transport: 'unix', socketPath: bind.unix });
    else Object.assign(props, { transport: 'tcp', port: bind.port ?? 8000 });
    const workers = command.workers ?? settings.get('workers');
    if (workers === 'auto-workers') props.workers = 'auto';
    else if (workers !== undefined && /^\d+$/.test(String(workers))) props.workers = Number(workers);
    else props.workers = 1; // Gunicorn's own default
    const threads = Number(command.threads ?? settings.get('threads') ?? 1);
    if (Number.isInteger(threads)) props.threads = threads;
    const timeout = Number(command.timeout ?? settings.get('timeout') ?? 30);
    if (Number.isInteger(timeout)) props.timeout = timeout;
    const appName = command.app ?? text(settings.get('wsgi_app'));
    const server = this.addNode(unit, IMPORTED_KIND.gunicornServer, props);
    this.listen(unit, bind, server, false);
    if (appName && this.isDjangoEntry(unit, appName)) this.djangoProject(unit, server, appName);
    else if (!appName)
      this.note(
        configFile?.path ?? file,
        line,
        'gunicorn names no app (module:callable or wsgi_app): no app node',
      );
    else this.appFor(unit, server, appName, null, file, line);
  }

  private uwsgiServer(
    unit: Unit,
    command: Extract<Recognised, { tool: 'uwsgi-cli' }>,
    file: string,
    line: number,
  ): void {
    const options = new Map<string, string>();
    let where = file;
    if (command.ini) {
      const ini = this.byPath.has(command.ini)
        ? { path: command.ini, text: this.byPath.get(command.ini)! }
        : this.findFile(unit, command.ini);
      if (!ini) this.note(file, line, `uwsgi ini "${command.ini}" is not among the given files`);
      else {
        this.consumed.add(ini.path);
        where = ini.path;
        for (const [key, list] of readUwsgiIni(ini, this.report).options)
          options.set(key, list[list.length - 1]!.value);
      }
    }
    for (const [key, value] of command.options) options.set(key, value);
    const props: RawNode['props'] = {};
    const socket = options.get('socket') ?? options.get('uwsgi-socket');
    const httpSocket = options.get('http-socket');
    const router = options.get('http');
    const address = socket ?? httpSocket ?? router;
    if (socket && (httpSocket || router))
      this.note(where, 0, 'uwsgi listens on both a socket and an HTTP socket; only "socket" is modelled');
    if (!socket && router)
      this.note(
        where,
        0,
        'uwsgi "http" starts its own HTTP router in front of the workers; modelled as an HTTP socket',
      );
    props.protocol = socket ? UWSGI_PROTOCOL.binary : UWSGI_PROTOCOL.http;
    const bind = parseAddress(address ?? '');
    if (address && bind.unix === null && bind.port === null)
      this.note(where, 0, `uwsgi address "${address}" cannot be resolved here; modelled on its defaults`);
    if (!address)
      this.note(where, 0, 'uwsgi listens nowhere (no socket, http-socket or http): modelled on its defaults');
    if (bind.unix !== null) Object.assign(props, { transport: 'unix', socketPath: bind.unix });
    else if (bind.port !== null) Object.assign(props, { transport: 'tcp', port: bind.port });
    const processes = options.get('processes') ?? options.get('workers');
    props.processes = processes && /^\d+$/.test(processes) ? Number(processes) : 1;
    const threads = options.get('threads');
    props.threads = threads && /^\d+$/.test(threads) ? Number(threads) : 1;
    let appName: string | null = null;
    const module = options.get('module') ?? options.get('wsgi');
    const callable = options.get('callable');
    const wsgiFile = options.get('wsgi-file');
    if (module) appName = module.includes(':') ? module : `${module}:${callable ?? 'application'}`;
    else if (wsgiFile) appName = `${baseName(wsgiFile).replace(/\.py$/, '')}:${callable ?? 'application'}`;
    const server = this.addNode(unit, IMPORTED_KIND.uwsgiServer, props);
    this.listen(
      unit,
      bind.unix === null && bind.port === null ? { unix: '/run/uwsgi/uwsgi.sock', port: null } : bind,
      server,
      props.protocol === UWSGI_PROTOCOL.binary,
    );
    if (appName && this.isDjangoEntry(unit, appName)) this.djangoProject(unit, server, appName);
    else if (!appName) this.note(where, 0, 'uwsgi names no app (module, wsgi-file): no app node');
    else this.appFor(unit, server, appName, wsgiFile ?? null, where, 0);
  }

  private flaskDev(unit: Unit, command: Extract<Recognised, { tool: 'flask-run' }>): void {
    const appName = command.app ?? unit.env.FLASK_APP ?? 'app';
    const port =
      command.port ??
      (unit.env.FLASK_RUN_PORT && /^\d+$/.test(unit.env.FLASK_RUN_PORT)
        ? Number(unit.env.FLASK_RUN_PORT)
        : 5000);
    const host = command.host ?? unit.env.FLASK_RUN_HOST ?? '127.0.0.1';
    if (host === '127.0.0.1' || host === 'localhost')
      this.note(
        unit.commandFile,
        unit.commandLine,
        `flask run listens on ${host} only: other containers cannot reach it (modelled as listening)`,
      );
    const app = this.appFor(
      unit,
      null,
      appName.includes(':') ? appName : `${appName.replace(/\.py$/, '').replace(/\//g, '.')}`,
      null,
      unit.commandFile,
      unit.commandLine,
      port,
    );
    if (app) this.listen(unit, { unix: null, port }, app, false);
  }

  private pythonScript(unit: Unit, script: string): void {
    const file = this.findFile(unit, script);
    if (!file) {
      this.note(
        unit.commandFile,
        unit.commandLine,
        `"python ${script}": the script is not among the given files (left out)`,
      );
      return;
    }
    const facts = scanPythonModule(file);
    if (facts.flaskObjects.length === 0 || !facts.runsDevServer) {
      this.note(
        file.path,
        0,
        `"python ${script}" starts no Flask development server the import recognises (left out)`,
      );
      return;
    }
    const port = facts.runPort ?? 5000;
    const app = this.appFor(
      unit,
      null,
      `${baseName(script).replace(/\.py$/, '')}:${facts.flaskObjects[0]!.name}`,
      null,
      unit.commandFile,
      unit.commandLine,
      port,
    );
    if (app) this.listen(unit, { unix: null, port }, app, false);
  }

  /** `manage.py runserver [ADDRESS]`: the Django project on its development server. */
  private djangoDev(unit: Unit, address: string | null): void {
    const portText = address ? (/(?:^|:)(\d+)$/.exec(address)?.[1] ?? null) : null;
    const port = portText ? Number(portText) : 8000;
    const host = address && address.includes(':') ? address.slice(0, address.lastIndexOf(':')) : '127.0.0.1';
    if (host === '127.0.0.1' || host === 'localhost')
      this.note(
        unit.commandFile,
        unit.commandLine,
        `manage.py runserver listens on ${host} only: other containers cannot reach it (modelled as listening)`,
      );
    const manage = unit.files.find((file) => /(^|\/)manage\.py$/.test(file.path)) ?? null;
    const settingsModule = manage
      ? /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']/.exec(manage.text)
      : null;
    const project = settingsModule ? settingsModule[1]!.split('.')[0]! : null;
    if (manage) this.consumed.add(manage.path);
    const app = this.djangoProject(unit, null, project ? `${project}.wsgi:application` : null, port);
    this.listen(unit, { unix: null, port }, app, false);
  }

  /**
   * The Django project a server runs (`<project>.wsgi:application`), or runserver runs: its project
   * package, its static route (STATIC_URL) and its SQLite file from settings.py.
   */
  private djangoProject(unit: Unit, server: string | null, appName: string | null, devPort?: number): string {
    const module = appName?.split(':')[0] ?? '';
    const project = module.includes('.') ? module.split('.')[0]! : null;
    const props: RawNode['props'] = {};
    if (project && /^[A-Za-z_][A-Za-z0-9_]*$/.test(project)) props.project = project;
    const wsgi = module ? this.moduleFile(unit, module) : null;
    if (wsgi) this.consumed.add(wsgi.path);
    const settings = project ? this.moduleFile(unit, `${project}.settings`) : null;
    if (settings) {
      this.consumed.add(settings.path);
      const staticUrl = /^STATIC_URL\s*=\s*["']([^"']+)["']/m.exec(settings.text);
      if (staticUrl) props.staticRoute = staticUrl[1]!.startsWith('/') ? staticUrl[1]! : `/${staticUrl[1]!}`;
    }
    if (devPort !== undefined) props.port = devPort;
    const app = this.addNode(unit, IMPORTED_KIND.djangoProject, props);
    if (server) this.addEdge(server, app);
    this.sqliteFor(unit, app, settings);
    return app;
  }

  private moduleFile(unit: Unit, module: string): SourceFile | null {
    const path = module.replace(/\./g, '/');
    const candidates = unit.files.filter(
      (file) =>
        file.path === `${path}.py` ||
        file.path.endsWith(`/${path}.py`) ||
        file.path === `${path}/__init__.py` ||
        file.path.endsWith(`/${path}/__init__.py`),
    );
    return candidates.sort((a, b) => a.path.length - b.path.length)[0] ?? null;
  }

  private isDjangoEntry(unit: Unit, appName: string | null): boolean {
    if (!appName) return false;
    const [module = ''] = appName.split(':');
    const file = this.moduleFile(unit, module);
    if (file) return scanPythonModule(file).django;
    return /(^|\.)wsgi:application$/.test(appName) && module.includes('.');
  }

  /** The Flask app a server (or the dev server) runs, followed through re-exports like wsgi.py. */
  private appFor(
    unit: Unit,
    server: string | null,
    appName: string,
    wsgiFile: string | null,
    file: string,
    line: number,
    devPort?: number,
  ): string | null {
    let [module = 'app', callable = 'app'] = appName.split(':');
    callable = callable.replace(/\(.*$/, '');
    let source = wsgiFile ? this.findFile(unit, wsgiFile) : this.moduleFile(unit, module);
    for (let hop = 0; source && hop < 4; hop++) {
      this.consumed.add(source.path);
      const facts = scanPythonModule(source);
      if (facts.django) return this.djangoProject(unit, server, `${module}:${callable}`, devPort);
      for (let step = 0; step < 4 && facts.aliases.has(callable); step++)
        callable = facts.aliases.get(callable)!;
      const reexport = facts.imports.get(callable);
      if (facts.flaskObjects.length === 0 && reexport) {
        module = reexport.module;
        callable = reexport.name;
        source = this.moduleFile(unit, module);
        continue;
      }
      break;
    }
    if (!source)
      this.note(
        file,
        line,
        `the app "${module}:${callable}" is not among the given files: taken as a Flask app as named`,
      );
    else if (!/\bFlask\s*\(/.test(source.text) && !this.factoryMakesFlask(unit, source))
      this.note(source.path, 0, `no Flask(...) found in ${source.path}: taken as a Flask app as named`);
    const props: RawNode['props'] = { module, callable };
    if (devPort !== undefined) props.port = devPort;
    const app = this.addNode(unit, IMPORTED_KIND.flaskApp, props);
    if (server) this.addEdge(server, app);
    this.sqliteFor(unit, app, source);
    return app;
  }

  /** `application = create_app()` where create_app comes from a given module that builds a Flask app. */
  private factoryMakesFlask(unit: Unit, source: SourceFile): boolean {
    const facts = scanPythonModule(source);
    return [...facts.imports.values()].some((origin) => {
      const file = this.moduleFile(unit, origin.module);
      return file !== null && /\bFlask\s*\(/.test(file.text);
    });
  }

  private sqliteFor(unit: Unit, app: string, source: SourceFile | null): void {
    const found: string[] = [];
    if (source)
      for (const entry of scanPythonModule(source).sqliteFiles)
        if (!found.includes(entry.path)) found.push(entry.path);
    for (const value of Object.values(unit.env)) {
      const match = /^(?:sqlite:\/\/\/)?(\/\S+\.(?:db|sqlite3?))$/.exec(value);
      if (match && !found.includes(match[1]!)) found.push(match[1]!);
    }
    for (const path of found) {
      // One file opened by two apps of one container is one database; on a bare host (no unit
      // name) one path is one file, whichever systemd unit opens it.
      const shared = this.nodes.find(
        (node) =>
          node.kind === IMPORTED_KIND.sqliteFile &&
          (unit.name === null || node.container === unit.name) &&
          node.props.file === path,
      );
      const db = shared?.id ?? this.addNode(unit, IMPORTED_KIND.sqliteFile, { file: path });
      this.addEdge(app, db);
    }
  }

  private listen(
    unit: Unit,
    bind: { unix: string | null; port: number | null },
    node: string,
    uwsgiProtocol: boolean,
  ): void {
    this.listeners.push({
      unit,
      tcp: bind.unix === null ? bind.port : null,
      unix: bind.unix,
      node,
      uwsgiProtocol,
    });
  }

  private runNginx(unit: Unit, roles: Map<string, FileRole>): void {
    if (unit.name !== null && unit.command?.tool !== 'nginx-server') return;
    const candidates = unit.files.filter((file) => roles.get(file.path) === 'nginx-config');
    if (unit.name !== null && candidates.length === 0) {
      this.note(
        this.compose?.file ?? '',
        unit.service?.line ?? 0,
        `nginx service "${unit.name}" has no nginx config among the given files (left out)`,
      );
      return;
    }
    const texts = new Map(candidates.map((file) => [file.path, this.substitute(unit, file)]));
    const includedSomewhere = new Set<string>();
    const configs: NginxConfig[] = [];
    for (const file of candidates) {
      if (includedSomewhere.has(file.path)) continue;
      const config = readNginx({ path: file.path, text: texts.get(file.path)! }, texts, this.report);
      for (const path of config.included) includedSomewhere.add(path);
      configs.push(config);
    }
    const servers: ConfiguredServer[] = [];
    for (const config of configs.filter((c) => !includedSomewhere.has(c.file))) {
      this.consumed.add(config.file);
      for (const path of config.included) this.consumed.add(path);
      servers.push(...config.servers.map((server) => ({ config, server })));
    }
    for (const site of pairHttpsServers(servers))
      if (site.secure) this.httpsSite(unit, site.secure, site.plain);
      else this.nginxServer(unit, site.plain!.config, site.plain!.server);
  }

  /** nginx templates: `${VAR}` filled from the service's environment (envsubst), the rest reported. */
  private substitute(unit: Unit, file: SourceFile): string {
    const isTemplate =
      file.path.endsWith('.template') ||
      unit.mounts.some(
        (m) =>
          m.target.startsWith('/etc/nginx/templates') &&
          (file.path === m.source || file.path.startsWith(`${m.source}/`)),
      );
    if (!isTemplate && !/\$\{[A-Za-z_]/.test(file.text)) return file.text;
    const env = new Map(Object.entries(unit.env));
    return file.text
      .split('\n')
      .map((text, index) =>
        text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
          if (env.has(name)) return interpolate(whole, env, () => undefined);
          this.note(
            file.path,
            index + 1,
            `\${${name}} is not set in the environment of ${unit.name ? `"${unit.name}"` : 'the server'} (left unresolved)`,
          );
          return whole;
        }),
      )
      .join('\n');
  }

  /** A plain HTTP server: one nginx node; HTTPS settings and redirects it holds are not modelled. */
  private nginxServer(unit: Unit, config: NginxConfig, server: NginxServer): void {
    const listen =
      server.listens.find((l) => l.port !== null && !l.ssl) ?? server.listens.find((l) => l.port !== null);
    this.otherListens(server, [listen]);
    this.leftOutTls(server, true);
    const proxy = this.addNode(unit, IMPORTED_KIND.proxy, {
      listen: listen?.port ?? 80,
      ...siteProps(server),
    });
    this.listen(unit, { unix: null, port: listen?.port ?? 80 }, proxy, false);
    this.serverLocations(unit, config, server, proxy, () => false);
  }

  private otherListens(server: NginxServer, modelled: (NginxListen | undefined)[]): void {
    for (const extra of server.listens.filter((l) => !modelled.includes(l)))
      this.note(
        server.file,
        extra.line,
        `nginx: another listen${extra.ssl ? ' (ssl)' : ''} of this server is not modelled (left out)`,
      );
  }

  /** A server's TLS directives (and its redirect, unless the design models it) reported as left out. */
  private leftOutTls(server: NginxServer, withRedirect: boolean): void {
    const { certificate, key, settings, hsts } = server.tls;
    const left = [certificate, key, ...settings, hsts].filter((d): d is NginxDirective => d !== null);
    if (withRedirect) left.push(...server.redirects.map((redirect) => redirect.directive));
    for (const d of left.sort((a, b) => a.line - b.line))
      this.note(d.file, d.line, `nginx: "${d.name}" in server is not modelled (left out)`);
  }

  /**
   * The HTTPS side of an nginx node (`listen N ssl`) with the plain HTTP server of the same names:
   * one node with `tls` on. The certificate's origin gives the mode; the plain server's redirect to
   * https gives redirectHttp; Strict-Transport-Security gives hsts. A plain server that redirects
   * serves nothing else the design models; one that does not serves the same site.
   */
  private httpsSite(unit: Unit, secure: ConfiguredServer, plain: ConfiguredServer | null): void {
    const server = secure.server;
    const sslListen = server.listens.find((l) => l.ssl && l.port !== null)!;
    const plainServer = plain?.server ?? null;
    const plainListen = plainServer?.listens.find((l) => !l.ssl && l.port !== null);
    this.otherListens(server, [sslListen, ...(plainServer === server ? [plainListen] : [])]);
    if (plainServer && plainServer !== server) this.otherListens(plainServer, [plainListen]);
    const names = server.serverNames.length > 0 ? server.serverNames.join(' ') : '_';
    if (!plainServer)
      this.note(
        server.file,
        sslListen.line,
        `nginx: the HTTPS server "${names}" (port ${sslListen.port}) has no plain HTTP server; the design always has one: listen is left at 80, redirecting to HTTPS`,
      );
    const redirectLocation = plainServer?.locations.find(
      (l) => l.path === '/' && l.modifier === '' && l.redirect !== null,
    );
    const redirects = plainServer
      ? [...plainServer.redirects, ...(redirectLocation ? [redirectLocation.redirect!] : [])]
      : [];
    const httpsPort = sslListen.port!;
    for (const redirect of redirects) this.checkRedirect(redirect, httpsPort);
    const certificate = this.certificateOf(unit, server, names);
    const props: RawNode['props'] = {
      listen: plainListen?.port ?? 80,
      ...siteProps(server),
      tls: certificate.mode,
      httpsPort,
      redirectHttp: plainServer ? redirects.length > 0 : true,
      hsts: server.tls.hsts !== null,
      ...certificate.props,
    };
    this.checkTlsSettings(server, certificate.mode === IMPORTED_TLS.files);
    if (plainServer && plainServer !== server) this.leftOutTls(plainServer, false);
    const proxy = this.addNode(unit, IMPORTED_KIND.proxy, props);
    this.listen(unit, { unix: null, port: Number(props.listen) }, proxy, false);
    this.listen(unit, { unix: null, port: httpsPort }, proxy, false);
    this.serverLocations(unit, secure.config, server, proxy, () => false);
    if (!plain || plainServer === server) return;
    // The plain side: its redirect and, with Let's Encrypt, the ACME challenge are the design's own.
    const acme = certificate.mode === IMPORTED_TLS.letsencrypt;
    this.serverLocations(
      unit,
      plain.config,
      plainServer!,
      proxy,
      (location) => location === redirectLocation || (acme && isAcmeChallenge(location)),
    );
  }

  /**
   * Where a server's certificate comes from. A certbot step that obtains it (by the folder it lands
   * in, or by its names) → Let's Encrypt with that step's e-mail; a `make_certificate` step alone →
   * self-signed; certbot's own /etc/letsencrypt/live/ → Let's Encrypt without a known e-mail;
   * anything else → the user's own files at those paths.
   */
  private certificateOf(
    unit: Unit,
    server: NginxServer,
    names: string,
  ): { mode: (typeof IMPORTED_TLS)[keyof typeof IMPORTED_TLS]; props: RawNode['props'] } {
    const certificate = server.tls.certificate?.args[0] ?? '';
    const key = server.tls.key?.args[0] ?? '';
    const dir = dirOf(certificate);
    const live = LETSENCRYPT_LIVE.exec(certificate)?.[1] ?? null;
    const domains = names.split(' ').filter((name) => name !== '' && name !== '_');
    const wanted = domains.length > 0 ? domains : ['localhost'];
    const sameNames = (step: CertificateStep) =>
      step.domains.length === wanted.length && wanted.every((name) => step.domains.includes(name));
    const certNameFits = (name: string) =>
      name === live || name === baseName(dir) || name.endsWith(`-${baseName(dir)}`);
    const candidates = this.certificateStepsFor(unit);
    const certbot = candidates.find(
      ({ step }) =>
        step.kind === 'certbot' &&
        (step.dir !== null
          ? step.dir === dir
          : sameNames(step) && (step.certName === null || certNameFits(step.certName))),
    );
    const selfSigned = candidates.find(({ step }) => step.kind === 'self-signed' && step.dir === dir);
    for (const found of [certbot, selfSigned]) if (found) this.useCertificateStep(found.step, found.owner);
    if (certbot || live !== null) {
      const email = certbot?.step.email ?? null;
      const at = server.tls.certificate ?? server;
      if (email === null)
        this.note(
          at.file,
          at.line,
          `nginx: the certificate "${certificate}" is Let's Encrypt's, but no certbot command among the given files names its e-mail (left empty)`,
        );
      return { mode: IMPORTED_TLS.letsencrypt, props: { email: email ?? '' } };
    }
    if (selfSigned) return { mode: IMPORTED_TLS.selfSigned, props: {} };
    const props: RawNode['props'] = {};
    for (const [directive, prop, path] of [
      ['ssl_certificate', 'certFile', certificate],
      ['ssl_certificate_key', 'keyFile', key],
    ] as const) {
      if (path) props[prop] = path;
      else
        this.note(
          server.file,
          server.line,
          `nginx: the HTTPS server "${names}" names no ${directive}: ${prop} is left at its default`,
        );
    }
    return { mode: IMPORTED_TLS.files, props };
  }

  /**
   * The certificate steps that can serve a container's nginx, in its own paths: its wrapper script's
   * (tls-init.sh), each certbot container's translated through the named volume both mount, and on a
   * bare server every given shell script's (install.sh).
   */
  private certificateStepsFor(unit: Unit): { step: CertificateStep; owner: CertbotUnit | null }[] {
    if (unit.name === null)
      return unit.files
        .filter(isShellScript)
        .flatMap((file) => certificateSteps(file).map((step) => ({ step, owner: null })));
    const own = unit.script ? certificateSteps(unit.script).map((step) => ({ step, owner: null })) : [];
    const shared = this.certbotUnits.flatMap((certbot) =>
      certbot.steps.flatMap((step) => {
        const dir = step.dir === null ? null : sharedPath(certbot.unit, unit, step.dir);
        return dir === null ? [] : [{ step: { ...step, dir }, owner: certbot }];
      }),
    );
    return [...own, ...shared];
  }

  /** A script (and a certbot container) that makes a certificate nginx serves is part of the nginx node. */
  private useCertificateStep(step: CertificateStep, owner: CertbotUnit | null): void {
    this.consumed.add(step.file);
    if (owner) owner.used = true;
    // certbot's deploy hook, named in the same step's file, goes with it.
    const hook = /--deploy-hook\s+(?:'|")?([^\s'"]+)/.exec(this.byPath.get(step.file) ?? '')?.[1];
    const hookFile = hook ? this.files.find((file) => baseName(file.path) === baseName(hook)) : undefined;
    if (hookFile && isShellScript(hookFile)) this.consumed.add(hookFile.path);
  }

  /** A redirect other than the design's own (301 to the same host, path and query on the HTTPS port). */
  private checkRedirect(redirect: NginxRedirect, httpsPort: number): void {
    const expected = `https://$host${httpsPort === 443 ? '' : `:${httpsPort}`}$request_uri`;
    if (redirect.code === '301' && redirect.target === expected) return;
    this.note(
      redirect.file,
      redirect.line,
      `nginx: "return ${redirect.code} ${redirect.target}" is modelled as redirectHttp (the design answers 301 ${expected})`,
    );
  }

  /** TLS settings the design writes itself pass silently; others are reported with file and line. */
  private checkTlsSettings(server: NginxServer, stapling: boolean): void {
    const hsts = server.tls.hsts;
    const hstsValue = hsts?.args[1] ?? '';
    if (hsts && hstsValue !== DESIGN_HSTS)
      this.note(
        hsts.file,
        hsts.line,
        `nginx: Strict-Transport-Security "${hstsValue}" is modelled as hsts on (the design sends "${DESIGN_HSTS}")`,
      );
    for (const d of server.tls.settings) {
      const written = `${d.name} ${d.args.join(' ')}`.trim();
      if (d.name === 'include')
        this.note(
          d.file,
          d.line,
          `nginx: include "${d.args[0]}" (certbot's TLS settings) is replaced by the design's own TLS settings`,
        );
      else {
        const verdict = judgeTlsSetting(d, stapling);
        if (verdict.kind === 'differs')
          this.note(
            d.file,
            d.line,
            `nginx: "${written}" differs from the design's "${d.name} ${verdict.expected}" (left out)`,
          );
        else if (verdict.kind === 'not-modelled')
          this.note(d.file, d.line, `nginx: "${written}" is not among the design's TLS settings (left out)`);
      }
    }
  }

  private serverLocations(
    unit: Unit,
    config: NginxConfig,
    server: NginxServer,
    proxy: string,
    ownedByDesign: (location: NginxLocation) => boolean,
  ): void {
    const named = new Map(server.locations.filter((l) => l.modifier === '@').map((l) => [l.path, l]));
    for (const location of server.locations) {
      if (location.modifier === '@' || ownedByDesign(location)) continue;
      if (location.modifier === '~' || location.modifier === '~*') {
        this.note(
          location.file,
          location.line,
          `nginx: regex location "${location.path}" is not modelled (left out)`,
        );
        continue;
      }
      this.location(unit, config, server, proxy, location, named);
    }
  }

  private location(
    unit: Unit,
    config: NginxConfig,
    server: NginxServer,
    proxy: string,
    location: NginxLocation,
    named: Map<string, NginxLocation>,
  ): void {
    const route = location.path;
    const exact = location.modifier === '=' ? ' (an exact-match location, modelled as a prefix)' : '';
    let pass = location.pass;
    let passLocation = location;
    const fallback = location.tryFiles?.[location.tryFiles.length - 1];
    if (!pass && fallback?.startsWith('@')) {
      const target = named.get(fallback);
      if (!target) {
        this.note(
          location.file,
          location.line,
          `nginx: try_files falls back to "${fallback}", which this server does not define`,
        );
        return;
      }
      pass = target.pass;
      passLocation = target;
      if (location.tryFiles!.length > 1)
        this.note(
          location.file,
          location.line,
          `nginx: "try_files ${location.tryFiles!.join(' ')}" first serves matching files from ${location.root ?? server.root ?? 'the default root'}; only the fallback to ${fallback} is modelled`,
        );
    }
    if (pass) {
      const target = this.resolvePass(unit, config, pass.target, pass.file, pass.line);
      if (!target) return;
      if (exact) this.note(location.file, location.line, `nginx: location = ${route}${exact}`);
      const props: Record<string, string> = { route };
      const targetNode = this.nodes.find((node) => node.id === target.node)!;
      if (targetNode.kind === IMPORTED_KIND.uwsgiServer) props.pass = pass.directive;
      else if (pass.directive === 'uwsgi_pass')
        this.note(
          pass.file,
          pass.line,
          `nginx: uwsgi_pass to a server that speaks HTTP (${targetNode.id}); the design models it as proxy_pass`,
        );
      if (pass.directive === 'uwsgi_pass' && !passLocation.uwsgiParams)
        this.note(
          pass.file,
          pass.line,
          'nginx: uwsgi_pass without "include uwsgi_params": the app gets no request variables',
        );
      const balance = config.upstreams.find(
        (u) => u.name === pass.target.replace(/^(https?|uwsgi):\/\//, '').replace(/\/.*$/, ''),
      )?.balance;
      if (balance) props.balance = balance;
      this.addEdge(proxy, target.node, props);
      return;
    }
    const root = location.root ?? location.alias ?? server.root;
    const index = [...location.index, ...server.index];
    const spaFallback = fallback !== undefined && fallback.endsWith('index.html');
    if (
      (location.root || location.alias || location.tryFiles) &&
      (index.includes('index.html') || spaFallback)
    ) {
      const existing = this.nodes.find(
        (node) =>
          node.kind === IMPORTED_KIND.staticBuild &&
          node.container === (unit.name ?? undefined) &&
          node.props.spaFallback === spaFallback &&
          this.staticRoots.get(node.id) === root,
      );
      const id = existing?.id ?? this.addNode(unit, IMPORTED_KIND.staticBuild, { spaFallback });
      this.staticRoots.set(id, root);
      if (exact) this.note(location.file, location.line, `nginx: location = ${route}${exact}`);
      this.addEdge(proxy, id, { route });
      return;
    }
    this.note(
      location.file,
      location.line,
      `nginx: location ${location.modifier ? `${location.modifier} ` : ''}${route} is answered by nginx itself (return, files without index.html …): not modelled`,
    );
  }

  private readonly staticRoots = new Map<string, string | null>();

  private resolvePass(
    unit: Unit,
    config: NginxConfig,
    target: string,
    file: string,
    line: number,
  ): ListenerEntry | null {
    const bare = target.replace(/^(https?|uwsgi|grpc):\/\//, '').replace(/\/.*$/, '');
    const upstream = config.upstreams.find((u) => u.name === bare);
    let address = bare;
    if (target.startsWith('unix:') || /^(https?|uwsgi):\/\/unix:/.test(target))
      // `unix:/run/app.sock` or `http://unix:/run/app.sock:/uri`: the path ends at the next colon.
      address = `unix:${
        target
          .replace(/^(https?|uwsgi):\/\//, '')
          .slice(5)
          .split(':')[0]
      }`;
    if (upstream) {
      if (upstream.servers.length === 0) {
        this.note(upstream.file, upstream.line, `nginx: upstream ${upstream.name} has no servers`);
        return null;
      }
      // One address listed twice is one server (a second try on it), not two to balance over.
      const addresses = new Set(upstream.servers.map((server) => server.address));
      if (addresses.size > 1)
        this.note(
          upstream.file,
          upstream.line,
          `nginx: upstream ${upstream.name} balances over ${addresses.size} servers; each is modelled as a route target only when one listens there`,
        );
      address = upstream.servers[0]!.address;
    }
    if (/\$/.test(address)) {
      this.note(
        file,
        line,
        `nginx: the address "${target}" holds a variable that cannot be resolved (left out)`,
      );
      return null;
    }
    const parsed = parseAddress(address);
    let found: ListenerEntry | undefined;
    if (parsed.unix !== null) found = this.listeners.find((l) => l.unix === parsed.unix);
    else {
      const host = parsed.host ?? 'localhost';
      const port = parsed.port ?? 80;
      const local = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1?\])$/.test(host);
      found = this.listeners.find(
        (l) =>
          l.tcp === port &&
          l.node !== undefined &&
          (unit.name === null
            ? true
            : local
              ? l.unit === unit
              : l.unit.name === host ||
                l.unit.service?.name === host ||
                (l.unit.service?.copies?.includes(host) ?? false)),
      );
      if (!found && unit.name === null) found = this.listeners.find((l) => l.tcp === port);
    }
    if (!found || this.nodes.find((node) => node.id === found!.node)?.kind === IMPORTED_KIND.proxy) {
      this.note(
        file,
        line,
        `nginx: nothing among the given files listens at "${address}" (${target}); the route is left out`,
      );
      return null;
    }
    return found;
  }

  private clients(): void {
    const targets: string[] = [];
    if (this.compose) {
      for (const unit of this.units)
        for (const port of unit.service?.ports ?? []) {
          if (port.host === null) {
            this.note(
              this.compose.file,
              port.line,
              `port ${port.container} of "${unit.name}" is published on a random host port`,
            );
          }
          const listening = this.listeners.filter((l) => l.unit === unit && l.tcp === port.container);
          if (listening.length === 0)
            this.note(
              this.compose.file,
              port.line,
              `port ${port.container} of "${unit.name}" is published but nothing modelled listens there`,
            );
          for (const l of listening) if (!targets.includes(l.node)) targets.push(l.node);
        }
    } else {
      const proxies = this.nodes.filter((node) => node.kind === IMPORTED_KIND.proxy).map((node) => node.id);
      targets.push(...proxies);
      if (proxies.length === 0)
        for (const l of this.listeners) if (l.tcp !== null && !targets.includes(l.node)) targets.push(l.node);
    }
    if (targets.length === 0) return;
    const client = this.takeId(IMPORTED_KIND.client);
    this.nodes.unshift({ id: client, kind: IMPORTED_KIND.client, props: {} });
    for (const target of targets) this.addEdge(client, target);
  }

  designFile(name: string): Record<string, unknown> {
    const file: Record<string, unknown> = { format: FORMAT, name };
    const containers = [...new Set(this.nodes.map((node) => node.container).filter((c): c is string => !!c))];
    if ((FORMAT as string) !== 'stacksketch/v1') {
      file.containers = Object.fromEntries(
        containers.map((c) => [c, this.replicas.has(c) ? { replicas: this.replicas.get(c) } : {}]),
      );
    } else
      for (const [service, replicas] of this.replicas)
        this.note(
          this.compose?.file ?? '',
          this.compose?.services.find((s) => s.name === service)?.line ?? 0,
          `deploy.replicas: ${replicas} of "${service}" is not modelled in ${FORMAT}`,
        );
    file.nodes = this.nodes.map((node) => ({ ...node, props: { ...node.props } }));
    file.edges = this.edges;
    return file;
  }
}

/** The server's site settings every nginx node has. */
function siteProps(server: NginxServer): RawNode['props'] {
  return {
    serverName: server.serverNames.length > 0 ? server.serverNames.join(' ') : '_',
    gzip: server.gzip ?? false,
    clientMaxBodySize: server.clientMaxBodySize ?? '1m',
  };
}

const hasPlainListen = (server: NginxServer) => server.listens.some((l) => l.port !== null && !l.ssl);
const hasSslListen = (server: NginxServer) => server.listens.some((l) => l.port !== null && l.ssl);
const namesKey = (server: NginxServer) => [...server.serverNames].sort().join(' ') || '_';

/**
 * The sites of one nginx: an HTTPS server (`listen N ssl`) with the plain server of the same names
 * (or itself, when one server listens on both), a plain server alone, or an HTTPS server alone.
 */
export function pairHttpsServers(
  servers: ConfiguredServer[],
): { plain: ConfiguredServer | null; secure: ConfiguredServer | null }[] {
  const paired = new Set<ConfiguredServer>();
  const sites: { plain: ConfiguredServer | null; secure: ConfiguredServer | null }[] = [];
  for (const entry of servers) {
    if (paired.has(entry)) continue;
    paired.add(entry);
    const plain = hasPlainListen(entry.server);
    const secure = hasSslListen(entry.server);
    if (plain && secure) {
      sites.push({ plain: entry, secure: entry });
      continue;
    }
    const twin = servers.find(
      (other) =>
        !paired.has(other) &&
        namesKey(other.server) === namesKey(entry.server) &&
        hasPlainListen(other.server) === !plain &&
        hasSslListen(other.server) === plain &&
        (plain || secure),
    );
    if (twin) paired.add(twin);
    if (secure) sites.push({ plain: twin ?? null, secure: entry });
    else sites.push({ plain: entry, secure: twin ?? null });
  }
  return sites;
}

/** The ACME HTTP-01 challenge location certbot's webroot answers from. */
const isAcmeChallenge = (location: NginxLocation): boolean =>
  (location.modifier === '^~' || location.modifier === '') &&
  location.path.startsWith('/.well-known/acme-challenge');

/**
 * A path in one Compose container as another sees it, through a named volume both mount (certbot
 * writes into the volume nginx reads); null when they share none there.
 */
function sharedPath(from: Unit, to: Unit, path: string): string | null {
  for (const mount of from.service?.volumes ?? []) {
    if (!mount.named || mount.source === null) continue;
    if (path !== mount.target && !path.startsWith(`${mount.target}/`)) continue;
    const other = to.service?.volumes.find((v) => v.named && v.source === mount.source);
    if (other) return `${other.target}${path.slice(mount.target.length)}`;
  }
  return null;
}

/**
 * `sh SCRIPT ARGS…` (or `SCRIPT ARGS…`) where the script is among the container's files: the script,
 * and whether it hands over to the rest of the command (it ends in `exec "$@"`, like tls-init.sh
 * before nginx).
 */
function scriptRun(
  argv: string[],
  files: SourceFile[],
): { script: SourceFile; rest: string[]; handsOver: boolean } | null {
  const words = SHELL.test(argv[0] ?? '') ? argv.slice(1) : argv;
  const [path = '', ...rest] = words;
  if (!path.endsWith('.sh')) return null;
  const script = files.find((file) => baseName(file.path) === baseName(path));
  if (!script) return null;
  return { script, rest, handsOver: rest.length > 0 && /^\s*exec "\$@"\s*$/m.test(script.text) };
}

function roles(file: SourceFile): string {
  return /^gunicorn[\w.-]*\.py$/.test(baseName(file.path)) ? 'gunicorn.conf.py' : '';
}

/** `${VAR:-default}`, `${VAR}` and `$VAR` as sh fills them; unset variables without a default stay as written. */
function shellExpand(word: string, env: Record<string, string>): string {
  return word.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) =>
      env[braced ?? bare!] || (fallback ?? whole),
  );
}

/** `unix:/x.sock`, `/x.sock`, `host:port`, `:port`, `port`, `[::]:port`. */
export function parseAddress(value: string): {
  unix: string | null;
  port: number | null;
  host?: string | null;
} {
  const text = value.trim();
  if (text.startsWith('unix:')) return { unix: text.slice(5), port: null };
  if (text.startsWith('/') || text.startsWith('./') || text.startsWith('@'))
    return { unix: text, port: null };
  const match = /^(?:(\[[^\]]*\]|[^:]*):)?(\d+)$/.exec(text);
  if (match) return { unix: null, port: Number(match[2]), host: match[1] || null };
  if (text) return { unix: null, port: null, host: text };
  return { unix: null, port: null, host: null };
}
