/**
 * The deployment plan: what runs where. Built from a design by plan(); the file renderers turn it
 * into text, and the smoke runner (scripts/smoke.ts) starts exactly what it describes.
 */

export type Listener = { kind: 'tcp'; port: number } | { kind: 'unix'; path: string };

export interface PlannedService {
  /** Compose service name (= the design's container name). */
  name: string;
  /** nginx image (serves and proxies) or python image (runs a WSGI server or the dev server). */
  image: 'nginx' | 'python';
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
  mounts: { volume: string; target: string }[];
  /** Ports published to the host (only the front door). */
  published: { host: number; container: number }[];
  /** What the service listens on inside its container. */
  listens: Listener[];
  env: Record<string, string>;
  dependsOn: string[];
  /** Design node ids that run in this service. */
  nodes: string[];
  /** What the container runs (the renderers' input). */
  runs: NginxRun | PythonRun;
}

/** An nginx container: one server block per nginx node. */
export interface NginxRun {
  kind: 'nginx';
  servers: PlannedNginxServer[];
}

export interface PlannedNginxServer {
  node: string;
  listen: number;
  serverName: string;
  gzip: boolean;
  clientMaxBodySize: string;
  locations: PlannedLocation[];
}

export type UpstreamAddress = { kind: 'tcp'; host: string; port: number } | { kind: 'unix'; path: string };

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
      /** What listens there, and with which protocol. */
      target: 'gunicorn' | 'uwsgi-socket' | 'uwsgi-http' | 'flask-dev';
    };

export type PythonProcess =
  | {
      kind: 'gunicorn';
      node: string;
      bind: Listener;
      workers: 'auto' | number;
      threads: number;
      timeout: number;
    }
  | {
      kind: 'uwsgi';
      node: string;
      protocol: 'uwsgi' | 'http';
      bind: Listener;
      processes: number;
      threads: number;
    }
  | { kind: 'flask-dev'; node: string; port: number };

export interface PlannedApp {
  node: string;
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
  /** Why it exists: the SQLite data, or a unix socket shared between two containers. */
  purpose: 'sqlite' | 'socket';
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
  probes: Probe[];
  /** Plain-language warnings for the README (dev server, forced errors, ...). */
  warnings: string[];
}
