/** The hover docs of the kind's config file in Korean: the same entries as the English table. */
import type { DirectiveDoc } from '../configFiles';

export const directivesKo: Record<string, DirectiveDoc> = {
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
