import { describe, expect, it } from 'vitest';
import { codeLines } from '../../testing/comments';
import { parse } from 'yaml';
import { TEMPLATE_IDS, loadTemplate } from '../../../model/templates';
import { setNodeProps } from '../../../model/edit';
import { generate } from '../../generate';
import { setReplicas } from '../../../model/containers';
import { appName } from './cluster';

const k8s = (design: ReturnType<typeof loadTemplate>) =>
  generate(design, { target: 'kubernetes', lang: 'en' });

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function manifests(files: Record<string, string>): Doc[] {
  return Object.entries(files)
    .filter(
      ([path]) => path.startsWith('k8s/') && path.endsWith('.yaml') && path !== 'k8s/kustomization.yaml',
    )
    .map(([, text]) => parse(text) as Doc);
}

const byKind = (docs: Doc[], kind: string) => docs.filter((doc) => doc.kind === kind);

describe('the kubernetes target', () => {
  it.each(TEMPLATE_IDS)('%s: kustomization lists every manifest, images and the Secret from .env', (id) => {
    const { files } = k8s(loadTemplate(id));
    const kustomization = parse(files['k8s/kustomization.yaml']!) as Doc;
    const listed = Object.keys(files)
      .filter(
        (path) => path.startsWith('k8s/') && path.endsWith('.yaml') && path !== 'k8s/kustomization.yaml',
      )
      .map((path) => path.slice('k8s/'.length));
    expect(kustomization.resources).toEqual(listed);
    expect(kustomization.secretGenerator).toEqual([
      { name: expect.stringMatching(/-secrets$/), envs: ['.env'] },
    ]);
    expect(kustomization.labels[0].pairs['app.kubernetes.io/part-of']).toBeTruthy();
    const images = new Set(kustomization.images.map((image: Doc) => image.name));
    for (const doc of manifests(files).filter((d) => d.spec?.template))
      for (const container of doc.spec.template.spec.containers)
        expect(images.has(container.image)).toBe(true);
    expect(files['k8s/.env.example']).toContain('SECRET_KEY=');
    expect(files['README.md']).toContain('kubectl apply -k k8s/');
  });

  it('a container with SQLite is a StatefulSet with a volume claim at the database folder', () => {
    const docs = manifests(k8s(loadTemplate('gunicorn-flask-sqlite')).files);
    const app = byKind(docs, 'StatefulSet')[0]!;
    expect(app.metadata.name).toBe('app');
    expect(app.spec.volumeClaimTemplates[0].spec.accessModes).toEqual(['ReadWriteOnce']);
    const claim = app.spec.volumeClaimTemplates[0].metadata.name;
    const mounts = app.spec.template.spec.containers[0].volumeMounts;
    expect(mounts).toContainEqual({ name: claim, mountPath: '/data' });
    expect(byKind(docs, 'Deployment').map((doc) => doc.metadata.name)).toEqual(['web']);
  });

  it('replicas come from the design; copies are one workload behind one Service named in nginx.conf', () => {
    const design = setReplicas(loadTemplate('react-nginx-gunicorn'), 'app', 3);
    const withoutDb = {
      ...design,
      nodes: design.nodes.filter((node) => node.id !== 'db'),
      edges: design.edges.filter((edge) => edge.target !== 'db'),
    };
    const { files } = k8s(withoutDb);
    const docs = manifests(files);
    const app = byKind(docs, 'Deployment').find((doc) => doc.metadata.name === 'app')!;
    expect(app.spec.replicas).toBe(3);
    const env = app.spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'INSTANCE', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
    const nginx = byKind(docs, 'ConfigMap').find((doc) => doc.metadata.name === 'web-config')!.data[
      'nginx.conf'
    ];
    expect(nginx).toContain('server app:8000');
    expect(nginx).not.toContain('app-1');
    expect(byKind(docs, 'Service').map((doc) => [doc.metadata.name, doc.spec.type])).toEqual([
      ['app', 'ClusterIP'],
      ['web', 'LoadBalancer'],
    ]);
  });

  it('every container is locked down, probed, limited and stops within its servers’ timeouts', () => {
    const docs = manifests(k8s(loadTemplate('uwsgi-unix-socket')).files);
    for (const workload of [...byKind(docs, 'Deployment'), ...byKind(docs, 'StatefulSet')]) {
      const pod = workload.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(35);
      expect(workload.spec.template.metadata.annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
      for (const container of pod.containers) {
        expect(container.securityContext).toMatchObject({
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.readinessProbe).toBeDefined();
        expect(container.livenessProbe).toBeDefined();
        expect(container.resources.limits.memory).toBeDefined();
      }
    }
    // uWSGI's worker-reload-mercy (30 s) bounds a graceful stop: the Pod waits for it, plus a margin.
    const app = byKind(docs, 'StatefulSet')[0]!;
    expect(app.spec.template.spec.terminationGracePeriodSeconds).toBe(40);
  });

  it('a config change changes the checksum, so the Pods roll', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const before = manifests(k8s(design).files);
    const after = manifests(k8s(setNodeProps(design, 'wsgi', { workers: 7 })).files);
    const checksum = (docs: Doc[]) =>
      byKind(docs, 'StatefulSet')[0]!.spec.template.metadata.annotations['checksum/config'];
    expect(checksum(after)).not.toBe(checksum(before));
  });

  it('writes the README in Korean when asked, with the same commands and the same code', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const korean = generate(design, { target: 'kubernetes', lang: 'ko' }).files;
    expect(korean['README.md']).toContain('Compose와 달라지는 점');
    expect(korean['README.md']).toContain('kubectl apply -k k8s/');
    const { 'README.md': _en, ...englishRest } = k8s(design).files;
    const { 'README.md': _ko, 'design.json': _d1, ...koreanRest } = korean;
    const { 'design.json': _d2, ...englishFiles } = englishRest;
    const code = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).map(([path, text]) => [path, codeLines(text)]));
    expect(code(koreanRest)).toEqual(code(englishFiles));
  });

  it('is deterministic: the same design gives the same bytes', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    expect(k8s(design).files).toEqual(k8s(loadTemplate('react-nginx-gunicorn')).files);
  });

  it('never rewrites a container name that is no Kubernetes name: generate refuses it by name', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const renamed = {
      ...design,
      containers: { web: { replicas: 1 }, api_1: { replicas: 1 } },
      nodes: design.nodes.map((node) => (node.container === 'app' ? { ...node, container: 'api_1' } : node)),
    };
    expect(() => k8s(renamed)).toThrow('kubernetes: the service name "api_1" cannot be used');
    expect(Object.keys(generate(renamed, { target: 'compose', lang: 'en' }).files)).toContain(
      'api_1/Dockerfile',
    );
  });

  it('derives a DNS-1123 app name from any bundle folder', () => {
    expect(appName('my_shop.v2')).toBe('my-shop-v2');
    expect(appName('123')).toBe('stack');
    expect(appName('a'.repeat(64))).toHaveLength(40);
  });

  describe('HTTPS', () => {
    const webPod = (files: Record<string, string>) =>
      manifests(files).find((doc) => doc.kind === 'Deployment' && doc.metadata.name === 'web')!.spec.template
        .spec;
    const webService = (files: Record<string, string>) =>
      manifests(files).find((doc) => doc.kind === 'Service' && doc.metadata.name === 'web')!;

    it('self-signed: the image script makes the certificate into an emptyDir; the Service has the https port', () => {
      const { files } = k8s(
        setNodeProps(loadTemplate('react-nginx-gunicorn'), 'proxy', { tls: 'self-signed' }),
      );
      const pod = webPod(files);
      expect(pod.containers[0].command).toContain('/usr/local/bin/tls-init.sh');
      const tlsMount = pod.containers[0].volumeMounts.find((m: Doc) => m.mountPath === '/etc/nginx/tls');
      expect(pod.volumes.find((v: Doc) => v.name === tlsMount.name)).toEqual({
        name: tlsMount.name,
        emptyDir: {},
      });
      expect(pod.volumes.some((v: Doc) => v.secret)).toBe(false);
      expect(webService(files).spec.ports.map((p: Doc) => p.name)).toEqual(['http-80', 'https-443']);
      expect(files['k8s/configmap-web.yaml']).toContain('listen 443 ssl http2;');
      expect(files['README.md']).toContain('Self-signed (for trying only)');
    });

    it('own files: a kubernetes.io/tls Secret mounted at the paths nginx.conf reads, created by the user', () => {
      const { files } = k8s(
        setNodeProps(loadTemplate('gunicorn-flask-sqlite'), 'proxy', {
          tls: 'files',
          certFile: '/srv/tls/site.crt',
          keyFile: '/srv/keys/site.key',
        }),
      );
      const pod = webPod(files);
      expect(pod.volumes).toContainEqual({
        name: 'web-site-1-tls',
        secret: { secretName: 'web-site-1-tls' },
      });
      expect(pod.containers[0].volumeMounts).toEqual(
        expect.arrayContaining([
          { name: 'web-site-1-tls', mountPath: '/srv/tls/site.crt', subPath: 'tls.crt', readOnly: true },
          { name: 'web-site-1-tls', mountPath: '/srv/keys/site.key', subPath: 'tls.key', readOnly: true },
        ]),
      );
      const nginxConf = parse(files['k8s/configmap-web.yaml']!).data['nginx.conf'] as string;
      expect(nginxConf).toContain('ssl_certificate /srv/tls/site.crt;');
      expect(Object.keys(files).some((path) => /\.(crt|key|pem)$/.test(path))).toBe(false);
      expect(files['README.md']).toContain(
        'kubectl create secret tls web-site-1-tls --cert=fullchain.pem --key=privkey.pem',
      );
      expect(files['README.md']).not.toContain('cert-manager.io/v1');
    });

    it("Let's Encrypt: no certbot; cert-manager issues into the Secret mounted where nginx reads", () => {
      const { files } = k8s(loadTemplate('https-letsencrypt'));
      expect(Object.keys(files).some((path) => path.includes('certbot'))).toBe(false);
      const pod = webPod(files);
      expect(pod.containers[0].volumeMounts).toContainEqual({
        name: 'web-site-1-tls',
        mountPath: '/etc/nginx/tls/site-1',
        readOnly: true,
      });
      expect(pod.volumes.find((v: Doc) => v.name === 'web-site-1-tls').secret.items).toEqual([
        { key: 'tls.crt', path: 'fullchain.pem' },
        { key: 'tls.key', path: 'privkey.pem' },
      ]);
      const readme = files['README.md']!;
      const yaml = readme.slice(
        readme.indexOf('```yaml') + 8,
        readme.indexOf('```', readme.indexOf('```yaml') + 8),
      );
      const [issuer, certificate] = yaml.split('---\n').map((doc) => parse(doc) as Doc);
      expect(issuer!.spec.acme.email).toBe('ops@example.com');
      expect(certificate!.spec).toMatchObject({
        secretName: 'web-site-1-tls',
        dnsNames: ['shop.example.com'],
      });
      const korean = generate(loadTemplate('https-letsencrypt'), { target: 'kubernetes', lang: 'ko' }).files;
      expect(korean['README.md']).toContain('certbot이 아니라 cert-manager');
      expect(korean['README.md']).toContain('secretName: web-site-1-tls');
    });
  });
});

/** The design with a static route on its app node. */
const withStaticRoute = (design: ReturnType<typeof loadTemplate>, app: string, route: string) =>
  setNodeProps(design, app, { staticRoute: route });

/** The Pod spec of a workload, by name. */
function podOf(docs: Doc[], name: string): Doc {
  return docs.find((doc) => doc.spec?.template && doc.metadata.name === name)!.spec.template.spec;
}

/** The folders nginx.conf serves with `alias`, without their final "/". */
function aliasFolders(files: Record<string, string>, container: string): string[] {
  const configMap = parse(files[`k8s/configmap-${container}.yaml`]!) as Doc;
  return [...String(configMap.data['nginx.conf']).matchAll(/^\s*alias (\S+?)\/?;/gm)].map(
    (match) => match[1]!,
  );
}

describe('static files on kubernetes: the nginx Pod gets its own copy', () => {
  it('Django: an init container of the app image runs collectstatic into the emptyDir nginx reads', () => {
    const { files } = k8s(loadTemplate('django-gunicorn-nginx'));
    const docs = manifests(files);
    const web = podOf(docs, 'web');
    const [init, ...others] = web.initContainers;
    expect(others).toEqual([]);
    expect(init.command).toEqual(['python', 'manage.py', 'collectstatic', '--noinput']);
    const app = podOf(docs, 'app').containers[0];
    expect(init.image).toBe(app.image);
    expect(init.workingDir).toBe(app.workingDir);
    // Django's settings refuse to load without SECRET_KEY: the init container reads it like the app.
    expect(init.env).toContainEqual(app.env.find((entry: Doc) => entry.name === 'SECRET_KEY'));
    expect(init.securityContext).toEqual(app.securityContext);
    // The same volume, at the folder nginx's alias names: written by the init container, read by nginx.
    const [folder] = aliasFolders(files, 'web');
    const written = init.volumeMounts.find((mount: Doc) => mount.mountPath === folder);
    expect(written).toBeDefined();
    expect(written.readOnly).toBeUndefined();
    expect(web.containers[0].volumeMounts).toContainEqual({
      name: written.name,
      mountPath: folder,
      readOnly: true,
    });
    expect(web.volumes).toContainEqual({ name: written.name, emptyDir: {} });
    // A read-only root: Python's temp folder is an emptyDir of its own.
    expect(init.volumeMounts).toContainEqual({ name: `${init.name}-tmp`, mountPath: '/tmp' });
    expect(web.volumes).toContainEqual({ name: `${init.name}-tmp`, emptyDir: {} });
  });

  it("Flask beside a React build: the init container copies the app's static folder; the build stays in the web image", () => {
    const design = withStaticRoute(loadTemplate('react-nginx-gunicorn'), 'api', '/static/');
    const { files } = k8s(design);
    const web = podOf(manifests(files), 'web');
    expect(web.initContainers).toHaveLength(1);
    expect(web.initContainers[0].command).toEqual(['cp', '-R', 'static/.', '/srv/static/']);
    expect(aliasFolders(files, 'web')).toEqual(['/srv/static']);
    expect(web.initContainers[0].volumeMounts[0].mountPath).toBe('/srv/static');
    // The React build is copied into the web image by its build stage, not by an init container.
    expect(files['web/Dockerfile']).toContain('COPY --from=build /src/dist/');
    const readme = files['README.md']!;
    expect(readme).toContain('`app-static` (init), `web`');
    expect(readme).toContain('`app-static` runs `cp -R static/. /srv/static/` into `/srv/static`.');
    expect(readme).not.toContain('known gap');
    const korean = generate(design, { target: 'kubernetes', lang: 'ko' }).files['README.md']!;
    expect(korean).toContain('정적 파일은 nginx 파드로 복사됩니다');
    expect(korean).toContain(
      '`app-static` 컨테이너가 `cp -R static/. /srv/static/` 명령으로 `/srv/static` 폴더를 채웁니다.',
    );
  });

  it('nginx and the app in one Pod share the emptyDir: the app fills it, no init container', () => {
    const design = withStaticRoute(loadTemplate('gunicorn-flask-sqlite'), 'api', '/assets/');
    const oneContainer = {
      ...design,
      containers: {},
      nodes: design.nodes.map((node) =>
        node.container === undefined ? node : { ...node, container: 'web' },
      ),
    };
    const { files } = k8s(oneContainer);
    const pod = podOf(manifests(files), 'web');
    expect(pod.initContainers).toBeUndefined();
    const mounts = pod.containers.flatMap((container: Doc) => container.volumeMounts);
    const written = mounts.find((mount: Doc) => mount.mountPath === '/srv/static' && !mount.readOnly);
    expect(mounts).toContainEqual({ name: written.name, mountPath: '/srv/static', readOnly: true });
    expect(pod.volumes).toContainEqual({ name: written.name, emptyDir: {} });
    expect(files['README.md']).not.toContain('Static files are copied into the nginx Pod');
  });

  it('a design without static files has no init container and no such README note', () => {
    const { files } = k8s(loadTemplate('gunicorn-flask-sqlite'));
    for (const doc of manifests(files).filter((d) => d.spec?.template))
      expect(doc.spec.template.spec.initContainers).toBeUndefined();
    expect(files['README.md']).not.toContain('Static files are copied into the nginx Pod');
  });
});
