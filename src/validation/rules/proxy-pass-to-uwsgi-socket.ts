import { uwsgiStack } from './examples';
import { passMismatch } from './passMismatch';
import type { Rule } from '../types';

export const proxyPassToUwsgiSocket: Rule = {
  id: 'proxy-pass-to-uwsgi-socket',
  severity: 'error',
  summary:
    'An nginx → uWSGI edge uses `proxy_pass`, but the uWSGI node speaks the uwsgi protocol (`socket`, protocol "uwsgi").',
  why: '`proxy_pass` sends plain HTTP. A uWSGI `socket` expects the binary uwsgi protocol that `uwsgi_pass` and `uwsgi_params` produce, so it cannot read the request and nginx answers 502 Bad Gateway.',
  fixSummary:
    'Switch uWSGI to `http-socket` (protocol "http"), which `proxy_pass` can talk to; alternatively set the edge to `uwsgi_pass`.',
  reads: 'part',
  check: passMismatch({
    id: 'proxy-pass-to-uwsgi-socket',
    pass: 'proxy_pass',
    listening: 'uwsgi',
    fixProtocol: 'http',
  }),
  examples: { fires: uwsgiStack('uwsgi', 'proxy_pass'), nearMiss: uwsgiStack('http', 'proxy_pass') },
};
