/** The comments of gunicorn.conf.py, in English and Korean (a key missing in Korean fails typecheck). */
import type { Lang } from '../../i18n/lang';

const en = {
  secretKey: [
    'This file runs once, in the master, before the workers start: without SECRET_KEY',
    'in the environment (.env), every worker would invent its own key and reject the',
    "others' sessions.",
  ],
  workerTmpDir: 'Worker heartbeat files in memory: /tmp on a container disk can stall workers.',
  accessLog: 'nginx already logs every request; a second access log here costs throughput.',
  errorLog: 'Errors to stderr, where `docker compose logs` reads them.',
  forwarded: 'nginx is the only client: trust its X-Forwarded-* headers.',
  bindUnix: 'A unix socket on a volume shared with nginx (no TCP port at all).',
  bindLoopback: 'A TCP port on the loopback address: only this host (nginx) reaches it.',
  bindNetwork: 'A TCP port on the Compose network; not published: only nginx reaches it.',
  workers: 'Worker processes. The guide: 2 x CPU cores + 1, so one busy worker starves no other.',
  gthread: 'More than one thread per worker needs the gthread worker class.',
  timeout: 'A worker silent this long is killed and replaced: one stuck request cannot hold it.',
  recycling: [
    'Recycling: a worker is replaced after max_requests (+ a random jitter, so they do',
    'not all restart together); memory a leak holds is given back. 0 never recycles.',
  ],
  umask: 'umask 0: nginx can connect to the socket; only the two containers mount its folder.',
};

export type GunicornComments = typeof en;

const ko: GunicornComments = {
  secretKey: [
    '이 파일은 워커가 뜨기 전에 마스터에서 한 번 실행됩니다. 환경(.env)에 SECRET_KEY가 없으면',
    '워커마다 자기 키를 만들어서 다른 워커의 세션을 거부하게 됩니다.',
  ],
  workerTmpDir:
    '워커 하트비트 파일은 메모리에 둡니다. 컨테이너 디스크의 /tmp는 워커를 멈추게 할 수 있습니다.',
  accessLog: 'nginx가 이미 모든 요청을 기록합니다. 여기서 액세스 로그를 또 쓰면 처리량만 떨어집니다.',
  errorLog: '에러는 stderr로 보냅니다. `docker compose logs`가 여기서 읽습니다.',
  forwarded: '클라이언트는 nginx뿐이므로 nginx가 보내는 X-Forwarded-* 헤더를 신뢰합니다.',
  bindUnix: 'nginx와 공유하는 볼륨 위의 유닉스 소켓입니다 (TCP 포트는 아예 열지 않습니다).',
  bindLoopback: '루프백 주소의 TCP 포트입니다. 이 호스트(nginx)만 접근할 수 있습니다.',
  bindNetwork: 'Compose 네트워크 안의 TCP 포트입니다. 공개하지 않으므로 nginx만 접근할 수 있습니다.',
  workers: '워커 프로세스 수. 가이드: CPU 코어 수 x 2 + 1, 바쁜 워커 하나가 다른 워커를 굶기지 않게 합니다.',
  gthread: '워커당 스레드가 둘 이상이면 gthread 워커 클래스가 필요합니다.',
  timeout: '이 시간 동안 응답이 없는 워커는 죽이고 새로 띄웁니다. 멈춘 요청 하나가 워커를 붙잡지 못합니다.',
  recycling: [
    '재활용: 워커는 max_requests(+ 무작위 jitter, 한꺼번에 재시작하지 않도록)만큼 요청을 처리하면',
    '교체되고, 메모리 누수로 잡혀 있던 메모리를 돌려줍니다. 0이면 재활용하지 않습니다.',
  ],
  umask: 'umask 0: nginx가 소켓에 연결할 수 있게 합니다. 소켓 폴더는 두 컨테이너만 마운트합니다.',
};

export const GUNICORN_COMMENTS: Readonly<Record<Lang, GunicornComments>> = { en, ko };
