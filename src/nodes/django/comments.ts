/**
 * The comments of the generated Django project (settings.py, views.py), in English and Korean (a key
 * missing in Korean fails typecheck). Each line stays within the bundle's Python line length.
 */
import type { Lang } from '../../i18n/lang';

const en = {
  secretKey: ['Never a key in the code: signed cookies and CSRF tokens depend on it staying secret.'],
  anyHost: [
    'nginx answers any host name (server_name _), so Django accepts any Host header',
    'too; set ALLOWED_HOSTS (comma-separated) in the environment to check it here.',
  ],
  allowedHosts: [
    'The names nginx answers to, and localhost for the container healthcheck. ALLOWED_HOSTS',
    '(comma-separated) in the environment replaces them.',
  ],
  behindProxy: ['nginx is the only way in: it says which scheme and host the browser used.'],
  noDatabase: ["No database in the design: Django's dummy backend, and no items endpoints."],
  database: [
    'The SQLite file; DATABASE_PATH in the environment overrides it (the tests use a',
    'temporary one). WAL mode and busy_timeout are set on every connection (see apps.py);',
    `"timeout" makes a writer wait up to 5 s for another worker's lock instead of failing`,
    'with "database is locked".',
  ],
  staticFiles: [
    'Static files: collectstatic gathers them into STATIC_ROOT, nginx serves that folder',
    'under STATIC_URL (no worker is woken for a stylesheet).',
  ],
  logging: ['Logs on stdout, where `docker compose logs` reads them.'],
  secureCookies: 'HTTPS ends at nginx: session and CSRF cookies travel over HTTPS only.',
  sendsHsts: 'nginx sends HSTS: Django does not (checks silenced).',
  redirectsHttp: 'nginx redirects plain HTTP: Django does not (checks silenced).',
  sendsHstsAndRedirects: 'nginx sends HSTS and redirects plain HTTP: Django does not (checks silenced).',
  csrfOrigins: 'Origins whose forms may post here (the API views set no cookies: no CSRF token).',
  csrfOriginForm: 'Django 4 wants scheme://host[:port]; Django 3.2 the host alone.',
  instance: 'Who answers: a copy of a replicated container gets INSTANCE; otherwise the host name.',
  csrfExempt: 'The API sets no cookies and trusts none, so a CSRF token would protect nothing.',
};

export type DjangoComments = typeof en;

const ko: DjangoComments = {
  secretKey: ['키는 절대 코드에 두지 않습니다. 서명된 쿠키와 CSRF 토큰은 키가 비밀이어야 안전합니다.'],
  anyHost: [
    'nginx가 모든 호스트 이름에 응답하므로(server_name _) Django도 모든 Host 헤더를 받습니다.',
    '여기서 검사하려면 환경 변수 ALLOWED_HOSTS(쉼표로 구분)를 설정하세요.',
  ],
  allowedHosts: [
    'nginx가 응답하는 이름들과 컨테이너 헬스체크용 localhost입니다.',
    '환경 변수 ALLOWED_HOSTS(쉼표로 구분)가 있으면 이 목록을 대신합니다.',
  ],
  behindProxy: ['들어오는 길은 nginx뿐: 브라우저가 쓴 스킴과 호스트를 nginx가 알려 줍니다.'],
  noDatabase: ['디자인에 데이터베이스가 없습니다: Django의 dummy 백엔드를 쓰고 items API도 없습니다.'],
  database: [
    'SQLite 파일입니다. 환경 변수 DATABASE_PATH가 있으면 그 경로를 씁니다(테스트는 임시 파일).',
    'WAL 모드와 busy_timeout은 연결할 때마다 설정합니다(apps.py 참고). "timeout" 덕분에',
    '쓰는 쪽은 "database is locked"로 실패하지 않고 다른 워커의 락을 최대 5초 기다립니다.',
  ],
  staticFiles: [
    '정적 파일: collectstatic이 STATIC_ROOT에 모으고, nginx가 그 폴더를 STATIC_URL 아래에서',
    '서빙합니다 (스타일시트 하나 때문에 워커를 깨우지 않습니다).',
  ],
  logging: ['로그는 stdout으로 보냅니다. `docker compose logs`가 여기서 읽습니다.'],
  secureCookies: 'HTTPS는 nginx에서 끝납니다: 세션 쿠키와 CSRF 쿠키는 HTTPS로만 보냅니다.',
  sendsHsts: 'HSTS는 nginx가 보내므로 Django는 보내지 않습니다 (해당 검사는 끔).',
  redirectsHttp: '일반 HTTP 리다이렉트는 nginx가 하므로 Django는 하지 않습니다 (해당 검사는 끔).',
  sendsHstsAndRedirects:
    'HSTS와 일반 HTTP 리다이렉트는 nginx가 하므로 Django는 하지 않습니다 (해당 검사는 끔).',
  csrfOrigins: '폼을 여기로 POST할 수 있는 origin들 (API 뷰는 쿠키를 쓰지 않으므로 CSRF 토큰 없음).',
  csrfOriginForm: 'Django 4는 scheme://host[:port] 형식, Django 3.2는 호스트만 받습니다.',
  instance: '누가 응답했는지: 복제된 컨테이너의 복제본은 INSTANCE, 아니면 호스트 이름.',
  csrfExempt: 'API는 쿠키를 설정하지도 믿지도 않으므로 CSRF 토큰이 지켜 줄 것이 없습니다.',
};

export const DJANGO_COMMENTS: Readonly<Record<Lang, DjangoComments>> = { en, ko };

/** `# ` comment lines, joined. */
export const commentBlock = (lines: readonly string[]): string => lines.map((line) => `# ${line}`).join('\n');
