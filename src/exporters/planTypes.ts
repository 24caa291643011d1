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
