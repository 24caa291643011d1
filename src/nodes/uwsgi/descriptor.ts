import { matchingPass } from '../../model/connections';
import { checkAbsolutePath, checkPort } from '../../model/fields';
import { defineKind } from '../types';

export interface UwsgiProps {
  protocol: 'uwsgi' | 'http';
  transport: 'unix' | 'tcp';
  port: number;
  socketPath: string;
  processes: number;
  threads: number;
}

export const uwsgiDescriptor = defineKind<'uwsgi', UwsgiProps>({
  kind: 'uwsgi',
  label: 'uWSGI',
  icon: 'uwsgi',
  category: 'server',
  roles: ['wsgi-server'],
  role: 'A WSGI application server: runs the Flask app in processes × threads and speaks the binary uwsgi protocol to nginx.',
  doc: 'uWSGI runs the app in several processes, each with threads. With `socket` it speaks the uwsgi protocol, which nginx talks with `uwsgi_pass` and `include uwsgi_params`; `http-socket` speaks plain HTTP and is for testing or for `proxy_pass`. Mixing them up makes nginx answer 502.',
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
  },
  defaultContainer: 'app',
  handles: { target: true, source: true },
  listener: (props) =>
    props.transport === 'unix' ? { kind: 'unix', path: props.socketPath } : { kind: 'tcp', port: props.port },
  nginxPass: (props) => matchingPass(props.protocol),
});
