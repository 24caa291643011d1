/**
 * The Compose bundle's README in Korean: the same keys and parameters as the English text, written
 * the way Korean developers explain a deployment (리버스 프록시, 워커 프로세스, 유닉스 소켓, 정적 파일 …).
 * Design text (names, labels) stays as written: Hangul is kept, only Markdown syntax is escaped.
 */
import { KINDS } from '../../nodes/registry';
import { code } from './markdown';
import type { ComposeReadmeText } from './readme.en';

export const composeReadmeKo: ComposeReadmeText = {
  lang: 'ko',
  intro: '`design.json`의 디자인으로 StackSketch가 만든, 바로 실행할 수 있는 배포 번들입니다.',
  headings: {
    design: '디자인',
    whatRunsWhere: '어디서 무엇이 실행되나',
    warnings: '경고',
    howToRun: '실행 방법',
    https: 'HTTPS',
    endpoints: '엔드포인트',
    files: '파일과 그 이유',
    whyThisShape: '왜 이런 구조인가',
  },
  serviceColumns: ['서비스', '실행하는 것'],
  fileColumns: ['파일', '하는 일과 이유'],

  port: (p) => `포트 ${p.port}`,
  unixSocket: (p) => `유닉스 소켓 ${code(p.path)}`,
  reactBuild: (p) => `React 빌드${p.spaFallback ? ' (SPA 폴백)' : ''}`,
  staticFiles: (p) => `정적 파일 ${code(p.alias)}`,
  wsgiServer: ({ process }) => {
    const settings = Object.entries(process.settings)
      .map(([key, value]) => `${key} ${String(value)}`)
      .join(', ');
    return `${KINDS[process.kind].label}${settings ? ` (${settings})` : ''}`;
  },
  devServer: (p) => `${KINDS[p.app.kind].label} 개발 서버`,
  pythonService: (p) =>
    `${p.server}, ${p.where}에서 ${code(p.target)} 실행${p.database ? `, SQLite ${code(p.database)} 사용` : ''}`,

  volumesIntro: 'named volume:',
  volumes: {
    data: 'SQLite 데이터. `docker compose down`을 해도, 이미지를 다시 빌드해도 남습니다',
    socket: '유닉스 소켓이 있는 폴더. 앱 서버와 nginx가 함께 마운트해서 nginx가 소켓으로 접속합니다',
    certificates: 'nginx의 인증서와 개인 키. 실행할 때 만들어지거나 설치됩니다(이미지에는 없습니다)',
    acme: 'Let’s Encrypt 챌린지 웹루트, 또는 certbot의 계정과 인증서. certbot 서비스와 함께 씁니다',
    static: '모아 둔 정적 파일. 앱이 시작할 때 쓰고, nginx가 읽기 전용으로 마운트해서 서빙합니다',
  },

  run: {
    make: {
      up: '임의의 SECRET_KEY로 .env를 만들고: docker compose up --build -d',
      smoke: 'nginx를 거쳐 홉마다 curl을 보내고, 어디서 실패하는지 알려 줍니다',
      logs: '모든 서비스의 로그 보기',
      down: '멈추기 (named volume과 그 안의 데이터는 남습니다)',
    },
    withoutMake: 'make 없이: `cp .env.example .env`, `SECRET_KEY`를 설정하고 `docker compose up --build`.',
    open: (p) => `서비스가 healthy가 되면 http://localhost:${p.port}/ 를 여세요.`,
    unreachable: '포트를 공개하는 서비스가 없어서 호스트에서는 아무것도 닿지 않습니다.',
  },

  https: {
    serves: (p) =>
      `nginx가 포트 ${p.ports}에서 HTTPS를 서빙합니다(TLS 1.2와 1.3만, HTTP/2, Mozilla “intermediate” 암호 목록). 일반 HTTP는 ${p.redirect ? 'HTTPS 주소로 301 리다이렉트합니다' : '그대로 사이트를 서빙합니다'}.`,
    selfSignedHeading: '자체 서명 인증서 (로컬용)',
    selfSigned:
      '처음 시작할 때 nginx 컨테이너가 키와 인증서를 TLS 볼륨 안에 만듭니다(재시작해도 남고, `docker compose down -v`를 하면 새로 만듭니다). 신뢰하기 전까지 브라우저가 경고합니다. 꺼내서 신뢰하세요:',
    systemWide: 'Debian/Ubuntu 시스템 전체',
    letsencryptHeading: 'Let’s Encrypt',
    letsencrypt:
      '도메인의 DNS가 이 호스트를 가리키게 하고 포트 80과 443을 여세요. nginx는 임시 자체 서명 인증서로 시작하고, certbot 서비스가 HTTP-01로 진짜 인증서를 받아(HTTP가 리다이렉트해도 nginx는 `/.well-known/acme-challenge/`를 공유 볼륨에서 서빙합니다) 설치하면 nginx가 reload합니다. certbot은 하루 두 번 갱신을 확인하고, 갱신할 때마다 nginx가 reload합니다.',
    letsencryptNotes: [
      '먼저 staging으로: 시험하는 동안 `.env`에 `ACME_SERVER=https://acme-staging-v02.api.letsencrypt.org/directory`를 넣으세요(요청 한도가 훨씬 넉넉하고, 인증서는 브라우저가 신뢰하지 않습니다). 비워 두면 운영(production) 서버입니다. 바꾼 뒤에는 `docker compose run --rm --entrypoint sh <certbot 서비스> -c "rm -rf /etc/letsencrypt/*"`를 한 번 실행해서 certbot이 새 서버에 요청하게 하세요.',
      '디자인의 이메일 주소가 계정에 등록됩니다. 인증서가 만료되기 전에 Let’s Encrypt가 그 주소로 알립니다.',
      '로그: `docker compose logs -f`에 certbot과 nginx reload 메시지가 나옵니다.',
    ],
    filesHeading: '내 인증서',
    files: (p) =>
      `nginx는 디자인에 적은 호스트 경로(${p.paths})의 인증서 체인과 키를 컨테이너에 읽기 전용으로 마운트해서 읽습니다. \`docker compose up\` 전에 그 자리에 두고, 바꾼 뒤에는 \`docker compose exec <web 서비스> nginx -s reload\`를 실행하세요.`,
  },

  endpoints: [
    'nginx는 요청 URI를 바꾸지 않고 앱에 넘기므로, Flask 앱은 자기에게 닿는 nginx 경로를 접두사로 라우트를 등록합니다.',
    '경로 `R` 뒤의 API는 `R` + `api/`에 있습니다(예: `/` → `/api/health`, `/shop/` → `/shop/api/health`).',
    '단, `R`이 이미 `/api/`로 끝나면 `R` 그 자체에 있습니다(`/api/` → `/api/health`).',
  ],
  smokeOrder: '스모크 체크(`scripts/smoke.sh`)는 다음 순서로 확인합니다:',

  files: {
    compose:
      '디자인의 컨테이너마다 서비스 하나, 서비스마다 헬스체크. 포트를 공개하는 건 nginx뿐입니다. 앱 서버는 Compose 네트워크 안에서만 닿을 수 있어서, 모든 요청이 먼저 버퍼링하는 리버스 프록시를 거칩니다.',
    envExample:
      '환경 변수로 읽는 설정(`SECRET_KEY`). `.env`로 복사해서 쓰세요. 키가 코드나 이미지에 들어가지 않습니다.',
    makefile: '`up`, `down`, `logs`, `smoke`.',
    makefileWithChecks:
      '`up`, `down`, `logs`, `smoke`. 테스트가 들어 있는 앱 폴더마다 `test`(pytest), `lint`(flake8, `black --check`), `format`(black). 도구는 그 폴더의 `requirements-dev.txt`로 설치합니다.',
    design: '디자인 그 자체: StackSketch에서 열어 스택을 바꾸고 다시 내보낼 수 있습니다.',
    smoke: '띄운 뒤 공개된 포트로 홉마다 curl을 보냅니다. 처음 실패하는 홉이 고장 난 계층을 알려 줍니다.',
    dockerignore:
      '`.git`(크고, 히스토리는 이미지에 필요 없습니다), `.gitignore`, `.dockerignore`, `Dockerfile`(빌드할 때만 필요), `.env`(비밀 값), 로컬 캐시를 빌드 컨텍스트에서 뺍니다. 빌드는 빨라지고, 이미지는 작아지고, 비밀은 구워 넣지 않습니다.',
    nginxConf:
      'nginx.conf 전체. nginx는 문지기입니다: 모든 요청을 받아 정적 파일은 직접 서빙하고, 느린 클라이언트를 버퍼링하고, 나머지는 앱 서버로 넘깁니다. `server_tokens off`, 보안 헤더, gzip, 본문 크기 제한, keepalive를 쓰는 upstream, 전달 헤더.',
    nginxDockerfile: (p) =>
      `버전을 고정한 ${code(p.image)}${p.buildImage ? `. 첫 번째 스테이지(${code(p.buildImage)})에서 React 앱을 빌드하고, 빌드된 파일만 최종 이미지로 옮깁니다` : ''}. 마스터 프로세스가 포트를 바인딩하고, 워커는 권한 없는 ${code(p.user)} 사용자로 실행됩니다. HEALTHCHECK가 ${code('/nginx-health')}를 호출합니다.`,
    tlsInit:
      'nginx 컨테이너에서 nginx보다 먼저 실행됩니다. HTTPS 서버마다 첫 인증서(자체 서명, 또는 certbot이 진짜 인증서를 받기 전까지 쓰는 임시 인증서)를 TLS 볼륨 안에 만들어서, 개인 키가 이미지나 이 번들에 들어가는 일이 없습니다. Let’s Encrypt를 쓰면 certbot이 갱신한 인증서를 설치할 때 nginx를 reload합니다.',
    frontend: (p) =>
      `같은 origin의 nginx를 거쳐 API를 부르는 진짜 React + Vite 앱(버전 고정). nginx가 빌드 결과를 서빙합니다${
        p.spaFallback
          ? '. `try_files $uri $uri/ …/index.html` 덕분에 클라이언트 라우트도 새로 고침에 살아남습니다'
          : ''
      }.`,
    pythonDockerfile: (p) =>
      `버전을 고정한 ${code(p.image)}, root가 아닌 ${code('app')} 사용자, 코드를 복사하기 전에 requirements 설치(레이어 캐시)${p.compiled ? '. uWSGI는 build-essential이 있는 별도 빌드 스테이지에서 컴파일하므로 컴파일러가 최종 이미지에 남지 않습니다' : ''}. HEALTHCHECK가 ${code('health-check.py')}를 실행합니다.`,
    requirements: ({ run }) => {
      const server = run.process.role === 'wsgi-server' ? `, ${KINDS[run.process.kind].label}` : '';
      return `버전을 고정한 ${KINDS[run.apps[0]!.kind].label}${server}(와 그 의존성): 언제 빌드해도 같은 버전.`;
    },
    serverConfig: () =>
      'WSGI 서버 설정: 워커 프로세스 수와 스레드, 바인드 주소(포트 또는 유닉스 소켓), 타임아웃, 워커 재시작(max-requests). 서버가 앱을 import해서 여러 워커로 실행합니다.',
    wsgiEntry:
      'WSGI 진입점: Flask 앱을 `app`으로 내보냅니다. WSGI는 파이썬 앱과 서버 사이의 표준 인터페이스입니다.',
    project: (p) => p.project.explanationsKo(p.app),
    appModule: (p) =>
      p.project
        ? 'Django 프로젝트의 WSGI 진입점: 서버가 import하는 `<project>.wsgi:application`.'
        : '작지만 진짜로 동작하는 API: `/api/health`, 그리고 데이터베이스가 있으면 SQLite에 저장하는 `/api/items`(GET, POST). 디버그는 끄고, `SECRET_KEY`는 환경 변수에서 읽고, nginx 뒤에 있으니 프록시 헤더를 믿습니다.',
    packageInit: '앱의 모듈 경로를 import할 수 있게 합니다.',
    healthCheck: '컨테이너 헬스체크: nginx와 같은 방식으로 서버에 말을 걸고, 헬스 경로에서 200을 기대합니다.',
    certbotDockerfile: 'certbot 서비스의 이미지: Let’s Encrypt 클라이언트와 아래 스크립트.',
    certbotScript:
      'HTTP-01로 인증서를 받고(nginx가 공유 볼륨에서 챌린지 파일을 서빙), 하루 두 번 갱신을 확인하고, 새 인증서를 nginx의 TLS 볼륨에 복사한 뒤 nginx에 reload를 요청합니다.',
  },

  devServerNote: [
    '⚠️ **여기서는 Flask 개발 서버가 요청을 받습니다.** 개발자가 키보드 앞에서 쓰라고 만든 서버라',
    '동시 처리에 약하고, 느린 클라이언트를 막지 못하고, 워커 관리도 없습니다. 개발할 때만 쓰고,',
    '실제 사용자가 오기 전에 nginx와 Flask 사이에 Gunicorn이나 uWSGI를 두세요.',
  ],
  whyThisShape: [
    'Flask 내장 서버는 개발용입니다. 요청을 병렬로 잘 처리하지 못하고, 느리거나 악의적인 클라이언트를 막을 방법이 없습니다.',
    'WSGI 서버(Gunicorn이나 uWSGI)가 앱을 여러 워커 프로세스로 실행하고 관리합니다. 앞에 있는 nginx가 리버스 프록시로서 클라이언트 연결을 받아 버퍼링하고, 정적 파일을 서빙하고, 앱 서버를 밖에서 보이지 않게 숨깁니다.',
    'nginx가 `uwsgi_pass`를 쓰면 uWSGI는 `socket`(uwsgi 프로토콜)으로 들어야 하고, `proxy_pass`를 쓰면 `http-socket`(HTTP)이나 Gunicorn이어야 합니다.',
    'SQLite는 파일입니다. 그 파일을 여는 앱의 컨테이너 안, named volume 위에 두고, 컨테이너끼리 나눠 쓰지 않습니다.',
  ],
};
