/**
 * The field checks' sentences in Korean. The checks (src/model/fields.ts) answer in English, with
 * their values inside quotes; each pattern below reads those values back and writes the Korean
 * sentence with them. A unit test runs every check's refusals through it, so a changed English
 * sentence without its Korean one fails the test rather than reaching the UI in English.
 */
const PATTERNS: [RegExp, (...values: string[]) => string][] = [
  [
    /^server name is empty: use "_" for any host, or "localhost"$/,
    () => '서버 이름이 비어 있습니다. 아무 호스트나 받으려면 "_", 또는 "localhost"를 쓰세요',
  ],
  [/^server names are longer than (\d+) characters$/, (n) => `서버 이름이 ${n}자를 넘습니다`],
  [/^server name contains control characters$/, () => '서버 이름에 제어 문자가 있습니다'],
  [/^server names must be separated by single spaces$/, () => '서버 이름은 공백 하나로 구분해야 합니다'],
  [/^"(.*)" is longer than (\d+) characters$/s, (v, n) => `"${v}"가 ${n}자를 넘습니다`],
  [
    /^"(.*)" is not a host name: .*$/s,
    (v) =>
      `"${v}"는 호스트 이름이 아닙니다. 점으로 구분한 레이블에 영문자, 숫자, 하이픈을 쓰세요(RFC 1123). "*."로 시작할 수 있습니다`,
  ],
  [/^a route must start with "\/"$/, () => '경로는 "/"로 시작해야 합니다'],
  [/^a route is limited to (\d+) characters$/, (n) => `경로는 ${n}자까지만 쓸 수 있습니다`],
  [/^a route must not contain control characters$/, () => '경로에 제어 문자를 쓸 수 없습니다'],
  [/^a route must not contain whitespace$/, () => '경로에 공백을 쓸 수 없습니다'],
  [
    /^a route must not contain ; \{ \} quotes, backticks, backslashes or \$$/,
    () => '경로에 ; { } 따옴표, 백틱, 백슬래시, $를 쓸 수 없습니다',
  ],
  [/^a route must not contain "\.\."$/, () => '경로에 ".."를 쓸 수 없습니다'],
  [
    /^a route must not contain % escapes: write the plain characters$/,
    () => '경로에 % 이스케이프를 쓸 수 없습니다. 문자를 그대로 쓰세요',
  ],
  [/^a route may contain only URL path characters$/, () => '경로에는 URL 경로 문자만 쓸 수 있습니다'],
  [
    /^the static route must end with "\/" \(Django's STATIC_URL does\): (.*)$/s,
    (v) => `정적 파일 경로는 "/"로 끝나야 합니다(Django의 STATIC_URL이 그렇습니다): ${v}`,
  ],
  [/^a Python name cannot be empty$/, () => '파이썬 이름은 비워 둘 수 없습니다'],
  [/^a Python name is limited to (\d+) characters$/, (n) => `파이썬 이름은 ${n}자까지만 쓸 수 있습니다`],
  [
    /^"(.*)" is not a dotted Python name \(like app or shop\.api\)$/s,
    (v) => `"${v}"는 점으로 구분한 파이썬 이름(app, shop.api 같은)이 아닙니다`,
  ],
  [
    /^"(.*)" is not a Python identifier \(like app or application\)$/s,
    (v) => `"${v}"는 파이썬 식별자(app, application 같은)가 아닙니다`,
  ],
  [/^"(.*)" is a Python keyword$/s, (v) => `"${v}"는 파이썬 예약어입니다`],
  [
    /^"(.*)" is a module of the Python standard library: .* \(like (.*)\)$/s,
    (v, alt) =>
      `"${v}"는 파이썬 표준 라이브러리 모듈입니다. 같은 이름의 프로젝트 패키지가 대신 import되니 다른 이름을 고르세요(예: ${alt})`,
  ],
  [
    /^"(.*)" is a package Django or the server needs: .* \(like (.*)\)$/s,
    (v, alt) =>
      `"${v}"는 Django나 서버에 필요한 패키지입니다. 같은 이름의 프로젝트 패키지가 대신 import되니 다른 이름을 고르세요(예: ${alt})`,
  ],
  [
    /^"(.*)" is a name the generated project already uses: .* \(like (.*)\)$/s,
    (v, alt) =>
      `"${v}"는 생성되는 프로젝트가 이미 쓰는 이름입니다. 같은 이름의 프로젝트 패키지가 대신 import되니 다른 이름을 고르세요(예: ${alt})`,
  ],
  [
    /^(.*) is not a port: use a whole number from 1 to 65535$/s,
    (v) => `${v}는 포트가 아닙니다. 1에서 65535 사이의 정수를 쓰세요`,
  ],
  [/^the path must be absolute \(start with "\/"\)$/, () => '경로는 절대 경로여야 합니다("/"로 시작)'],
  [/^the path is limited to (\d+) characters$/, (n) => `경로는 ${n}자까지만 쓸 수 있습니다`],
  [/^the path must not contain control characters$/, () => '경로에 제어 문자를 쓸 수 없습니다'],
  [/^the path must not contain whitespace$/, () => '경로에 공백을 쓸 수 없습니다'],
  [
    /^the path must not contain ; \{ \} quotes, backticks, backslashes or \$$/,
    () => '경로에 ; { } 따옴표, 백틱, 백슬래시, $를 쓸 수 없습니다',
  ],
  [/^the path must not contain "\." or "\.\." segments$/, () => '경로에 "."나 ".." 구간을 쓸 수 없습니다'],
  [/^the path must not contain "\.\."$/, () => '경로에 ".."를 쓸 수 없습니다'],
  [/^the path must not contain %$/, () => '경로에 %를 쓸 수 없습니다'],
  [
    /^the path may contain only letters, digits and (.*)$/s,
    (chars) => `경로에는 영문자, 숫자와 ${chars}만 쓸 수 있습니다`,
  ],
  [
    /^the path names a file, so it must not end with "\/"$/,
    () => '경로는 파일을 가리키므로 "/"로 끝날 수 없습니다',
  ],
  [/^the path must name a file$/, () => '경로는 파일을 가리켜야 합니다'],
  [
    /^"(.*)" is not a Compose service name: .*$/s,
    (v) => `"${v}"는 Compose 서비스 이름이 아닙니다. 영어 소문자나 숫자로 시작하고 a-z 0-9 _ . -만 쓰세요`,
  ],
  [/^a container name is limited to (\d+) characters$/, (n) => `컨테이너 이름은 ${n}자까지만 쓸 수 있습니다`],
  [
    /^"(.*)" is not an nginx size: .*$/s,
    (v) => `"${v}"는 nginx 크기가 아닙니다. 숫자 뒤에 k, m, g를 붙일 수 있습니다(예: 10m)`,
  ],
  [/^the text cannot be empty$/, () => '텍스트는 비워 둘 수 없습니다'],
  [/^the text is limited to (\d+) characters$/, (n) => `텍스트는 ${n}자까지만 쓸 수 있습니다`],
  [
    /^the text must not contain control characters, line breaks or invisible formatting characters$/,
    () => '텍스트에 제어 문자, 줄바꿈, 보이지 않는 서식 문자를 쓸 수 없습니다',
  ],
  [
    /^the text must not contain ; \{ \} \[ \] < > \| \/ quotes, backticks, backslashes or \$ \(nor their fullwidth lookalikes\)$/,
    () => '텍스트에 ; { } [ ] < > | / 따옴표, 백틱, 백슬래시, $(전각 문자로 흉내 낸 것도)를 쓸 수 없습니다',
  ],
  [/^the text must not contain "\.\."$/, () => '텍스트에 ".."를 쓸 수 없습니다'],
  [
    /^the text must not contain invisible formatting characters$/,
    () => '텍스트에 보이지 않는 서식 문자를 쓸 수 없습니다',
  ],
  [
    /^"(.*)" mixes Latin with Cyrillic or Greek letters that look alike$/s,
    (v) => `"${v}"에 생김새가 비슷한 라틴 문자와 키릴 또는 그리스 문자가 섞여 있습니다`,
  ],
  [/^the text must not start or end with spaces$/, () => '텍스트는 공백으로 시작하거나 끝날 수 없습니다'],
  [/^an id has 1 to 100 characters$/, () => 'ID는 1자에서 100자까지입니다'],
  [
    /^an id uses letters, digits and _ \. - \(starting with a letter or digit\)$/,
    () => 'ID에는 영문자, 숫자, _ . -를 씁니다(영문자나 숫자로 시작)',
  ],
  [/^"(.*)" is already used$/s, (v) => `"${v}"는 이미 쓰고 있습니다`],
  [/^expected text$/, () => '텍스트여야 합니다'],
  [/^"(.*)" is not a number$/s, (v) => `"${v}"는 숫자가 아닙니다`],
  [/^use a whole number from (-?\d+) to (-?\d+)$/, (min, max) => `${min}에서 ${max} 사이의 정수를 쓰세요`],
  [/^use "auto" or a whole number$/, () => '"auto"나 정수를 쓰세요'],
  [/^use a whole number$/, () => '정수를 쓰세요'],
  [/^choose one of (.*)$/s, (values) => `${values} 중 하나를 고르세요`],
];

/** A field check's English sentence in Korean (one the patterns do not know stays as it is). */
export function fieldProblemInKorean(problem: string): string {
  for (const [pattern, korean] of PATTERNS) {
    const match = pattern.exec(problem);
    if (match) return korean(...match.slice(1));
  }
  return problem;
}
