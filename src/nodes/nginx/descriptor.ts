import { checkPort, checkServerName, checkSize } from '../../model/fields';
import { defineKind } from '../types';

export interface NginxProps {
  listen: number;
  serverName: string;
  gzip: boolean;
  clientMaxBodySize: string;
}

export const nginxDescriptor = defineKind<'nginx', NginxProps>({
  kind: 'nginx',
  label: 'Nginx',
  icon: 'nginx',
  category: 'proxy',
  roles: ['proxy'],
  role: 'The doorkeeper: a reverse proxy that takes every request, serves static files fast and passes the rest on.',
  doc: 'Nginx faces the clients. It buffers slow requests and responses so that Gunicorn or uWSGI workers are busy only while the app computes, serves the built React files itself, compresses responses and is where HTTPS is terminated. Clients never reach the app server directly.',
  summary: (props) => `:${props.listen}`,
  props: {
    listen: {
      type: 'number',
      label: 'Listen port',
      doc: 'The port nginx listens on inside its container; docker-compose publishes it on the same host port.',
      default: 80,
      rule: { id: 'invalid-port', check: (value: number) => checkPort(value) },
    },
    serverName: {
      type: 'string',
      label: 'Server name',
      doc: 'Host names this server answers for (`server_name`), separated by spaces: `_` for any host, `localhost`, or names like `example.com *.example.com`.',
      default: 'localhost',
      rule: { id: 'invalid-server-name', check: (value: string) => checkServerName(value) },
    },
    gzip: {
      type: 'boolean',
      label: 'Gzip',
      doc: 'Compress text responses (HTML, CSS, JS, JSON) before sending them: fewer bytes for every client.',
      default: true,
    },
    clientMaxBodySize: {
      type: 'string',
      label: 'Max body size',
      doc: 'The largest request body nginx accepts (`client_max_body_size`), like `10m`. Larger uploads get 413 before they reach Python.',
      default: '10m',
      rule: { id: 'invalid-size', check: (value: string) => checkSize(value) },
    },
  },
  defaultContainer: 'web',
  handles: { target: true, source: true },
  listener: (props) => ({ kind: 'tcp', port: props.listen }),
  noun: 'nginx',
});
