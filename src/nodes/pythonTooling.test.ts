import { describe, expect, it } from 'vitest';
import { assignDesignName } from './pythonTooling';

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
