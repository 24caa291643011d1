import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../validation/types';
import { downloadDecision } from './downloadPolicy';

const diagnostic = (
  rule: string,
  severity: Diagnostic['severity'],
  message = `${rule} message`,
): Diagnostic => ({
  rule,
  severity,
  message,
  nodes: [],
  edges: [],
});

describe('downloadDecision', () => {
  it('downloads a clean design or one with warnings only', () => {
    expect(downloadDecision([])).toEqual({ kind: 'download' });
    expect(downloadDecision([diagnostic('flask-dev-server', 'warning')])).toEqual({ kind: 'download' });
  });

  it('asks first when there are topology errors, listing each rule and message', () => {
    const decision = downloadDecision([
      diagnostic('uwsgi-pass-needs-socket', 'error', 'nginx answers 502'),
      diagnostic('unreachable-node', 'warning'),
      diagnostic('invalid-connection', 'error', 'sqlite cannot call nginx'),
    ]);
    expect(decision.kind).toBe('confirm');
    if (decision.kind !== 'confirm') return;
    expect(decision.title).toBe('Download with 2 errors?');
    expect(decision.message).toContain('uwsgi-pass-needs-socket: nginx answers 502');
    expect(decision.message).toContain('invalid-connection: sqlite cannot call nginx');
    expect(decision.message).not.toContain('unreachable-node');
  });

  it('refuses input errors, even alongside other errors', () => {
    const decision = downloadDecision([
      diagnostic('cycle', 'error'),
      diagnostic('invalid-server-name', 'error', 'serverName "a b;" is not a host name'),
    ]);
    expect(decision.kind).toBe('refuse');
    if (decision.kind !== 'refuse') return;
    expect(decision.message).toContain('invalid-server-name: serverName "a b;" is not a host name');
    expect(decision.message).not.toContain('cycle');
  });
});

describe('downloadDecision in Korean', () => {
  it('asks and refuses in the words it is given', async () => {
    const { uiMessages } = await import('../../i18n/ko/ui');
    const asked = downloadDecision([diagnostic('cycle', 'error', '순환')], uiMessages.download);
    expect(asked).toEqual({
      kind: 'confirm',
      title: '오류 1개가 있는 채로 내려받을까요?',
      message: '이 번들은 지금 상태로는 동작하지 않습니다:\n• cycle: 순환',
    });
    const refused = downloadDecision([diagnostic('invalid-port', 'error', '포트')], uiMessages.download);
    expect(refused.kind === 'refuse' && refused.message).toMatch(
      /^번들을 내려받을 수 없습니다.*\n• invalid-port: 포트$/s,
    );
  });
});
