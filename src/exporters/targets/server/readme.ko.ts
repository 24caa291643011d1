/**
 * The server bundle's README in Korean: the same keys and parameters as the English text, written
 * the way Korean developers explain a server setup (리버스 프록시, 유닉스 소켓, 시스템 사용자 …).
 */
import { codeSpan as code } from '../../render/markdown';
import type { ServerReadmeText } from './readme.en';

export const serverReadmeKo: ServerReadmeText = {
  title: (p) => `${p.name}: systemd 서버 배포`,
  intro: [
    'StackSketch가 `design.json`으로 만들었습니다. Docker Compose 번들과 같은 디자인을 Debian이나 Ubuntu',
    '호스트 한 대에 설치합니다. 클라이언트를 맞는 건 nginx(리버스 프록시)이고, 앱 서버는 127.0.0.1이나',
    '/run 아래의 유닉스 소켓에서만 듣기 때문에 nginx 말고는 아무도 닿을 수 없습니다.',
  ],
  headings: {
    whatRunsWhere: '어디서 무엇이 실행되나',
    warnings: '경고',
    install: '설치',
    https: 'HTTPS',
    lookAtIt: '상태 보기',
    uninstall: '제거',
  },
  unitColumns: ['유닛', '코드', '듣는 곳'],
  unixSocket: (p) => `유닉스 소켓 ${code(p.path)}`,
  copies: (p) =>
    `${p.where}, 복제본 ${p.replicas}개가 ${code(p.first)}…${code(p.last)}에서 하나씩 포트를 씀(nginx가 이들 사이에 요청을 나눔)`,
  nginxUnit: 'nginx (Debian 패키지)',
  nginxListens: '디자인의 포트',
  layout: (p) => [
    `SQLite 파일은 ${code(p.stateDir)} 아래(컨테이너마다 StateDirectory, 그 서버들이 함께 씀), React 빌드는`,
    `${code(p.www)} 아래, 시크릿 키는 ${code(p.envFile)}에 있습니다. 모든 유닛은 시스템 사용자`,
    `${code(p.user)}로 실행됩니다.`,
  ],

  install: {
    fromPypi: 'PyPI에서 고정된 버전의 requirements를 서비스마다 venv에 설치',
    systemPackages: '또는 Debian의 python3-flask, gunicorn, uwsgi (PyPI 없이)',
    stepsIntro: '하는 일과 각 단계가 있는 이유:',
    refuses: [
      '**지원하지 않는 시스템이면 멈춥니다**(/etc/os-release를 읽음): apt, systemd, Debian 경로를 씁니다.',
    ],
    packages: ['**패키지를 설치합니다**(nginx, 파이썬; `--system-packages`면 서버와 Flask도).'],
    user: [
      '**시스템 사용자를 만듭니다**: 로그인도 홈 디렉터리도 없어서, 앱에 구멍이 나도 나머지에 닿지 못합니다.',
    ],
    copiesApp: (p) => [
      `**앱을 복사합니다**: ${code(p.srv)}로(소유자는 root라서 서비스는 코드를 읽을 수만 있고 바꿀 수 없습니다).`,
      '서비스마다 **venv**를 만들어, 앱이 시스템에 깔린 다른 패키지에 기대지 않게 합니다.',
    ],
    projectSetup: [
      'Django 프로젝트는 이어서 코드 옆에 **정적 파일을 모으고**(nginx가 직접 서빙합니다), 서버가 뜨기 전에',
      '시스템 사용자로 **마이그레이션을 적용**합니다.',
    ],
    react: ['**React 앱을 복사하거나 빌드해서** nginx가 서빙하는 폴더에 넣습니다.'],
    units: [
      '**systemd 유닛을 설치하고** 시작합니다. systemd는 죽은 서버를 다시 띄우고, 부팅할 때 시작하고,',
      '서버를 가둡니다: 읽기 전용 시스템, 전용 /tmp, 새 권한 없음, capability 없음, 웹 서버에 필요한',
      '시스템 콜과 주소 체계만 허용(`systemd-analyze security`로 확인).',
    ],
    site: (p) => [
      `**nginx 사이트를 켭니다**: ${code(p.conf)}에 설정이 있고,`,
      '`sites-enabled/`의 심볼릭 링크가 그걸 켭니다(같은 포트를 쓰면 Debian 기본 사이트는 끕니다).',
    ],
    nginxTest: [
      '**`nginx -t`**로 전체 설정을 먼저 검사해서 실수가 실행 중인 nginx에 닿지 않게 하고,',
      '**`systemctl reload nginx`**로 연결을 끊지 않고 적용합니다.',
    ],
    again: '바꾼 뒤에는 다시 실행하세요. 모든 단계는 여러 번 실행해도 결과가 같습니다.',
  },

  https: {
    where: (p) => `${p.domains}(포트 ${p.port})`,
    selfSigned: (p) => [
      `${p.where}: install.sh가 이 호스트에서 **자체 서명 인증서**를 만들어 ${code(p.certificate)}에 둡니다`,
      '(키는 그 옆에 있고 root만 읽을 수 있습니다. nginx는 root로 읽습니다). 번들에는 절대 들어가지 않고,',
      '다시 설치해도 그대로 둡니다. 신뢰하기 전까지 브라우저가 경고합니다: 클라이언트마다 인증서를',
      `${code('/usr/local/share/ca-certificates/<이름>.crt')}로 복사하고 ${code('update-ca-certificates')}를 실행하거나,`,
      `${code(`curl --cacert ${p.certificate}`)}를 쓰세요.`,
    ],
    files: (p) => [
      `${p.where}: **직접 준비한 인증서** ${code(p.certificate)}와 키 ${code(p.key)}를 그 자리에서 읽습니다`,
      '(둘 중 하나라도 없으면 install.sh가 멈춥니다). 바꾼 뒤에는 `systemctl reload nginx`.',
    ],
    letsencrypt: (p) => [
      `${p.where}: Debian의 certbot으로 받는 **Let's Encrypt** 인증서. install.sh는 먼저 30일짜리 임시`,
      '인증서를 만들고(인증서가 없으면 nginx가 뜨지 않습니다), nginx를 다시 읽혀 80번 포트에서',
      `${code(p.webroot)}의 HTTP-01 챌린지를 서빙하게 한 뒤 ${code('certbot certonly --webroot')}를`,
      `실행합니다(인증서 이름 ${code(p.certName)}, 계정 ${code(p.email)}). 도메인이 이 호스트를`,
      '가리키고 80번 포트가 열려 있어야 합니다. certbot이 실패하면 nginx는 임시 인증서로 계속 서빙하고,',
      '`sudo ./install.sh`를 다시 실행하면 재시도합니다. `sudo ACME_SERVER=<디렉터리 URL> ./install.sh`로',
      '다른 CA(시험할 때는 staging)를 쓸 수 있습니다.',
    ],
    renewal: (p) => [
      `갱신: certbot 패키지에 들어 있는 **Debian의 ${code('certbot.timer')}**(install.sh가 켭니다)가 하루 두 번`,
      '`certbot renew`를 실행합니다. 번들은 같은 일을 하는 유닛을 따로 두지 않습니다. 인증서마다',
      `webroot와 **deploy hook** ${code(p.deployHook)}를 기억하고, 이 훅이 갱신된`,
      `인증서를 ${code(p.certificate)}로 복사한 뒤 nginx를 다시 읽힙니다.`,
      `${code('systemctl list-timers certbot.timer')}로 다음 실행을, ${code('certbot renew --dry-run')}으로 시험 갱신을 볼 수 있습니다.`,
    ],
    redirect: '일반 HTTP는 같은 주소의 https로 **301** 응답합니다(ACME 챌린지는 예외).',
    hsts: '**HSTS**: 브라우저는 그 뒤 2년 동안 이 호스트에 HTTPS만 씁니다.',
  },

  uninstall: {
    keep: '사이트, 유닛, 코드를 지우고 데이터베이스는 남깁니다',
    purge: '데이터베이스, 시크릿 키, 사용자까지 지웁니다',
  },
};
