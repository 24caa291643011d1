/**
 * The comments of the generated Flask app and its wsgi.py, in English and Korean (a key missing in
 * Korean fails typecheck). Each line stays within the bundle's Python line length.
 */
import type { Lang } from '../../i18n/lang';

const en = {
  imports: 'Imports live in here so the module exposes only its WSGI callable (any name).',
  noSecretKey: [
    'Never a key in the code: without one, a random per-process key (sessions do',
    'not survive restarts).',
  ],
  proxyFix: 'nginx is the one proxy in front: trust exactly one hop of X-Forwarded-* headers.',
  instance: 'Who answers: a copy of a replicated container gets INSTANCE, else the host name.',
  busyTimeout: "timeout + busy_timeout: wait for another worker's lock, not fail at once.",
  wal: 'WAL lets readers and one writer work at the same time.',
  walRetry: [
    'Switching to WAL needs the file to itself, and SQLite refuses at once',
    'instead of waiting: workers starting together retry until one of them',
    'has switched it (the file then stays in WAL mode).',
  ],
  perThread: [
    'One connection per worker thread, opened on first use and kept: opening the file,',
    'mapping the WAL index and setting the pragmas on every request cost more than the',
    'query itself.',
  ],
  rollback: 'A request that failed half-way must not keep its write lock into the next.',
  routesHeading: (node: string) => [
    `The app of node ${node}. Routes (nginx passes the request URI`,
    'unchanged, so they sit under the nginx route):',
  ],
  healthRoute: 'liveness (and the database, when there is one)',
  listRoute: 'the stored items, newest first',
  createRoute: '{"name": "..."} stores one item',
  staticFolder: 'The static/ folder beside this module, under the static route (nginx serves it).',
  wsgiAll: 'What this module is for: the name the server loads.',
};

export type FlaskComments = typeof en;

const ko: FlaskComments = {
  imports: '임포트를 여기 두어서 모듈이 WSGI callable(이름은 자유)만 노출하게 합니다.',
  noSecretKey: [
    '키는 절대 코드에 두지 않습니다. 키가 없으면 프로세스마다 무작위 키를 씁니다',
    '(재시작하면 세션이 사라집니다).',
  ],
  proxyFix: '앞에 있는 프록시는 nginx 하나뿐: X-Forwarded-* 헤더를 정확히 한 홉만 신뢰합니다.',
  instance: '누가 응답했는지: 복제된 컨테이너의 복제본은 INSTANCE, 아니면 호스트 이름.',
  busyTimeout: 'timeout + busy_timeout: 바로 실패하지 않고 다른 워커의 락을 기다립니다.',
  wal: 'WAL 모드에서는 읽는 쪽들과 쓰는 쪽 하나가 동시에 작업할 수 있습니다.',
  walRetry: [
    'WAL로 바꾸려면 파일을 혼자 써야 하는데, SQLite는 기다리지 않고',
    '바로 거절합니다: 함께 시작한 워커들은 그중 하나가 바꿀 때까지',
    '다시 시도합니다 (한 번 바뀐 파일은 WAL 모드로 남습니다).',
  ],
  perThread: [
    '워커 스레드마다 연결 하나를 처음 쓸 때 열어서 계속 씁니다. 요청마다 파일을 열고',
    'WAL 인덱스를 매핑하고 pragma를 설정하면 쿼리 자체보다 비용이 더 큽니다.',
  ],
  rollback: '중간에 실패한 요청이 쓰기 락을 다음 요청까지 붙잡고 있으면 안 됩니다.',
  routesHeading: (node: string) => [
    `노드 ${node}의 앱. 라우트 (nginx가 요청 URI를 그대로 넘기므로`,
    'nginx 경로 아래에 있습니다):',
  ],
  healthRoute: '살아 있는지 확인 (데이터베이스가 있으면 데이터베이스도)',
  listRoute: '저장된 항목, 최신순',
  createRoute: '{"name": "..."} 항목 하나를 저장',
  staticFolder: '이 모듈 옆의 static/ 폴더를 정적 경로 아래에 둡니다 (nginx가 서빙).',
  wsgiAll: '이 모듈의 용도: 서버가 불러오는 이름.',
};

export const FLASK_COMMENTS: Readonly<Record<Lang, FlaskComments>> = { en, ko };
