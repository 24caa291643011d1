import { describe, expect, it } from 'vitest';
import { parseNginx as parseNginxFile } from '../../importers/nginx';
import { HOSTILE_STRINGS } from '../../validation/hostileInputs';
import {
  block,
  comment,
  directive,
  formatArg,
  formatNginx,
  fragment,
  lit,
  user,
  type UserValueKind,
} from './nginx';

/** The importer's parser, which reads nginx syntax as nginx does, checks what the serializer writes. */
const parseNginx = (text: string) => parseNginxFile('nginx.conf', text);

describe('nginx serializer', () => {
  it('writes directives and nested blocks that parse back to the same structure', () => {
    const text = formatNginx([
      directive('worker_processes', lit('auto')),
      block(
        'http',
        [],
        [
          comment('a comment'),
          block(
            'server',
            [],
            [
              directive('listen', user('port', 8080)),
              directive(
                'server_name',
                user('serverName', 'example.com'),
                user('serverName', '*.example.com'),
              ),
              block('location', [user('route', '/api/')], [directive('proxy_pass', lit('http://app_8000'))]),
            ],
          ),
        ],
      ),
    ]);
    const parsed = parseNginx(text);
    expect(parsed.map((d) => d.name)).toEqual(['worker_processes', 'http']);
    const server = parsed[1]!.block![0]!;
    expect(server.name).toBe('server');
    expect(server.block!.map((d) => [d.name, d.args])).toEqual([
      ['listen', ['8080']],
      ['server_name', ['example.com', '*.example.com']],
      ['location', ['/api/']],
    ]);
  });

  it('quotes literal arguments with spaces or quotes and escapes them', () => {
    expect(formatArg(lit(''))).toBe('""');
    expect(formatArg(lit('a b'))).toBe('"a b"');
    expect(formatArg(lit('say "hi"'))).toBe('"say \\"hi\\""');
    expect(formatArg(lit('back\\slash'))).toBe('"back\\\\slash"');
    expect(formatArg(lit('#not-a-comment'))).toBe('"#not-a-comment"');
    const [parsed] = parseNginx(`add_header X ${formatArg(lit(`it's "x" {y};`))};`);
    expect(parsed!.args).toEqual(['X', `it's "x" {y};`]);
  });

  it('keeps nginx variables in generator literals but refuses $ in user values', () => {
    expect(formatArg(lit('$host'))).toBe('$host');
    expect(() => formatArg(user('route', '/a$host'))).toThrow(/route value "\/a\$host"/);
  });

  it('refuses control characters anywhere, even in literals', () => {
    expect(() => formatArg(lit('a\nb'))).toThrow(/control characters/);
    expect(() => formatNginx([comment('two\nlines')])).toThrow(/one line/);
    expect(() => formatNginx([directive('bad name', lit('x'))])).toThrow(/directive name/);
  });

  it('writes a fragment exactly as the nodes it holds, at its own depth only, and keeps user values out', () => {
    const nodes = [comment('fixed'), directive('gzip', lit('on')), block('location', [lit('=')], [])];
    const inline = formatNginx([block('http', [], [block('server', [], nodes)])]);
    const viaFragment = formatNginx([block('http', [], [block('server', [], [fragment(2, ...nodes)])])]);
    expect(viaFragment).toBe(inline);
    expect(() => formatNginx([block('http', [], [fragment(2, ...nodes)])])).toThrow(
      /depth 2 used at depth 1/,
    );
    expect(() => fragment(0, block('server', [], [directive('listen', user('port', 80))]))).toThrow(
      /generator text only/,
    );
    expect(() => fragment(0, comment('two\nlines'))).toThrow(/one line/);
  });

  const kinds: UserValueKind[] = ['route', 'serverName', 'path', 'size', 'port', 'host'];
  it.each(HOSTILE_STRINGS.map((input) => [input.why, input.value]))(
    'refuses hostile value (%s) in every user field unless its validator accepts it',
    (_why, value) => {
      for (const kind of kinds) {
        let text: string | null = null;
        try {
          text = formatNginx([directive('x', user(kind, value))]);
        } catch (error) {
          expect((error as Error).message).toMatch(new RegExp(`refusing ${kind} value`));
          continue;
        }
        // Accepted (a plain absolute path is a valid route or path): it must still be one argument.
        const parsed = parseNginx(text);
        expect(parsed).toHaveLength(1);
        expect(parsed[0]!.args).toEqual([value]);
      }
    },
  );
});

describe('parseNginx (structural check)', () => {
  it('rejects unbalanced braces and unterminated directives', () => {
    expect(() => parseNginx('http {')).toThrow(/never closed/);
    expect(() => parseNginx('}')).toThrow(/unexpected/);
    expect(() => parseNginx('listen 80')).toThrow(/no ending ";"/);
    expect(() => parseNginx('server { listen 80 }')).toThrow(/no ending ";" before the "}"/);
    expect(() => parseNginx('x "open;')).toThrow(/unterminated/);
    expect(() => parseNginx('; x;')).toThrow(/unexpected ";"/);
  });

  it('ignores comments and tracks lines', () => {
    const parsed = parseNginx('# c { ;\nevents {\n  worker_connections 1; # x\n}\n');
    expect(parsed[0]!.name).toBe('events');
    expect(parsed[0]!.block![0]!.line).toBe(3);
  });
});
