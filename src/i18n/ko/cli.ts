/** The command line's words in Korean: the same keys and parameters as the English catalogue. */
import type { cliMessages as englishCliMessages } from '../en/cli';

export const cliMessages: typeof englishCliMessages = {
  help: `StackSketch 명령줄: 디자이너와 똑같은 검사와 번들을 만듭니다.

사용법:
  stacksketch validate FILE [--json] [--target T] 디자인(FILE, 표준 입력은 -)을 대상에 맞춰 검사:
                                                  compose(기본값), server, kubernetes
  stacksketch export FILE --out DIR|FILE.zip [--force] [--target T]
                                                  바로 실행할 수 있는 번들 쓰기
  stacksketch import FILE... [--out DESIGN.json] [--json]
                                                  기존 설정(Compose, nginx, gunicorn, uWSGI,
                                                  Dockerfile; 폴더나 .zip)을 디자인으로 바꾸기
  stacksketch templates [ID]                      템플릿 목록, 또는 템플릿 하나를 디자인 파일로 출력
  stacksketch share FILE [--base URL]             공유 링크 출력(디자인은 URL 프래그먼트에 담깁니다)
  stacksketch --help

모든 명령은 --lang en|ko를 받습니다(기본값: LC_ALL이나 LANG, 없으면 영어). 메시지, 규칙 설명,
번들 README의 언어입니다. 규칙 id와 파일 이름은 바뀌지 않습니다.

종료 코드: 0 정상(경고는 허용), 1 디자인에 오류 있음, 2 파일이나 인자를 쓸 수 없음.
npm으로: npm run --silent cli -- validate design.json --lang ko
`,
  unknownCommand: (p) => `오류: 알 수 없는 명령 "${p.command}"`,
  unknownLang: (p) => `오류: 알 수 없는 언어 "${p.lang}" (en, ko 중 하나)`,
  argumentError: (p) => `오류: 인자를 읽을 수 없습니다 (${p.detail})`,
  validateUsage:
    '사용법: stacksketch validate FILE [--json] [--target compose|server|kubernetes] [--lang en|ko]',
  unknownTarget: (p) => `오류: 알 수 없는 대상 "${p.target}" (${p.targets} 중 하나)`,
  noTemplate: (p) => `오류: 템플릿 "${p.id}"가 없습니다 (${p.ids} 중 하나)`,
  shareUsage: '사용법: stacksketch share FILE [--base URL] [--lang en|ko]',
  badBase: (p) => `오류: --base는 http나 https URL이어야 합니다("${p.base}"는 쓸 수 없습니다)`,
  nothingImported: '오류: 가져올 수 있는 것이 없습니다',
  loadError: (p) => `오류: ${p.file}: ${p.message}`,
  exportUsage:
    '사용법: stacksketch export FILE --out DIR|FILE.zip [--force] [--target compose|server|kubernetes] [--lang en|ko]',
  cannotExportTarget: (p) =>
    `오류: 대상 "${p.target}"(으)로는 내보낼 수 없습니다 (가능한 대상: ${p.available})`,
  refuseInvalid:
    '오류: 내보내지 않습니다. 디자인에 잘못된 값(invalid-* 오류)이 있고, 이건 --force로도 넘길 수 없습니다. 아무것도 쓰지 않았습니다',
  refuseErrors: (p) =>
    `오류: 내보내지 않습니다. 오류 ${p.count}개가 있습니다. 고치거나 --force로 그래도 내보내세요. 아무것도 쓰지 않았습니다`,
  forced: (p) => `경고: --force 때문에 오류 ${p.count}개가 있는데도 내보냅니다`,
  refuseGenerate: (p) => `오류: 내보내지 않습니다: ${p.detail}. 아무것도 쓰지 않았습니다`,
  refused: (p) => `오류: ${p.detail}. 아무것도 쓰지 않았습니다`,
  cannotWrite: (p) => `오류: 번들을 쓸 수 없습니다 (${p.detail})`,
  wroteZip: (p) => `${p.out}에 썼습니다 (${p.folder}/ 아래 파일 ${p.count}개)`,
  wroteFolder: (p) => `${p.out}/에 썼습니다 (파일 ${p.count}개)`,
  removedStale: (p) => `${p.path} 삭제 (이전 내보내기가 만든 파일로, 이제 번들에 없습니다)`,
  diagnostic: (p) => `${p.severity === 'error' ? '오류' : '경고'}: ${p.rule}: ${p.message}`,
  refusals: {
    noParentFolder: (p) => `${p.out}가 들어갈 폴더가 없습니다`,
    zipNotFile: (p) => `${p.out}가 이미 있는데 일반 파일이 아닙니다(폴더나 심볼릭 링크)`,
    unsafeFolder: (p) => `번들 폴더 이름 ${p.folder}는 안전하지 않습니다`,
    outExistsNotFolder: (p) => `--out ${p.out}가 이미 있는데 폴더가 아닙니다`,
    outNotFolder: (p) => `--out ${p.out}는 폴더가 아닙니다`,
    symlink: (p) => `${p.path}는 심볼릭 링크입니다. 링크를 따라가서 쓰지 않습니다`,
    existsNotFolder: (p) => `${p.path}가 이미 있는데 폴더가 아닙니다`,
    notEmpty: (p) =>
      `${p.path}가 비어 있지 않고, 이전에 StackSketch로 내보낸 폴더도 아닙니다. 다른 --out을 고르거나, --force를 붙여 번들 파일을 그 안에 쓰세요(다른 파일은 그대로 둡니다)`,
    unsafePath: (p) => `번들 안의 경로 ${p.path}는 안전하지 않습니다`,
    leavesBundle: (p) => `경로 ${p.path}가 번들 밖을 가리킵니다`,
    folderIsSymlink: (p) => `${p.path}는 심볼릭 링크입니다. 그 안에는 쓰지 않습니다`,
    folderIsNotFolder: (p) => `${p.path}는 폴더가 아닙니다. 그 안에는 쓰지 않습니다`,
    fileIsSymlink: (p) => `${p.path}가 이미 있는데 심볼릭 링크입니다`,
    fileIsNotRegular: (p) => `${p.path}가 이미 있는데 일반 파일이 아닙니다`,
    designOutIsFolder: (p) => `${p.out}는 폴더입니다. --out에는 쓸 디자인 파일 이름을 주세요`,
    designOutExists: (p) => `${p.out}가 이미 있습니다. 덮어쓰려면 --force를 붙이세요`,
    cannotWriteDesign: (p) => `${p.out}를 쓸 수 없습니다 (${p.code})`,
  },
  report: {
    clean: (p) => `${p.file}: 문제 없음`,
    summary: (p) => `${p.file}: 오류 ${p.errors}개, 경고 ${p.warnings}개`,
    nodes: (p) => `노드: ${p.ids}`,
    edges: (p) => `엣지: ${p.ids}`,
    quickFix: (p) => `빠른 수정: ${p.label}`,
  },
};
