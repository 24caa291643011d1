/** Designs with each HTTPS mode for the bundle checks and real runs (the template covers Let's Encrypt). */
import { loadTemplate } from '../../src/model/templates';
import { setNodeProps } from '../../src/model/edit';
import type { Design } from '../../src/model/design';

export interface TlsDesign {
  id: string;
  design: Design;
  /** Also scanned by an independent TLS scanner (once: every design shares the TLS settings). */
  tlsScan?: boolean;
}

export function tlsDesigns(): TlsDesign[] {
  return [
    {
      // The React stack, self-signed: the page, the API and SQLite over HTTPS.
      id: 'tls self-signed react',
      design: setNodeProps(loadTemplate('react-nginx-gunicorn'), 'proxy', { tls: 'self-signed' }),
    },
    {
      // uWSGI behind nginx, self-signed on a port of its own, plain HTTP still serving, no HSTS.
      id: 'tls self-signed 8443 no redirect',
      design: setNodeProps(loadTemplate('uwsgi-unix-socket'), 'proxy', {
        tls: 'self-signed',
        httpsPort: 8443,
        redirectHttp: false,
        hsts: false,
      }),
    },
    {
      // Django behind nginx serving HTTPS (redirect and HSTS at nginx): secure cookies, https origins.
      id: 'tls self-signed django',
      design: setNodeProps(loadTemplate('django-gunicorn-nginx'), 'proxy', { tls: 'self-signed' }),
      tlsScan: true,
    },
    {
      // The user's own certificate and key, mounted from the host.
      id: 'tls own files',
      design: setNodeProps(loadTemplate('gunicorn-flask-sqlite'), 'proxy', {
        serverName: 'shop.example.test',
        tls: 'files',
        certFile: '/srv/tls/shop.example.test/fullchain.pem',
        keyFile: '/srv/tls/shop.example.test/privkey.pem',
      }),
    },
  ];
}
