import { describe, expect, it } from 'vitest';
import { mirrorIn } from './serverSmoke';

describe('the Debian mirror for the server root', () => {
  it('takes the main archive from a deb822 sources file, not the security archive', () => {
    const text = [
      'Types: deb',
      'URIs: http://mirror.example/debian-security',
      'Suites: bookworm-security',
      '',
      'Types: deb',
      'URIs: http://mirror.example/debian',
      'Suites: bookworm bookworm-updates',
    ].join('\n');
    expect(mirrorIn(text)).toBe('http://mirror.example/debian');
  });

  it('reads a one-line entry with options', () => {
    expect(mirrorIn('deb [arch=amd64] http://mirror.example/debian/ bookworm main\n')).toBe(
      'http://mirror.example/debian/',
    );
  });

  it("finds nothing in another vendor's source", () => {
    expect(
      mirrorIn('Types: deb\nURIs: https://vendor.example/node_20.x\nSuites: nodistro\n'),
    ).toBeUndefined();
  });
});
