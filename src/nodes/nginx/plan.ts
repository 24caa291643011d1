import type { KindPlanPart } from '../planParts';
import type { NginxProps } from './descriptor';

/** nginx: one server block per node, run in the foreground by the official image. */
export const nginxPlan: KindPlanPart<NginxProps> = {
  proxy: {
    server: (props) => ({
      listen: props.listen,
      serverName: props.serverName,
      gzip: props.gzip,
      clientMaxBodySize: props.clientMaxBodySize,
      ...(props.tls === 'off'
        ? {}
        : {
            tls: {
              mode: props.tls,
              port: props.httpsPort,
              redirectHttp: props.redirectHttp,
              hsts: props.hsts,
              email: props.email,
              certFile: props.certFile,
              keyFile: props.keyFile,
            },
          }),
    }),
    command: ['nginx', '-g', 'daemon off;'],
    user: 'nginx',
  },
};
