/**
 * The hover docs in Korean (nginx, Gunicorn, uWSGI): the same entries as the English tables, written the way Korean
 * developers explain an nginx config (리버스 프록시, 업스트림, 정적 파일 …).
 */
import type { DirectiveDoc } from './directiveDocs';

export const NGINX_DOCS_KO: Record<string, DirectiveDoc> = {
  uwsgi_pass: {
    what: '요청을 바이너리 **uwsgi 프로토콜**로 uWSGI 서버에 넘깁니다.',
    why: 'uWSGI가 `socket`으로 들을 때만 동작합니다(`http-socket`이 아니라). `http-socket`을 가리키면 uWSGI가 패킷을 해석하지 못해 연결을 끊고, nginx는 **502 Bad Gateway**("upstream prematurely closed connection")를 돌려줍니다. 항상 `include uwsgi_params`와 함께 씁니다.',
  },
  proxy_pass: {
    what: '요청을 **HTTP**로 업스트림 서버(Gunicorn, uWSGI `http-socket`, Flask 개발 서버)에 넘깁니다.',
    why: 'nginx는 리버스 프록시입니다. 클라이언트는 공개된 포트의 nginx하고만 말하고, 앱 서버는 네트워크 안에 머뭅니다. nginx가 느린 클라이언트를 버퍼링하므로 Gunicorn의 몇 안 되는 sync 워커가 붙잡히지 않습니다. uWSGI `socket`에는 쓰지 마세요(그건 HTTP가 아니라 uwsgi 프로토콜로 말합니다).',
  },
  include: {
    what: '이 자리에 다른 설정 파일을 끼워 넣습니다.',
    why: '`mime.types`는 파일 확장자를 Content-Type 헤더에 대응시키고, `uwsgi_params`는 요청(메서드, 경로, 헤더)을 WSGI 환경 변수로 넘깁니다. 이게 없으면 uWSGI가 `REQUEST_METHOD`/`PATH_INFO`를 받지 못해 앱이 요청을 라우팅할 수 없습니다.',
  },
  uwsgi_params: {
    what: 'nginx와 함께 배포되는 파일로, uWSGI에 보낼 `uwsgi_param` 변수(REQUEST_METHOD, PATH_INFO, QUERY_STRING, ...)를 나열합니다.',
    why: 'nginx는 파이썬을 모릅니다. uWSGI가 이 파라미터로 WSGI environ을 만들기 때문에 `uwsgi_pass`에는 이 파일이 필요합니다.',
  },
  keepalive: {
    what: 'nginx 워커마다 업스트림과의 유휴 연결을 이 개수까지 열어 둡니다.',
    why: '앱 서버와의 연결을 재사용하면 요청마다 TCP(또는 소켓) 핸드셰이크를 아낍니다. HTTP 업스트림에는 `proxy_http_version 1.1`과 빈 `Connection` 헤더가 필요합니다.',
  },
  keepalive_timeout: {
    what: '유휴 클라이언트 연결을 열어 두는 시간입니다.',
    why: '노는 브라우저가 연결을 영원히 붙잡지 않을 만큼 짧고, 페이지와 그 자원에 연결 하나를 재사용할 만큼 깁니다.',
  },
  server_tokens: {
    what: '`Server` 헤더와 오류 페이지에 nginx 버전을 보여 줄지 정합니다.',
    why: '`off`는 정확한 버전을 숨깁니다. 버전이 보이면 공격자가 어떤 알려진 취약점을 시도할지 알 수 있습니다.',
  },
  try_files: {
    what: '나열한 경로 중 처음으로 존재하는 것을 서빙합니다. 마지막 인자는 대체 경로입니다.',
    why: 'React 싱글 페이지 앱에서는 `try_files $uri $uri/ /index.html`이 모르는 경로(/items/3 같은 클라이언트 쪽 라우트)를 index.html로 보내므로, 새로고침해도 404가 나지 않습니다.',
  },
  client_max_body_size: {
    what: 'nginx가 받는 가장 큰 요청 본문입니다. 더 큰 업로드는 **413 Request Entity Too Large**를 받습니다.',
    why: '한도가 앱을 거대한 업로드에서 지켜 줍니다. nginx가 파이썬에 닿기 전에 막습니다.',
  },
  gzip: {
    what: '응답을 실시간으로 압축합니다.',
    why: '텍스트(HTML, CSS, JavaScript, JSON)는 몇 배로 줄어들어 느린 회선에서 페이지가 빨라집니다. nginx가 맡으니 파이썬 워커가 CPU를 쓰지 않습니다.',
  },
  gzip_types: {
    what: 'text/html 말고도 압축할 Content-Type입니다.',
    why: '바이트가 몰려 있는 곳은 JavaScript, CSS, JSON입니다. 이미지는 이미 압축되어 있습니다.',
  },
  gzip_min_length: {
    what: '이보다 짧은 응답은 압축하지 않고 보냅니다.',
    why: '아주 작은 응답은 압축하는 비용이 아끼는 것보다 큽니다.',
  },
  gzip_vary: {
    what: '`Vary: Accept-Encoding` 헤더를 붙입니다.',
    why: '그래야 캐시가 압축본과 원본을 따로 보관합니다.',
  },
  gzip_proxied: {
    what: '프록시한 응답 중 어떤 것을 압축할지 정합니다.',
    why: '`any`면 앱 서버에서 돌아오는 API 응답도 압축합니다.',
  },
  listen: {
    what: '이 server 블록이 연결을 받는 포트(와 주소)입니다.',
    why: '포트를 공개하는 서비스는 nginx뿐입니다. nginx가 정문이고, 앱 서버에는 nginx를 거쳐서만 닿습니다.',
  },
  server_name: {
    what: '이 server 블록이 응답할 호스트 이름입니다(Host 헤더와 비교합니다).',
    why: '로컬에서 돌릴 때는 `localhost`나 `_`(아무 이름), 운영 환경에서는 실제 도메인을 씁니다.',
  },
  root: {
    what: '정적 파일을 서빙하는 폴더입니다.',
    why: '멀티 스테이지 Dockerfile이 React 빌드를 여기로 복사합니다. nginx가 파이썬 없이 직접, 빠르게 파일을 서빙합니다.',
  },
  index: {
    what: '`/`로 끝나는 요청에 서빙할 파일입니다.',
    why: 'index.html이 React 빌드의 첫 페이지입니다.',
  },
  location: {
    what: '경로가 주어진 접두사로 시작하는 요청에 적용할 설정 블록입니다.',
    why: 'nginx에서 나가는 엣지 하나가 location 하나가 됩니다. 그 경로가 어떤 요청을 어느 서비스로 보낼지 정합니다.',
  },
  upstream: {
    what: '`proxy_pass`/`uwsgi_pass`가 가리킬 수 있는, 이름 붙은 서버 묶음입니다.',
    why: 'nginx가 앱 서버와의 연결을 유지할 수 있고, 요청 대상을 한곳에 분명히 적어 둡니다.',
  },
  server: {
    what: '가상 서버: `http` 안에서는 요청에 응답하고, `upstream` 안에서는 백엔드 하나를 가리킵니다.',
    why: '업스트림 `server`의 주소는 Compose 서비스 이름입니다. Docker가 그 이름을 앱 컨테이너로 풀어 줍니다.',
  },
  proxy_set_header: {
    what: '업스트림에 보내는 요청 헤더를 설정합니다.',
    why: 'Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto가 Flask에 원래 호스트, 클라이언트, 스킴을 알려 줍니다. 앱은 `ProxyFix`로 이를 믿으므로, 프록시 뒤에서도 리다이렉트와 로그가 올바릅니다.',
  },
  proxy_http_version: {
    what: '업스트림과 쓸 HTTP 버전입니다.',
    why: '업스트림과 keep-alive 연결을 쓰려면 1.1이 필요합니다.',
  },
  proxy_read_timeout: {
    what: 'nginx가 업스트림이 데이터를 보내기를 기다리는 시간입니다.',
    why: '앱 서버의 타임아웃과 맞춰서, 워커보다 nginx가 먼저 포기하지 않게 합니다.',
  },
  uwsgi_read_timeout: {
    what: 'nginx가 uWSGI가 데이터를 보내기를 기다리는 시간입니다.',
    why: '앱 서버와 맞춰서, 느린 요청이 멈춘 연결이 아니라 분명한 오류로 끝나게 합니다.',
  },
  add_header: {
    what: '응답 헤더를 붙입니다.',
    why: '보안 헤더(X-Content-Type-Options nosniff, X-Frame-Options, Referrer-Policy)는 모든 사이트가 보내야 할 값싼 방어입니다. `always`를 붙이면 오류 페이지에도 붙습니다.',
  },
  worker_processes: {
    what: '실행할 nginx 워커 프로세스 수입니다.',
    why: '`auto`는 CPU 코어마다 하나씩 띄웁니다. nginx는 이벤트 기반이라 코어당 워커 하나면 충분합니다.',
  },
  worker_connections: {
    what: 'nginx 워커 하나가 동시에 여는 연결 수입니다.',
    why: '프록시하는 요청 하나가 연결 둘(클라이언트와 업스트림)을 씁니다. 작은 스택에는 기본값 1024로 넉넉합니다.',
  },
  events: {
    what: '연결 처리 설정입니다.',
    why: '`worker_connections`만 설정하더라도 완전한 nginx.conf에는 꼭 있어야 하는 블록입니다.',
  },
  http: {
    what: '모든 HTTP 서버를 담고, 그 서버들이 함께 쓰는 설정을 두는 블록입니다.',
    why: '이 번들은 (조각이 아니라) nginx.conf 전체를 담으므로 컨테이너에는 다른 게 필요 없습니다.',
  },
  sendfile: {
    what: '커널이 파일을 소켓으로 바로 복사하게 합니다.',
    why: '정적 파일(React 빌드)을 CPU를 덜 쓰며 더 빨리 보냅니다.',
  },
  tcp_nopush: {
    what: '(sendfile과 함께) 응답 헤더와 파일 앞부분을 패킷 하나로 보냅니다.',
    why: '정적 파일의 패킷 수가 줄어듭니다.',
  },
  default_type: {
    what: '확장자가 mime.types에 없는 파일의 Content-Type입니다.',
    why: '`application/octet-stream`이면 브라우저가 모르는 파일을 추측하지 않고 내려받습니다.',
  },
  access_log: {
    what: '요청을 기록하는 곳입니다.',
    why: '컨테이너에서는 로그를 stdout/stderr(`/dev/stdout`)로 보내야 `docker compose logs`에 보입니다.',
  },
  error_log: {
    what: '오류를 기록하는 곳과 기록할 수준입니다.',
    why: '컨테이너에서는 stderr로 보내서, `docker compose logs web`으로 어느 홉이 왜 실패했는지(예: 502) 봅니다.',
  },
  pid: {
    what: 'nginx가 마스터 프로세스 id를 적는 파일입니다.',
    why: '컨테이너 안에서 nginx 사용자가 쓸 수 있는 경로입니다.',
  },
  expires: {
    what: '응답의 Cache-Control/Expires를 설정합니다.',
    why: '해시가 붙은 빌드 파일은 바뀌지 않으니 브라우저가 오래 보관해도 됩니다. index.html은 캐시하면 안 됩니다.',
  },
  log_format: {
    what: '접근 로그 줄의 형식에 이름을 붙입니다.',
    why: '`main` 형식은 클라이언트, 요청, 상태, 크기, 리퍼러, 사용자 에이전트를 기록합니다. 실패한 홉을 따라가기에 충분합니다.',
  },
  uwsgi_param: {
    what: 'uWSGI에 보내는 요청 환경 변수 하나를 설정합니다.',
    why: '`HTTP_X_FORWARDED_PROTO $scheme`은 클라이언트가 http와 https 중 무엇을 썼는지 앱에 알려 주므로, 앱이 만드는 URL이 올바릅니다.',
  },
  tcp_nodelay: {
    what: '작은 패킷을 채우길 기다리지 않고 바로 보냅니다.',
    why: 'keep-alive 연결의 지연 시간이 줄어듭니다.',
  },
  return: {
    what: '처리를 멈추고 상태 코드(와 본문이나 리다이렉트)를 보냅니다.',
    why: '앱을 건드리지 않고 간단한 헬스 응답과 리다이렉트를 할 때 씁니다.',
  },
};

/** The Gunicorn hover docs in Korean: the same settings as the English table. */
export const GUNICORN_DOCS_KO: Record<string, DirectiveDoc> = {
  bind: {
    what: 'Gunicorn이 요청을 받을 주소입니다. `host:port`나 `unix:/path.sock`으로 씁니다.',
    why: '다른 컨테이너의 nginx가 Compose 네트워크로 닿을 수 있게 `0.0.0.0:PORT`로 엽니다(포트는 호스트에 공개하지 않습니다). 유닉스 소켓을 쓰려면 nginx와 함께 쓰는 볼륨이 필요합니다.',
  },
  workers: {
    what: '워커 프로세스 수입니다. sync 워커 하나는 한 번에 요청 하나를 처리합니다.',
    why: '흔히 **2 × CPU 코어 + 1**로 잡습니다. 한 워커가 I/O를 기다리는 동안 다른 워커가 CPU를 쓸 수 있기 때문입니다. 그보다 많으면 메모리 사용과 경합만 늘어납니다.',
  },
  threads: {
    what: '워커 하나당 스레드 수입니다. 1보다 크면 Gunicorn이 스레드 워커를 씁니다.',
    why: '요청이 I/O를 기다릴 때 스레드가 도움이 됩니다. 1이면 단순한 sync 모델을 그대로 씁니다.',
  },
  timeout: {
    what: '이 초 수보다 오래 응답이 없는 워커는 종료되고 다시 시작됩니다.',
    why: '멈춘 요청에 붙잡힌 워커를 풀어 줍니다. nginx가 버퍼링하므로 느린 클라이언트 때문에 이 타임아웃이 걸리지는 않습니다.',
  },
  worker_tmp_dir: {
    what: '워커가 하트비트 파일을 두는 곳입니다.',
    why: 'Docker에서는 `/tmp`가 느린 오버레이 디스크에 있을 수 있어 워커가 멈춘 것처럼 보일 수 있습니다. `/dev/shm`은 메모리에 있습니다.',
  },
  wsgi_app: {
    what: '불러올 WSGI 애플리케이션입니다. `module:callable` 형식으로 씁니다.',
    why: 'wsgi.py가 내놓는 Flask 객체를 가리킵니다.',
  },
  accesslog: {
    what: 'Gunicorn이 요청마다 로그를 남기는 곳입니다(`None`: 남기지 않음, `-`: 표준 출력).',
    why: '앞단의 nginx가 이미 모든 요청을 기록합니다. 여기서 액세스 로그를 한 번 더 남기면 벤치마크에서 처리량이 3분의 1 줄었습니다.',
  },
  errorlog: {
    what: 'Gunicorn 자체 메시지를 남기는 곳입니다. `-`는 표준 에러입니다.',
    why: '컨테이너 로그는 표준 에러로 보내야 `docker compose logs`에 워커가 죽은 기록이 보입니다.',
  },
  loglevel: {
    what: 'Gunicorn이 남기는 로그의 양입니다.',
    why: '`info`는 요청마다 쌓이는 잡음 없이 워커 시작과 재시작을 보여 줍니다.',
  },
  graceful_timeout: {
    what: '재시작이나 종료 시그널을 받은 뒤 워커가 처리 중인 요청을 마칠 수 있는 시간(초)입니다.',
    why: '그래서 `docker compose down`을 해도 요청이 중간에 끊기지 않습니다.',
  },
  keepalive: {
    what: '쉬고 있는 연결을 열어 두는 시간(초)입니다.',
    why: 'nginx 뒤에서는 몇 초만 열어 두어도 nginx가 연결을 다시 쓸 수 있습니다.',
  },
  forwarded_allow_ips: {
    what: 'X-Forwarded-* 헤더를 설정해도 되는 프록시입니다.',
    why: 'nginx가 다른 컨테이너에서 돌아 그 주소가 127.0.0.1이 아닙니다. 프록시 네트워크만 믿습니다.',
  },
  chdir: {
    what: '앱을 불러오기 전에 이 폴더로 이동합니다.',
    why: '그래야 `module:callable`을 앱 폴더에서 import합니다.',
  },
  umask: {
    what: 'Gunicorn이 만드는 파일(과 소켓)의 권한 마스크입니다.',
    why: '다른 컨테이너의 nginx 사용자가 유닉스 소켓에 쓸 수 있어야 합니다.',
  },
  worker_class: {
    what: '워커 종류입니다(sync, gthread, ...).',
    why: 'sync 워커가 가장 단순하고, nginx처럼 버퍼링하는 프록시 뒤에서는 안전합니다.',
  },
  max_requests: {
    what: '워커가 이만큼 요청을 처리하면 다시 시작합니다.',
    why: '조금씩 새는 메모리 누수의 영향을 묶어 둡니다.',
  },
  max_requests_jitter: {
    what: 'max_requests에 더하는 무작위 값입니다.',
    why: '워커가 한꺼번에 재시작하지 않게 합니다.',
  },
  capture_output: {
    what: '앱의 print/표준 출력을 에러 로그로 보냅니다.',
    why: '컨테이너 안에서 앱이 출력한 내용을 잃지 않습니다.',
  },
  proc_name: {
    what: 'ps/top에 보이는 프로세스 이름입니다.',
    why: '워커를 쉽게 알아볼 수 있습니다.',
  },
};

/** The uWSGI hover docs in Korean: the same options as the English table. */
export const UWSGI_DOCS_KO: Record<string, DirectiveDoc> = {
  socket: {
    what: '바이너리 **uwsgi 프로토콜**로 요청을 받습니다(유닉스 소켓 경로나 `host:port`).',
    why: 'nginx의 `uwsgi_pass`가 말하는 프로토콜입니다. 한 머신의 두 프로세스 사이에는 유닉스 소켓이 빠르고, 컨테이너 사이라면 함께 쓰는 볼륨에 둡니다.',
  },
  'http-socket': {
    what: '평범한 **HTTP**로 요청을 받습니다(브라우저나 `proxy_pass`가 보내는 그대로).',
    why: 'uWSGI만 따로 시험할 때 편합니다. nginx 뒤에서는 `proxy_pass`와 짝지어야 합니다. `uwsgi_pass`를 쓰면 양쪽이 다른 프로토콜로 말해서 nginx가 **502**를 돌려줍니다.',
  },
  'chmod-socket': {
    what: 'uWSGI가 만드는 유닉스 소켓의 파일 권한입니다.',
    why: 'nginx는 다른 사용자로(다른 컨테이너에서) 돕니다. 소켓에 쓰기 권한이 없으면 모든 요청이 502(permission denied)로 실패합니다.',
  },
  'chown-socket': {
    what: '유닉스 소켓의 소유자입니다.',
    why: '권한을 넓게 여는 chmod-socket 대신 쓸 수 있습니다.',
  },
  master: {
    what: '워커를 관리하는 마스터 프로세스를 띄웁니다.',
    why: '마스터가 죽은 워커를 다시 띄우고 시그널을 처리합니다. 마스터 없이는 uWSGI를 안정적으로 돌리기가 훨씬 어렵습니다.',
  },
  vacuum: {
    what: '종료할 때 소켓 파일과 pid 파일을 지웁니다.',
    why: '남아 있는 오래된 소켓 파일이 다음 시작을 막을 수 있습니다.',
  },
  'die-on-term': {
    what: 'SIGTERM을 받으면 uWSGI를 종료합니다(기본값에서는 "다시 불러오기"를 뜻합니다).',
    why: '`docker stop`은 SIGTERM을 보냅니다. 이 옵션이 없으면 컨테이너가 멈추지 않고 다시 불러오다가 타임아웃 뒤에 강제로 종료됩니다.',
  },
  'worker-reload-mercy': {
    what: '정상 재시작, 워커 교체, 종료 때 워커가 처리 중인 요청을 마칠 수 있는 시간(초)입니다. 넘기면 워커를 강제로 종료합니다.',
    why: '그러지 않으면 멈춘 워커 하나가 uWSGI 기본값인 60초 동안 종료를 붙잡습니다(`docker stop`이 기다려 주는 시간보다 깁니다). 번들은 컨테이너에 이 시간에 여유를 더한 만큼을 줍니다.',
  },
  'reload-mercy': {
    what: '다시 불러오거나 종료할 때 마스터가 모든 워커를 기다리는 시간(초)입니다.',
    why: '`worker-reload-mercy`가 워커 하나를 묶어 두듯, 종료 전체에 한도를 둡니다.',
  },
  'need-app': {
    what: '애플리케이션을 불러올 수 없으면 시작할 때 바로 종료합니다.',
    why: '그러지 않으면 uWSGI는 "no app loaded" 상태로 계속 돌면서 모든 요청에 오류로 답합니다. 조용히 망가지느니 요란하게 실패하는 편이 낫습니다.',
  },
  strict: {
    what: '설정에 모르는 옵션이 있으면 거부합니다.',
    why: '그러지 않으면 철자가 틀린 옵션이 소리 없이 무시됩니다(StackSketch가 돌리는 검사의 `--strict`와 같습니다).',
  },
  processes: {
    what: '워커 프로세스 수입니다.',
    why: 'Gunicorn 워커처럼 흔히 2 × CPU 코어 + 1 정도로 잡습니다. 프로세스마다 메모리를 따로 씁니다.',
  },
  workers: {
    what: '`processes`의 별칭입니다. 워커 프로세스 수입니다.',
    why: '흔히 2 × CPU 코어 + 1 정도로 잡습니다.',
  },
  threads: {
    what: '프로세스 하나당 스레드 수입니다. 전체 동시 처리 수는 processes × threads입니다.',
    why: '요청이 I/O(SQLite나 네트워크 호출 같은)를 기다리는 동안 스레드가 도움이 됩니다.',
  },
  'enable-threads': {
    what: '앱 안에서 Python GIL과 스레드를 켭니다.',
    why: '이 옵션이 없으면 앱이 직접 띄우는 스레드가 실행되지 않습니다.',
  },
  plugins: {
    what: 'uWSGI 플러그인(예: python3)을 불러옵니다.',
    why: '배포판이 빌드한 uWSGI는 Python 앱을 불러오려면 python3 플러그인이 필요합니다. pip로 빌드한 uWSGI에는 이미 들어 있습니다.',
  },
  module: {
    what: 'WSGI 애플리케이션이 들어 있는 Python 모듈입니다(예: `wsgi`).',
    why: 'uWSGI가 `import wsgi`처럼 불러옵니다.',
  },
  callable: {
    what: '모듈 안의 WSGI callable 이름입니다.',
    why: 'Flask 객체는 보통 `app`이라는 이름인데, 따로 알려 주지 않으면 uWSGI는 `application`을 찾습니다.',
  },
  'wsgi-file': {
    what: 'WSGI 애플리케이션으로 불러올 Python 파일입니다.',
    why: '`module` 대신 쓸 수 있습니다.',
  },
  chdir: {
    what: '앱을 불러오기 전에 이 폴더로 이동합니다.',
    why: '그래야 앱 모듈을 찾습니다.',
  },
  pythonpath: {
    what: 'Python의 import 경로에 폴더를 더합니다.',
    why: '/app에 있는 앱 모듈들이 패키지로 설치하지 않아도 서로 import할 수 있습니다.',
  },
  uid: {
    what: '워커를 실행하는 사용자입니다.',
    why: '앱을 절대 root로 돌리지 않습니다.',
  },
  gid: {
    what: '워커를 실행하는 그룹입니다.',
    why: '앱을 절대 root로 돌리지 않습니다.',
  },
  harakiri: {
    what: '요청 하나에 이 초 수보다 오래 붙잡힌 워커를 강제로 종료합니다.',
    why: '멈춘 요청에 붙잡힌 워커를 풀어 줍니다(Gunicorn의 timeout과 같은 역할).',
  },
  'buffer-size': {
    what: 'uWSGI가 받아들이는 요청 헤더 블록의 최대 크기입니다.',
    why: '기본값 4 KB로는 쿠키가 큰 요청이 거부될 수 있습니다.',
  },
  'lazy-apps': {
    what: '앱을 마스터가 아니라 워커마다 불러옵니다.',
    why: 'fork된 워커들이 데이터베이스 연결을 함께 쓰지 않게 합니다.',
  },
  'single-interpreter': {
    what: '워커마다 Python 인터프리터 하나만 씁니다.',
    why: '더 단순하고, 대부분의 앱이 기대하는 방식입니다.',
  },
  'thunder-lock': {
    what: '워커 사이의 accept()를 하나씩 차례로 처리합니다.',
    why: '부하를 프로세스들에 고르게 나눕니다.',
  },
  'post-buffering': {
    what: '이보다 큰 요청 본문은 디스크에 버퍼링합니다.',
    why: '느린 업로드로부터 워커를 지킵니다.',
  },
  'disable-logging': {
    what: '요청 로그를 끕니다.',
    why: 'nginx가 이미 요청마다 로그를 남깁니다.',
  },
  'log-4xx': {
    what: '요청 로그를 꺼도 4xx 응답은 기록합니다.',
    why: '클라이언트 에러는 계속 보이게 합니다.',
  },
  'log-5xx': {
    what: '요청 로그를 꺼도 5xx 응답은 기록합니다.',
    why: '서버 에러는 계속 보이게 합니다.',
  },
  pidfile: {
    what: '마스터 pid를 이 파일에 씁니다.',
    why: '`uwsgi --stop FILE`로 서버를 멈출 수 있습니다.',
  },
  stats: {
    what: '실시간 통계(워커, 요청)를 이 주소로 제공합니다.',
    why: '스터디 노트에서처럼 실시간으로 모니터링할 수 있습니다.',
  },
  'manage-script-name': {
    what: 'nginx가 보내는 SCRIPT_NAME을 따릅니다.',
    why: '앱을 경로 접두사 아래에 마운트할 때 필요합니다.',
  },
  mount: {
    what: '앱을 경로 접두사 아래에 마운트합니다.',
    why: '/api 같은 경로 아래에서 앱을 서비스합니다.',
  },
  http: {
    what: '워커 앞에 uWSGI 자체 HTTP 라우터를 띄웁니다.',
    why: 'nginx 뒤에서는 필요 없습니다. nginx가 라우터 역할을 합니다.',
  },
};
