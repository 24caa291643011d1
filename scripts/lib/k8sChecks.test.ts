import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadTemplate } from '../../src/model/templates';
import { setNodeProps } from '../../src/model/edit';
import { generate } from '../../src/exporters/generate';
import { checkKubernetesBundle } from './k8sChecks';

const files = () =>
  generate(loadTemplate('react-nginx-gunicorn'), { target: 'kubernetes', lang: 'en' }).files;

// The manifests are plain data read from YAML: any is the honest type for editing them.
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The bundle with one manifest edited. */
function edited(path: string, edit: (doc: Doc) => void): Record<string, string> {
  const all = files();
  const doc = parse(all[path]!);
  edit(doc);
  return { ...all, [path]: stringify(doc) };
}

async function failing(bundle: Record<string, string>): Promise<string[]> {
  return (await checkKubernetesBundle(bundle))
    .filter((check) => !check.ok)
    .map((check) => `${check.name}: ${check.detail}`);
}

describe('checkKubernetesBundle', () => {
  it('passes a generated bundle', async () => {
    expect(await failing(files())).toEqual([]);
  });

  it('refuses a wrong type and a missing required field (the schemas)', async () => {
    const found = await failing(
      edited('k8s/deployment-web.yaml', (doc) => {
        doc.spec.replicas = 'two';
        delete doc.spec.selector;
      }),
    );
    expect(found.join('\n')).toMatch(/OpenAPI schemas.*must be integer/s);
    expect(found.join('\n')).toContain('selector');
  });

  it('refuses a field no schema defines, however deep', async () => {
    const found = await failing(
      edited('k8s/deployment-web.yaml', (doc) => {
        doc.spec.template.spec.containers[0].securityContext.runAsNonroot = true;
        doc.metadata.lables = {};
      }),
    );
    expect(found.join('\n')).toContain('containers[0].securityContext.runAsNonroot: no such field');
    expect(found.join('\n')).toContain('metadata.lables: no such field');
  });

  it('refuses a ConfigMap, Secret key or Service that does not exist', async () => {
    const all = files();
    delete all['k8s/service-app.yaml'];
    const found = await failing(all);
    expect(found.join('\n')).toContain('nginx proxies to app:8000, which no Service offers');
    const secret = await failing(
      edited('k8s/statefulset-app.yaml', (doc) => {
        doc.spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef.key = 'NOPE';
        doc.spec.template.spec.volumes[0].configMap.name = 'missing';
      }),
    );
    expect(secret.join('\n')).toContain('has no key NOPE');
    expect(secret.join('\n')).toContain('ConfigMap missing does not exist');
  });

  it("refuses static files nobody writes into nginx's Pod, and an init container's missing Secret key", async () => {
    const django = generate(loadTemplate('django-gunicorn-nginx'), {
      target: 'kubernetes',
      lang: 'en',
    }).files;
    expect(await failing(django)).toEqual([]);
    const deployment = parse(django['k8s/deployment-web.yaml']!);
    const [init] = deployment.spec.template.spec.initContainers;
    init.env[1].valueFrom.secretKeyRef.key = 'NOPE';
    const wrongKey = await failing({ ...django, 'k8s/deployment-web.yaml': stringify(deployment) });
    expect(wrongKey.join('\n')).toContain('web/app-static: Secret');
    delete deployment.spec.template.spec.initContainers;
    const unwritten = await failing({ ...django, 'k8s/deployment-web.yaml': stringify(deployment) });
    expect(unwritten.join('\n')).toContain('web: the emptyDir app-static is only mounted read-only');
  });

  it('refuses a selector that matches no Pod labels, and two Services on one port', async () => {
    const selector = await failing(
      edited('k8s/service-app.yaml', (doc) => {
        doc.spec.selector['app.kubernetes.io/name'] = 'ap';
      }),
    );
    expect(selector.join('\n')).toContain('Service app selects 0 workloads');
    const twice = { ...files() };
    twice['k8s/service-app-2.yaml'] = twice['k8s/service-app.yaml']!.replace('name: app\n', 'name: app-2\n');
    const kustomization = parse(twice['k8s/kustomization.yaml']!);
    kustomization.resources.push('service-app-2.yaml');
    twice['k8s/kustomization.yaml'] = stringify(kustomization);
    expect((await failing(twice)).join('\n')).toContain('both claim pod app:8000');
  });

  it('accepts a TLS Secret the README has the user create, and refuses one nobody makes', async () => {
    const design = setNodeProps(loadTemplate('gunicorn-flask-sqlite'), 'proxy', {
      tls: 'files',
      certFile: '/srv/tls/site.crt',
      keyFile: '/srv/tls/site.key',
    });
    const bundle = generate(design, { target: 'kubernetes', lang: 'en' }).files;
    expect(await failing(bundle)).toEqual([]);
    const unexplained = {
      ...bundle,
      'README.md': bundle['README.md']!.replaceAll('kubectl create secret tls', 'kubectl get secret'),
    };
    expect((await failing(unexplained)).join('\n')).toContain(
      'Secret web-site-1-tls does not exist and the README does not have it made',
    );
    const wrongKey = {
      ...bundle,
      'k8s/deployment-web.yaml': bundle['k8s/deployment-web.yaml']!.replace(
        'subPath: tls.key',
        'subPath: key.pem',
      ),
    };
    expect((await failing(wrongKey)).join('\n')).toContain('Secret web-site-1-tls has no key key.pem');
  });

  it("accepts Let's Encrypt's Secret, made by the README's cert-manager Certificate", async () => {
    const bundle = generate(loadTemplate('https-letsencrypt'), { target: 'kubernetes', lang: 'en' }).files;
    expect(await failing(bundle)).toEqual([]);
  });
});
