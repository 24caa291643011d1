import { checkAbsolutePath, checkPort } from '../../model/fields';
import { defineKind } from '../types';

export interface GunicornProps {
  transport: 'tcp' | 'unix';
  port: number;
  socketPath: string;
  workers: 'auto' | number;
  threads: number;
  timeout: number;
  maxRequests: number;
  maxRequestsJitter: number;
}

export const gunicornDescriptor = defineKind<'gunicorn', GunicornProps>({
  kind: 'gunicorn',
  label: 'Gunicorn',
  icon: 'gunicorn',
  category: 'server',
  roles: ['wsgi-server'],
  role: 'The manager: a WSGI server that runs several Flask worker processes so requests are handled at the same time.',
  doc: 'Gunicorn turns the HTTP requests nginx passes on into WSGI calls to the Flask app, in several worker processes (the guide is 2 × CPU cores + 1). It restarts workers that die and shuts down gracefully. It must run in the same container as the app it imports.',
  summary: (props) => (props.transport === 'unix' ? props.socketPath : `:${props.port}`),
  props: {
    transport: {
      type: 'enum',
      label: 'Transport',
      doc: 'How nginx reaches Gunicorn: a TCP port, or a unix socket file on a volume both containers mount.',
      default: 'tcp',
      options: [
        { value: 'tcp', label: 'TCP port' },
        { value: 'unix', label: 'Unix socket' },
      ],
    },
    port: {
      type: 'number',
      label: 'Port',
      doc: 'The TCP port Gunicorn binds inside its container (`bind = "0.0.0.0:PORT"`). Not published to the host: only nginx reaches it.',
      default: 8000,
      rule: { id: 'invalid-port', check: (value: number) => checkPort(value) },
    },
    socketPath: {
      type: 'string',
      label: 'Socket path',
      doc: 'The unix socket file Gunicorn binds (`bind = "unix:PATH"`), on a volume shared with nginx.',
      default: '/run/gunicorn/gunicorn.sock',
      rule: { id: 'invalid-path', check: (value: string) => checkAbsolutePath(value) },
    },
    workers: {
      type: 'workers',
      label: 'Workers',
      doc: 'Worker processes: "auto" computes 2 × CPU cores + 1 when Gunicorn starts; or a whole number. Each sync worker handles one request at a time.',
      default: 'auto',
      allowAuto: true,
    },
    threads: {
      type: 'integer',
      label: 'Threads',
      doc: 'Threads per worker. Above 1, Gunicorn uses the gthread worker class, which also keeps idle connections from nginx open cheaply.',
      default: 1,
      min: 1,
      max: 64,
    },
    timeout: {
      type: 'integer',
      label: 'Timeout (s)',
      doc: 'A worker silent for this many seconds is killed and restarted: a stuck request cannot hold a worker for ever.',
      default: 30,
      min: 1,
      max: 3600,
    },
    maxRequests: {
      type: 'integer',
      label: 'Max requests',
      doc: 'A worker is replaced after this many requests (`max_requests`): memory a leak holds is given back. 0 never recycles.',
      default: 1000,
      min: 0,
      max: 1000000,
    },
    maxRequestsJitter: {
      type: 'integer',
      label: 'Max requests jitter',
      doc: 'Adds a random 0…N to each worker’s `max_requests`, so the workers do not all restart at the same moment.',
      default: 100,
      min: 0,
      max: 1000000,
    },
  },
  defaultContainer: 'app',
  handles: { target: true, source: true },
  listener: (props) =>
    props.transport === 'unix' ? { kind: 'unix', path: props.socketPath } : { kind: 'tcp', port: props.port },
  noun: 'Gunicorn',
  nounKo: 'Gunicorn',
  upstream: { name: 'Gunicorn', nameKo: 'Gunicorn', protocol: 'http' },
});
