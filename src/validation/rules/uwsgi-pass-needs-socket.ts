import { uwsgiStack } from './examples';
import { passMismatch } from './passMismatch';
import type { Rule } from '../types';

export const uwsgiPassNeedsSocket: Rule = {
  id: 'uwsgi-pass-needs-socket',
  severity: 'error',
  summary:
    'An nginx → uWSGI edge uses `uwsgi_pass`, but the uWSGI node listens with `http-socket` (protocol "http").',
  why: '`uwsgi_pass` speaks the binary uwsgi protocol, which only a uWSGI `socket` understands. An `http-socket` expects plain HTTP, closes the connection, and nginx answers every request with 502 Bad Gateway ("upstream prematurely closed connection").',
  fixSummary:
    'Switch uWSGI to `socket` (protocol "uwsgi"), the pair nginx expects; alternatively set the edge to `proxy_pass`.',
  reads: 'part',
  check: passMismatch({
    id: 'uwsgi-pass-needs-socket',
    pass: 'uwsgi_pass',
    listening: 'http',
    fixProtocol: 'uwsgi',
  }),
  examples: { fires: uwsgiStack('http', 'uwsgi_pass'), nearMiss: uwsgiStack('uwsgi', 'uwsgi_pass') },
};
