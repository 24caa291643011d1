/**
 * What the rules say about one design, in English: the source of every key. Values a message shows
 * (node names, ports, containers) come in as named parameters, never glued on around the text.
 * Node names arrive formatted (`Gunicorn "wsgi"`), lists as arrays each language joins itself.
 */
import { connectionMessages } from './connections';

const both = (count: number) => (count === 2 ? 'both' : 'all');

export const ruleMessages = {
  'uwsgi-pass-needs-socket': {
    message: (p: { proxy: string; server: string }) =>
      `${p.proxy} talks to ${p.server} with uwsgi_pass, but uWSGI listens with http-socket (plain HTTP). The binary uwsgi protocol meets an HTTP parser: uWSGI drops the connection and nginx answers 502 Bad Gateway ("upstream prematurely closed connection"). Switch uWSGI to socket, or use proxy_pass.`,
    fix: (p: { id: string }) => `Switch uWSGI "${p.id}" to socket (uwsgi protocol)`,
    alternative: 'Use proxy_pass on this connection',
  },
  'proxy-pass-to-uwsgi-socket': {
    message: (p: { proxy: string; server: string }) =>
      `${p.proxy} talks to ${p.server} with proxy_pass (plain HTTP), but uWSGI listens with socket (the binary uwsgi protocol). uWSGI cannot read the request and nginx answers 502 Bad Gateway. Use uwsgi_pass, or switch uWSGI to http-socket.`,
    fix: (p: { id: string }) => `Switch uWSGI "${p.id}" to http-socket (HTTP protocol)`,
    alternative: 'Use uwsgi_pass on this connection',
  },
  'app-server-exposed': {
    message: (p: { client: string; server: string; isApp: boolean }) =>
      `${p.client} connects straight to ${p.server}. Without nginx in front there is no buffering: slow clients tie up the ${p.isApp ? 'single development server process' : 'workers'} and nobody serves static files or terminates HTTPS. Route the client through nginx.`,
    fix: (p: { server: string }) => `Insert an nginx in front of ${p.server}`,
    reuse: (p: { client: string; proxy: string; server: string }) =>
      `Route ${p.client} to ${p.server} through ${p.proxy}`,
  },
  'flask-dev-server': {
    message: (p: { app: string; reaching: string[] }) =>
      `${p.app} is reached by ${p.reaching.join(', ')} without a WSGI server, so it runs on the Werkzeug development server: one process, requests one at a time, no protection against slow clients. Run it with Gunicorn or uWSGI behind nginx.`,
    fix: (p: { app: string }) => `Serve ${p.app} with a WSGI server (Gunicorn)`,
    reuse: (p: { app: string; server: string }) => `Serve ${p.app} with ${p.server}`,
  },
  'django-dev-server': {
    message: (p: { app: string; reaching: string[] }) =>
      `${p.app} is reached by ${p.reaching.join(', ')} without a WSGI server, so it runs on manage.py runserver: a development server, not audited for security or built for load. Run it with Gunicorn or uWSGI behind nginx.`,
    fix: (p: { app: string }) => `Serve ${p.app} with a WSGI server (Gunicorn)`,
    reuse: (p: { app: string; server: string }) => `Serve ${p.app} with ${p.server}`,
  },
  'wsgi-needs-app': {
    none: (p: { server: string }) =>
      `${p.server} runs no Flask app. A WSGI server only imports and runs an application (module:callable); connect it to the Flask app it should serve.`,
    many: (p: { server: string; apps: string[] }) =>
      `${p.server} is connected to ${p.apps.length} Flask apps (${p.apps.map((id) => `"${id}"`).join(', ')}). A WSGI server imports exactly one module:callable; give each app its own server.`,
    fix: (p: { server: string }) => `Add a Flask app run by ${p.server}`,
    connect: (p: { server: string; app: string }) => `Connect ${p.server} to ${p.app}`,
  },
  'wsgi-app-same-container': {
    message: (p: {
      server: string;
      serverContainer: string;
      app: string;
      appContainer: string;
      kind: string;
    }) =>
      `${p.server} runs in container "${p.serverContainer}" but ${p.app} is in "${p.appContainer}". ${p.kind} imports the app in-process (module:callable), so the app’s code must be in the server’s container.`,
    fix: (p: { app: string; container: string }) => `Move ${p.app} into container "${p.container}"`,
  },
  'static-needs-nginx': {
    elsewhere: (p: { build: string; container: string; proxies: string[] }) =>
      `${p.build} is in container "${p.container}" but is served by ${p.proxies.join(', ')} in another container. Nginx serves the build from its own filesystem, so the files must be in nginx’s container.`,
    unserved: (p: { build: string }) =>
      `${p.build} is served by no nginx. A React build is static files that nothing runs: an nginx in the same container must serve them.`,
    fix: (p: { build: string; proxy: string; container: string }) =>
      `Serve ${p.build} from ${p.proxy} in its container "${p.container}"`,
  },
  'sqlite-same-container': {
    message: (p: { app: string; appContainer: string; db: string; dbContainer: string }) =>
      `${p.app} in container "${p.appContainer}" uses ${p.db} in container "${p.dbContainer}". SQLite is a file that the app opens directly; it cannot be reached from another container. Put the database in the app’s container.`,
    fix: (p: { db: string; container: string }) => `Move ${p.db} into container "${p.container}"`,
  },
  'sqlite-single-container': {
    message: (p: { db: string; containers: string[] }) =>
      `${p.db} is used by Flask apps in ${p.containers.length} containers (${p.containers.map((c) => `"${c}"`).join(', ')}). SQLite is a single file with file locks; only one container can own it. Serve both apps from one container, or give each container its own database.`,
  },
  'route-conflict': {
    message: (p: { proxy: string; route: string; targets: string[] }) =>
      `${p.proxy} sends route "${p.route}" to ${p.targets.length} places (${p.targets.join(', ')}). Nginx allows one location per prefix ("duplicate location"): give each connection its own route.`,
    /** A place a route goes: the static files of an app nginx reaches (its staticRoute). */
    staticFilesOf: (p: { app: string }) => `the static files of ${p.app}`,
  },
  'port-conflict': {
    sameContainer: (p: { nodes: string[]; port: string; container: string }) =>
      `${p.nodes.join(' and ')} ${both(p.nodes.length)} listen on port ${p.port} in container "${p.container}". Processes in one container share its network, so only one can bind the port; the others fail with "Address already in use".`,
    publishedTwice: (p: { nodes: { name: string; container: string }[]; port: number }) =>
      `${p.nodes.map((node) => `${node.name} (container "${node.container}")`).join(' and ')} ${both(p.nodes.length)} publish host port ${p.port}. Docker Compose publishes nginx’s listen port on the same host port, and a host port can belong to one service only.`,
    sameHost: (p: { nodes: { name: string; container: string }[]; port: number }) =>
      `${p.nodes.map((node) => `${node.name} (container "${node.container}")`).join(' and ')} ${both(p.nodes.length)} listen on port ${p.port}. On a server every container of the design runs on the same host, so only one can bind the port; the others fail with "Address already in use".`,
    fix: (p: { node: string }) => `Move ${p.node} to a free port`,
  },
  'socket-conflict': {
    message: (p: { nodes: string[]; path: string }) =>
      `${p.nodes.join(' and ')} ${both(p.nodes.length)} listen on the unix socket ${JSON.stringify(p.path)}. The socket is one file on a shared volume: the servers would replace each other’s socket and nginx could reach only one. Give each server its own socket path.`,
    fix: (p: { node: string }) => `Give ${p.node} its own socket`,
  },
  'invalid-connection': {
    message: (p: { reason: string; edge: string; source: string; target: string }) =>
      `${p.reason} (edge "${p.edge}": "${p.source}" → "${p.target}")`,
    fix: 'Remove this connection',
    /** The reason, from the matrix's refusal code. */
    connection: connectionMessages,
  },
  'no-entry-point': {
    noClient:
      'The design has no client, so nothing sends requests to it. Add a client (the browser) and connect it to nginx, the front door of the stack.',
    noEntry: (p: { clients: string[] }) =>
      `${p.clients.join(', ')} ${p.clients.length === 1 ? 'reaches' : 'reach'} no nginx or app server, so no request ever gets into the stack. Connect the client to nginx.`,
    fix: (p: { client: string | undefined; proxy: string }) =>
      `Connect ${p.client ? `client "${p.client}"` : 'a new client'} to ${p.proxy}`,
  },
  'unreachable-node': {
    message: (p: { node: string }) =>
      `${p.node} cannot be reached from any client: no chain of connections leads to it, so it would never serve a request. Connect it or remove it.`,
  },
  cycle: {
    message: (p: { nodes: string[] }) =>
      `The connections between ${p.nodes.map((id) => `"${id}"`).join(', ')} form a loop. Requests flow one way, from the client down to the database; remove the connection that leads back.`,
  },
  'workers-out-of-range': {
    tooFew: (p: { node: string; prop: string; value: number }) =>
      `${p.node} has ${p.prop} = ${p.value}: with no worker process nothing answers requests. Use at least 1 (guide: 2 × CPU cores + 1).`,
    tooMany: (p: { node: string; prop: string; value: number; max: number; cpus: number }) =>
      `${p.node} has ${p.prop} = ${p.value}, more than ${p.max} (4 × CPU + 1 on a reference machine of ${p.cpus} CPUs). Extra processes only cost memory and context switches; the guide is 2 × CPU cores + 1.`,
    fix: (p: { prop: string; node: string; bound: number }) => `Set ${p.prop} of ${p.node} to ${p.bound}`,
  },
  'invalid-replicas': {
    message: (p: { container: string; replicas: string; min: number; max: number }) =>
      `Container ${p.container} has replicas = ${p.replicas}: a container runs a whole number of copies from ${p.min} to ${p.max}.`,
    fix: (p: { container: string }) => `Set replicas of ${p.container} to 1`,
  },
  /** Shared by the `invalid-*` field rules: the node, the prop and what is wrong with its value. */
  field: {
    message: (p: { node: string; prop: string; problem: string; reason: string }) =>
      `${p.node}, ${p.prop}: ${p.problem}. ${p.reason}`,
    fix: (p: { prop: string; node: string; value: string }) => `Reset ${p.prop} of ${p.node} to ${p.value}`,
    expectedText: 'expected text',
    notANumber: (p: { value: string }) => `${p.value} is not a number`,
  },
  /** Why each kind of field value is refused: the sentence that ends a field rule's messages. */
  reasons: {
    'invalid-server-name':
      'Server names go into nginx’s server_name directive, so only host names are accepted.',
    'invalid-route': 'Routes become nginx location prefixes, so only plain URL path characters are accepted.',
    'invalid-python-name': 'The WSGI server imports module:callable, so both must be plain Python names.',
    'invalid-port': 'Any other value cannot be bound by the server or published by Docker Compose.',
    'invalid-path': 'Paths reach config files and volumes, so they must be plain absolute paths.',
    'invalid-container-name': 'Containers become Compose services, host names and bundle folders.',
    'invalid-size': 'The value becomes client_max_body_size, where nginx accepts only a size.',
    'invalid-label':
      'Display text may use any script but no characters that could break out of the files it is written to.',
    'invalid-email': 'The e-mail address reaches the certbot script, so only plain addresses are accepted.',
  },
  'invalid-route': {
    message: (p: { proxy: string; target: string; edge: string; problem: string; reason: string }) =>
      `The route of ${p.proxy} → ${p.target} (edge "${p.edge}"): ${p.problem}. ${p.reason}`,
    fix: 'Reset the route to "/"',
  },
  'invalid-container-name': {
    nodes: (p: { nodes: string[]; container: string; problem: string; reason: string }) =>
      `${p.nodes.join(', ')} ${p.nodes.length === 1 ? 'is' : 'are'} in container ${p.container}: ${p.problem}. ${p.reason}`,
    empty: (p: { container: string; problem: string; reason: string }) =>
      `The empty container ${p.container}: ${p.problem}. ${p.reason}`,
    kubernetesReason:
      'On Kubernetes a container becomes a Deployment, its Pods and a Service, whose names must be DNS-1123 labels.',
    fix: (p: { name: string }) => `Rename the container to "${p.name}"`,
  },
  'invalid-label': {
    designName: (p: { problem: string; reason: string }) => `The design name: ${p.problem}. ${p.reason}`,
    fix: 'Rename the design to "untitled"',
  },
  'replicas-unix-socket': {
    message: (p: { node: string; container: string; replicas: number }) =>
      `${p.node} listens on a unix socket, but container "${p.container}" runs ${p.replicas} copies: they would all bind one socket file and nginx could reach only one of them. Give the server a TCP port so nginx can balance over every copy.`,
    fix: (p: { node: string }) => `Switch ${p.node} to TCP`,
  },
  'replicas-publish-port': {
    message: (p: { node: string; container: string; replicas: number }) =>
      `${p.node} publishes a port on the host, but container "${p.container}" runs ${p.replicas} copies: only the first copy could bind that port. Keep the front door in a container of its own and replicate the app servers behind it.`,
    fix: (p: { node: string }) => `Move ${p.node} to its own container`,
  },
  'sqlite-replicas': {
    message: (p: { db: string; container: string; replicas: number }) =>
      `${p.db} is in container "${p.container}", which runs ${p.replicas} copies: they share one SQLite file, so every write waits its turn (no write is lost, but more copies add no write capacity).`,
    kubernetes: (p: { db: string; container: string; replicas: number }) =>
      `${p.db} is in container "${p.container}", which runs ${p.replicas} copies: on Kubernetes its ReadWriteOnce volume mounts on one node only, so the copies cannot share it. Keep SQLite at one replica.`,
  },
  'unix-socket-across-pods': {
    message: (p: { proxy: string; server: string; proxyContainer: string; serverContainer: string }) =>
      `${p.proxy} reaches ${p.server} over a unix socket, but they are in different containers ("${p.proxyContainer}" and "${p.serverContainer}"): on Kubernetes these become separate Pods, which share no socket files, so nginx would answer 502. Use TCP, or put both in one container.`,
    fix: (p: { node: string }) => `Switch ${p.node} to TCP`,
  },
  'tls-needs-domain': {
    message: (p: { node: string; names: string[] }) =>
      `${p.node} asks Let’s Encrypt for a certificate, but ${p.names.map((name) => `"${name}"`).join(', ')} ${p.names.length === 1 ? 'is' : 'are'} not a public domain it can validate (localhost, "_", an IP address, a wildcard or a name without a dot). Set the server name to your domain, like shop.example.com, or use a self-signed certificate for local use.`,
    fix: (p: { node: string }) => `Use a self-signed certificate for ${p.node}`,
  },
  'tls-needs-email': {
    message: (p: { node: string }) =>
      `${p.node} gets its certificate from Let’s Encrypt but has no e-mail address: expiry notices would go nowhere, and certbot refuses to register without one. Enter the address of whoever looks after the site.`,
  },
  'plain-http': {
    message: (p: { node: string; names: string[] }) =>
      `${p.node} serves ${p.names.map((name) => `"${name}"`).join(', ')} over plain HTTP: passwords and session cookies would cross the internet in clear text. Turn on HTTPS (Let’s Encrypt for a public domain).`,
    fix: (p: { node: string }) => `Turn on self-signed HTTPS for ${p.node}`,
  },
  /** The quick fix the replica rules share. */
  setReplicasToOne: (p: { container: string }) => `Set replicas of ${p.container} to 1`,
  internalError: (p: { rule: string; error: string }) => `internal error in rule ${p.rule}: ${p.error}`,
};

/** Every rule id; the Korean rule docs must cover each one. */
export type RuleId =
  | 'uwsgi-pass-needs-socket'
  | 'proxy-pass-to-uwsgi-socket'
  | 'app-server-exposed'
  | 'flask-dev-server'
  | 'django-dev-server'
  | 'wsgi-needs-app'
  | 'wsgi-app-same-container'
  | 'static-needs-nginx'
  | 'sqlite-same-container'
  | 'sqlite-single-container'
  | 'route-conflict'
  | 'port-conflict'
  | 'socket-conflict'
  | 'invalid-connection'
  | 'no-entry-point'
  | 'unreachable-node'
  | 'cycle'
  | 'invalid-server-name'
  | 'invalid-route'
  | 'invalid-python-name'
  | 'invalid-port'
  | 'invalid-path'
  | 'invalid-container-name'
  | 'workers-out-of-range'
  | 'invalid-size'
  | 'invalid-label'
  | 'invalid-replicas'
  | 'replicas-unix-socket'
  | 'replicas-publish-port'
  | 'sqlite-replicas'
  | 'unix-socket-across-pods'
  | 'invalid-email'
  | 'tls-needs-domain'
  | 'tls-needs-email'
  | 'plain-http';

/** A rule's documentation: when it fires, why it matters, what its quick fix does. */
export interface RuleDocText {
  summary: string;
  why: string;
  fixSummary?: string;
}
