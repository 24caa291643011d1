import { describe, expect, it } from 'vitest';
import { assignDesignName, lintAndTestConfig } from './pythonTooling';

describe('assignDesignName', () => {
  it('tells flake8 that an ambiguous name (E741) is the one the design asked for', () => {
    expect(assignDesignName('l', '_create_app()')).toBe('l = _create_app()  # noqa: E741');
    expect(assignDesignName('O', '_create_app()')).toBe('O = _create_app()  # noqa: E741');
    expect(assignDesignName('I', '_create_app()')).toBe('I = _create_app()  # noqa: E741');
  });

  it('leaves other names as they are', () => {
    expect(assignDesignName('app', '_create_app()')).toBe('app = _create_app()');
    expect(assignDesignName('L', '_create_app()')).toBe('L = _create_app()');
  });
});

describe('lintAndTestConfig', () => {
  it('leaves the static folder out of flake8, and out of black only when asked', () => {
    const flask = lintAndTestConfig('en', { folder: 'static', alsoFromBlack: false });
    expect(flask['setup.cfg']).toContain('exclude = .git,__pycache__,static\n');
    expect(flask['pyproject.toml']).not.toContain('extend-exclude');
    const django = lintAndTestConfig('en', { folder: 'staticfiles', alsoFromBlack: true });
    expect(django['setup.cfg']).toContain('exclude = .git,__pycache__,staticfiles\n');
    expect(django['pyproject.toml']).toContain('line-length = 88\nextend-exclude = "staticfiles"\n\n');
  });

  it('explains the flake8 settings in the bundle language', () => {
    const ko = lintAndTestConfig('ko', { folder: 'static', alsoFromBlack: false });
    expect(ko['setup.cfg']).toContain('# black의 줄 길이.');
  });
});
