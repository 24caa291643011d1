/**
 * Why a design file, an image or a share link could not be opened, in Korean. The loader
 * (src/model/load.ts and the readers beside it) explains in English, quoting the values it found;
 * each pattern below reads those back and writes the Korean sentence with them. A unit test feeds
 * broken files, images and links through the loader and checks every reason has its Korean sentence.
 */
type Pattern = [RegExp, (...values: string[]) => string];

/** A value as the loader describes it (`the string "x"`, `an array`, `number 5` …), in Korean. */
function valueInKorean(value: string): string {
  if (value === 'an array') return '배열';
  if (value === 'an object') return '객체';
  const text = /^the string "(.*)"$/s.exec(value);
  if (text) return `문자열 "${text[1]}"`;
  const number = /^number (.*)$/s.exec(value);
  if (number) return `숫자 ${number[1]}`;
  const boolean = /^boolean (.*)$/s.exec(value);
  if (boolean) return `불리언 값 ${boolean[1]}`;
  return value;
}

const REASONS: Pattern[] = [
  // The file as a whole
  [/^the file is not text$/, () => '파일이 텍스트가 아닙니다'],
  [
    /^the file is ([\d.]+) MB; designs are limited to (\d+) MB$/,
    (size, limit) => `파일이 ${size} MB입니다. 디자인은 ${limit} MB까지만 열 수 있습니다`,
  ],
  [
    /^the JSON nests deeper than (\d+) levels; a design never does$/,
    (n) => `JSON이 ${n}단계보다 깊게 중첩되어 있습니다. 디자인은 그렇게 깊지 않습니다`,
  ],
  [/^the file is not valid JSON \((.*)\)$/s, (detail) => `올바른 JSON 파일이 아닙니다 (${detail})`],
  [
    /^a design is a JSON object, not (.*)$/s,
    (v) => `디자인은 JSON 객체여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [
    /^missing: a design starts with "format": "(.*)"$/s,
    (f) => `없습니다. 디자인은 "format": "${f}"로 시작합니다`,
  ],
  [
    /^this design was made by a newer StackSketch \(format "(.*)"; this one reads (.*)\): update StackSketch to open it$/s,
    (format, readable) =>
      `더 새로운 StackSketch로 만든 디자인입니다(형식 "${format}", 이 버전이 읽는 형식: ${readable.replace(' and ', ', ')}). 열려면 StackSketch를 업데이트하세요`,
  ],
  [
    /^(\d+) nodes; a design is limited to (\d+)$/,
    (n, max) => `노드가 ${n}개입니다. 디자인의 노드는 ${max}개까지입니다`,
  ],
  [
    /^(\d+) edges; a design is limited to (\d+)$/,
    (n, max) => `연결이 ${n}개입니다. 디자인의 연결은 ${max}개까지입니다`,
  ],
  [
    /^(\d+) containers; a design is limited to (\d+)$/,
    (n, max) => `컨테이너가 ${n}개입니다. 디자인의 컨테이너는 ${max}개까지입니다`,
  ],
  [
    /^unknown field in a stacksketch\/v1 design \(containers came with stacksketch\/v2\)$/,
    () => 'stacksketch/v1 디자인에는 없는 필드입니다(containers는 stacksketch/v2부터 있습니다)',
  ],
  // Fields
  [
    /^unknown field \(a design has format, name, containers, nodes and edges\)$/,
    () => '알 수 없는 필드입니다(디자인에는 format, name, containers, nodes, edges가 있습니다)',
  ],
  [
    /^unknown field \(a node has id, kind, container, position and props\)$/,
    () => '알 수 없는 필드입니다(노드에는 id, kind, container, position, props가 있습니다)',
  ],
  [
    /^unknown field \(an edge has id, source, target and props\)$/,
    () => '알 수 없는 필드입니다(연결에는 id, source, target, props가 있습니다)',
  ],
  [
    /^unknown field \(a container has replicas\)$/,
    () => '알 수 없는 필드입니다(컨테이너에는 replicas가 있습니다)',
  ],
  [/^unknown field \(a position has x and y\)$/, () => '알 수 없는 필드입니다(위치에는 x와 y가 있습니다)'],
  [/^missing: a design has a "nodes" array$/, () => '없습니다. 디자인에는 "nodes" 배열이 있어야 합니다'],
  [
    /^missing: every node and edge has a string id$/,
    () => '없습니다. 모든 노드와 연결에는 문자열 id가 있어야 합니다',
  ],
  [/^missing: the id of a node$/, () => '없습니다. 노드의 id를 쓰세요'],
  [/^missing \(one of (.*)\)$/s, (kinds) => `없습니다(${kinds} 중 하나)`],
  [
    /^unknown kind (.*) \(one of (.*)\)$/s,
    (k, kinds) => `알 수 없는 종류 ${valueInKorean(k)}입니다(${kinds} 중 하나)`,
  ],
  [/^duplicate id "(.*)" \(also (.*)\)$/s, (id, at) => `id "${id}"가 중복됩니다(${at}에도 있습니다)`],
  [/^duplicate id "(.*)"$/s, (id) => `id "${id}"가 중복됩니다`],
  [
    /^connects (.*) → (.*) again \(already (.*)\)$/s,
    (a, b, at) => `${a} → ${b}를 다시 연결합니다(이미 ${at})`,
  ],
  [/^no node has the id "(.*)"$/s, (id) => `id가 "${id}"인 노드가 없습니다`],
  [
    /^a client is outside the deployment and has no container$/,
    () => '클라이언트는 배포 바깥에 있으므로 컨테이너가 없습니다',
  ],
  [/^an id has 1 to (\d+) characters$/, (n) => `id는 1자에서 ${n}자까지입니다`],
  [
    /^an id must not contain control characters or line breaks$/,
    () => 'id에 제어 문자나 줄바꿈을 쓸 수 없습니다',
  ],
  [
    /^unknown prop of (\S+) \(known: (.*)\)$/s,
    (kind, known) => `${kind}에 없는 속성입니다(있는 속성: ${known})`,
  ],
  [/^unknown prop of (\S+) \(it has none\)$/, (kind) => `${kind}에 없는 속성입니다(속성이 없습니다)`],
  [
    /^unknown prop \(edges have route, pass and balance\)$/,
    () => '알 수 없는 속성입니다(연결에는 route, pass, balance가 있습니다)',
  ],
  [/^"route" applies only to edges leaving an nginx$/, () => '"route"는 nginx에서 나가는 연결에만 씁니다'],
  [/^"pass" applies only to nginx → uWSGI edges$/, () => '"pass"는 nginx → uWSGI 연결에만 씁니다'],
  [
    /^"balance" applies only to nginx edges to a WSGI server or app$/,
    () => '"balance"는 nginx에서 WSGI 서버나 앱으로 가는 연결에만 씁니다',
  ],
  // Values
  [/^expected a string, found (.*)$/s, (v) => `문자열이어야 하는데 ${valueInKorean(v)}입니다`],
  [/^expected a string id, found (.*)$/s, (v) => `문자열 id여야 하는데 ${valueInKorean(v)}입니다`],
  [/^expected a node id, found (.*)$/s, (v) => `노드 id여야 하는데 ${valueInKorean(v)}입니다`],
  [/^expected an array, found (.*)$/s, (v) => `배열이어야 하는데 ${valueInKorean(v)}입니다`],
  [/^expected a node object, found (.*)$/s, (v) => `노드 객체여야 하는데 ${valueInKorean(v)}입니다`],
  [/^expected an edge object, found (.*)$/s, (v) => `연결 객체여야 하는데 ${valueInKorean(v)}입니다`],
  [/^expected an object of props, found (.*)$/s, (v) => `속성 객체여야 하는데 ${valueInKorean(v)}입니다`],
  [
    /^expected an object of containers by name, found (.*)$/s,
    (v) => `이름별 컨테이너 객체여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [
    /^expected an object like \{"replicas": 2\}, found (.*)$/s,
    (v) => `{"replicas": 2} 같은 객체여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [
    /^expected a number of copies \(1 to 32\), found (.*)$/s,
    (v) => `복제본 수(1에서 32)여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [
    /^expected \{"x": number, "y": number\}, found (.*)$/s,
    (v) => `{"x": 숫자, "y": 숫자}여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [/^expected a finite number, found (.*)$/s, (v) => `유한한 숫자여야 하는데 ${valueInKorean(v)}입니다`],
  [/^expected a number, found (.*)$/s, (v) => `숫자여야 하는데 ${valueInKorean(v)}입니다`],
  [/^expected true or false, found (.*)$/s, (v) => `true나 false여야 하는데 ${valueInKorean(v)}입니다`],
  [
    /^expected a whole number from (-?\d+) to (-?\d+), found (.*)$/s,
    (min, max, v) => `${min}에서 ${max} 사이의 정수여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [
    /^expected "auto" or a whole number, found (.*)$/s,
    (v) => `"auto"나 정수여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [/^expected a whole number, found (.*)$/s, (v) => `정수여야 하는데 ${valueInKorean(v)}입니다`],
  [
    /^expected one of (.*), found (.*)$/s,
    (options, v) => `${options} 중 하나여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [
    /^expected "uwsgi_pass" or "proxy_pass", found (.*)$/s,
    (v) => `"uwsgi_pass"나 "proxy_pass"여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  [
    /^expected "round-robin", "least-conn" or "ip-hash", found (.*)$/s,
    (v) => `"round-robin", "least-conn", "ip-hash" 중 하나여야 하는데 ${valueInKorean(v)}입니다`,
  ],
  // The format a file names (after the more specific shapes above)
  [/^expected "(.*)", found (.*)$/s, (f, v) => `"${f}"여야 하는데 ${valueInKorean(v)}입니다`],
  // Share links
  [/^this link does not carry a StackSketch design$/, () => '이 링크에는 StackSketch 디자인이 없습니다'],
  [
    /^this link was made by a newer StackSketch \(share format (.*)\); update StackSketch to open it$/s,
    (format) =>
      `더 새로운 StackSketch로 만든 링크입니다(공유 형식 ${format}). 열려면 StackSketch를 업데이트하세요`,
  ],
  [
    /^this link is damaged: "(.*)" is not a share format$/s,
    (f) => `링크가 손상되었습니다. "${f}"는 공유 형식이 아닙니다`,
  ],
  [
    /^this link is too long to be a design \(over (\d+) MB\)$/,
    (n) => `디자인이라기엔 링크가 너무 깁니다(${n} MB 초과)`,
  ],
  [
    /^this link is damaged: its design data has characters a share link never contains$/,
    () => '링크가 손상되었습니다. 디자인 데이터에 공유 링크에는 없는 문자가 있습니다',
  ],
  [
    /^this link is damaged: its data does not decompress$/,
    () => '링크가 손상되었습니다. 데이터의 압축을 풀 수 없습니다',
  ],
  [
    /^this link is damaged: it expands to more than (\d+) MB$/,
    (n) => `링크가 손상되었습니다. 압축을 풀면 ${n} MB를 넘습니다`,
  ],
  [/^this link is damaged: its data is not text$/, () => '링크가 손상되었습니다. 데이터가 텍스트가 아닙니다'],
  [/^this link is damaged: (.*)$/s, (detail) => `링크가 손상되었습니다 (${detail})`],
  // Images
  [
    /^the file is not a StackSketch design, nor an SVG or PNG exported by StackSketch$/,
    () => 'StackSketch 디자인 파일도, StackSketch가 내보낸 SVG나 PNG도 아닙니다',
  ],
  [/^the PNG cannot be read$/, () => 'PNG를 읽을 수 없습니다'],
  [/^this PNG does not carry a StackSketch design$/, () => '이 PNG에는 StackSketch 디자인이 없습니다'],
  [
    /^the file is markup but not an SVG image; StackSketch opens designs, SVG and PNG exports$/,
    () => '마크업 파일이지만 SVG 이미지가 아닙니다. StackSketch는 디자인 파일과 내보낸 SVG, PNG를 엽니다',
  ],
  [/^this SVG does not carry a StackSketch design$/, () => '이 SVG에는 StackSketch 디자인이 없습니다'],
  [
    /^this SVG carries more than one StackSketch design$/,
    () => '이 SVG에 StackSketch 디자인이 둘 이상 있습니다',
  ],
  [
    /^the StackSketch design in this SVG is cut short$/,
    () => '이 SVG의 StackSketch 디자인이 중간에 잘렸습니다',
  ],
  [
    /^the StackSketch design in this SVG contains markup, which StackSketch never writes$/,
    () => '이 SVG의 StackSketch 디자인에 마크업이 있습니다. StackSketch는 마크업을 쓰지 않습니다',
  ],
  [
    /^the StackSketch design in this SVG uses XML entities StackSketch never writes$/,
    () => '이 SVG의 StackSketch 디자인에 StackSketch가 쓰지 않는 XML 엔티티가 있습니다',
  ],
  [
    /^the PNG is ([\d.]+) MB; images are limited to (\d+) MB$/,
    (size, limit) => `PNG가 ${size} MB입니다. 이미지는 ${limit} MB까지만 열 수 있습니다`,
  ],
  [/^the file is not a PNG \(its signature is wrong\)$/, () => 'PNG 파일이 아닙니다(시그니처가 다릅니다)'],
  [/^the PNG is cut short \(no IEND chunk\)$/, () => 'PNG가 중간에 잘렸습니다(IEND 청크가 없습니다)'],
  [
    /^the PNG is cut short or a chunk length is wrong$/,
    () => 'PNG가 중간에 잘렸거나 청크 길이가 잘못되었습니다',
  ],
  [/^the PNG has a malformed chunk type$/, () => 'PNG의 청크 종류가 잘못되었습니다'],
  [
    /^the PNG is damaged \(the (.*) chunk fails its CRC check\)$/s,
    (type) => `PNG가 손상되었습니다(${type} 청크의 CRC 검사가 실패합니다)`,
  ],
  [/^the PNG does not start with an IHDR chunk$/, () => 'PNG가 IHDR 청크로 시작하지 않습니다'],
  [
    /^the PNG has a (.*) chunk without a valid keyword$/s,
    (type) => `PNG의 ${type} 청크에 올바른 키워드가 없습니다`,
  ],
  [/^the PNG has a malformed iTXt chunk$/, () => 'PNG의 iTXt 청크가 잘못되었습니다'],
  [/^the PNG's "(.*)" text is not valid UTF-8$/s, (k) => `PNG의 "${k}" 텍스트가 올바른 UTF-8이 아닙니다`],
  [/^the PNG carries more than one "(.*)" text$/s, (k) => `PNG에 "${k}" 텍스트가 둘 이상 있습니다`],
  [/^unknown problem$/, () => '알 수 없는 문제'],
  // Files the command line reads
  [/^this is a folder, not a design file$/, () => '폴더입니다. 디자인 파일이 아닙니다'],
  [/^no such file$/, () => '파일이 없습니다'],
  [/^cannot be read \((.*)\)$/s, (code) => `읽을 수 없습니다 (${code})`],
];

/** Where a nested design's reason comes from (the link's, an image's), in Korean. */
const PLACES: [RegExp, string][] = [
  [/^in the link's design: /, '링크의 디자인에서: '],
  [/^in the PNG's design: /, 'PNG의 디자인에서: '],
  [/^in the SVG's design: /, 'SVG의 디자인에서: '],
];

/** One load error's reason in Korean (a reason the patterns do not know stays as it is). */
export function loadErrorInKorean(message: string): string {
  for (const [place, korean] of PLACES) {
    if (place.test(message)) return `${korean}${loadErrorInKorean(message.replace(place, ''))}`;
  }
  for (const [pattern, korean] of REASONS) {
    const match = pattern.exec(message);
    if (match) return korean(...match.slice(1));
  }
  return message;
}
