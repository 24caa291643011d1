/**
 * The Kubernetes bundle's README in Korean: the same keys and parameters as the English text, in the
 * words Korean developers use for a cluster (파드, 디플로이먼트, 서비스, 레플리카 …).
 */
import { codeSpan as code } from '../../render/markdown';
import type { KubernetesReadmeText } from './readme.en';

export const kubernetesReadmeKo: KubernetesReadmeText = {
  title: (p) => `${p.name}: Kubernetes 배포`,
  intro: [
    'StackSketch가 `design.json`으로 만들었습니다. Docker Compose 번들과 같은 디자인을 `k8s/` 폴더의',
    'Kubernetes 매니페스트로 옮겼고, kustomize로 적용합니다. 이미지는 Compose 번들과 같은 폴더와',
    'Dockerfile로 빌드합니다.',
  ],
  headings: {
    whatRunsWhere: '어디서 무엇이 실행되나',
    warnings: '경고',
    build: '빌드, 푸시, 적용',
    https: 'HTTPS',
    changes: 'Compose와 달라지는 점',
  },
  workloadColumns: ['컨테이너', '워크로드', '레플리카', '파드 안의 컨테이너', '서비스'],
  exposure: (p) => [
    p.entry
      ? `클라이언트를 맞는 건 LoadBalancer 타입 서비스 ${code(p.entry)}뿐이고, 나머지 서비스는 모두`
      : '클라이언트를 맞는 서비스가 없습니다(디자인에 입구 nginx가 없습니다). 서비스는 모두',
    'ClusterIP라서 클러스터 안에서만 닿습니다. 생성된 설정 파일(nginx.conf, gunicorn.conf.py, uwsgi.ini)은',
    '각각 ConfigMap이 되어 이미지 속 파일 위에 마운트되고, 파드 템플릿에 그 체크섬이 붙어 있어서 설정을',
    '바꾸면 파드가 롤링 재시작됩니다.',
  ],
  build: {
    registry: '사용하는 레지스트리',
    env: '그다음 SECRET_KEY를 길고 무작위한 값으로',
    externalIp: '클라이언트가 쓸 EXTERNAL-IP',
  },
  secret: (p) => [
    `시크릿 ${code(p.secret)}은 kustomize의 \`secretGenerator\`가 ${code(p.env)}로 만듭니다(이름에`,
    '해시가 붙으므로 키를 바꾸면 파드가 다시 뜹니다). `.env` 자체는 커밋하지도, 이미지에 넣지도 않습니다.',
  ],

  https: {
    intro: 'nginx는 Compose 번들과 같은 nginx.conf로 HTTPS를 제공하고, 서비스도 HTTPS 포트를 엽니다.',
    selfSigned: [
      '**자체 서명(시험용).** nginx 이미지의 시작 스크립트(`tls-init.sh`, Compose와 같음)가 파드가 뜰 때',
      '`emptyDir`에 자체 서명 인증서를 만듭니다. 브라우저가 경고하고, 새 파드마다 인증서도 새로 만듭니다.',
      '실제 클라이언트에는 직접 준비한 파일이나 Let’s Encrypt를 쓰세요.',
    ],
    files: [
      '**직접 준비한 인증서.** nginx는 `kubernetes.io/tls` 타입 시크릿(키 `tls.crt`, `tls.key`)에서 읽고,',
      '시크릿은 nginx.conf가 가리키는 경로에 마운트됩니다. 번들에는 개인 키가 없으니 `kubectl apply -k k8s/`',
      '전에 파일로 시크릿을 만드세요.',
    ],
    secretMount: (p) => `${code(p.name)}: ${code(p.certificate)}와 ${code(p.key)}에 마운트`,
    renewFiles: [
      '파일을 갱신하면 시크릿을 바꾸고(`--dry-run=client -o yaml | kubectl apply -f -`를 붙여서) 파드를',
      '재시작하세요. 파일 하나씩 마운트한 것은 바뀐 시크릿을 따라가지 않습니다.',
    ],
    letsencrypt: [
      '**Let’s Encrypt: certbot이 아니라 cert-manager.** Compose에서는 certbot 컨테이너와 nginx가 웹루트와',
      '인증서 볼륨을 함께 쓰고, certbot이 남긴 표시를 보고 nginx가 다시 읽습니다. 파드는 생겼다 사라지고',
      '그렇게 볼륨을 나누지 않으므로 클러스터에는 certbot이 없습니다. Kubernetes에서는 cert-manager가',
      'HTTP-01 챌린지에 답하고, 인증서를 `kubernetes.io/tls` 타입 시크릿(직접 준비한 인증서와 같은 종류)에',
      '두고 갱신합니다. cert-manager를 설치한 뒤 다음을 적용하세요(도메인과 주소는 디자인의 값입니다).',
    ],
    afterCertManager: [
      '시크릿이 생길 때까지 파드는 ContainerCreating 상태로 기다립니다. HTTP-01에는',
      '`http://DOMAIN/.well-known/acme-challenge/`가 cert-manager의 솔버에 닿아야 합니다. Issuer에 적은',
      '클래스의 Ingress 컨트롤러를 거치게 하고(사용하는 클래스로 바꾸세요), 도메인이 이 LoadBalancer를 바로',
      '가리킨다면 DNS-01 솔버를 쓰세요. 갱신되면 kubelet이 마운트된 파일을 바꾸고, nginx는 파드가',
      '재시작할 때 읽습니다.',
    ],
  },

  changes: {
    pods: [
      '**컨테이너는 파드가 됩니다.** 한 컨테이너에 그린 nginx와 Python 서버는 파드 하나를 함께 쓰고',
      '(`emptyDir` 위의 유닉스 소켓도 함께 씁니다), 서로 다른 컨테이너라면 파일을 공유하지 않는 별도의',
      '파드가 되어 서비스를 거쳐 TCP로 통신합니다.',
    ],
    replicas: [
      '**복제본은 레플리카입니다.** replicas를 준 컨테이너는 그 수만큼 파드를 띄우는 Deployment 하나와',
      '서비스 하나가 되고, 서비스가 준비된 파드들에 연결을 나눠 줍니다. nginx는 서비스 이름으로 프록시합니다.',
      '(Compose에서는 nginx upstream에 복제본을 하나씩 적지만, 여기서는 엣지의 balance 방식을 쓰지 않습니다.)',
    ],
    readiness: [
      '**`depends_on`은 readiness가 됩니다.** 프로브는 Compose 헬스체크와 같은 검사를 실행합니다. 서버가',
      '응답해야 파드에 트래픽이 들어오고, 응답을 멈추면 재시작됩니다.',
    ],
    volumes: [
      '**네임드 볼륨은 볼륨 클레임이 됩니다.** SQLite가 있는 컨테이너는 StatefulSet이 되어 파드마다',
      'ReadWriteOnce 볼륨을 받습니다. 노드 하나에만 마운트되므로 SQLite는 레플리카 하나로 둡니다.',
    ],
    lockedDown: [
      '**잠가 둡니다.** 모든 컨테이너는 root가 아닌 사용자로, 읽기 전용 루트 파일시스템(서버가 쓰는 곳만',
      '쓰기 가능한 `emptyDir`)으로, 권한 상승 없이, 모든 capability를 버리고, RuntimeDefault seccomp',
      '프로필로 실행됩니다. 리소스 requests와 limits가 있고, 종료는 서버 자체의 graceful 타임아웃만큼',
      '기다립니다(`terminationGracePeriodSeconds`).',
    ],
    staticFiles: {
      intro: [
        '**정적 파일은 nginx 파드로 복사됩니다.** Compose에서는 앱이 정적 파일(Django의 `collectstatic`, Flask의',
        '`static/` 폴더)을 볼륨에 쓰고 nginx가 그 볼륨을 마운트합니다. 파드끼리는 볼륨을 공유하지 않으므로',
        'nginx 파드가 먼저 앱 이미지를 init 컨테이너로 실행해 파일을 `emptyDir`에 쓰고, nginx는 그 `emptyDir`을',
        '`alias`가 가리키는 폴더에 읽기 전용으로 마운트합니다:',
      ],
      step: (p) =>
        `${code(p.name)} 컨테이너가 ${code(p.command)} 명령으로 ${code(p.folder)} 폴더를 채웁니다.`,
      outro: [
        '두 파드가 같은 이미지 이름을 쓰므로 `kustomization.yaml`의 태그를 바꾸면 함께 롤링되고, nginx의',
        '사본도 앱 버전을 따라갑니다.',
      ],
    },
    workers: [
      '**워커 수.** Gunicorn의 `workers = "auto"`는 파드의 limit이 아니라 노드의 CPU 수를 셉니다. 파드가',
      '작다면 디자인에서 숫자로 정하세요.',
    ],
    httpsFromSecrets: [
      '**HTTPS.** 인증서는 certbot이 아니라 시크릿(자체 서명이면 시작 스크립트)에서 옵니다.',
    ],
    httpsElsewhere: ['**HTTPS.** TLS는 LoadBalancer나 Ingress에서 끝내세요(Let’s Encrypt라면 cert-manager).'],
  },
};
