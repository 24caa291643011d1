import { KINDS } from '../../nodes/registry';
import type { Lang } from '../../i18n/lang';
import { CODE_COMMENTS, type CodeComments } from './codeComments';
import { TOOLING_COMMENTS } from '../../nodes/toolingComments';
import { appPart, wsgiServerPart } from '../../nodes/planParts';
import type { PlannedService, PythonRun } from '../planTypes';
import { fitLine } from '../../nodes/pythonTooling';
import { pyInt, pyString } from '../serializers/python';

/** requirements.txt: the app's pinned lines, then its server's (a dev server needs none of its own). */
export function renderRequirements(run: PythonRun, lang: Lang): string {
  const server = run.process.role === 'wsgi-server' ? wsgiServerPart(run.process.kind).requirements : [];
  return [
    `# ${TOOLING_COMMENTS[lang].requirements}`,
    ...appPart(run.apps[0]!.kind).requirements,
    ...server,
    '',
  ].join('\n');
}

/** The README's words for requirements.txt. */
export function requirementsExplanation(run: PythonRun): string {
  const app = KINDS[run.apps[0]!.kind].label;
  const server = run.process.role === 'wsgi-server' ? ` and ${KINDS[run.process.kind].label}` : '';
  return `Pinned ${app}${server} (and their dependencies): the same versions on every build.`;
}

export function renderPackageInit(dir: string): string {
  // One line, so a long package name can tell flake8 (black leaves a docstring as it is).
  return `${fitLine(`"""Package ${dir.replace(/\//g, '.')} (created so the module path of the app imports)."""`)}\n`;
}

/** The constant parts of the healthcheck script, joined once. */
const HEALTH_CHECK_HEAD = [
  '"""Container healthcheck (Dockerfile HEALTHCHECK): exit 0 when the app is healthy."""',
  '',
  'import socket',
  'import struct',
  'import sys',
  '',
].join('\n');
const healthCheckTail = (c: CodeComments): string =>
  [
    '',
    '',
    'def request_bytes():',
    '    if PROTOCOL == "http":',
    '        return ("GET %s HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n" % PATH).encode("ascii")',
    `    # ${c.uwsgiProtocol}`,
    '    variables = {',
    '        "REQUEST_METHOD": "GET",',
    '        "PATH_INFO": PATH,',
    '        "REQUEST_URI": PATH,',
    '        "QUERY_STRING": "",',
    '        "SERVER_NAME": "localhost",',
    '        "SERVER_PORT": "80",',
    '        "SERVER_PROTOCOL": "HTTP/1.0",',
    '        "HTTP_HOST": "localhost",',
    '    }',
    '    body = b"".join(',
    '        struct.pack("<H", len(k)) + k.encode() + struct.pack("<H", len(v)) + v.encode()',
    '        for k, v in variables.items()',
    '    )',
    '    return struct.pack("<BHB", 0, len(body), 0) + body',
    '',
    '',
    'def main():',
    '    try:',
    '        if UNIX_SOCKET:',
    '            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)',
    '            connection.settimeout(5)',
    '            connection.connect(UNIX_SOCKET)',
    '        else:',
    '            connection = socket.create_connection(("127.0.0.1", PORT), timeout=5)',
    '        with connection:',
    '            connection.sendall(request_bytes())',
    '            status_line = connection.recv(64).split(b"\\r\\n")[0].split(b" ")',
    '    except OSError as error:',
    '        print("healthcheck: %s" % error, file=sys.stderr)',
    '        return 1',
    '    if len(status_line) > 1 and status_line[1] == b"200":',
    '        return 0',
    '    print("healthcheck: unexpected answer %r" % b" ".join(status_line), file=sys.stderr)',
    '    return 1',
    '',
    '',
    'if __name__ == "__main__":',
    '    sys.exit(main())',
    '',
  ].join('\n');

/** The container healthcheck: connects to the server the way nginx does and asks for the health route. */
const HEALTH_CHECK_TAIL: Readonly<Record<Lang, string>> = {
  en: healthCheckTail(CODE_COMMENTS.en),
  ko: healthCheckTail(CODE_COMMENTS.ko),
};

export function renderHealthCheck(service: PlannedService, run: PythonRun, lang: Lang): string {
  const listener = service.listens[0]!;
  const protocol = run.process.protocol;
  const path = `${run.apps[0]!.apiBases[0]!}health`;
  return [
    HEALTH_CHECK_HEAD,
    listener.kind === 'unix' ? `UNIX_SOCKET = ${pyString(listener.path)}` : 'UNIX_SOCKET = None',
    `PORT = ${listener.kind === 'tcp' ? pyInt(listener.port) : 'None'}`,
    `PROTOCOL = ${pyString(protocol)}`,
    `PATH = ${pyString(path)}`,
    HEALTH_CHECK_TAIL[lang],
  ].join('\n');
}
