/**
 * The server bundle's README in Korean: the same sections and commands as the English one, written
 * the way Korean developers explain a server setup (리버스 프록시, 유닉스 소켓, 시스템 사용자 …).
 */
import type { Design } from '../../../model/design';
import type { HostPlan } from './hostPlan';
import { tlsReadmeSection } from './readmeTls';
import { tlsOf } from './tls';
import { code, md } from './readme';
import { serviceUnitName } from './units';
import { appPart } from '../../../nodes/planParts';

function serviceRows(host: HostPlan): string[] {
  return host.python.map((entry) => {
    const bind = entry.run.process.bind;
    const listens = bind.kind === 'unix' ? `유닉스 소켓 ${code(bind.path)}` : code(`127.0.0.1:${bind.port}`);
    const ports = entry.copyPorts;
    const copies =
      ports.length > 1
        ? `, 복제본 ${entry.replicas}개가 ${code(`127.0.0.1:${ports[0]}`)}…${code(String(ports.at(-1)))}에서 하나씩 포트를 씀(nginx가 이들 사이에 요청을 나눔)`
        : '';
    return `| ${code(serviceUnitName(entry))} | ${code(entry.names.codeDir)} | ${listens}${copies} |`;
  });
}

export function renderKoreanServerReadme(
  design: Design,
  host: HostPlan,
  warnings: readonly string[],
): string {
  const { names } = host;
  return [
    `# ${md(design.name)}: systemd 서버 배포`,
    '',
    'StackSketch가 `design.json`으로 만들었습니다. Docker Compose 번들과 같은 디자인을 Debian이나 Ubuntu',
    '호스트 한 대에 설치합니다. 클라이언트를 맞는 건 nginx(리버스 프록시)이고, 앱 서버는 127.0.0.1이나',
    '/run 아래의 유닉스 소켓에서만 듣기 때문에 nginx 말고는 아무도 닿을 수 없습니다.',
    '',
    '## 어디서 무엇이 실행되나',
    '',
    '| 유닛 | 코드 | 듣는 곳 |',
    '| --- | --- | --- |',
    ...serviceRows(host),
    `| nginx (Debian 패키지) | ${code(`/etc/nginx/sites-available/${names.site}.conf`)} | 디자인의 포트 |`,
    '',
    `SQLite 파일은 ${code(`/var/lib/${names.site}/`)} 아래(컨테이너마다 StateDirectory, 그 서버들이 함께 씀), React 빌드는`,
    `${code(names.www)} 아래, 시크릿 키는 ${code(names.envFile)}에 있습니다. 모든 유닛은 시스템 사용자`,
    `${code(names.user)}로 실행됩니다.`,
    '',
    ...(warnings.length > 0 ? ['## 경고', '', ...warnings.map((w) => `- ${w}`), ''] : []),
    '## 설치',
    '',
    '```sh',
    'sudo ./install.sh                    # PyPI에서 고정된 버전의 requirements를 서비스마다 venv에 설치',
    'sudo ./install.sh --system-packages  # 또는 Debian의 python3-flask, gunicorn, uwsgi (PyPI 없이)',
    '```',
    '',
    '하는 일과 각 단계가 있는 이유:',
    '',
    '1. **지원하지 않는 시스템이면 멈춥니다**(/etc/os-release를 읽음): apt, systemd, Debian 경로를 씁니다.',
    '2. **패키지를 설치합니다**(nginx, 파이썬; `--system-packages`면 서버와 Flask도).',
    '3. **시스템 사용자를 만듭니다**: 로그인도 홈 디렉터리도 없어서, 앱에 구멍이 나도 나머지에 닿지 못합니다.',
    `4. **앱을 복사합니다**: ${code(names.srv)}로(소유자는 root라서 서비스는 코드를 읽을 수만 있고 바꿀 수 없습니다).`,
    '   서비스마다 **venv**를 만들어, 앱이 시스템에 깔린 다른 패키지에 기대지 않게 합니다.',
    ...(host.python.some((entry) => appPart(entry.run.apps[0]!.kind).project)
      ? [
          '   Django 프로젝트는 이어서 코드 옆에 **정적 파일을 모으고**(nginx가 직접 서빙합니다), 서버가 뜨기 전에',
          '   시스템 사용자로 **마이그레이션을 적용**합니다.',
        ]
      : []),
    '5. **React 앱을 복사하거나 빌드해서** nginx가 서빙하는 폴더에 넣습니다.',
    '6. **systemd 유닛을 설치하고** 시작합니다. systemd는 죽은 서버를 다시 띄우고, 부팅할 때 시작하고,',
    '   서버를 가둡니다: 읽기 전용 시스템, 전용 /tmp, 새 권한 없음, capability 없음, 웹 서버에 필요한',
    '   시스템 콜과 주소 체계만 허용(`systemd-analyze security`로 확인).',
    `7. **nginx 사이트를 켭니다**: ${code(`sites-available/${names.site}.conf`)}에 설정이 있고,`,
    '   `sites-enabled/`의 심볼릭 링크가 그걸 켭니다(같은 포트를 쓰면 Debian 기본 사이트는 끕니다).',
    '8. **`nginx -t`**로 전체 설정을 먼저 검사해서 실수가 실행 중인 nginx에 닿지 않게 하고,',
    '   **`systemctl reload nginx`**로 연결을 끊지 않고 적용합니다.',
    '',
    '바꾼 뒤에는 다시 실행하세요. 모든 단계는 여러 번 실행해도 결과가 같습니다.',
    '',
    ...tlsReadmeSection(tlsOf(host.web.map((web) => web.run)), names, 'ko'),
    '## 상태 보기',
    '',
    '```sh',
    ...host.python.map(
      (entry) => `systemctl status ${entry.replicas > 1 ? `'${entry.names.unit}@*'` : entry.names.unit}`,
    ),
    ...host.python.map(
      (entry) => `journalctl -u ${entry.replicas > 1 ? `'${entry.names.unit}@*'` : entry.names.unit} -f`,
    ),
    '```',
    '',
    '## 제거',
    '',
    '```sh',
    'sudo ./uninstall.sh          # 사이트, 유닛, 코드를 지우고 데이터베이스는 남깁니다',
    'sudo ./uninstall.sh --purge  # 데이터베이스, 시크릿 키, 사용자까지 지웁니다',
    '```',
    '',
  ].join('\n');
}
