/**
 * The import report in Korean. The readers (src/importers) write each entry in English, with the
 * names and values it quotes; each pattern below reads those back and writes the Korean sentence
 * with them. The entry's tag (`compose:`, `nginx:`, `error:` …) stays, since it names the tool or
 * marks a refusal. A unit test imports hostile and partial projects and checks every entry they
 * produce has its Korean sentence.
 */
import { loadErrorInKorean } from './loadErrors';

type Pattern = [RegExp, (...values: string[]) => string];

const NOTES: Pattern[] = [
  // Compose and .env
  [/^the YAML nests deeper than (\d+) levels$/, (n) => `YAML이 ${n}단계보다 깊게 중첩되어 있습니다`],
  [/^not a KEY=VALUE line \(left out\)$/, () => 'KEY=VALUE 줄이 아닙니다(제외)'],
  [/^the YAML cannot be read \((.*)\)$/s, (d) => `YAML을 읽을 수 없습니다 (${d})`],
  [/^malformed YAML: (.*)$/s, (d) => `YAML 형식이 잘못되었습니다: ${d}`],
  [
    /^more than (\d+) YAML aliases \(refused: an alias bomb expands without bound\)$/,
    (n) => `YAML 별칭이 ${n}개를 넘습니다(거부: 별칭 폭탄은 끝없이 펼쳐집니다)`,
  ],
  [/^the YAML cannot be expanded \((.*)\)$/s, (d) => `YAML을 펼칠 수 없습니다 (${d})`],
  [/^a Compose file has a "services" map$/, () => 'Compose 파일에는 "services" 맵이 있어야 합니다'],
  [
    /^\$\{(.*)\} is not set \(no \.env value\); read as empty$/s,
    (v) => `\${${v}}가 설정되지 않아(.env 값 없음) 빈 값으로 읽습니다`,
  ],
  [/^service "(.*)" is not a map \(left out\)$/s, (s) => `서비스 "${s}"가 맵이 아닙니다(제외)`],
  [
    /^"(.*)" of service "(.*)" is not modelled \(left out\)$/s,
    (k, s) => `서비스 "${s}"의 "${k}"는 디자인에 담지 않습니다(제외)`,
  ],
  [
    /^port "(.*)" of "(.*)" is not understood \(left out\)$/s,
    (p, s) => `"${s}"의 포트 "${p}"를 이해하지 못했습니다(제외)`,
  ],
  [
    /^a volume of "(.*)" is not understood \(left out\)$/s,
    (s) => `"${s}"의 볼륨 하나를 이해하지 못했습니다(제외)`,
  ],
  [
    /^deploy\.(.*) of "(.*)" is not modelled \(left out\)$/s,
    (k, s) => `"${s}"의 deploy.${k}는 디자인에 담지 않습니다(제외)`,
  ],
  [
    /^env_file of "(.*)" is read only when that file is given as \.env$/s,
    (s) => `"${s}"의 env_file은 그 파일을 .env로 줄 때만 읽습니다`,
  ],
  [/^top-level "(.*)" is not modelled \(left out\)$/s, (k) => `최상위 "${k}"는 디자인에 담지 않습니다(제외)`],
  [
    /^deploy\.replicas: (.*) of "(.*)" is not modelled in (.*)$/s,
    (n, s, f) => `"${s}"의 deploy.replicas: ${n}는 ${f}에 담지 않습니다`,
  ],
  [
    /^port (.*) of "(.*)" is published on a random host port$/s,
    (p, s) => `"${s}"의 포트 ${p}는 임의의 호스트 포트로 공개됩니다`,
  ],
  [
    /^port (.*) of "(.*)" is published but nothing modelled listens there$/s,
    (p, s) => `"${s}"의 포트 ${p}는 공개되지만 디자인에서 그 포트로 듣는 것이 없습니다`,
  ],
  // Dockerfile
  [
    /^(\d+) build step\(s\) \(RUN, USER, HEALTHCHECK …\) are not part of the design$/,
    (n) => `빌드 단계 ${n}개(RUN, USER, HEALTHCHECK …)는 디자인에 담지 않습니다`,
  ],
  // nginx
  [
    /^unterminated (double|single) quote$/,
    (q) => `${q === 'double' ? '큰따옴표' : '작은따옴표'}가 닫히지 않았습니다`,
  ],
  [/^unterminated \$\{ in a value$/, () => '값 안의 ${가 닫히지 않았습니다'],
  [/^blocks nest deeper than (\d+) levels$/, (n) => `블록이 ${n}단계보다 깊게 중첩되어 있습니다`],
  [/^unexpected "(.*)"$/s, (t) => `예상하지 못한 "${t}"`],
  [/^"(.*)" has no ending ";" or "\{"$/s, (d) => `"${d}"가 ";"나 "{"로 끝나지 않습니다`],
  [
    /^"(.*)" has no ending ";" before the "\}" on line (\d+)$/s,
    (d, l) => `"${d}"가 ${l}번째 줄의 "}" 전에 ";"로 끝나지 않습니다`,
  ],
  [/^a block opened here is never closed$/, () => '여기서 연 블록이 닫히지 않습니다'],
  [
    /^include "(.*)" is not among the given files \(left out\)$/s,
    (f) => `include "${f}"가 주어진 파일에 없습니다(제외)`,
  ],
  [/^include cycle: (.*)$/s, (c) => `include가 순환합니다: ${c}`],
  [/^includes nest deeper than (\d+) levels$/, (n) => `include가 ${n}단계보다 깊게 중첩되어 있습니다`],
  [
    /^include "(.*)" points outside the given files \(refused\)$/s,
    (f) => `include "${f}"가 주어진 파일 바깥을 가리킵니다(거부)`,
  ],
  [
    /^include "(.*)" climbs with "\.\." \(refused\)$/s,
    (f) => `include "${f}"가 ".."로 위로 올라갑니다(거부)`,
  ],
  [
    /^include "(.*)" \(stock nginx file\) is not modelled$/s,
    (f) => `include "${f}"(nginx 기본 파일)는 디자인에 담지 않습니다`,
  ],
  [
    /^upstream server options "(.*)" are not modelled$/s,
    (o) => `upstream server 옵션 "${o}"는 디자인에 담지 않습니다`,
  ],
  [/^listen options "(.*)" are not modelled$/s, (o) => `listen 옵션 "${o}"는 디자인에 담지 않습니다`],
  [
    /^location nested in "(.*)" is read as a location of its server$/s,
    (w) => `"${w}" 안에 중첩된 location은 그 서버의 location으로 읽습니다`,
  ],
  [
    /^"(.*)" in (.*) is not modelled \(left out\)$/s,
    (d, w) => `${w} 안의 "${d}"는 디자인에 담지 않습니다(제외)`,
  ],
  [
    /^another listen( \(ssl\))? of this server is not modelled \(left out\)$/,
    (ssl) => `이 서버의 다른 listen${ssl ? '(ssl)' : ''}은 디자인에 담지 않습니다(제외)`,
  ],
  // HTTPS
  [
    /^the HTTPS server "(.*)" \(port (\d+)\) has no plain HTTP server; the design always has one: listen is left at 80, redirecting to HTTPS$/s,
    (n, p) =>
      `HTTPS 서버 "${n}"(포트 ${p})에 짝이 되는 평문 HTTP 서버가 없습니다. 디자인에는 HTTP 서버가 늘 있으므로 listen은 80으로 두고 HTTPS로 리다이렉트합니다`,
  ],
  [
    /^the HTTPS server "(.*)" names no (ssl_certificate|ssl_certificate_key): (certFile|keyFile) is left at its default$/s,
    (n, d, p) => `HTTPS 서버 "${n}"에 ${d}가 없습니다. ${p}는 기본값으로 둡니다`,
  ],
  [
    /^"return (\S+) (.*)" is modelled as redirectHttp \(the design answers 301 (.*)\)$/s,
    (c, t, e) => `"return ${c} ${t}"는 redirectHttp로 담습니다(디자인은 301 ${e}로 응답합니다)`,
  ],
  [
    /^Strict-Transport-Security "(.*)" is modelled as hsts on \(the design sends "(.*)"\)$/s,
    (v, d) => `Strict-Transport-Security "${v}"는 hsts 켬으로 담습니다(디자인은 "${d}"를 보냅니다)`,
  ],
  [
    /^include "(.*)" \(certbot's TLS settings\) is replaced by the design's own TLS settings$/s,
    (f) => `include "${f}"(certbot의 TLS 설정)는 디자인 자체의 TLS 설정으로 바뀝니다`,
  ],
  [
    /^"(.*)" differs from the design's "(.*)" \(left out\)$/s,
    (a, b) => `"${a}"는 디자인의 "${b}"와 다릅니다(제외)`,
  ],
  [
    /^"(.*)" is not among the design's TLS settings \(left out\)$/s,
    (d) => `"${d}"는 디자인의 TLS 설정에 없습니다(제외)`,
  ],
  [
    /^the certificate "(.*)" is Let's Encrypt's, but no certbot command among the given files names its e-mail \(left empty\)$/s,
    (p) =>
      `인증서 "${p}"는 Let's Encrypt 인증서지만, 주어진 파일의 certbot 명령 어디에도 이메일이 없습니다(비워 둠)`,
  ],
  [
    /^regex location "(.*)" is not modelled \(left out\)$/s,
    (l) => `정규식 location "${l}"는 디자인에 담지 않습니다(제외)`,
  ],
  [
    /^try_files falls back to "(.*)", which this server does not define$/s,
    (f) => `try_files가 "${f}"로 넘기는데, 이 서버에는 그런 location이 없습니다`,
  ],
  [
    /^"try_files (.*)" first serves matching files from (.*); only the fallback to (.*) is modelled$/s,
    (t, root) =>
      `"try_files ${t}"는 먼저 ${root === 'the default root' ? '기본 root' : root}에서 맞는 파일을 서빙합니다. 디자인에는 마지막 대체 경로만 담습니다`,
  ],
  [
    /^location = (.*) \(an exact-match location, modelled as a prefix\)$/s,
    (r) => `location = ${r} (정확히 일치하는 location이지만 접두사로 담습니다)`,
  ],
  [
    /^uwsgi_pass to a server that speaks HTTP \((.*)\); the design models it as proxy_pass$/s,
    (n) => `HTTP로 말하는 서버(${n})로 uwsgi_pass를 보냅니다. 디자인에는 proxy_pass로 담습니다`,
  ],
  [
    /^uwsgi_pass without "include uwsgi_params": the app gets no request variables$/,
    () => '"include uwsgi_params" 없는 uwsgi_pass: 앱이 요청 변수를 받지 못합니다',
  ],
  [
    /^location (.*) is answered by nginx itself \(return, files without index\.html …\): not modelled$/s,
    (l) => `location ${l}는 nginx가 직접 응답합니다(return, index.html 없는 파일 …). 디자인에 담지 않습니다`,
  ],
  [/^upstream (.*) has no servers$/s, (u) => `upstream ${u}에 서버가 없습니다`],
  [
    /^upstream (.*) balances over (\d+) servers; each is modelled as a route target only when one listens there$/s,
    (u, n) =>
      `upstream ${u}는 서버 ${n}개에 요청을 나눕니다. 각 서버는 그 주소에서 듣는 것이 있을 때만 경로 대상으로 담습니다`,
  ],
  [
    /^the address "(.*)" holds a variable that cannot be resolved \(left out\)$/s,
    (a) => `주소 "${a}"에 풀 수 없는 변수가 있습니다(제외)`,
  ],
  [
    /^nothing among the given files listens at "(.*)" \((.*)\); the route is left out$/s,
    (a, t) => `주어진 파일 중 "${a}"(${t})에서 듣는 것이 없어 경로를 뺍니다`,
  ],
  [
    /^nginx service "(.*)" has no nginx config among the given files \(left out\)$/s,
    (s) => `nginx 서비스 "${s}"의 nginx 설정이 주어진 파일에 없습니다(제외)`,
  ],
  // gunicorn.conf.py and other Python
  [/^unterminated string$/, () => '문자열이 닫히지 않았습니다'],
  [/^brackets nest deeper than (\d+) levels$/, (n) => `괄호가 ${n}단계보다 깊게 중첩되어 있습니다`],
  [
    /^"(.*)" is not a simple setting \(not run, left out\)$/s,
    (s) => `"${s}"는 단순한 설정이 아닙니다(실행하지 않음, 제외)`,
  ],
  [
    /^(.*) = (.*) is not a literal \(not run, left out\)$/s,
    (n, v) => `${n} = ${v}는 리터럴이 아닙니다(실행하지 않음, 제외)`,
  ],
  [/^setting "(.*)" is not modelled \(left out\)$/s, (s) => `설정 "${s}"는 디자인에 담지 않습니다(제외)`],
  // Putting the files together
  [/^the files could not be imported \((.*)\)$/s, (d) => `파일을 가져올 수 없습니다 (${d})`],
  [/^nothing in the given files could be imported$/, () => '주어진 파일에서 가져올 수 있는 것이 없습니다'],
  [
    /^not a file the import reads \(Compose, nginx, gunicorn\.conf\.py, uwsgi\.ini, Dockerfile, Python, \.env\): left out$/,
    () =>
      '가져오기가 읽는 파일이 아닙니다(Compose, nginx, gunicorn.conf.py, uwsgi.ini, Dockerfile, Python, .env): 제외',
  ],
  [
    /^only one Compose file is read \((.*)\); this one is left out$/s,
    (f) => `Compose 파일은 하나(${f})만 읽습니다. 이 파일은 제외합니다`,
  ],
  [
    /^(.*) file not used by any service \(left out\)$/s,
    (r) => `어느 서비스도 쓰지 않는 ${r} 파일입니다(제외)`,
  ],
  [
    /^build context "(.*)" of "(.*)" is outside the given files$/s,
    (c, s) => `"${s}"의 빌드 컨텍스트 "${c}"가 주어진 파일 바깥에 있습니다`,
  ],
  [
    /^the Dockerfile of "(.*)" \((.*)\) is not among the given files$/s,
    (s, f) => `"${s}"의 Dockerfile(${f})이 주어진 파일에 없습니다`,
  ],
  [
    /^"(.*)" is taken to be the given (.*) \(same name\)$/s,
    (v, f) => `"${v}"를 주어진 ${f}로 봅니다(이름이 같음)`,
  ],
  [/^no ExecStart \(left out\)$/, () => 'ExecStart가 없습니다(제외)'],
  [
    /^(.*) \((.*)\) runs nothing the design models \(left out\)$/s,
    (w, i) => `${w}(${i})는 디자인에 담는 것을 실행하지 않습니다(제외)`,
  ],
  [
    /^(.*) runs Django's "manage\.py runserver": Django is not modelled yet \(left out\)$/s,
    (w) => `${w}는 Django의 "manage.py runserver"를 실행합니다. Django는 아직 디자인에 담지 않습니다(제외)`,
  ],
  [
    /^(.*) runs "(.*)", which the design does not model \(left out\)$/s,
    (w, c) => `${w}는 "${c}"를 실행하는데, 디자인에 담지 않는 명령입니다(제외)`,
  ],
  [
    /^gunicorn config "(.*)" is not among the given files$/s,
    (f) => `gunicorn 설정 "${f}"가 주어진 파일에 없습니다`,
  ],
  [
    /^gunicorn binds more than one address; only "(.*)" is modelled$/s,
    (b) => `gunicorn이 주소 여러 개에 바인딩합니다. 디자인에는 "${b}"만 담습니다`,
  ],
  [
    /^gunicorn bind "(.*)" cannot be resolved here; the port is left at 8000$/s,
    (b) => `gunicorn bind "${b}"를 여기서는 풀 수 없어 포트를 8000으로 둡니다`,
  ],
  [
    /^"(.*)" runs the Django project "(.*)": Django is not modelled yet \(left out\)$/s,
    (u, p) =>
      `"${u === 'the server' ? '서버' : u}"는 Django 프로젝트 "${p}"를 실행합니다. Django는 아직 디자인에 담지 않습니다(제외)`,
  ],
  [
    /^gunicorn names no app \(module:callable or wsgi_app\): no app node$/,
    () => 'gunicorn이 앱을 지정하지 않습니다(module:callable이나 wsgi_app): 앱 노드 없음',
  ],
  [/^uwsgi ini "(.*)" is not among the given files$/s, (f) => `uwsgi ini "${f}"가 주어진 파일에 없습니다`],
  [
    /^uwsgi listens on both a socket and an HTTP socket; only "socket" is modelled$/,
    () => 'uwsgi가 socket과 HTTP socket 둘 다에서 듣습니다. 디자인에는 "socket"만 담습니다',
  ],
  [
    /^uwsgi "http" starts its own HTTP router in front of the workers; modelled as an HTTP socket$/,
    () => 'uwsgi "http"는 워커 앞에 자체 HTTP 라우터를 띄웁니다. 디자인에는 HTTP socket으로 담습니다',
  ],
  [
    /^uwsgi address "(.*)" cannot be resolved here; modelled on its defaults$/s,
    (a) => `uwsgi 주소 "${a}"를 여기서는 풀 수 없어 기본값으로 담습니다`,
  ],
  [
    /^uwsgi listens nowhere \(no socket, http-socket or http\): modelled on its defaults$/,
    () => 'uwsgi가 어디서도 듣지 않습니다(socket, http-socket, http 없음): 기본값으로 담습니다',
  ],
  [
    /^uwsgi runs the Django project "(.*)": Django is not modelled yet \(left out\)$/s,
    (p) => `uwsgi가 Django 프로젝트 "${p}"를 실행합니다. Django는 아직 디자인에 담지 않습니다(제외)`,
  ],
  [
    /^uwsgi names no app \(module, wsgi-file\): no app node$/,
    () => 'uwsgi가 앱을 지정하지 않습니다(module, wsgi-file): 앱 노드 없음',
  ],
  [
    /^flask run listens on (.*) only: other containers cannot reach it \(modelled as listening\)$/s,
    (h) => `flask run이 ${h}에서만 듣습니다. 다른 컨테이너가 닿을 수 없습니다(디자인에는 듣는 것으로 담음)`,
  ],
  [
    /^"python (.*)": the script is not among the given files \(left out\)$/s,
    (s) => `"python ${s}": 스크립트가 주어진 파일에 없습니다(제외)`,
  ],
  [
    /^"python (.*)" starts no Flask development server the import recognises \(left out\)$/s,
    (s) => `"python ${s}"는 가져오기가 알아보는 Flask 개발 서버를 띄우지 않습니다(제외)`,
  ],
  [
    /^(.*) is a Django entry point: Django is not modelled yet \(left out\)$/s,
    (f) => `${f}는 Django 진입점입니다. Django는 아직 디자인에 담지 않습니다(제외)`,
  ],
  [
    /^the app "(.*)" is not among the given files: taken as a Flask app as named$/s,
    (a) => `앱 "${a}"가 주어진 파일에 없습니다. 이름 그대로 Flask 앱으로 봅니다`,
  ],
  [
    /^no Flask\(\.\.\.\) found in (.*): taken as a Flask app as named$/s,
    (f) => `${f}에서 Flask(...)를 찾지 못했습니다. 이름 그대로 Flask 앱으로 봅니다`,
  ],
  [
    /^\$\{(.*)\} is not set in the environment of (.*) \(left unresolved\)$/s,
    (v, u) => `\${${v}}가 ${u === 'the server' ? '서버' : u}의 환경에 설정되지 않았습니다(풀지 않고 둠)`,
  ],
  // A project .zip and file sizes
  [/^not a readable zip \((.*)\)$/s, (d) => `읽을 수 있는 zip이 아닙니다 (${d})`],
  [/^a path outside the archive \(refused\)$/, () => '압축 파일 바깥을 가리키는 경로입니다(거부)'],
  [
    /^more than (\d+) files: the rest is not read$/,
    (n) => `파일이 ${n}개를 넘습니다. 나머지는 읽지 않습니다`,
  ],
  [
    /^(?:the file is )?([\d.]+) MB; imported files are limited to (\d+) MB$/,
    (mb, max) => `파일이 ${mb} MB입니다. 가져오는 파일은 ${max} MB까지입니다`,
  ],
  [
    /^the archive holds more than (\d+) MB of files: the rest is not read$/,
    (n) => `압축 파일 안의 파일이 ${n} MB를 넘습니다. 나머지는 읽지 않습니다`,
  ],
  [/^larger than (\d+) MB once inflated \(refused\)$/, (n) => `압축을 풀면 ${n} MB보다 큽니다(거부)`],
  [
    /^the imported design does not load: (?:([\w.$[\]-]+): )?(.*)$/s,
    (path, reason) =>
      `가져온 디자인을 불러올 수 없습니다: ${path ? `${path}: ` : ''}${loadErrorInKorean(reason!)}`,
  ],
  [/^no such file$/, () => '파일이 없습니다'],
  [/^cannot be read \((.*)\)$/s, (code) => `읽을 수 없습니다 (${code})`],
  [/^the archive is too large to read$/, () => '압축 파일이 너무 커서 읽을 수 없습니다'],
  // uwsgi.ini
  [
    /^section \[(.*)\] is not read \(only \[uwsgi\]\)$/s,
    (s) => `[${s}] 섹션은 읽지 않습니다([uwsgi]만 읽음)`,
  ],
  [/^an option before any \[section\]$/, () => '[섹션]보다 앞에 옵션이 있습니다'],
  [/^"(.*)" is not an option line \(left out\)$/s, (l) => `"${l}"는 옵션 줄이 아닙니다(제외)`],
  [/^"(.*)" after the value is read as a comment$/s, (c) => `값 뒤의 "${c}"는 주석으로 읽습니다`],
  [/^no \[uwsgi\] section$/, () => '[uwsgi] 섹션이 없습니다'],
  [
    /^(.*) in "(.*)" cannot be resolved \(left as written\)$/s,
    (p, k) => `"${k}"의 ${p}를 풀 수 없습니다(쓰인 그대로 둠)`,
  ],
  [
    /^"(.*)" in "(.*)" has a placeholder resolved only when uWSGI runs \(%d, \$\(VAR\) …\)$/s,
    (v, k) => `"${k}"의 "${v}"에는 uWSGI가 실행될 때만 풀리는 자리표시자가 있습니다(%d, $(VAR) …)`,
  ],
  [/^option "(.*)" is not modelled \(left out\)$/s, (o) => `옵션 "${o}"는 디자인에 담지 않습니다(제외)`],
  // The most general shapes last: a directive, a key or an instruction the design does not hold.
  [/^"(.*)" is not modelled \(left out\)$/s, (d) => `"${d}"는 디자인에 담지 않습니다(제외)`],
  [/^(.*) is not modelled \(left out\)$/s, (k) => `${k}는 디자인에 담지 않습니다(제외)`],
  [/^(.*) is not understood \(left out\)$/s, (i) => `${i}를 이해하지 못했습니다(제외)`],
];

const TAG = /^(error: )?((?:compose|nginx|uwsgi|gunicorn|Dockerfile|systemd|\.env): )?/;

/** One import report entry's message in Korean (an entry the patterns do not know stays as it is). */
export function importNoteInKorean(message: string): string {
  const [tags, error, tool] = TAG.exec(message)!;
  const rest = message.slice(tags.length);
  for (const [pattern, korean] of NOTES) {
    const match = pattern.exec(rest);
    if (match) return `${error ? '오류: ' : ''}${tool ?? ''}${korean(...match.slice(1))}`;
  }
  return message;
}
