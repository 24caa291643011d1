/** The hover docs of the kind's config file in Korean: the same entries as the English table. */
import type { DirectiveDoc } from '../configFiles';

export const directivesKo: Record<string, DirectiveDoc> = {
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
