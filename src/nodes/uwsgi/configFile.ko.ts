/** The hover docs of the kind's config file in Korean: the same entries as the English table. */
import type { DirectiveDoc } from '../configFiles';

export const directivesKo: Record<string, DirectiveDoc> = {
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
