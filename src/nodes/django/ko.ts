/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';
import type { DjangoProps } from './descriptor';

export const ko: KindText<DjangoProps> = {
  role: '요리사: 모델, 뷰, 비즈니스 로직이 있는 Django 프로젝트. Gunicorn이나 uWSGI와 함께 WAS가 됩니다.',
  doc: 'Django는 서버가 아니라 WSGI 애플리케이션입니다. 같은 컨테이너의 Gunicorn이나 uWSGI가 `<project>.wsgi:application`을 import하고, 둘이 함께여야 웹 애플리케이션 서버가 됩니다. `manage.py runserver`는 개발용일 뿐입니다: 프로세스 하나, 느린 클라이언트 방어 없음, 워커 관리 없음. 앞단의 nginx가 collectstatic으로 모은 정적 파일을 직접 빠르게 서빙하고, 나머지만 넘깁니다.',
  props: {
    project: {
      label: '프로젝트',
      doc: 'Django 프로젝트 패키지(`mysite`): settings.py, urls.py, wsgi.py가 들어 있고 WSGI 진입점은 `<project>.wsgi:application`입니다. 프로젝트가 import하는 모듈(`django`, `site`, `test` …)과 같은 이름이면 그 모듈 대신 프로젝트가 불려 오므로 안 됩니다.',
    },
    port: {
      label: '개발 서버 포트',
      doc: 'WSGI 서버가 프로젝트를 실행하지 않을 때만 씁니다: `manage.py runserver`의 포트(nginx가 여기로 프록시합니다).',
    },
    staticRoute: {
      label: '정적 파일 경로',
      doc: '정적 파일의 URL 접두사(`STATIC_URL`): `collectstatic`이 파일을 `STATIC_ROOT`에 모으고, nginx가 그 폴더를 이 경로로 긴 캐시 헤더와 함께, 워커를 깨우지 않고 서빙합니다.',
    },
  },
};

const TESTS_KO =
  'Django 테스트 클라이언트와 임시 SQLite 파일로 API를 검사하는 pytest 테스트(`make test`). conftest.py가 준비합니다.';
const LINT_CONFIG_KO =
  'flake8 설정은 setup.cfg에(`make lint`), black(`make format`)과 pytest 설정은 pyproject.toml에, 줄 길이는 하나로 맞춥니다.';

/** The README's Korean explanations of a Django project's files, by path. */
export function projectExplanationsKo(
  project: string,
  database: string | null,
  staticRoot: string,
): [path: string, explanation: string][] {
  return [
    [
      'manage.py',
      `Django의 명령줄 도구. 컨테이너는 먼저 \`python manage.py prestart\`(migrate 후 ${staticRoot}로 collectstatic, 여러 컨테이너가 차례를 지키도록 파일 락을 잡고)를 실행한 다음 서버를 띄웁니다.`,
    ],
    [
      `${project}/`,
      `Django 프로젝트: settings.py(DEBUG 끔, SECRET_KEY는 환경 변수에서, ALLOWED_HOSTS는 nginx의 server name에서, SQLite${database ? ` ${database}` : ''}, STATIC_ROOT), urls.py, wsgi.py(서버가 불러오는 \`${project}.wsgi:application\`).`,
    ],
    [
      'items/',
      '앱: Item 모델과 마이그레이션, JSON 뷰(health, items GET과 POST, 잘못된 입력에는 400), prestart 명령, 정적 파일 하나.',
    ],
    ['tests/', TESTS_KO],
    ['conftest.py', TESTS_KO],
    ['setup.cfg', LINT_CONFIG_KO],
    ['pyproject.toml', LINT_CONFIG_KO],
    ['requirements-dev.txt', '테스트와 린트 도구. 이미지의 requirements와 따로 버전을 고정합니다.'],
  ];
}
