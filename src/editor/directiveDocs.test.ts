import { describe, expect, it } from 'vitest';
import { configFile as gunicornConfig } from '../nodes/gunicorn/configFile';
import { configFile as nginxConfig } from '../nodes/nginx/configFile';
import { configFile as uwsgiConfig } from '../nodes/uwsgi/configFile';
import { configFileOf, directiveAt, hoverMarkdown, KIND_CONFIG_FILES } from './directiveDocs';

const NGINX_DOCS = nginxConfig.directives.en;
const GUNICORN_DOCS = gunicornConfig.directives.en;
const UWSGI_DOCS = uwsgiConfig.directives.en;
const NGINX_DOCS_KO = nginxConfig.directives.ko;
const GUNICORN_DOCS_KO = gunicornConfig.directives.ko;
const UWSGI_DOCS_KO = uwsgiConfig.directives.ko;

describe('configFileOf', () => {
  it('finds every kind config file in the kinds folders', () => {
    expect(KIND_CONFIG_FILES).toHaveLength(3);
    expect(KIND_CONFIG_FILES).toEqual(expect.arrayContaining([nginxConfig, gunicornConfig, uwsgiConfig]));
  });

  it('recognises the config files by name', () => {
    expect(configFileOf('web/nginx.conf')).toBe(nginxConfig);
    expect(configFileOf('app/gunicorn.conf.py')).toBe(gunicornConfig);
    expect(configFileOf('app-2/uwsgi.ini')).toBe(uwsgiConfig);
    expect(configFileOf('app/app.py')).toBeNull();
    expect(configFileOf('docker-compose.yml')).toBeNull();
  });
});

describe('directiveAt', () => {
  it('explains uwsgi_pass and mentions the 502 of a mismatched socket', () => {
    const line = '      uwsgi_pass unix:/run/uwsgi/uwsgi.sock;';
    const hover = directiveAt('web/nginx.conf', line, line.indexOf('uwsgi_pass') + 3);
    expect(hover?.name).toBe('uwsgi_pass');
    expect(hover?.value).toBe('unix:/run/uwsgi/uwsgi.sock');
    expect(hover?.startColumn).toBe(line.indexOf('uwsgi_pass') + 1);
    expect(hover?.endColumn).toBe(line.indexOf('uwsgi_pass') + 1 + 'uwsgi_pass'.length);
    expect(hoverMarkdown(hover!)).toContain('502');
  });

  it('explains an argument that is documented (include uwsgi_params)', () => {
    const line = '    include uwsgi_params;';
    expect(directiveAt('web/nginx.conf', line, 6)?.name).toBe('include');
    const onArgument = directiveAt('web/nginx.conf', line, line.indexOf('uwsgi_params') + 2);
    expect(onArgument?.name).toBe('uwsgi_params');
    expect(onArgument?.value).toBeNull();
  });

  it('gives nothing on whitespace, unknown words or comments', () => {
    expect(directiveAt('web/nginx.conf', '    listen 80;', 2)).toBeNull();
    expect(directiveAt('web/nginx.conf', '    frobnicate on;', 6)).toBeNull();
    expect(directiveAt('web/nginx.conf', '    # gzip is on', 8)).toBeNull();
    expect(directiveAt('app/app.py', 'workers = 3', 2)).toBeNull();
  });

  it('reads Gunicorn settings with their values', () => {
    const hover = directiveAt('app/gunicorn.conf.py', 'workers = 5', 3);
    expect(hover?.file).toBe(gunicornConfig);
    expect(hover?.value).toBe('5');
    expect(hoverMarkdown(hover!)).toMatch(/2 × CPU cores \+ 1/);
    expect(directiveAt('app/gunicorn.conf.py', 'worker_tmp_dir = "/dev/shm"', 4)?.doc.why).toMatch(
      /\/dev\/shm/,
    );
  });

  it('reads uWSGI options with dashes and ignores ini comments', () => {
    const hover = directiveAt('app/uwsgi.ini', 'http-socket = :3031', 3);
    expect(hover?.name).toBe('http-socket');
    expect(hover?.value).toBe(':3031');
    expect(directiveAt('app/uwsgi.ini', 'die-on-term = true ; docker stop', 2)?.value).toBe('true');
    expect(directiveAt('app/uwsgi.ini', '; master = true', 4)).toBeNull();
  });

  it('documents every directive named in the brief of the preview', () => {
    for (const name of [
      'uwsgi_pass',
      'proxy_pass',
      'include',
      'keepalive',
      'server_tokens',
      'try_files',
      'client_max_body_size',
      'gzip',
    ])
      expect(NGINX_DOCS[name], name).toBeDefined();
    for (const name of ['bind', 'workers', 'threads', 'timeout', 'worker_tmp_dir'])
      expect(GUNICORN_DOCS[name], name).toBeDefined();
    for (const name of [
      'socket',
      'http-socket',
      'chmod-socket',
      'master',
      'vacuum',
      'die-on-term',
      'need-app',
      'worker-reload-mercy',
      'strict',
      'processes',
      'threads',
    ])
      expect(UWSGI_DOCS[name], name).toBeDefined();
  });
});

describe('the nginx hover docs in Korean', () => {
  it('cover every nginx directive the English table explains', () => {
    expect(Object.keys(NGINX_DOCS_KO).sort()).toEqual(Object.keys(NGINX_DOCS).sort());
    for (const doc of Object.values(NGINX_DOCS_KO)) expect(doc.what + doc.why).toMatch(/[\uac00-\ud7a3]/);
  });

  it('are shown when the UI is in Korean, with the value the line sets', () => {
    const line = '      uwsgi_pass unix:/run/uwsgi/uwsgi.sock;';
    const hover = directiveAt('web/nginx.conf', line, line.indexOf('uwsgi_pass') + 3)!;
    const markdown = hoverMarkdown(hover, 'ko');
    expect(markdown).toContain('바이너리 **uwsgi 프로토콜**');
    expect(markdown).toContain('여기서: `unix:/run/uwsgi/uwsgi.sock`');
    expect(markdown).toContain('502');
    expect(hoverMarkdown(hover, 'en')).toBe(hoverMarkdown(hover));
  });
});

describe.each([
  ['Gunicorn', GUNICORN_DOCS, GUNICORN_DOCS_KO],
  ['uWSGI', UWSGI_DOCS, UWSGI_DOCS_KO],
] as const)('the %s hover docs in Korean', (_name, english, korean) => {
  it('cover every setting the English table explains', () => {
    expect(Object.keys(korean).sort()).toEqual(Object.keys(english).sort());
    for (const [name, doc] of Object.entries(korean)) {
      expect(doc.what, name).toMatch(/[\uac00-\ud7a3]/);
      expect(doc.why, name).toMatch(/[\uac00-\ud7a3]/);
    }
  });
});

describe('the Gunicorn and uWSGI hovers in Korean', () => {
  it('explain a Gunicorn setting in Korean with its value', () => {
    const hover = directiveAt('app/gunicorn.conf.py', 'workers = 5', 3)!;
    const markdown = hoverMarkdown(hover, 'ko');
    expect(markdown).toContain('**workers** (Gunicorn)');
    expect(markdown).toContain('워커 프로세스');
    expect(markdown).toContain('여기서: `5`');
    expect(markdown).toContain('2 × CPU 코어 + 1');
  });

  it('explain a uWSGI option in Korean, keeping the 502 of a mismatched socket', () => {
    const hover = directiveAt('app/uwsgi.ini', 'http-socket = :3031', 3)!;
    const markdown = hoverMarkdown(hover, 'ko');
    expect(markdown).toContain('*이유:*');
    expect(markdown).toContain('502');
    expect(markdown).not.toContain('Handy for testing');
  });
});
