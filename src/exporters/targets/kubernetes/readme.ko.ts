/**
 * The kubernetes bundle's README in Korean: the same sections and commands as the English one, in the
 * words Korean developers use for a cluster (파드, 디플로이먼트, 서비스, 레플리카 …).
 */
import type { Design } from '../../../model/design';
import type { ClusterPlan } from './cluster';
import { secretName } from './manifests';
import { buildLines, code, imageEdits, md } from './readme';

function workloadRows(cluster: ClusterPlan): string[] {
  return cluster.workloads.map((workload) => {
    const kind = workload.stateful ? 'StatefulSet' : 'Deployment';
    const containers = workload.containers.map((container) => code(container.name)).join(', ');
    const services = cluster.services
      .filter((service) => service.workload === workload.name)
      .map(
        (service) =>
          `${code(service.name)} (${service.type}, ${service.ports.map((port) => port.port).join(', ')})`,
      )
      .join(', ');
    return `| ${code(workload.name)} | ${kind} | ${workload.replicas} | ${containers} | ${services || '—'} |`;
  });
}

export function renderKoreanKubernetesReadme(
  design: Design,
  cluster: ClusterPlan,
  warnings: readonly string[],
): string {
  const entry = cluster.services.find((service) => service.type === 'LoadBalancer');
  return [
    `# ${md(design.name)}: Kubernetes 배포`,
    '',
    'StackSketch가 `design.json`으로 만들었습니다. Docker Compose 번들과 같은 디자인을 `k8s/` 폴더의',
    'Kubernetes 매니페스트로 옮겼고, kustomize로 적용합니다. 이미지는 Compose 번들과 같은 폴더와',
    'Dockerfile로 빌드합니다.',
    '',
    '## 어디서 무엇이 실행되나',
    '',
    '| 컨테이너 | 워크로드 | 레플리카 | 파드 안의 컨테이너 | 서비스 |',
    '| --- | --- | --- | --- | --- |',
    ...workloadRows(cluster),
    '',
    entry
      ? `클라이언트를 맞는 건 LoadBalancer 타입 서비스 ${code(entry.name)}뿐이고, 나머지 서비스는 모두`
      : '클라이언트를 맞는 서비스가 없습니다(디자인에 입구 nginx가 없습니다). 서비스는 모두',
    'ClusterIP라서 클러스터 안에서만 닿습니다. 생성된 설정 파일(nginx.conf, gunicorn.conf.py, uwsgi.ini)은',
    '각각 ConfigMap이 되어 이미지 속 파일 위에 마운트되고, 파드 템플릿에 그 체크섬이 붙어 있어서 설정을',
    '바꾸면 파드가 롤링 재시작됩니다.',
    '',
    ...(warnings.length > 0 ? ['## 경고', '', ...warnings.map((w) => `- ${w}`), ''] : []),
    '## 빌드, 푸시, 적용',
    '',
    '```sh',
    'REGISTRY=registry.example.com/you   # 사용하는 레지스트리',
    'TAG=0.1.0',
    ...buildLines(cluster),
    ...imageEdits(cluster),
    'cp k8s/.env.example k8s/.env        # 그다음 SECRET_KEY를 길고 무작위한 값으로',
    'kubectl apply -k k8s/',
    ...(entry ? [`kubectl get service ${entry.name}   # 클라이언트가 쓸 EXTERNAL-IP`] : []),
    '```',
    '',
    `시크릿 ${code(secretName(cluster))}은 kustomize의 \`secretGenerator\`가 ${code('k8s/.env')}로 만듭니다(이름에`,
    '해시가 붙으므로 키를 바꾸면 파드가 다시 뜹니다). `.env` 자체는 커밋하지도, 이미지에 넣지도 않습니다.',
    '',
    '## Compose와 달라지는 점',
    '',
    '- **컨테이너는 파드가 됩니다.** 한 컨테이너에 그린 nginx와 Python 서버는 파드 하나를 함께 쓰고',
    '  (`emptyDir` 위의 유닉스 소켓도 함께 씁니다), 서로 다른 컨테이너라면 파일을 공유하지 않는 별도의',
    '  파드가 되어 서비스를 거쳐 TCP로 통신합니다.',
    '- **복제본은 레플리카입니다.** replicas를 준 컨테이너는 그 수만큼 파드를 띄우는 Deployment 하나와',
    '  서비스 하나가 되고, 서비스가 준비된 파드들에 연결을 나눠 줍니다. nginx는 서비스 이름으로 프록시합니다.',
    '  (Compose에서는 nginx upstream에 복제본을 하나씩 적지만, 여기서는 엣지의 balance 방식을 쓰지 않습니다.)',
    '- **`depends_on`은 readiness가 됩니다.** 프로브는 Compose 헬스체크와 같은 검사를 실행합니다. 서버가',
    '  응답해야 파드에 트래픽이 들어오고, 응답을 멈추면 재시작됩니다.',
    '- **네임드 볼륨은 볼륨 클레임이 됩니다.** SQLite가 있는 컨테이너는 StatefulSet이 되어 파드마다',
    '  ReadWriteOnce 볼륨을 받습니다. 노드 하나에만 마운트되므로 SQLite는 레플리카 하나로 둡니다.',
    '- **잠가 둡니다.** 모든 컨테이너는 root가 아닌 사용자로, 읽기 전용 루트 파일시스템(서버가 쓰는 곳만',
    '  쓰기 가능한 `emptyDir`)으로, 권한 상승 없이, 모든 capability를 버리고, RuntimeDefault seccomp',
    '  프로필로 실행됩니다. 리소스 requests와 limits가 있고, 종료는 서버 자체의 graceful 타임아웃만큼',
    '  기다립니다(`terminationGracePeriodSeconds`).',
    '- **워커 수.** Gunicorn의 `workers = "auto"`는 파드의 limit이 아니라 노드의 CPU 수를 셉니다. 파드가',
    '  작다면 디자인에서 숫자로 정하세요.',
    '- **HTTPS.** TLS는 LoadBalancer나 Ingress에서 끝내세요(Let’s Encrypt라면 cert-manager).',
    '',
  ].join('\n');
}
