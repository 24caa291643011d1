/**
 * The config file this kind writes into the bundle (gunicorn.conf.py): the editor explains its
 * directives on hover, in English and Korean (what each one does and why the bundle sets it).
 */
import type { KindConfigFile } from '../configFiles';
import { directivesKo } from './configFile.ko';

export const configFile: KindConfigFile = {
  program: 'Gunicorn',
  matches: (baseName) => /^gunicorn.*\.py$/.test(baseName),
  syntax: 'assignments',
  directives: {
    en: {
      bind: {
        what: 'The address Gunicorn listens on: `host:port` or `unix:/path.sock`.',
        why: '`0.0.0.0:PORT` so nginx in another container can reach it over the Compose network (the port is not published to the host); a unix socket needs a volume shared with nginx.',
      },
      workers: {
        what: 'The number of worker processes; each handles one request at a time (sync workers).',
        why: 'The usual guide is **2 × CPU cores + 1**: while one worker waits on I/O another can use the CPU. More workers only add memory use and contention.',
      },
      threads: {
        what: 'Threads per worker. Above 1 Gunicorn uses the threaded worker.',
        why: 'Threads help when requests wait on I/O; 1 keeps the simple sync model.',
      },
      timeout: {
        what: 'A worker silent for longer than this many seconds is killed and restarted.',
        why: 'Frees workers stuck on a hung request; nginx buffering keeps slow clients from triggering it.',
      },
      worker_tmp_dir: {
        what: 'Where workers keep their heartbeat file.',
        why: 'In Docker `/tmp` may be on a slow overlay disk, which can make workers look hung: `/dev/shm` is memory backed.',
      },
      wsgi_app: {
        what: 'The WSGI application to load, as `module:callable`.',
        why: 'Points at the Flask object exposed by wsgi.py.',
      },
      accesslog: {
        what: 'Where Gunicorn logs each request (`None`: not at all; `-`: stdout).',
        why: 'nginx in front already logs every request; a second access log here cost a third of the throughput in the benchmark.',
      },
      errorlog: {
        what: 'Where Gunicorn logs its own messages; `-` is stderr.',
        why: 'Container logs go to stderr so `docker compose logs` shows worker crashes.',
      },
      loglevel: {
        what: 'How much Gunicorn logs.',
        why: '`info` shows worker starts and restarts without request noise.',
      },
      graceful_timeout: {
        what: 'Seconds workers get to finish requests after a restart or stop signal.',
        why: 'A `docker compose down` then does not cut requests in the middle.',
      },
      keepalive: {
        what: 'Seconds to keep an idle connection open.',
        why: 'Behind nginx a few seconds lets nginx reuse connections.',
      },
      forwarded_allow_ips: {
        what: 'Which proxies may set X-Forwarded-* headers.',
        why: 'nginx runs in another container, so its address is not 127.0.0.1: trust the proxy network only.',
      },
      chdir: {
        what: 'Changes to this folder before loading the app.',
        why: 'So `module:callable` imports from the app folder.',
      },
      umask: {
        what: 'File mode mask for files (and the socket) Gunicorn creates.',
        why: 'A unix socket must be writable by the nginx user in the other container.',
      },
      worker_class: {
        what: 'The worker type (sync, gthread, ...).',
        why: 'Sync workers are simplest and safe behind a buffering proxy like nginx.',
      },
      max_requests: {
        what: 'Restart a worker after this many requests.',
        why: 'Caps the effect of slow memory leaks.',
      },
      max_requests_jitter: {
        what: 'Random extra to max_requests.',
        why: 'Workers do not all restart at the same moment.',
      },
      capture_output: {
        what: 'Sends the app’s print/stdout to the error log.',
        why: 'Nothing the app prints is lost in a container.',
      },
      proc_name: {
        what: 'Process title shown by ps/top.',
        why: 'Makes the workers easy to spot.',
      },
    },
    ko: directivesKo,
  },
};
