/**
 * What each kind contributes to the deployment plan, by role: a WSGI server's process, config file
 * and command line; an app's code; a proxy's server block; a static build; a database's file. The
 * planner and the renderers reach a kind's knowledge only through these parts. Kept apart from the
 * descriptors so the editor and the embed load no exporter code.
 */
import type { Listener, PlannedApp, PythonProcess } from '../exporters/planTypes';
import { clientPlan } from './client/plan';
import { djangoPlan } from './django/plan';
import { flaskPlan } from './flask/plan';
import { gunicornPlan } from './gunicorn/plan';
import { nginxPlan } from './nginx/plan';
import { reactStaticPlan } from './react-static/plan';
import type { KindPropsMap } from './registry';
import { sqlitePlan } from './sqlite/plan';
import type { NodeKind, PropValue } from './types';
import type { Lang } from '../i18n/lang';
import { uwsgiPlan } from './uwsgi/plan';

/** What a server speaks on its socket: HTTP, or the binary uwsgi protocol. */
export type WireProtocol = 'http' | 'uwsgi';

/** A WSGI server: the process it runs, its config file and its command line. */
export interface WsgiServerPart<P> {
  process(props: P): { bind: Listener; protocol: WireProtocol; settings: Record<string, PropValue> };
  /** Pinned requirements lines of the server itself. */
  requirements: readonly string[];
  /** Built from source by pip: the image compiles it in a stage of its own. */
  compiled: boolean;
  /** Its config file, relative to the service folder. */
  configFile: string;
  /** The config file, its comments in `lang`. */
  renderConfig(process: PythonProcess, app: PlannedApp, workdir: string, lang: Lang): string;
  /** The README's explanation of the config file. */
  configExplanation(process: PythonProcess): string;
  /** Its command line (the Dockerfile's CMD). */
  command: readonly string[];
  /** The README's words for what runs: "Gunicorn (3 workers × 1 threads)". */
  summary(process: PythonProcess): string;
  /** The longest a graceful stop may take, in seconds: in-flight requests finish first. */
  stopSeconds(process: PythonProcess): number;
  /** How it runs as a systemd service on a bare host (the server target). */
  host: WsgiServerHost;
}

/** A WSGI server under systemd on a Debian/Ubuntu host. */
export interface WsgiServerHost {
  /** It tells systemd when it is ready (sd_notify READY=1), so its unit can be Type=notify. */
  notifiesSystemd: boolean;
  /** It can take its listening socket from a systemd .socket unit (LISTEN_FDS). */
  socketActivation: boolean;
  /** Debian's packages that provide it, for an install without PyPI. */
  debianPackages: readonly string[];
  /** Environment Debian's build of it needs (uWSGI loads Python as a plugin there). */
  debianEnvironment: Readonly<Record<string, string>>;
}

/** An app: its module and callable, its code, and its own development server. */
export interface AppPart<P> {
  /** The WSGI entry of a node (props), or of the default app a server without one gets (null). */
  entry(props: P | null): { module: string; callable: string };
  requirements: readonly string[];
  /** The app module; `exposeAsApp`: it is also the WSGI entry, so it must expose `app`. */
  renderApp(app: PlannedApp, exposeAsApp: boolean, lang: Lang): string;
  /** The WSGI entry module a server loads (`wsgi:app`). */
  renderWsgiEntry(app: PlannedApp, lang: Lang): string;
  /** The README's explanation of the app module. */
  explanation(app: PlannedApp): string;
  /** The development server's command line (listening on all addresses unless `host` is given). */
  devCommand(app: PlannedApp, port: number, host?: string): string[];
  /** Debian's packages that provide the framework, for an install without PyPI. */
  debianPackages?: readonly string[];
  /** The README's words for the development server. */
  devSummary: string;
  /** An app that is a whole project (its own files, WSGI entry and start command) instead of one module. */
  project?: ProjectPart;
  /** The static files nginx serves itself, or null when the node has none. */
  staticFiles?(props: P): StaticFiles | null;
  /** A folder the app writes when it starts (its static files for nginx): a named volume, or null for none. */
  collectFolder?(props: P): string | null;
  /**
   * The command, run in the app's image and folder, that writes its static files into collectFolder
   * and exits (null: none): how a Pod that cannot share the app's volume fills its own copy.
   */
  collectCommand?(app: PlannedApp): string[] | null;
  /** Files of the app besides its module (its static folder), relative to the service folder. */
  extraFiles?(app: PlannedApp): Record<string, string>;
  /** The README's explanation of those files, in English and in Korean. */
  extraFilesExplanation?: { en: string; ko: string };
  /** The folder of the app's own static files, relative to the service folder (a host serves it in place). */
  staticSource?(app: PlannedApp): string | null;
  /**
   * The files a service of apps of this kind tests and lints itself with (tests, conftest.py, the lint
   * config, requirements-dev.txt), written once per service folder for all its apps; `make test`,
   * `make lint` and `make format` run there. A project ships its own among its files instead.
   */
  selfChecks?: SelfChecks;
  /** The container command around the server's: what the app does first (copy its static files for nginx). */
  startCommand?(app: PlannedApp, serverCommand: string[]): string[];
}

/** The self-check files of a service folder, and the README's explanation of each. */
export interface SelfChecks {
  files(apps: readonly PlannedApp[], lang: Lang): Record<string, string>;
  explanations: { en: readonly [path: string, text: string][]; ko: readonly [path: string, text: string][] };
}

/** Static files an app produces and nginx serves under `route` from `folder` (both ending in "/"). */
export interface StaticFiles {
  route: string;
  /** The folder in the app's container, shared with nginx through a named volume. */
  folder: string;
  /** A file always there, relative to the route (the smoke fetches it through nginx). */
  probeFile: string;
}

/** A project's files and the container command that prepares it before the server starts. */
export interface ProjectPart {
  /** Every file of the project, relative to the service folder (its requirements.txt included). */
  files(app: PlannedApp, serverRequirements: readonly string[], lang: Lang): Record<string, string>;
  /** The container command: the server (or development server) wrapped in the project's start-up. */
  command(app: PlannedApp, process: PythonProcess): string[];
  /** The README's explanation of the project's files, by path (a path not listed has none). */
  explanations(app: PlannedApp): [path: string, explanation: string][];
  /** The same in Korean, for the Korean README. */
  explanationsKo(app: PlannedApp): [path: string, explanation: string][];
  /** The server alone, without the container's start-up (a systemd unit runs it; `host`: its address). */
  serverCommand(app: PlannedApp, process: PythonProcess, host: string): string[];
  /**
   * What an install on a host runs once, in the code's folder: `asRoot` writes beside the code
   * (collected static files), `asService` writes the app's data as its own user (migrations).
   */
  hostSetup: { asRoot: readonly (readonly string[])[]; asService: readonly (readonly string[])[] };
}

export interface NginxServerInputs {
  listen: number;
  serverName: string;
  gzip: boolean;
  clientMaxBodySize: string;
  /** HTTPS settings (absent: plain HTTP only). */
  tls?: TlsInputs;
}

/** Where a proxy's certificate comes from, and how it serves HTTPS. */
export interface TlsInputs {
  mode: 'self-signed' | 'letsencrypt' | 'files';
  port: number;
  redirectHttp: boolean;
  hsts: boolean;
  /** The ACME account address (letsencrypt). */
  email: string;
  /** The user's certificate chain and key on the host (files). */
  certFile: string;
  keyFile: string;
}

/** A proxy: its server block's inputs, and how its container runs. */
export interface ProxyPart<P> {
  server(props: P): NginxServerInputs;
  command: readonly string[];
  /** The unprivileged user its workers run as. */
  user: string;
}

/** A static build: how it is served and built. */
export interface StaticPart<P> {
  spaFallback(props: P): boolean;
  /** The build stage: commands run in its folder, and the folder they produce. */
  build: { commands: readonly (readonly string[])[]; output: string };
}

export interface DatabasePart<P> {
  /** The data file, whose folder becomes a named volume. */
  file(props: P): string;
}

export interface KindPlanPart<P> {
  wsgiServer?: WsgiServerPart<P>;
  app?: AppPart<P>;
  proxy?: ProxyPart<P>;
  static?: StaticPart<P>;
  database?: DatabasePart<P>;
}

/** Every kind's plan part, keyed by kind: leaving one out fails to compile. */
export const PLAN_PARTS: { readonly [K in NodeKind]: KindPlanPart<KindPropsMap[K]> } = {
  client: clientPlan,
  nginx: nginxPlan,
  gunicorn: gunicornPlan,
  uwsgi: uwsgiPlan,
  flask: flaskPlan,
  django: djangoPlan,
  sqlite: sqlitePlan,
  'react-static': reactStaticPlan,
};

type Part = KindPlanPart<object>;
const partOf = (kind: NodeKind): Part => PLAN_PARTS[kind] as Part;

function required<T>(part: T | undefined, kind: NodeKind, role: string): T {
  if (!part) throw new Error(`kind ${kind} has no ${role} plan part`);
  return part;
}

export const wsgiServerPart = (kind: NodeKind): WsgiServerPart<object> =>
  required(partOf(kind).wsgiServer, kind, 'WSGI server');
export const appPart = (kind: NodeKind): AppPart<object> => required(partOf(kind).app, kind, 'app');
export const proxyPart = (kind: NodeKind): ProxyPart<object> => required(partOf(kind).proxy, kind, 'proxy');
export const staticPart = (kind: NodeKind): StaticPart<object> =>
  required(partOf(kind).static, kind, 'static');
export const databasePart = (kind: NodeKind): DatabasePart<object> =>
  required(partOf(kind).database, kind, 'database');
