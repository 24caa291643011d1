/** The server README's HTTPS section, in English and Korean: where each certificate comes from. */
import type { Lang } from '../../../i18n';
import type { PlannedTls } from '../../planTypes';
import type { HostNames } from './names';
import { acmeWebroot, certName } from './tls';

const code = (text: string) => `\`${text}\``;

function english(tls: readonly PlannedTls[], names: HostNames): string[] {
  const lines = ['## HTTPS', ''];
  for (const t of tls) {
    const where = `${t.domains.map(code).join(', ')} on port ${t.port}`;
    if (t.mode === 'self-signed')
      lines.push(
        `- ${where}: a **self-signed certificate** that install.sh makes on this host into`,
        `  ${code(t.certificate)} (the key beside it, readable by root only; nginx loads it as root).`,
        '  It is never in the bundle, and a new install keeps it. Browsers warn until you trust it: copy',
        `  the certificate to ${code('/usr/local/share/ca-certificates/<name>.crt')} and run`,
        `  ${code('update-ca-certificates')} on each client, or use ${code(`curl --cacert ${t.certificate}`)}.`,
      );
    else if (t.mode === 'files')
      lines.push(
        `- ${where}: **your own certificate** ${code(t.certificate)} and key ${code(t.key)}, read where they`,
        '  are (install.sh stops if either is missing). Replace them, then `systemctl reload nginx`.',
      );
    else
      lines.push(
        `- ${where}: **Let's Encrypt**, with Debian's certbot. install.sh first makes a 30-day stand-in`,
        `  (nginx cannot start without a certificate), reloads nginx, which serves the HTTP-01 challenge`,
        `  from ${code(acmeWebroot(names))} on port 80, then runs ${code('certbot certonly --webroot')}`,
        `  (certificate ${code(certName(names, t.slot!))}, account ${code(t.email)}). The domain must point at`,
        '  this host and port 80 be open; if certbot fails, nginx keeps the stand-in and a new',
        '  `sudo ./install.sh` retries. `sudo ACME_SERVER=<directory URL> ./install.sh` uses another CA (the',
        '  staging one while testing).',
        `- Renewal: **Debian's ${code('certbot.timer')}** (shipped with the certbot package, enabled by`,
        '  install.sh) runs `certbot renew` twice a day; no unit of the bundle duplicates it. Each',
        `  certificate remembers its webroot and its **deploy hook** ${code(`${names.etc}/certbot-deploy-hook.sh`)},`,
        `  which copies a renewed certificate to ${code(t.certificate)} and reloads nginx.`,
        `  ${code('systemctl list-timers certbot.timer')} shows the next run; ${code('certbot renew --dry-run')} tries one.`,
      );
  }
  if (tls.some((t) => t.redirectHttp))
    lines.push('- Plain HTTP answers **301** to the same address on https (the ACME challenge excepted).');
  if (tls.some((t) => t.hsts)) lines.push('- **HSTS**: browsers then use HTTPS for this host for two years.');
  lines.push('');
  return lines;
}

function korean(tls: readonly PlannedTls[], names: HostNames): string[] {
  const lines = ['## HTTPS', ''];
  for (const t of tls) {
    const where = `${t.domains.map(code).join(', ')}(포트 ${t.port})`;
    if (t.mode === 'self-signed')
      lines.push(
        `- ${where}: install.sh가 이 호스트에서 **자체 서명 인증서**를 만들어 ${code(t.certificate)}에 둡니다`,
        '  (키는 그 옆에 있고 root만 읽을 수 있습니다. nginx는 root로 읽습니다). 번들에는 절대 들어가지 않고,',
        '  다시 설치해도 그대로 둡니다. 신뢰하기 전까지 브라우저가 경고합니다: 클라이언트마다 인증서를',
        `  ${code('/usr/local/share/ca-certificates/<이름>.crt')}로 복사하고 ${code('update-ca-certificates')}를 실행하거나,`,
        `  ${code(`curl --cacert ${t.certificate}`)}를 쓰세요.`,
      );
    else if (t.mode === 'files')
      lines.push(
        `- ${where}: **직접 준비한 인증서** ${code(t.certificate)}와 키 ${code(t.key)}를 그 자리에서 읽습니다`,
        '  (둘 중 하나라도 없으면 install.sh가 멈춥니다). 바꾼 뒤에는 `systemctl reload nginx`.',
      );
    else
      lines.push(
        `- ${where}: Debian의 certbot으로 받는 **Let's Encrypt** 인증서. install.sh는 먼저 30일짜리 임시`,
        '  인증서를 만들고(인증서가 없으면 nginx가 뜨지 않습니다), nginx를 다시 읽혀 80번 포트에서',
        `  ${code(acmeWebroot(names))}의 HTTP-01 챌린지를 서빙하게 한 뒤 ${code('certbot certonly --webroot')}를`,
        `  실행합니다(인증서 이름 ${code(certName(names, t.slot!))}, 계정 ${code(t.email)}). 도메인이 이 호스트를`,
        '  가리키고 80번 포트가 열려 있어야 합니다. certbot이 실패하면 nginx는 임시 인증서로 계속 서빙하고,',
        '  `sudo ./install.sh`를 다시 실행하면 재시도합니다. `sudo ACME_SERVER=<디렉터리 URL> ./install.sh`로',
        '  다른 CA(시험할 때는 staging)를 쓸 수 있습니다.',
        `- 갱신: certbot 패키지에 들어 있는 **Debian의 ${code('certbot.timer')}**(install.sh가 켭니다)가 하루 두 번`,
        '  `certbot renew`를 실행합니다. 번들은 같은 일을 하는 유닛을 따로 두지 않습니다. 인증서마다',
        `  webroot와 **deploy hook** ${code(`${names.etc}/certbot-deploy-hook.sh`)}를 기억하고, 이 훅이 갱신된`,
        `  인증서를 ${code(t.certificate)}로 복사한 뒤 nginx를 다시 읽힙니다.`,
        `  ${code('systemctl list-timers certbot.timer')}로 다음 실행을, ${code('certbot renew --dry-run')}으로 시험 갱신을 볼 수 있습니다.`,
      );
  }
  if (tls.some((t) => t.redirectHttp))
    lines.push('- 일반 HTTP는 같은 주소의 https로 **301** 응답합니다(ACME 챌린지는 예외).');
  if (tls.some((t) => t.hsts))
    lines.push('- **HSTS**: 브라우저는 그 뒤 2년 동안 이 호스트에 HTTPS만 씁니다.');
  lines.push('');
  return lines;
}

/** The section, or nothing when no server has HTTPS. */
export function tlsReadmeSection(tls: readonly PlannedTls[], names: HostNames, lang: Lang): string[] {
  if (tls.length === 0) return [];
  return lang === 'ko' ? korean(tls, names) : english(tls, names);
}
