/** What the rules say, in Korean: the same keys and parameters as the English catalogue. */
import type { RuleDocText, RuleId, ruleMessages as englishRuleMessages } from '../en/rules';
import { connectionMessages } from './connections';
import { fieldProblemInKorean } from './fields';

const all = (count: number) => (count === 2 ? '둘 다' : '모두');

export const ruleMessages: typeof englishRuleMessages = {
  'uwsgi-pass-needs-socket': {
    message: (p) =>
      `${p.proxy}가 ${p.server}에 uwsgi_pass로 요청을 보내지만, uWSGI는 http-socket(일반 HTTP)으로 듣고 있습니다. 바이너리 uwsgi 프로토콜이 HTTP 파서를 만나면 uWSGI가 연결을 끊고 nginx는 502 Bad Gateway("upstream prematurely closed connection")를 돌려줍니다. uWSGI를 socket으로 바꾸거나 proxy_pass를 쓰세요.`,
    fix: (p) => `uWSGI "${p.id}"를 socket(uwsgi 프로토콜)으로 바꾸기`,
    alternative: '이 연결에 proxy_pass 쓰기',
  },
  'proxy-pass-to-uwsgi-socket': {
    message: (p) =>
      `${p.proxy}가 ${p.server}에 proxy_pass(일반 HTTP)로 요청을 보내지만, uWSGI는 socket(바이너리 uwsgi 프로토콜)으로 듣고 있습니다. uWSGI가 요청을 읽지 못해 nginx는 502 Bad Gateway를 돌려줍니다. uwsgi_pass를 쓰거나 uWSGI를 http-socket으로 바꾸세요.`,
    fix: (p) => `uWSGI "${p.id}"를 http-socket(HTTP 프로토콜)으로 바꾸기`,
    alternative: '이 연결에 uwsgi_pass 쓰기',
  },
  'app-server-exposed': {
    message: (p) =>
      `${p.client}가 ${p.server}에 바로 연결됩니다. 앞에 nginx가 없으면 버퍼링이 없어서 느린 클라이언트가 ${p.isApp ? '하나뿐인 개발 서버 프로세스' : '워커'}를 붙잡고, 정적 파일을 서빙하거나 HTTPS를 처리해 줄 곳도 없습니다. 클라이언트가 nginx를 거치도록 연결하세요.`,
    fix: (p) => `${p.server} 앞에 nginx 넣기`,
    reuse: (p) => `${p.client}가 ${p.proxy}를 거쳐 ${p.server}에 닿게 하기`,
  },
  'flask-dev-server': {
    message: (p) =>
      `${p.app}에 ${p.reaching.join(', ')}가 WSGI 서버 없이 바로 연결되어 있어 Werkzeug 개발 서버로 실행됩니다. 프로세스 하나가 요청을 한 번에 하나씩 처리하고, 느린 클라이언트를 막아 주지도 못합니다. nginx 뒤에서 Gunicorn이나 uWSGI로 실행하세요.`,
    fix: (p) => `${p.app}를 WSGI 서버(Gunicorn)로 실행하기`,
    reuse: (p) => `${p.app}를 ${p.server}로 실행하기`,
  },
  'django-dev-server': {
    message: (p) =>
      `${p.app}에 ${p.reaching.join(', ')}가 WSGI 서버 없이 바로 연결되어 있어 manage.py runserver로 실행됩니다. 보안 감사도 성능 테스트도 거치지 않은 개발용 서버입니다. nginx 뒤에서 Gunicorn이나 uWSGI로 실행하세요.`,
    fix: (p) => `${p.app}를 WSGI 서버(Gunicorn)로 실행하기`,
    reuse: (p) => `${p.app}를 ${p.server}로 실행하기`,
  },
  'wsgi-needs-app': {
    none: (p) =>
      `${p.server}가 실행하는 Flask 앱이 없습니다. WSGI 서버는 애플리케이션(module:callable)을 import해서 실행할 뿐이니, 서빙할 Flask 앱에 연결하세요.`,
    many: (p) =>
      `${p.server}가 Flask 앱 ${p.apps.length}개(${p.apps.map((id) => `"${id}"`).join(', ')})에 연결되어 있습니다. WSGI 서버는 module:callable 하나만 import하니, 앱마다 서버를 따로 두세요.`,
    fix: (p) => `${p.server}가 실행할 Flask 앱 추가하기`,
    connect: (p) => `${p.server}를 ${p.app}에 연결하기`,
  },
  'wsgi-app-same-container': {
    message: (p) =>
      `${p.server}는 컨테이너 "${p.serverContainer}"에서 실행되지만 ${p.app}는 "${p.appContainer}"에 있습니다. ${p.kind}는 앱을 자기 프로세스 안으로 import(module:callable)하므로, 앱 코드가 서버와 같은 컨테이너에 있어야 합니다.`,
    fix: (p) => `${p.app}를 컨테이너 "${p.container}"로 옮기기`,
  },
  'static-needs-nginx': {
    elsewhere: (p) =>
      `${p.build}는 컨테이너 "${p.container}"에 있지만 다른 컨테이너의 ${p.proxies.join(', ')}가 서빙합니다. nginx는 빌드 결과물을 자기 파일 시스템에서 서빙하므로, 파일이 nginx 컨테이너 안에 있어야 합니다.`,
    unserved: (p) =>
      `${p.build}를 서빙하는 nginx가 없습니다. React 빌드는 실행되는 프로그램이 아니라 정적 파일이라, 같은 컨테이너의 nginx가 서빙해야 합니다.`,
    fix: (p) => `${p.build}를 ${p.proxy}가 서빙하도록 컨테이너 "${p.container}"로 옮기기`,
  },
  'sqlite-same-container': {
    message: (p) =>
      `컨테이너 "${p.appContainer}"의 ${p.app}가 컨테이너 "${p.dbContainer}"의 ${p.db}를 씁니다. SQLite는 앱이 직접 여는 파일이라 다른 컨테이너에서는 닿을 수 없습니다. 데이터베이스를 앱의 컨테이너에 두세요.`,
    fix: (p) => `${p.db}를 컨테이너 "${p.container}"로 옮기기`,
  },
  'sqlite-single-container': {
    message: (p) =>
      `${p.db}를 컨테이너 ${p.containers.length}개(${p.containers.map((c) => `"${c}"`).join(', ')})의 Flask 앱이 함께 씁니다. SQLite는 파일 락을 쓰는 파일 하나라서 한 컨테이너만 가질 수 있습니다. 두 앱을 한 컨테이너에서 돌리거나, 컨테이너마다 데이터베이스를 따로 두세요.`,
  },
  'route-conflict': {
    message: (p) =>
      `${p.proxy}가 경로 "${p.route}"를 ${p.targets.length}곳(${p.targets.join(', ')})으로 보냅니다. nginx는 같은 접두사의 location을 하나만 허용합니다("duplicate location"). 연결마다 경로를 따로 주세요.`,
    staticFilesOf: (p) => `${p.app}의 정적 파일`,
  },
  'port-conflict': {
    sameContainer: (p) =>
      `${p.nodes.join(', ')}가 ${all(p.nodes.length)} 컨테이너 "${p.container}"의 포트 ${p.port}에서 듣습니다. 한 컨테이너의 프로세스들은 네트워크를 함께 쓰므로 포트를 바인딩할 수 있는 건 하나뿐이고, 나머지는 "Address already in use"로 실패합니다.`,
    publishedTwice: (p) =>
      `${p.nodes.map((node) => `${node.name}(컨테이너 "${node.container}")`).join(', ')}가 ${all(p.nodes.length)} 호스트 포트 ${p.port}를 공개합니다. Docker Compose는 nginx의 listen 포트를 같은 호스트 포트로 공개하는데, 호스트 포트 하나는 서비스 하나만 가질 수 있습니다.`,
    sameHost: (p) =>
      `${p.nodes.map((node) => `${node.name}(컨테이너 "${node.container}")`).join(', ')}가 ${all(p.nodes.length)} 포트 ${p.port}에서 듣습니다. 서버에서는 디자인의 모든 컨테이너가 같은 호스트에서 실행되므로 포트를 바인딩할 수 있는 건 하나뿐이고, 나머지는 "Address already in use"로 실패합니다.`,
    fix: (p) => `${p.node}를 비어 있는 포트로 옮기기`,
  },
  'socket-conflict': {
    message: (p) =>
      `${p.nodes.join(', ')}가 ${all(p.nodes.length)} 유닉스 소켓 ${JSON.stringify(p.path)}에서 듣습니다. 소켓은 공유 볼륨 위의 파일 하나라서 서버들이 서로의 소켓 파일을 덮어쓰고, nginx는 그중 하나에만 닿습니다. 서버마다 소켓 경로를 따로 주세요.`,
    fix: (p) => `${p.node}에 전용 소켓 주기`,
  },
  'invalid-connection': {
    message: (p) =>
      `"${p.source}" → "${p.target}"(엣지 "${p.edge}")는 만들 수 없는 연결입니다. 요청은 클라이언트 → nginx → WSGI 서버 → 앱 → 데이터베이스 한 방향으로만 흐릅니다. (${p.reason})`,
    fix: '이 연결 지우기',
    connection: connectionMessages,
  },
  'no-entry-point': {
    noClient:
      '디자인에 클라이언트가 없어서 아무도 요청을 보내지 않습니다. 클라이언트(브라우저)를 추가하고, 스택의 정문인 nginx에 연결하세요.',
    noEntry: (p) =>
      `${p.clients.join(', ')}가 nginx나 앱 서버에 닿지 않아 요청이 스택 안으로 들어오지 못합니다. 클라이언트를 nginx에 연결하세요.`,
    fix: (p) => `${p.client ? `클라이언트 "${p.client}"` : '새 클라이언트'}를 ${p.proxy}에 연결하기`,
  },
  'unreachable-node': {
    message: (p) =>
      `${p.node}에는 어떤 클라이언트에서도 닿을 수 없습니다. 이어지는 연결이 없어 요청을 한 번도 받지 못합니다. 연결하거나 지우세요.`,
  },
  cycle: {
    message: (p) =>
      `${p.nodes.map((id) => `"${id}"`).join(', ')} 사이의 연결이 순환합니다. 요청은 클라이언트에서 데이터베이스 쪽으로 한 방향으로만 흐르니, 되돌아가는 연결을 지우세요.`,
  },
  'workers-out-of-range': {
    tooFew: (p) =>
      `${p.node}의 ${p.prop} = ${p.value}: 워커 프로세스가 없으면 아무도 요청에 응답하지 않습니다. 최소 1 이상으로 두세요(권장: 2 × CPU 코어 + 1).`,
    tooMany: (p) =>
      `${p.node}의 ${p.prop} = ${p.value}는 ${p.max}보다 많습니다(CPU ${p.cpus}개 기준 머신에서 4 × CPU + 1). 프로세스가 더 많아도 메모리와 컨텍스트 스위칭 비용만 늘어납니다. 권장 값은 2 × CPU 코어 + 1입니다.`,
    fix: (p) => `${p.node}의 ${p.prop}를 ${p.bound}로 설정하기`,
  },
  'invalid-replicas': {
    message: (p) =>
      `컨테이너 ${p.container}의 replicas = ${p.replicas}: 컨테이너는 ${p.min}에서 ${p.max} 사이의 정수 개수만큼 복제본을 실행합니다.`,
    fix: (p) => `${p.container}의 replicas를 1로 설정하기`,
  },
  field: {
    message: (p) => `${p.node}의 ${p.prop} 값: ${fieldProblemInKorean(p.problem)}. ${p.reason}`,
    fix: (p) => `${p.node}의 ${p.prop}를 ${p.value}로 되돌리기`,
    expectedText: '텍스트여야 합니다',
    notANumber: (p) => `${p.value}는 숫자가 아닙니다`,
  },
  reasons: {
    'invalid-server-name': '서버 이름은 nginx의 server_name 지시어에 들어가므로 호스트 이름만 받습니다.',
    'invalid-route': '경로는 nginx location 접두사가 되므로 일반적인 URL 경로 문자만 받습니다.',
    'invalid-python-name':
      'WSGI 서버가 module:callable을 import하므로 둘 다 평범한 파이썬 이름이어야 합니다.',
    'invalid-port': '그 밖의 값은 서버가 바인딩할 수도, Docker Compose가 공개할 수도 없습니다.',
    'invalid-path': '경로는 설정 파일과 볼륨에 들어가므로 평범한 절대 경로여야 합니다.',
    'invalid-container-name': '컨테이너는 Compose 서비스, 호스트 이름, 번들 폴더가 됩니다.',
    'invalid-size': '이 값은 client_max_body_size가 되는데, nginx는 여기에 크기만 받습니다.',
    'invalid-label':
      '표시 텍스트는 어떤 문자든 쓸 수 있지만, 기록되는 파일을 깨뜨릴 수 있는 문자는 쓸 수 없습니다.',
    'invalid-email': '이메일 주소는 certbot 스크립트에 들어가므로, 평범한 주소만 받습니다.',
  },
  'invalid-route': {
    message: (p) =>
      `${p.proxy} → ${p.target}(엣지 "${p.edge}")의 경로: ${fieldProblemInKorean(p.problem)}. ${p.reason}`,
    fix: '경로를 "/"로 되돌리기',
  },
  'invalid-container-name': {
    nodes: (p) =>
      `${p.nodes.join(', ')}가 속한 컨테이너 ${p.container}: ${fieldProblemInKorean(p.problem)}. ${p.reason}`,
    empty: (p) => `비어 있는 컨테이너 ${p.container}: ${fieldProblemInKorean(p.problem)}. ${p.reason}`,
    kubernetesReason:
      'Kubernetes에서 컨테이너는 Deployment와 그 파드, 서비스가 되는데, 이 이름들은 DNS-1123 레이블이어야 합니다.',
    fix: (p) => `컨테이너 이름을 "${p.name}"로 바꾸기`,
  },
  'invalid-label': {
    designName: (p) => `디자인 이름: ${fieldProblemInKorean(p.problem)}. ${p.reason}`,
    fix: '디자인 이름을 "untitled"로 바꾸기',
  },
  'replicas-unix-socket': {
    message: (p) =>
      `${p.node}는 유닉스 소켓으로 듣는데, 컨테이너 "${p.container}"는 복제본 ${p.replicas}개를 실행합니다. 복제본이 모두 같은 소켓 파일 하나에 바인딩하려 해서 nginx는 그중 하나에만 닿을 수 있습니다. 서버에 TCP 포트를 주어 nginx가 모든 복제본에 요청을 나눠 보내게 하세요.`,
    fix: (p) => `${p.node}를 TCP로 바꾸기`,
  },
  'replicas-publish-port': {
    message: (p) =>
      `${p.node}는 호스트에 포트를 공개하는데, 컨테이너 "${p.container}"는 복제본 ${p.replicas}개를 실행합니다. 그 포트는 첫 번째 복제본만 바인딩할 수 있습니다. 정문(nginx)은 자기 컨테이너에 따로 두고, 그 뒤의 앱 서버를 복제하세요.`,
    fix: (p) => `${p.node}를 전용 컨테이너로 옮기기`,
  },
  'sqlite-replicas': {
    message: (p) =>
      `${p.db}가 있는 컨테이너 "${p.container}"는 복제본 ${p.replicas}개를 실행합니다. 복제본들이 SQLite 파일 하나를 함께 쓰므로 쓰기는 차례를 기다립니다(쓰기가 사라지지는 않지만, 복제본을 늘려도 쓰기 처리량은 늘지 않습니다).`,
    kubernetes: (p) =>
      `${p.db}가 있는 컨테이너 "${p.container}"는 복제본 ${p.replicas}개를 실행합니다. Kubernetes에서 ReadWriteOnce 볼륨은 노드 하나에만 마운트되므로 복제본들이 함께 쓸 수 없습니다. SQLite는 복제본 하나로 두세요.`,
  },
  'unix-socket-across-pods': {
    message: (p) =>
      `${p.proxy}가 ${p.server}에 유닉스 소켓으로 연결하는데, 둘은 서로 다른 컨테이너("${p.proxyContainer}", "${p.serverContainer}")에 있습니다. Kubernetes에서는 둘이 각각 다른 파드가 되고, 파드끼리는 소켓 파일을 공유하지 않으므로 nginx는 502를 응답하게 됩니다. TCP를 쓰거나, 둘을 한 컨테이너에 두세요.`,
    fix: (p) => `${p.node}를 TCP로 바꾸기`,
  },
  'tls-needs-domain': {
    message: (p) =>
      `${p.node}가 Let’s Encrypt에 인증서를 요청하지만, ${p.names.map((name) => `"${name}"`).join(', ')}는 Let’s Encrypt가 검증할 수 있는 공개 도메인이 아닙니다(localhost, "_", IP 주소, 와일드카드, 점이 없는 이름). 서버 이름을 shop.example.com 같은 내 도메인으로 바꾸거나, 로컬에서 쓸 거라면 자체 서명 인증서를 쓰세요.`,
    fix: (p) => `${p.node}에 자체 서명 인증서 쓰기`,
  },
  'tls-needs-email': {
    message: (p) =>
      `${p.node}는 Let’s Encrypt에서 인증서를 받지만 이메일 주소가 없습니다. 만료 알림을 받을 곳이 없고, certbot은 주소 없이는 계정을 등록하지 않습니다. 사이트를 관리하는 사람의 주소를 넣으세요.`,
  },
  'plain-http': {
    message: (p) =>
      `${p.node}는 ${p.names.map((name) => `"${name}"`).join(', ')}를 일반 HTTP로 서빙합니다. 비밀번호와 세션 쿠키가 인터넷을 평문으로 지나갑니다. HTTPS를 켜세요(공개 도메인이라면 Let’s Encrypt).`,
    fix: (p) => `${p.node}에 자체 서명 HTTPS 켜기`,
  },
  setReplicasToOne: (p) => `${p.container}의 replicas를 1로 설정하기`,
  internalError: (p) => `규칙 ${p.rule} 내부 오류: ${p.error}`,
};

/** The rules' documentation in Korean (English lives beside each rule, in its own file). */
export const ruleDocs: Record<RuleId, RuleDocText> = {
  'uwsgi-pass-needs-socket': {
    summary:
      'nginx → uWSGI 연결이 `uwsgi_pass`를 쓰는데, uWSGI 노드는 `http-socket`(protocol "http")으로 듣고 있습니다.',
    why: '`uwsgi_pass`는 바이너리 uwsgi 프로토콜로 말하고, 이걸 알아듣는 건 uWSGI의 `socket`뿐입니다. `http-socket`은 일반 HTTP를 기대하므로 연결을 끊어 버리고, nginx는 모든 요청에 502 Bad Gateway("upstream prematurely closed connection")를 돌려줍니다.',
    fixSummary:
      'uWSGI를 nginx가 기대하는 짝인 `socket`(protocol "uwsgi")으로 바꿉니다. 대안으로 연결을 `proxy_pass`로 바꿀 수도 있습니다.',
  },
  'proxy-pass-to-uwsgi-socket': {
    summary:
      'nginx → uWSGI 연결이 `proxy_pass`를 쓰는데, uWSGI 노드는 uwsgi 프로토콜(`socket`, protocol "uwsgi")로 말합니다.',
    why: '`proxy_pass`는 일반 HTTP를 보냅니다. uWSGI의 `socket`은 `uwsgi_pass`와 `uwsgi_params`가 만드는 바이너리 uwsgi 프로토콜을 기대하므로 요청을 읽지 못하고, nginx는 502 Bad Gateway를 돌려줍니다.',
    fixSummary:
      'uWSGI를 `proxy_pass`와 통하는 `http-socket`(protocol "http")으로 바꿉니다. 대안으로 연결을 `uwsgi_pass`로 바꿀 수도 있습니다.',
  },
  'app-server-exposed': {
    summary: '클라이언트가 nginx를 거치지 않고 Gunicorn, uWSGI, Flask, Django에 바로 연결됩니다.',
    why: '앱 서버 앞에 버퍼링해 주는 프록시가 없으면, 느린 클라이언트 하나가 업로드나 다운로드 내내 동기 워커 하나를 붙잡고, 느린 클라이언트 몇 개(Slowloris)면 워커가 전부 묶입니다. nginx가 요청과 응답을 버퍼링하고, 정적 파일을 서빙하고, HTTPS를 처리해 주면 파이썬 워커는 앱이 계산하는 동안에만 일합니다.',
    fixSummary:
      '클라이언트가 nginx를 거치게 합니다: 디자인에 있는 nginx(클라이언트가 이미 닿는 것 먼저)를 서버에 연결해 쓰고, nginx가 없을 때만 앞에 새 nginx를 넣습니다: 새 nginx 노드(컨테이너 `web`, 이미 쓰이면 `web-2` …), 클라이언트 → nginx, nginx → 서버(경로 `/`).',
  },
  'flask-dev-server': {
    summary:
      'Flask 앱에 nginx나 클라이언트가 바로, 또는 WSGI 서버가 아닌 무언가가 연결되어 있어 Werkzeug 개발 서버로 실행됩니다.',
    why: '`flask run` / `python app.py`의 내장 서버는 개발용입니다. 프로세스 하나가 요청을 차례로 처리하고, 워커 관리도, 느린 클라이언트(Slowloris) 방어도, 보안 강화도 없습니다. 운영 환경에서는 nginx 뒤에서 WSGI 서버(Gunicorn이나 uWSGI)가 여러 워커로 앱을 실행합니다.',
    fixSummary:
      '앞에 WSGI 서버를 둡니다: nginx에서 앱으로 가던 연결을 기존 Gunicorn/uWSGI로, 또는 아직 앱을 실행하지 않는 서버(앱에 연결해서)로, 둘 다 없으면 앱 컨테이너에 새로 만든 Gunicorn(TCP, 포트 8000 또는 다음 빈 포트)으로 돌립니다.',
  },
  'django-dev-server': {
    summary:
      'Django 앱에 nginx나 클라이언트가 바로, 또는 WSGI 서버가 아닌 무언가가 연결되어 있어 `manage.py runserver`로 실행됩니다.',
    why: 'Django의 `runserver`는 개발용입니다. Django 공식 문서도 운영 환경에서 쓰지 말라고 합니다: 보안 감사도 성능 테스트도 거치지 않았고, 프로세스 하나로 요청을 처리하며, 워커 관리도 느린 클라이언트 방어도 없습니다. 운영 환경에서는 nginx 뒤에서 Gunicorn이나 uWSGI가 `<project>.wsgi:application`을 여러 워커로 실행합니다.',
    fixSummary:
      '앞에 WSGI 서버를 둡니다: nginx에서 앱으로 가던 연결을 기존 Gunicorn/uWSGI로, 또는 아직 앱을 실행하지 않는 서버(앱에 연결해서)로, 둘 다 없으면 앱 컨테이너에 새로 만든 Gunicorn(TCP, 포트 8000 또는 다음 빈 포트)으로 돌립니다. 새 Gunicorn이 프로젝트를 실행합니다.',
  },
  'wsgi-needs-app': {
    summary: 'Gunicorn이나 uWSGI 노드가 실행하는 Flask 또는 Django 앱이 없거나 둘 이상입니다.',
    why: 'WSGI 서버는 애플리케이션 하나(`module:callable`)를 import해서 모든 요청을 넘깁니다. 앱이 없으면 실행할 게 없고(`need-app`을 켠 uWSGI는 시작을 거부하고, Gunicorn은 부팅에 실패합니다), 둘이면 하나만 import할 수 있습니다.',
    fixSummary:
      '서버가 실행하는 앱이 없으면 아직 아무 서버도 실행하지 않는 Flask나 Django 앱(같은 컨테이너에 있는 앱 먼저)에 연결합니다. 그런 앱이 없을 때만 서버의 컨테이너에 Flask 앱(module `app`, callable `app`)을 추가합니다.',
  },
  'wsgi-app-same-container': {
    summary:
      'Gunicorn이나 uWSGI 노드와 그 서버가 실행하는 Flask 또는 Django 앱이 서로 다른 컨테이너에 있습니다.',
    why: 'WSGI 서버는 네트워크로 앱을 부르지 않고, `module:callable`을 자기 워커 프로세스 안으로 import합니다. 그래서 앱 코드와 파이썬 패키지가 서버의 컨테이너(이미지)에 있어야 하고, Gunicorn과 Flask가 한 컨테이너를 쓰는 이유가 이것입니다.',
    fixSummary: '앱을 서버의 컨테이너로 옮깁니다(그 앱만 여는 SQLite 파일도 함께 옮겨 곁에 둡니다).',
  },
  'static-needs-nginx': {
    summary: 'React 빌드를 같은 컨테이너의 nginx가 서빙하지 않습니다.',
    why: 'React 빌드는 HTML, CSS, JS 정적 파일일 뿐, 서버에서 실행되는 게 없습니다. nginx가 자기 파일 시스템(`root`, `try_files`)에서 바로 서빙하므로 빌드는 nginx 컨테이너에 있어야 하고, 멀티 스테이지 Dockerfile이 Node로 빌드한 결과를 nginx 이미지로 복사합니다.',
    fixSummary:
      '빌드를 연결된 nginx의 컨테이너로 옮깁니다. 연결된 nginx가 없으면 하나를 연결합니다(되도록 같은 컨테이너의 nginx, 경로는 `/`, `/static/`, … 중 처음 비어 있는 것).',
  },
  'sqlite-same-container': {
    summary: 'Flask 앱이 다른 컨테이너에 있는 SQLite 데이터베이스를 씁니다.',
    why: 'SQLite는 네트워크 서비스가 아니라 파일이라서 접속할 포트가 없습니다. 파일을 열 수 있는 프로세스만 쓸 수 있으므로 데이터베이스는 앱의 컨테이너에 있어야 합니다(컨테이너가 사라져도 데이터가 남도록 named volume 위에).',
    fixSummary: '데이터베이스를 앱의 컨테이너로 옮깁니다.',
  },
  'sqlite-single-container': {
    summary: 'SQLite 데이터베이스 하나를 여러 컨테이너의 Flask 또는 Django 앱이 함께 씁니다.',
    why: 'SQLite는 운영체제의 파일 락으로 파일을 잠그는데, 파일 락은 한 머신에서 보는 파일 안에서만 믿을 수 있습니다. 볼륨으로 컨테이너끼리 파일을 나누면 락이 실패하거나 파일이 깨질 수 있고, 다른 컨테이너의 앱은 자기 파일이 아니면 애초에 열지도 못합니다.',
  },
  'route-conflict': {
    summary:
      'nginx 하나에서 나가는 연결 두 개가 같은 경로를 쓰거나(경로가 없으면 `/`로 칩니다), 경로가 그 nginx가 닿는 앱의 정적 파일 경로와 같습니다.',
    why: '연결마다 `location` 블록이 하나씩 생기고, nginx가 닿는 앱의 정적 파일 경로(`staticRoute`)도 블록이 하나 생기는데, 접두사가 같은 블록이 둘이면 nginx가 설정을 거부합니다("duplicate location"). 거부하지 않더라도 요청을 받는 건 둘 중 하나뿐입니다. React 빌드는 `/`, 앱은 `/api/`처럼 연결마다 접두사를 따로 주세요.',
  },
  'port-conflict': {
    summary:
      '한 컨테이너의 리스너 둘이 같은 포트를 쓰거나(nginx `listen`과 TLS를 켠 경우 `httpsPort`, TCP로 듣는 Gunicorn/uWSGI `port`, WSGI 서버 없이 뜨는 Flask나 Django 개발 서버), nginx 노드 둘이 같은 호스트 포트를 공개합니다.',
    why: '한 컨테이너의 프로세스들은 네트워크 네임스페이스 하나를 함께 쓰므로 포트를 바인딩할 수 있는 건 하나뿐이고, 두 번째는 "Address already in use"로 실패합니다. nginx의 포트는 같은 번호의 호스트 포트로도 공개되는데, 호스트 포트 하나는 서비스 하나만 공개할 수 있습니다. server 대상에서는 모든 컨테이너가 호스트 한 대에서 실행되므로 디자인의 모든 리스너를 서로 비교합니다.',
    fixSummary:
      '그룹의 마지막 리스너를 다음 빈 포트로 옮깁니다(80번의 nginx는 8080으로, 나머지는 포트 + 1이나 그다음 빈 포트로).',
  },
  'socket-conflict': {
    summary: 'Gunicorn/uWSGI 서버 둘이 같은 유닉스 소켓 경로에서 듣습니다.',
    why: '유닉스 소켓은 nginx와 함께 쓰는 볼륨 위의 파일입니다. 서버 둘이 한 경로에 바인딩하면 서로의 소켓 파일을 덮어쓰거나 시작에 실패하고, nginx는 어느 서버와 이야기하는지 알 수 없게 됩니다.',
    fixSummary: '그룹의 마지막 서버에 전용 소켓 `/run/<kind>/<kind>-N.sock`을 줍니다.',
  },
  'invalid-connection': {
    summary: '연결 규칙이 허용하지 않는 연결입니다(예: SQLite → 무엇이든, nginx → SQLite).',
    why: '연결은 호출하는 쪽에서 호출받는 쪽으로 향하고, 서로 부를 수 있는 조합은 정해져 있습니다. nginx는 React 파일을 서빙하고 앱 서버로 프록시하며, 앱 서버는 Flask를 import하고, Flask는 SQLite를 엽니다.',
    fixSummary: '연결을 지웁니다.',
  },
  'no-entry-point': {
    summary: '디자인에 클라이언트가 없거나, nginx나 앱 서버에 닿는 클라이언트가 없습니다.',
    why: '배포는 요청에 답하려고 있는 것입니다. 클라이언트 노드는 요청이 들어오는 곳을 나타내는데, nginx에(또는 잘못된 방식이지만 앱 서버에) 닿는 클라이언트가 없으면 디자인의 어떤 것도 호출되지 않고, 만들어진 스택에는 정문이 없습니다.',
    fixSummary:
      '디자인에 nginx가 있으면 클라이언트(없으면 새 "browser" 클라이언트)를 첫 번째 nginx에 연결합니다.',
  },
  'unreachable-node': {
    summary:
      '연결을 따라가도 어떤 클라이언트에서도 닿지 않는 노드입니다. 디자인에 클라이언트가 아예 없으면 조용합니다(그때는 `no-entry-point`가 노드마다가 아니라 한 번만 알려 줍니다).',
    why: '배포의 모든 구성 요소는 요청을 처리하려고 있습니다. 아무것도 이어지지 않는 노드는 잊힌 것이거나 연결이 빠진 것이고, 그 컨테이너는 쓸데없이 뜨게 됩니다(SQLite라면 아무 앱도 열지 않는 데이터를 쥐고 있게 됩니다).',
  },
  cycle: {
    summary: '연결이 순환합니다(연결을 따라가면 자기 자신을 부르는 노드).',
    why: '연결은 호출하는 쪽에서 호출받는 쪽으로 향하고, 요청은 클라이언트 → nginx → 앱 서버 → 앱 → 데이터베이스로 한 방향으로 흐릅니다. 순환하면 요청이 왔던 곳으로 끝없이 되돌아가니, 언제나 그리기 실수입니다.',
  },
  'invalid-server-name': {
    summary:
      'nginx `serverName`이 `_`, `localhost`, 또는 공백 하나로 구분된 RFC 1123 호스트 이름(`*.`로 시작해도 됨)이 아닙니다.',
    why: '이 값은 nginx.conf의 `server_name`에 그대로 들어갑니다. 호스트 이름이 아닌 것(`;`, 중괄호, 줄바꿈)은 지시어를 끝내고 그 뒤에 자기 설정을 덧붙일 수 있는데, ingress-nginx CVE 여러 건이 바로 이 경로로 주입되었습니다.',
    fixSummary: '필드를 기본값으로 되돌립니다.',
  },
  'invalid-route': {
    summary:
      'nginx 연결의 경로가 `/`로 시작하지 않거나, 공백, `;{}"\'`, 백틱, `\\`, `$`, `%`, `..`, 제어 문자를 담고 있습니다.',
    why: '경로마다 nginx.conf에 `location <route> { … }`가 생깁니다. 따옴표 없는 `location` 값은 ingress-nginx 설정이 주입되던 통로입니다. `;`나 `}`는 블록을 끝내고 공격자가 쓴 설정을 시작하며, `$`는 nginx 변수를 펼칩니다. 또 nginx는 디코딩된 경로로 location을 비교하므로 `%` 이스케이프는 절대 맞지 않습니다.',
    fixSummary: '경로를 `/`로 되돌립니다(그 nginx가 이미 `/`를 다른 곳으로 보내지 않을 때).',
  },
  'invalid-python-name': {
    summary:
      'Flask `module`이 점으로 구분된 파이썬 이름(`app`, `shop.api`)이 아니거나, `callable`이 파이썬 식별자가 아니거나, Django `project`가 식별자가 아니거나 Django나 파이썬이 이미 쓰는 모듈 이름(`django`, `site`, `test` …)입니다.',
    why: 'WSGI 서버는 `module:callable`을 import하고(Gunicorn의 앱 인자, uWSGI의 `module =`), 만들어지는 `wsgi.py`도 이를 import합니다. 그 밖의 값은 시작할 때 import에 실패하거나, 파이썬 코드와 설정 파일에 엉뚱한 텍스트를 넣게 됩니다. Django 프로젝트 이름이 프로젝트가 import하는 모듈과 같으면 그 모듈 대신 프로젝트가 import됩니다.',
    fixSummary: '필드를 기본값으로 되돌립니다.',
  },
  'invalid-port': {
    summary:
      '포트(nginx `listen`, Gunicorn/uWSGI `port`, Flask 개발 서버 `port`)가 1에서 65535 사이의 정수가 아닙니다.',
    why: 'TCP 포트는 0보다 큰 16비트 숫자입니다. 그 밖의 값이면 서버가 바인딩에 실패하고, Docker Compose도 공개를 거부합니다.',
    fixSummary: '필드를 기본값으로 되돌립니다.',
  },
  'invalid-path': {
    summary:
      '유닉스 소켓 경로(Gunicorn/uWSGI `socketPath`, transport와 상관없이 검사), SQLite `file`, nginx `certFile`/`keyFile`이 절대 경로가 아니거나, `..`, 공백, `;{}"\'$`, `%`, 제어 문자를 담고 있습니다.',
    why: '경로는 nginx.conf, gunicorn.conf.py, uwsgi.ini, docker-compose.yml에 들어가고, 그 폴더는 볼륨이 됩니다. 상대 경로나 `..` 경로는 컨테이너가 기대하는 곳이 아닌 데를 가리키고, 따옴표, `;`, `$`, `%`, 줄바꿈은 값 밖으로 새어 나갑니다(`%`와 `$`는 uWSGI가 펼칩니다).',
    fixSummary: '필드를 기본값으로 되돌립니다.',
  },
  'invalid-container-name': {
    summary:
      '노드의 컨테이너 이름이 올바른 Docker Compose 서비스 이름이 아닙니다: 영문 소문자나 숫자로 시작하고, 그 뒤로 `a-z 0-9 _ . -`, 최대 63자. kubernetes 대상에서는 서비스 이름으로 쓸 수 있는 DNS-1123 레이블(`a-z 0-9 -`, 영문자로 시작하고 영문자나 숫자로 끝남)이어야 합니다.',
    why: '컨테이너 이름은 Compose 서비스 이름, 다른 컨테이너가 찾아오는 호스트 이름, 번들의 폴더 이름이 됩니다. 그 밖의 이름은 Docker Compose가 거부하거나, 호스트 이름으로 풀리지 않거나, 폴더가 번들 밖을 가리킬 수 있습니다.',
    fixSummary:
      '컨테이너 안의 모든 노드에 대해, 원래 이름에서 만든 올바른 이름(소문자로, 그 밖의 문자는 `-`로) 또는 kind의 기본값(`web`, `app`)으로 바꿉니다. 다른 컨테이너와 합치지는 않습니다.',
  },
  'workers-out-of-range': {
    summary:
      'Gunicorn `workers`(숫자일 때)나 uWSGI `processes`가 1보다 작거나 4 × CPU + 1보다 큽니다. 그리는 시점에는 CPU 수를 모르므로 StackSketch는 CPU 4개짜리 기준 머신을 씁니다: 상한은 17입니다.',
    why: '워커 프로세스가 없으면 아무도 요청에 응답하지 않습니다. 코어보다 훨씬 많은 프로세스는 메모리와 컨텍스트 스위칭만 늘립니다: 권장 값은 2 × CPU + 1입니다(Gunicorn의 "auto"는 실행되는 곳에서 이 값을 계산합니다). 상한은 흔한 소형 서버인 CPU 4개를 기준으로 합니다.',
    fixSummary: '개수를 가까운 경계(1 또는 17)로 맞춥니다.',
  },
  'invalid-size': {
    summary: 'nginx `clientMaxBodySize`가 숫자(뒤에 `k`, `m`, `g`를 붙여도 됨, 예: `10m`)가 아닙니다.',
    why: '이 값은 nginx.conf의 `client_max_body_size`가 됩니다. nginx는 여기에 크기만 받으므로, 다른 텍스트는 nginx 시작을 막거나 지시어를 일찍 끝내 버립니다.',
    fixSummary: '필드를 기본값으로 되돌립니다.',
  },
  'invalid-label': {
    summary:
      '표시 텍스트(클라이언트의 `label`, 최대 64자, 또는 디자인 `name`, 최대 100자)가 비어 있거나, 앞뒤에 공백이 있거나, 제어 문자나 보이지 않는 문자, `; { } [ ] < > | /`, 따옴표, 백틱, `\\`, `$`, `..`(전각 유사 문자 포함)를 담고 있거나, 라틴 문자와 키릴·그리스 문자를 섞은 단어가 있습니다.',
    why: '라벨과 디자인 이름은 README, 그 안의 Mermaid 다이어그램, 번들 폴더 이름, 이미지 내보내기에 들어갑니다. 어떤 문자든 환영하지만(한글, ελληνικά, …) 값을 끝내거나 마크업·셸 확장을 시작하는 문자, 보이지 않는 방향 제어 문자, 비슷하게 생긴 알파벳을 섞은 단어(“locаlhost”의 키릴 문자 а)는 받지 않습니다. 디자인 이름은 번들 폴더 이름도 되므로 `/`와 `..`도 받지 않습니다.',
    fixSummary: '클라이언트 라벨을 기본값("Browser")으로 되돌리거나, 디자인 이름을 "untitled"로 바꿉니다.',
  },
  'invalid-replicas': {
    summary: '컨테이너의 `replicas`가 1에서 32 사이의 정수가 아닙니다.',
    why: '`replicas`는 컨테이너 복제본을 몇 개 나란히 띄울지입니다. 1보다 작으면 아무것도 실행되지 않고, 소수는 의미가 없으며, 한 디자인에 32개가 넘는 복제본은 계획이라기보다 오타입니다.',
    fixSummary: '컨테이너의 replicas를 1로 설정합니다.',
  },
  'replicas-unix-socket': {
    summary: '`replicas`가 1보다 큰 컨테이너에 유닉스 소켓으로 듣는 서버가 있습니다.',
    why: '유닉스 소켓은 볼륨 하나 위의 파일 하나입니다. 컨테이너의 모든 복제본이 같은 파일에 바인딩하려 하므로 마지막에 뜬 복제본이 소켓을 차지하고 나머지에는 닿을 수 없으며, nginx는 복제본들을 구별해 부하를 나눌 수 없습니다. 복제본에는 각자 주소를 갖는 TCP 포트가 필요합니다.',
    fixSummary: '서버를 TCP로 바꿉니다(또는 컨테이너의 replicas를 1로 설정합니다).',
  },
  'replicas-publish-port': {
    summary:
      '`replicas`가 1보다 큰 컨테이너가 호스트 포트를 공개합니다(클라이언트가 닿는 nginx가 들어 있습니다).',
    why: '공개된 포트는 호스트에서 프로세스 하나만 가질 수 있습니다. 첫 번째 복제본이 포트를 바인딩하고 나머지 복제본은 시작하지 못합니다. 정문은 하나만 실행하고, 그 뒤의 복제본에는 컨테이너 네트워크로 닿아 nginx가 부하를 나눕니다.',
    fixSummary:
      'nginx를 (nginx가 서빙하는 정적 빌드와 함께) 전용 컨테이너로 옮깁니다(또는 replicas를 1로 설정합니다).',
  },
  'sqlite-replicas': {
    summary: '`replicas`가 1보다 큰 컨테이너에 SQLite 파일이 있습니다(경고, kubernetes 대상에서는 오류).',
    why: '호스트 하나에서는 복제본들이 볼륨 하나 위의 SQLite 파일 하나를 함께 씁니다. WAL과 busy timeout 덕분에 쓰기는 모두 남지만 차례를 기다리므로, 복제본을 늘려도 쓰기 처리량은 늘지 않습니다. Kubernetes에서는 ReadWriteOnce 볼륨이 노드 하나에만 마운트되므로 SQLite 컨테이너는 복제본 하나로 둡니다.',
    fixSummary: '컨테이너의 replicas를 1로 설정합니다.',
  },
  'unix-socket-across-pods': {
    summary: 'nginx가 다른 컨테이너에 있는 서버에 유닉스 소켓으로 연결합니다(kubernetes 대상에서만).',
    why: 'Kubernetes에서는 디자인의 컨테이너마다 파드가 되고, 파드끼리는 파일을 공유하지 않습니다. 한 파드에서 만든 소켓 파일은 다른 파드에 나타나지 않으므로 nginx는 모든 요청에 502를 응답합니다. 파드끼리는 네트워크로 통신합니다: 서버에 TCP 포트를 주거나, nginx와 서버를 한 컨테이너(파드 하나)에 두세요.',
    fixSummary: '서버를 TCP로 바꿉니다.',
  },
  'invalid-email': {
    summary:
      'nginx `email`이 설정되어 있는데 평범한 주소(`local@domain.tld`, ASCII, 공백·따옴표·`;`·`$` 없음)가 아닙니다.',
    why: '주소는 생성된 스크립트에서 certbot에 넘겨지고 Let’s Encrypt 계정에 등록됩니다. 평범한 주소가 아닌 것(따옴표, `;`, 줄바꿈, 앞에 붙은 `-`)은 값을 끝내고 다른 것을 실행하거나 넘길 수 있습니다.',
    fixSummary: '필드를 기본값으로 되돌립니다.',
  },
  'tls-needs-domain': {
    summary:
      '`tls`가 "letsencrypt"인 nginx의 서버 이름이 `localhost`, `_`, IP 주소, 와일드카드, 또는 점이 없는 이름입니다.',
    why: '공개 CA는 인터넷에서 각 이름으로 파일을 받아 와서(HTTP-01) 그 이름을 내가 가졌는지 확인합니다. `localhost`, IP 주소, 한 단어짜리 이름에는 닿을 수 없고, `_`는 아무 호스트도 가리키지 않으며, 와일드카드에는 DNS 검증이 필요합니다. certbot은 시작할 때마다 실패합니다.',
    fixSummary: '대신 자체 서명 인증서를 씁니다(로컬용).',
  },
  'tls-needs-email': {
    summary: '`tls`가 "letsencrypt"인 nginx에 `email`이 없습니다.',
    why: 'Let’s Encrypt는 인증서가 만료되기 전에 계정 주소로 알림을 보냅니다. 주소가 없으면 갱신이 계속 실패해도 브라우저가 사이트를 거부할 때까지 아무도 모릅니다. certbot도 따로 지시하지 않으면 주소 없이 등록하지 않습니다.',
  },
  'plain-http': {
    summary:
      '클라이언트가 닿는 nginx가 공개 도메인(`localhost`나 IP 주소가 아닌, 점이 있는 이름)을 `tls` "off"로 서빙합니다.',
    why: 'HTTPS가 없으면 비밀번호, 세션 쿠키, 모든 페이지가 인터넷을 평문으로 지나갑니다. 경로 위의 누구든(카페 와이파이, 통신사) 읽고 바꿀 수 있습니다. HTTPS 종료는 앱 앞에 선 nginx가 하는 일 중 하나입니다.',
    fixSummary: '자체 서명 인증서로 HTTPS를 켭니다(그다음 이메일 주소와 함께 Let’s Encrypt로 바꾸세요).',
  },
};
