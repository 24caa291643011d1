import type { BalanceMethod } from '../model/design';
import type { WireProtocol } from '../nodes/planParts';
import type { NodeKind, PropValue } from '../nodes/registry';

/**
 * The deployment plan: what runs where. Built from a design by plan(); the file renderers turn it
 * into text, and the smoke runner (scripts/smoke.ts) starts exactly what it describes.
 */

export type Listener = { kind: 'tcp'; port: number } | { kind: 'unix'; path: string };

export interface PlannedService {
  /** Compose service name (= the design's container name). */
  name: string;
  /** With replicas: the service this is a copy of (its name before the copy number). */
  copyOf?: string;
  /** The web image (a proxy that serves and proxies) or the python image (a WSGI server or a dev server). */
  image: 'web' | 'python';
  /** Folder of the bundle that is this service's build context, like "web" or "app". */
  buildDir: string;
  /** The container's command, exactly as the Dockerfile's CMD. */
  command: string[];
  /** Working directory inside the container. */
  workdir: string;
  /** The non-root user the process runs as (nginx: the master starts as root, workers as this user). */
  user: string;
  /** Bundle files copied into the image: bundle path → absolute path in the container. */
  copies: { from: string; to: string }[];
  /** A build stage that produces files for the image (the React app): run `commands` in `dir`, copy `output` to `to`. */
  buildStage?: { dir: string; commands: string[][]; output: string; to: string };
  /** Named volumes mounted into the container. */
  mounts: { volume: string; target: string; readOnly?: boolean }[];
  /** Ports published to the host (only the front door). */
  published: { host: number; container: number }[];
  /** Host files mounted read-only at the same path (the user's own certificate and key). */
  hostFiles?: string[];
  /** What the service listens on inside its container. */
  listens: Listener[];
  env: Record<string, string>;
  dependsOn: string[];
  /** Design node ids that run in this service. */
  nodes: string[];
  /** What the container runs (the renderers' input). */
  runs: WebRun | PythonRun;
}

/** A web container (the proxy): one server block per proxy node. */
export interface WebRun {
  kind: 'web';
  servers: PlannedNginxServer[];
}

export interface PlannedNginxServer {
  node: string;
  listen: number;
  serverName: string;
  gzip: boolean;
  clientMaxBodySize: string;
  locations: PlannedLocation[];
  /** HTTPS on its own port (absent: plain HTTP only). */
  tls?: PlannedTls;
}

/** How one server block serves HTTPS. */
export interface PlannedTls {
  mode: 'self-signed' | 'letsencrypt' | 'files';
  port: number;
  /** Plain HTTP answers 301 to https (the ACME challenge and nginx's health path excepted). */
  redirectHttp: boolean;
  hsts: boolean;
  /** The certificate chain and key as nginx reads them inside its container. */
  certificate: string;
  key: string;
  /**
   * The folder (in the container's TLS volume) the certificate is made or installed into, named after
   * the server's position (site-1, ...); none for the user's own files.
   */
  slot?: string;
  /** Names on the certificate: the server names. */
  domains: string[];
  /** The ACME account address (letsencrypt). */
  email: string;
  /**
   * OCSP stapling: only for a CA chain that may carry a responder (the user's own files), and written
   * only where nginx has a known resolver (Compose's embedded DNS).
   */
  stapling: boolean;
  /** Where nginx serves the ACME challenge from (letsencrypt); absent: the shared volume's path. */
  acmeWebroot?: string;
}

/** The certbot service of a web service whose servers use Let's Encrypt. */
export interface PlannedCertbot {
  /** Compose service name, like "web-certbot". */
  name: string;
  /** Folder of the bundle holding its Dockerfile and script. */
  buildDir: string;
  /** The web service whose nginx serves the challenge and the certificates. */
  web: string;
  mounts: { volume: string; target: string }[];
  sites: { slot: string; domains: string[]; email: string }[];
}

export type UpstreamAddress =
  | {
      kind: 'tcp';
      /** The service (or, with replicas, the container) reached. */
      host: string;
      port: number;
      /** With replicas: the service name of each copy, all listed in the upstream. */
      copies?: string[];
      /**
       * Where each copy listens when the copies do not share one port (one host runs them all, each
       * on its own port); otherwise every copy listens on `port`.
       */
      endpoints?: { host: string; port: number }[];
    }
  | { kind: 'unix'; path: string };

export type PlannedLocation =
  | {
      kind: 'static';
      edge: string;
      route: string;
      /** Folder the build is copied to, like /usr/share/nginx/html or /usr/share/nginx/html/app. */
      root: string;
      /** URL prefix of the build, always ending in "/". */
      base: string;
      spaFallback: boolean;
      node: string;
    }
  | {
      kind: 'proxy';
      edge: string;
      route: string;
      /** proxy_pass speaks HTTP; uwsgi_pass speaks the uwsgi protocol. */
      pass: 'proxy_pass' | 'uwsgi_pass';
      upstream: string;
      address: UpstreamAddress;
      /** The node the edge points at (server or dev-server app). */
      node: string;
      /** What listens there: a WSGI server, or an app on its development server. */
      role: ProcessRole;
      /** How nginx spreads requests over the copies; set only when the target runs in several copies. */
      balance?: BalanceMethod;
    }
  | {
      kind: 'files';
      edge: string;
      route: string;
      /** The folder nginx serves the route from (`alias`), ending in "/" like the route. */
      alias: string;
      /** The app whose collected static files these are. */
      node: string;
      /** A file the app always ships under the route (the smoke fetches it through nginx). */
      probeFile: string;
    };

/** A WSGI server, or an app on its own development server (no WSGI server imports it). */
export type ProcessRole = 'wsgi-server' | 'dev-server';

/** The one main process of a python service. */
export interface PythonProcess {
  /** The node that runs it (the server, or the app on its dev server). */
  node: string;
  /** That node's kind: its plan part renders the config file and the command line. */
  kind: NodeKind;
  role: ProcessRole;
  bind: Listener;
  /** The address a TCP bind listens on (all addresses when unset: a container's own network). */
  bindHost?: string;
  /** What it speaks on bind: HTTP, or the binary uwsgi protocol. */
  protocol: WireProtocol;
  /** The kind's own settings (workers, threads, ...): read only by that kind's plan part. */
  settings: Readonly<Record<string, PropValue>>;
}

export interface PlannedApp {
  node: string;
  /** The app's kind (a default one when synthesized): its plan part writes the code. */
  kind: NodeKind;
  module: string;
  callable: string;
  /** URL prefixes the routes are registered under, each ending in "/" (health at BASE + "health"). */
  apiBases: string[];
  /** SQLite file the items live in (null: no database, no items endpoint). */
  database: string | null;
  /** Bundle-relative path of the module's file inside the service folder, like "shop/api.py". */
  file: string;
  /** True when the design has no Flask node for the server and a default app was added. */
  synthesized: boolean;
  /** The app node's props (none when synthesized): read only by that kind's plan part. */
  settings: Readonly<Record<string, PropValue>>;
  /** The nginx servers that reach the app: the host names and port browsers use. */
  frontDoors: readonly FrontDoor[];
  /** Where a project collects its static files, when the target puts them elsewhere than its kind does. */
  staticRoot?: string;
}

export interface FrontDoor {
  serverName: string;
  listen: number;
  /** nginx serves HTTPS there (absent: plain HTTP only): its port, and whether it redirects and sends HSTS. */
  tls?: { port: number; redirectHttp: boolean; hsts: boolean };
}

export interface PythonRun {
  kind: 'python';
  process: PythonProcess;
  apps: PlannedApp[];
  /** Package __init__.py files the module paths need, relative to the service folder. */
  packages: string[];
  /** Where `app` is exposed for `gunicorn wsgi:app` (wsgi.py, or wsgi/__init__.py when a package is named wsgi). */
  entryFile: string;
}

export interface PlannedVolume {
  name: string;
  /**
   * Why it exists: a database's data, a unix socket shared between two containers, an app's collected
   * static files nginx serves, nginx's certificates, or Let's Encrypt's challenge webroot and state.
   */
  purpose: 'data' | 'socket' | 'static' | 'certificates' | 'acme';
}

/** One hop the smoke check curls through the front door, in order. */
export interface Probe {
  /** Short name printed on the hop's line, like "page", "api health", "create item", "list items". */
  hop: string;
  method: 'GET' | 'POST';
  /** Path on the published nginx port (or the exposed server), like "/api/health". */
  path: string;
  body?: string;
  expectStatus: number;
  /** A substring the response body must contain. */
  expectBody?: string;
}

export interface DeploymentPlan {
  /** Safe folder name of the bundle. */
  folder: string;
  services: PlannedService[];
  volumes: PlannedVolume[];
  /** The published host port smoke checks go through. */
  entryPort: number | null;
  /** The Host header a browser sends there (the entry nginx's name; null: any name answers). */
  entryHost: string | null;
  /** With HTTPS at the entry: the smoke checks go through its HTTPS port, trusting its certificate. */
  entryTls?: PlannedTls;
  probes: Probe[];
  /** One certbot service per web service that serves a Let's Encrypt certificate. */
  certbots?: PlannedCertbot[];
  /**
   * What shaping the bundle decided that no rule reports (a container split in two services, a
   * second app left out, ...). The README's warnings are the diagnostics' messages plus these.
   */
  notes: string[];
}
