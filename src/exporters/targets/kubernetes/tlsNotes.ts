/**
 * What the READMEs say about HTTPS on Kubernetes, as data both languages share: the Secrets to create
 * from the user's files, and the cert-manager Issuer and Certificate that issue Let's Encrypt's
 * certificate into the Secret the Pod mounts (written with the manifest serializer, so the design's
 * names and address stay quoted).
 */
import { LETSENCRYPT_PRODUCTION } from '../../render/tlsScripts';
import { formatManifest } from '../../serializers/kubernetes';
import { makesSelfSigned, tlsSecretsOfCluster, type ClusterPlan, type TlsSecret } from './cluster';

export const ISSUER_NAME = 'letsencrypt';

export interface HttpsNotes {
  selfSigned: boolean;
  files: TlsSecret[];
  letsencrypt: TlsSecret[];
  /** `kubectl rollout restart` targets of the Pods that read a TLS Secret (deployment/web, …). */
  restarts: string[];
  /** The cert-manager manifests (Issuer, then a Certificate per Secret), as one YAML stream. */
  certManager: string;
}

/** `kind/name` of each workload whose Pods read one of the Secrets. */
function restartTargets(cluster: ClusterPlan): string[] {
  return cluster.workloads
    .filter((workload) => workload.containers.some((container) => container.tlsSecrets.length > 0))
    .map((workload) => `${workload.stateful ? 'statefulset' : 'deployment'}/${workload.name}`);
}

function certManagerYaml(secrets: readonly TlsSecret[]): string {
  if (secrets.length === 0) return '';
  const issuer = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    metadata: { name: ISSUER_NAME },
    spec: {
      acme: {
        server: LETSENCRYPT_PRODUCTION,
        email: secrets[0]!.email,
        privateKeySecretRef: { name: `${ISSUER_NAME}-account` },
        solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }],
      },
    },
  };
  const certificates = secrets.map((secret) => ({
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: secret.name },
    spec: {
      secretName: secret.name,
      dnsNames: [...secret.domains],
      issuerRef: { name: ISSUER_NAME, kind: 'Issuer' },
    },
  }));
  return [issuer, ...certificates].map((doc) => formatManifest(doc)).join('---\n');
}

/** The HTTPS facts of a cluster; null when no server serves HTTPS. */
export function httpsNotes(cluster: ClusterPlan): HttpsNotes | null {
  const secrets = tlsSecretsOfCluster(cluster);
  const selfSigned = makesSelfSigned(cluster);
  if (!selfSigned && secrets.length === 0) return null;
  const letsencrypt = secrets.filter((secret) => secret.mode === 'letsencrypt');
  return {
    selfSigned,
    files: secrets.filter((secret) => secret.mode === 'files'),
    letsencrypt,
    restarts: restartTargets(cluster),
    certManager: certManagerYaml(letsencrypt),
  };
}
