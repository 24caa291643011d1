/**
 * The config file this kind writes into the bundle (uwsgi.ini): the editor explains its
 * directives on hover, in English and Korean (what each one does and why the bundle sets it).
 */
import type { KindConfigFile } from '../configFiles';
import { directivesKo } from './configFile.ko';

export const configFile: KindConfigFile = {
  program: 'uWSGI',
  matches: (baseName) => /uwsgi.*\.ini$/.test(baseName),
  syntax: 'ini',
  directives: {
    en: {
      socket: {
        what: 'Listens with the binary **uwsgi protocol** (on a unix socket path or `host:port`).',
        why: 'This is what nginx’s `uwsgi_pass` speaks. A unix socket is fast for two processes on one machine; across containers it lives on a shared volume.',
      },
      'http-socket': {
        what: 'Listens with plain **HTTP** (what a browser or `proxy_pass` sends).',
        why: 'Handy for testing uWSGI alone; behind nginx it must be paired with `proxy_pass`. With `uwsgi_pass` nginx answers **502**: the two sides speak different protocols.',
      },
      'chmod-socket': {
        what: 'File mode of the unix socket uWSGI creates.',
        why: 'nginx runs as another user (in another container): it needs write permission on the socket or every request fails with 502 (permission denied).',
      },
      'chown-socket': {
        what: 'Owner of the unix socket.',
        why: 'An alternative to a permissive chmod-socket.',
      },
      master: {
        what: 'Starts a master process that manages the workers.',
        why: 'The master restarts dead workers and handles signals; without it uWSGI is much harder to run reliably.',
      },
      vacuum: {
        what: 'Removes the socket and pid files on exit.',
        why: 'A stale socket file left behind can stop the next start.',
      },
      'die-on-term': {
        what: 'Makes SIGTERM shut uWSGI down (by default it means "reload").',
        why: '`docker stop` sends SIGTERM: without this the container would reload instead of stopping, and be killed after a timeout.',
      },
      'worker-reload-mercy': {
        what: 'How many seconds a worker may take to finish its requests on a graceful reload, recycling or stop before it is killed.',
        why: "A stuck worker would otherwise hold a stop for uWSGI's default 60 s (past `docker stop`'s patience); the bundle gives the container this long plus a margin.",
      },
      'reload-mercy': {
        what: 'How many seconds the master waits for all workers during a reload or shutdown.',
        why: 'Bounds the whole stop, like `worker-reload-mercy` bounds one worker.',
      },
      'need-app': {
        what: 'Exits at start when the application cannot be loaded.',
        why: 'Otherwise uWSGI keeps running with "no app loaded" and answers every request with an error: better to fail loudly.',
      },
      strict: {
        what: 'Refuses unknown options in the config.',
        why: 'A misspelled option otherwise is ignored silently (like `--strict` in the checks StackSketch runs).',
      },
      processes: {
        what: 'The number of worker processes.',
        why: 'Like Gunicorn workers: about 2 × CPU cores + 1 is the usual guide; each process has its own memory.',
      },
      workers: {
        what: 'Alias of `processes`: the number of worker processes.',
        why: 'About 2 × CPU cores + 1 is the usual guide.',
      },
      threads: {
        what: 'Threads per process; total concurrency is processes × threads.',
        why: 'Threads help while requests wait on I/O (such as SQLite or network calls).',
      },
      'enable-threads': {
        what: 'Enables the Python GIL and threads in the app.',
        why: 'Without it threads the app starts itself never run.',
      },
      plugins: {
        what: 'Loads uWSGI plugins (e.g. python3).',
        why: 'Distribution builds of uWSGI need the python3 plugin to load a Python app; the pip build has it built in.',
      },
      module: {
        what: 'The Python module holding the WSGI application (e.g. `wsgi`).',
        why: 'uWSGI imports it like `import wsgi`.',
      },
      callable: {
        what: 'The name of the WSGI callable in the module.',
        why: 'Flask’s object is usually named `app`; uWSGI looks for `application` unless told.',
      },
      'wsgi-file': {
        what: 'A Python file to load as the WSGI application.',
        why: 'An alternative to `module`.',
      },
      chdir: {
        what: 'Changes to this folder before loading the app.',
        why: 'So the app module is found.',
      },
      pythonpath: {
        what: 'Adds a folder to Python’s import path.',
        why: 'The app’s modules in /app import each other without being installed as a package.',
      },
      uid: {
        what: 'The user the workers run as.',
        why: 'Never run the app as root.',
      },
      gid: {
        what: 'The group the workers run as.',
        why: 'Never run the app as root.',
      },
      harakiri: {
        what: 'Kills a worker stuck on one request for longer than this many seconds.',
        why: 'Frees workers on hung requests (Gunicorn’s timeout).',
      },
      'buffer-size': {
        what: 'Largest request header block uWSGI accepts.',
        why: 'The 4 KB default can reject requests with big cookies.',
      },
      'lazy-apps': {
        what: 'Loads the app in each worker instead of the master.',
        why: 'Avoids sharing database connections across forked workers.',
      },
      'single-interpreter': {
        what: 'Uses one Python interpreter per worker.',
        why: 'Simpler and what most apps expect.',
      },
      'thunder-lock': {
        what: 'Serialises accept() between workers.',
        why: 'Spreads load evenly across processes.',
      },
      'post-buffering': {
        what: 'Buffers request bodies bigger than this to disk.',
        why: 'Protects workers from slow uploads.',
      },
      'disable-logging': {
        what: 'Turns off the request log.',
        why: 'nginx already logs each request.',
      },
      'log-4xx': {
        what: 'Logs 4xx responses even with request logging off.',
        why: 'Client errors stay visible.',
      },
      'log-5xx': {
        what: 'Logs 5xx responses even with request logging off.',
        why: 'Server errors stay visible.',
      },
      pidfile: {
        what: 'Writes the master pid to this file.',
        why: 'Lets `uwsgi --stop FILE` stop the server.',
      },
      stats: {
        what: 'Serves live statistics (workers, requests) on this address.',
        why: 'Real-time monitoring, like in the seed notes.',
      },
      'manage-script-name': {
        what: 'Honours SCRIPT_NAME from nginx.',
        why: 'Needed when the app is mounted under a prefix.',
      },
      mount: {
        what: 'Mounts the app under a path prefix.',
        why: 'Serves the app below a route such as /api.',
      },
      http: {
        what: 'Starts uWSGI’s own HTTP router in front of the workers.',
        why: 'Not needed behind nginx: nginx is the router.',
      },
    },
    ko: directivesKo,
  },
};
