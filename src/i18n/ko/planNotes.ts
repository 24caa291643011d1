/**
 * What shaping the bundle decided (the planner's notes, written in English with the names they
 * quote), in Korean for the README's warnings. A unit test plans designs that produce each note.
 */
const NOTES: [RegExp, (...values: string[]) => string][] = [
  [
    /^Container "(.*)" runs no server or app, so it has no service in the bundle\.$/s,
    (c) => `컨테이너 "${c}"는 서버도 앱도 실행하지 않아서 번들에 서비스가 없습니다.`,
  ],
  [
    /^Container "(.*)" holds nginx and a Python server; they run as two services, "(.*)" and "(.*)"\.$/s,
    (c, a, b) =>
      `컨테이너 "${c}"에 nginx와 파이썬 서버가 함께 있어서, 서비스 두 개 "${a}"와 "${b}"로 실행합니다.`,
  ],
  [
    /^Container "(.*)" runs more than one server; "(.*)" runs as its own service "(.*)" \(a container runs one main process\)\. Databases they share sit on one named volume\.$/s,
    (c, node, service) =>
      `컨테이너 "${c}"가 서버를 둘 이상 실행해서, "${node}"는 자기 서비스 "${service}"로 실행합니다(컨테이너 하나는 주 프로세스 하나를 실행합니다). 함께 쓰는 데이터베이스는 named volume 하나에 둡니다.`,
  ],
  [
    /^App "(.*)" opens several SQLite files; the items endpoint uses the first, (.*)\.$/s,
    (app, file) =>
      `앱 "${app}"가 SQLite 파일 여러 개를 엽니다. items 엔드포인트는 첫 번째 파일 ${file}를 씁니다.`,
  ],
  [
    /^nginx "(.*)" points at "(.*)", which runs nowhere in the bundle\.$/s,
    (proxy, target) => `nginx "${proxy}"가 "${target}"를 가리키지만, 번들 어디에서도 실행되지 않습니다.`,
  ],
  [
    /^The module name "(.*)" shadows the Python package "(.*)" the app needs; rename it \(for example to (.*)\)\.$/s,
    (module, top, alt) =>
      `모듈 이름 "${module}"가 앱에 필요한 파이썬 패키지 "${top}"를 가립니다. 이름을 바꾸세요(예: ${alt}).`,
  ],
  [
    /^The SQLite file in "(.*)" cannot get its own volume \(a system folder\); its data is lost when the container is recreated\. Use a folder like \/data\.$/s,
    (dir) =>
      `"${dir}"의 SQLite 파일은 전용 볼륨을 가질 수 없습니다(시스템 폴더). 컨테이너를 다시 만들면 데이터가 사라집니다. /data 같은 폴더를 쓰세요.`,
  ],
  [
    /^The unix socket "(.*)" sits in a system folder that cannot be shared as a volume; nginx in another container cannot reach it\. Use a folder like \/run\/app\.$/s,
    (path) =>
      `유닉스 소켓 "${path}"가 볼륨으로 공유할 수 없는 시스템 폴더에 있어서, 다른 컨테이너의 nginx가 닿을 수 없습니다. /run/app 같은 폴더를 쓰세요.`,
  ],
];

/** One planner note in Korean (a note the patterns do not know stays as it is). */
export function planNoteInKorean(note: string): string {
  for (const [pattern, korean] of NOTES) {
    const match = pattern.exec(note);
    if (match) return korean(...match.slice(1));
  }
  return note;
}
