import { checkAbsolutePath, checkPort } from '../../model/fields';
import { defineKind } from '../types';

export interface UwsgiProps {
  protocol: 'uwsgi' | 'http';
  transport: 'unix' | 'tcp';
  port: number;
  socketPath: string;
  processes: number;
  threads: number;
  maxRequests: number;
  harakiri: number;
  stats: boolean;
}

export const uwsgiDescriptor = defineKind<'uwsgi', UwsgiProps>({
  kind: 'uwsgi',
  label: 'uWSGI',
  icon: 'uwsgi',
  category: 'server',
  roles: ['wsgi-server'],
  role: 'A WSGI application server: runs the Flask app in processes × threads and speaks the binary uwsgi protocol to nginx.',
  doc: 'uWSGI runs the app in several processes, each with threads. With `socket` it speaks the uwsgi protocol, which nginx talks with `uwsgi_pass` and `include uwsgi_params`; `http-socket` speaks plain HTTP and is for testing or for `proxy_pass`. Mixing them up makes nginx answer 502.',
  summary: (props) =>
    `${props.protocol === 'uwsgi' ? 'socket' : 'http-socket'} ${props.transport === 'unix' ? props.socketPath : `:${props.port}`}`,
  props: {
    protocol: {
      type: 'enum',
      label: 'Protocol',
      doc: '"uwsgi" writes `socket = …` (the binary protocol nginx’s `uwsgi_pass` speaks); "http" writes `http-socket = …` (plain HTTP, for `proxy_pass`).',
      default: 'uwsgi',
      options: [
        { value: 'uwsgi', label: 'uwsgi (socket)' },
        { value: 'http', label: 'HTTP (http-socket)' },
      ],
    },
    transport: {
      type: 'enum',
      label: 'Transport',
      doc: 'A unix socket file (fast, on a volume shared with nginx) or a TCP port.',
      default: 'unix',
      options: [
        { value: 'unix', label: 'Unix socket' },
        { value: 'tcp', label: 'TCP port' },
      ],
    },
    port: {
      type: 'number',
      label: 'Port',
      doc: 'The TCP port uWSGI listens on inside its container when the transport is TCP.',
      default: 3031,
      rule: { id: 'invalid-port', check: (value: number) => checkPort(value) },
    },
    socketPath: {
      type: 'string',
      label: 'Socket path',
      doc: 'The unix socket file uWSGI creates, on a volume shared with nginx; `chmod-socket` lets nginx write to it.',
      default: '/run/uwsgi/uwsgi.sock',
      rule: { id: 'invalid-path', check: (value: string) => checkAbsolutePath(value) },
    },
    processes: {
      type: 'workers',
      label: 'Processes',
      doc: 'Worker processes; each runs `threads` threads, so 4 × 2 handles 8 requests at once. Guide: 2 × CPU cores + 1.',
      default: 4,
      allowAuto: false,
    },
    threads: {
      type: 'integer',
      label: 'Threads',
      doc: 'Threads per process (uWSGI enables Python threads for them).',
      default: 2,
      min: 1,
      max: 64,
    },
    maxRequests: {
      type: 'integer',
      label: 'Max requests',
      doc: 'A worker is respawned after this many requests (`max-requests`): memory a leak holds is given back. 0 never recycles.',
      default: 1000,
      min: 0,
      max: 1000000,
    },
    harakiri: {
      type: 'integer',
      label: 'Harakiri (s)',
      doc: 'A request running longer than this many seconds has its worker killed and replaced (`harakiri`). 0 turns it off.',
      default: 60,
      min: 0,
      max: 3600,
    },
    stats: {
      type: 'boolean',
      label: 'Stats server',
      doc: 'Live worker statistics as JSON on 127.0.0.1:9191 inside the container (`stats`), for `uwsgitop` or curl; never published.',
      default: false,
    },
  },
  defaultContainer: 'app',
  handles: { target: true, source: true },
  listener: (props) =>
    props.transport === 'unix' ? { kind: 'unix', path: props.socketPath } : { kind: 'tcp', port: props.port },
  noun: 'uWSGI',
  nounKo: 'uWSGI',
  upstream: { name: 'uWSGI', nameKo: 'uWSGI', protocol: 'uwsgi', protocolOf: (props) => props.protocol },
});
