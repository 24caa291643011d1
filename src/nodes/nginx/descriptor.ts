import { checkAbsolutePath, checkEmail, checkPort, checkServerName, checkSize } from '../../model/fields';
import { defineKind } from '../types';

/** How nginx gets the certificate it serves HTTPS with ("off": plain HTTP only). */
export type TlsMode = 'off' | 'self-signed' | 'letsencrypt' | 'files';

export interface NginxProps {
  listen: number;
  serverName: string;
  gzip: boolean;
  clientMaxBodySize: string;
  tls: TlsMode;
  httpsPort: number;
  redirectHttp: boolean;
  hsts: boolean;
  email: string;
  certFile: string;
  keyFile: string;
}

const withTls = (props: Readonly<Record<string, unknown>>) => props.tls !== 'off';

export const nginxDescriptor = defineKind<'nginx', NginxProps>({
  kind: 'nginx',
  label: 'Nginx',
  icon: 'nginx',
  category: 'proxy',
  roles: ['proxy'],
  role: 'The doorkeeper: a reverse proxy that takes every request, serves static files fast and passes the rest on.',
  doc: 'Nginx faces the clients. It buffers slow requests and responses so that Gunicorn or uWSGI workers are busy only while the app computes, serves the built React files itself, compresses responses and is where HTTPS is terminated. Clients never reach the app server directly.',
  summary: (props) =>
    props.tls === 'off' ? `:${props.listen}` : `:${props.listen}, https :${props.httpsPort}`,
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
    tls: {
      type: 'enum',
      label: 'HTTPS',
      doc: 'Where the certificate comes from. Self-signed: made at first start, for local use. Let’s Encrypt: a certbot service obtains and renews a free certificate for a public domain. Own files: your certificate and key, mounted from the host.',
      default: 'off',
      options: [
        { value: 'off', label: 'Off (plain HTTP)' },
        { value: 'self-signed', label: 'Self-signed' },
        { value: 'letsencrypt', label: 'Let’s Encrypt' },
        { value: 'files', label: 'Own certificate files' },
      ],
    },
    httpsPort: {
      type: 'number',
      label: 'HTTPS port',
      doc: 'The port nginx serves HTTPS on (`listen … ssl`), published on the same host port.',
      default: 443,
      rule: { id: 'invalid-port', check: (value: number) => checkPort(value) },
      appliesWhen: withTls,
    },
    redirectHttp: {
      type: 'boolean',
      label: 'Redirect HTTP to HTTPS',
      doc: 'Answer plain HTTP with a 301 to the HTTPS address (the ACME challenge path excepted), so nobody stays on the unencrypted site.',
      default: true,
      appliesWhen: withTls,
    },
    hsts: {
      type: 'boolean',
      label: 'HSTS',
      doc: 'Send Strict-Transport-Security: browsers then use HTTPS for this host for a year, even when a link says http://.',
      default: true,
      appliesWhen: withTls,
    },
    email: {
      type: 'string',
      label: 'Let’s Encrypt e-mail',
      doc: 'The account address certbot registers: Let’s Encrypt writes there before a certificate expires.',
      default: '',
      rule: { id: 'invalid-email', check: (value: string) => checkEmail(value) },
      appliesWhen: (props) => props.tls === 'letsencrypt',
    },
    certFile: {
      type: 'string',
      label: 'Certificate file',
      doc: 'The certificate chain (leaf first, PEM) on the host; mounted read-only at the same path in the nginx container.',
      default: '/etc/nginx/certs/fullchain.pem',
      rule: { id: 'invalid-path', check: (value: string) => checkAbsolutePath(value) },
      appliesWhen: (props) => props.tls === 'files',
    },
    keyFile: {
      type: 'string',
      label: 'Key file',
      doc: 'The private key of the certificate (PEM) on the host; mounted read-only at the same path in the nginx container.',
      default: '/etc/nginx/certs/privkey.pem',
      rule: { id: 'invalid-path', check: (value: string) => checkAbsolutePath(value) },
      appliesWhen: (props) => props.tls === 'files',
    },
  },
  defaultContainer: 'web',
  handles: { target: true, source: true },
  listener: (props) => ({ kind: 'tcp', port: props.listen }),
  noun: 'nginx',
  nounKo: 'nginx',
  servesHttps: (props) => props.tls !== 'off',
});
