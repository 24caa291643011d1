import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../../validation/hostileInputs';
import { formatUnit, unitEnvironment, unitValue, unitWord } from './systemd';

describe('systemd unit serializer', () => {
  it('writes comments, sections, booleans, numbers and command lines', () => {
    const text = formatUnit(
      ['top'],
      [
        {
          name: 'Service',
          entries: [
            { key: 'Type', value: 'notify', comment: 'why' },
            { key: 'NoNewPrivileges', value: true },
            { key: 'TimeoutStopSec', value: 35 },
            { key: 'ExecStart', value: { command: ['/srv/a/venv/bin/gunicorn', '--config', 'g.conf.py'] } },
            { key: 'Environment', value: { env: ['PYTHONUNBUFFERED', '1'] } },
          ],
        },
      ],
    );
    expect(text).toBe(
      '# top\n\n[Service]\n# why\nType=notify\nNoNewPrivileges=yes\nTimeoutStopSec=35\nExecStart=/srv/a/venv/bin/gunicorn --config g.conf.py\nEnvironment="PYTHONUNBUFFERED=1"\n',
    );
  });

  it('quotes command words so specifiers, variables and quotes pass through literally', () => {
    expect(unitWord('a b')).toBe('"a b"');
    expect(unitWord('$HOME')).toBe('"$$HOME"');
    expect(unitWord('100%i')).toBe('"100%%i"');
    expect(unitWord('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
    expect(unitEnvironment('A', 'x "y" %n')).toBe('"A=x \\"y\\" %%n"');
  });

  it.each([
    ['a\nExecStartPre=/bin/sh', /control/],
    [' padded', /spaces/],
    ['%i', /expand/],
    ['$VAR', /expand/],
    ['a;b', /expand/],
    ['a\\', /expand/],
  ])('refuses the plain value %j', (value, message) => {
    expect(() => unitValue(value)).toThrow(message);
  });

  it('never lets a hostile string add a line, a setting or an expansion', () => {
    for (const { value } of HOSTILE_STRINGS) {
      // Environment= expands no variables, so only ExecStart's "$" must be doubled.
      for (const [write, variables] of [
        [() => formatUnit([], [{ name: 'Service', entries: [{ key: 'WorkingDirectory', value }] }]), true],
        [
          () =>
            formatUnit(
              [],
              [{ name: 'Service', entries: [{ key: 'ExecStart', value: { command: ['/bin/x', value] } }] }],
            ),
          true,
        ],
        [
          () =>
            formatUnit(
              [],
              [{ name: 'Service', entries: [{ key: 'Environment', value: { env: ['V', value] } }] }],
            ),
          false,
        ],
      ] as const) {
        let text: string;
        try {
          text = write();
        } catch {
          continue;
        }
        const lines = text.trimEnd().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[1]).not.toMatch(/[^%]%[a-zA-Z]/);
        if (variables) expect(lines[1]!.replace(/\$\$/g, '')).not.toMatch(/\$/);
      }
    }
  });

  it('refuses a bad key and an empty command', () => {
    expect(() => formatUnit([], [{ name: 'Service', entries: [{ key: 'a=b', value: 1 }] }])).toThrow(
      /bad key/,
    );
    expect(() =>
      formatUnit([], [{ name: 'Service', entries: [{ key: 'ExecStart', value: { command: [] } }] }]),
    ).toThrow(/empty/);
  });
});
