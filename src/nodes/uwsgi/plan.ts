import type { PlannedApp, PythonProcess } from '../../exporters/planTypes';
import { formatIni, type IniSection } from '../../exporters/serializers/ini';
import { pyDottedName, pyIdentifier } from '../../exporters/serializers/python';
import type { KindPlanPart } from '../planParts';
import type { UwsgiProps } from './descriptor';
import { listenerOf } from '../registry';
import type { Lang } from '../../i18n/lang';
import { UWSGI_COMMENTS } from './comments';

type UwsgiSettings = Pick<UwsgiProps, 'processes' | 'threads' | 'maxRequests' | 'harakiri' | 'stats'>;

/** The stats server's address (as in the study notes): loopback only, never published. */
export const UWSGI_STATS_ADDRESS = '127.0.0.1:9191';

/**
 * Seconds a worker may take to finish its requests on a graceful reload, recycling or stop (Gunicorn's
 * graceful_timeout is the same). uWSGI's own default is 60 s; its 2.0 releases before 2.0.25 can leave a
 * threaded worker stuck in a graceful stop, and this bound is what then ends it.
 */
const GRACEFUL_SECONDS = 30;

function renderUwsgiIni(process: PythonProcess, app: PlannedApp, workdir: string, lang: Lang): string {
  const comments = UWSGI_COMMENTS[lang];
  const { processes, threads, maxRequests, harakiri, stats } = process.settings as UwsgiSettings;
  const address =
    process.bind.kind === 'unix'
      ? process.bind.path
      : `${process.bindHost ?? '0.0.0.0'}:${process.bind.port}`;
  const entries: IniSection['entries'] = [
    {
      key: 'module',
      value: `${pyDottedName(app.module)}:${pyIdentifier(app.callable)}`,
      comment: comments.module,
    },
    { key: 'chdir', value: workdir },
    { key: 'pythonpath', value: workdir },
    { key: 'master', value: true, comment: comments.master },
    { key: 'processes', value: processes },
    { key: 'threads', value: threads },
    { key: 'enable-threads', value: true },
    process.protocol === 'uwsgi'
      ? {
          key: 'socket',
          value: address,
          comment: comments.socket,
        }
      : { key: 'http-socket', value: address, comment: comments.httpSocket },
  ];
  if (process.bind.kind === 'unix')
    entries.push({
      key: 'chmod-socket',
      value: 666,
      comment: comments.chmodSocket,
    });
  entries.push(
    { key: 'vacuum', value: true, comment: comments.vacuum },
    { key: 'die-on-term', value: true, comment: comments.dieOnTerm },
    {
      key: 'need-app',
      value: true,
      comment: comments.needApp,
    },
    { key: 'strict', value: true, comment: comments.strict },
    { key: 'single-interpreter', value: true },
  );
  if (harakiri > 0)
    entries.push({
      key: 'harakiri',
      value: harakiri,
      comment: comments.harakiri,
    });
  entries.push({ key: 'buffer-size', value: 32768 });
  if (maxRequests > 0)
    entries.push({
      key: 'max-requests',
      value: maxRequests,
      comment: comments.maxRequests,
    });
  if (threads > 1 && maxRequests > 0)
    entries.push({
      key: 'skip-atexit-teardown',
      value: true,
      comment: comments.skipAtexitTeardown,
    });
  entries.push({
    key: 'hook-master-start',
    value: 'unix_signal:15 gracefully_kill_them_all',
    comment: comments.masterStartHook,
  });
  entries.push({
    key: 'worker-reload-mercy',
    value: GRACEFUL_SECONDS,
    comment: comments.workerReloadMercy(GRACEFUL_SECONDS),
  });
  entries.push({ key: 'reload-mercy', value: GRACEFUL_SECONDS });
  if (stats)
    entries.push({
      key: 'stats',
      value: UWSGI_STATS_ADDRESS,
      comment: comments.stats,
    });
  return formatIni([
    {
      name: 'uwsgi',
      comments: [...comments.heading],
      entries,
    },
  ]);
}

function uwsgiIniExplanation(protocol: 'uwsgi' | 'http', unixSocket: boolean): string {
  return `uWSGI with \`master\` (respawns dead workers), \`die-on-term\` and a SIGTERM hook (docker stop lets in-flight requests finish), \`need-app\` (exit when the app cannot load), \`strict\` (unknown options are errors), \`vacuum\`, \`max-requests\` (workers recycled against memory leaks) and \`harakiri\` (a stuck request's worker is replaced). ${protocol === 'uwsgi' ? 'It listens with `socket` (the binary uwsgi protocol), which is what nginx `uwsgi_pass` speaks; `http-socket` there would answer 502.' : 'It listens with `http-socket` (plain HTTP), which is what nginx `proxy_pass` speaks.'}${unixSocket ? ' `chmod-socket = 666` lets nginx (another user in another container) connect; only these two containers mount the socket folder.' : ''}`;
}

const UWSGI_INI = {
  uwsgi: uwsgiIniExplanation('uwsgi', false),
  uwsgiUnix: uwsgiIniExplanation('uwsgi', true),
  http: uwsgiIniExplanation('http', false),
  httpUnix: uwsgiIniExplanation('http', true),
};

function code(text: string): string {
  return `\`${text}\``;
}

/** uWSGI: a WSGI server on `socket` (uwsgi protocol) or `http-socket`, configured by uwsgi.ini. */
export const uwsgiPlan: KindPlanPart<UwsgiProps> = {
  wsgiServer: {
    process: (props) => ({
      bind: listenerOf({ kind: 'uwsgi', props })!,
      protocol: props.protocol,
      settings: {
        processes: props.processes,
        threads: props.threads,
        maxRequests: props.maxRequests,
        harakiri: props.harakiri,
        stats: props.stats,
      },
    }),
    requirements: ['uWSGI==2.0.28'],
    compiled: true,
    configFile: 'uwsgi.ini',
    renderConfig: renderUwsgiIni,
    configExplanation: (process) => {
      const unix = process.bind.kind === 'unix';
      if (process.protocol === 'uwsgi') return unix ? UWSGI_INI.uwsgiUnix : UWSGI_INI.uwsgi;
      return unix ? UWSGI_INI.httpUnix : UWSGI_INI.http;
    },
    command: ['uwsgi', '--ini', 'uwsgi.ini'],
    summary: (process) => {
      const { processes, threads } = process.settings as UwsgiSettings;
      return `uWSGI ${process.protocol === 'uwsgi' ? code('socket') : code('http-socket')} (${processes} processes × ${threads} threads)`;
    },
    // gracefully_kill_them_all waits for running requests, at most the workers' reload mercy.
    stopSeconds: () => GRACEFUL_SECONDS,
    // uWSGI notifies systemd itself when NOTIFY_SOCKET is set; Debian's build loads Python as a plugin.
    host: {
      notifiesSystemd: true,
      socketActivation: false,
      debianPackages: ['uwsgi', 'uwsgi-plugin-python3'],
      debianEnvironment: { UWSGI_PLUGINS: 'python3' },
    },
  },
};
