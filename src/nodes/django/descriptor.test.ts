import { describe, expect, it } from 'vitest';
import { defaultProps } from '../types';
import { djangoDescriptor } from './descriptor';

const ruleOf = (prop: keyof typeof djangoDescriptor.props) => {
  const rule = djangoDescriptor.props[prop].rule!;
  return { id: rule.id, check: rule.check as (value: unknown) => string | null };
};

describe('django kind', () => {
  it('defaults: project mysite, runserver on 8000, static files under /static/', () => {
    expect(defaultProps(djangoDescriptor)).toEqual({
      project: 'mysite',
      port: 8000,
      staticRoute: '/static/',
    });
    expect(djangoDescriptor.roles).toEqual(['app']);
    expect(djangoDescriptor.category).toBe('app');
    expect(djangoDescriptor.defaultContainer).toBe('app');
    expect(djangoDescriptor.listener).toBeUndefined();
    expect(djangoDescriptor.devServer!({ project: 'shop', port: 8001, staticRoute: '/s/' })).toEqual({
      kind: 'tcp',
      port: 8001,
    });
  });

  it('project: a Python identifier that shadows no module, reported as invalid-python-name', () => {
    const { id, check } = ruleOf('project');
    expect(id).toBe('invalid-python-name');
    expect(check('mysite')).toBeNull();
    expect(check('shop_site')).toBeNull();
    expect(check('my-site')).toMatch(/not a Python identifier/);
    expect(check('class')).toMatch(/keyword/);
    expect(check('django')).toMatch(/package Django or the server needs/);
    expect(check('site')).toMatch(/standard library/);
    expect(check('test')).toMatch(/standard library/);
  });

  it('staticRoute: a route ending in a slash, reported as invalid-route', () => {
    const { id, check } = ruleOf('staticRoute');
    expect(id).toBe('invalid-route');
    for (const good of ['/static/', '/shop/static/', '/assets/v2/']) expect(check(good), good).toBeNull();
    // Empty: nginx serves no static files for the project.
    expect(check('')).toBeNull();
    expect(check('static/')).toMatch(/start with "\/"/);
    expect(check('/static')).toMatch(/end with "\/"/);
    for (const bad of ['/st atic/', '/static/../', '/$x/', '/a;b/']) expect(check(bad), bad).not.toBeNull();
  });

  it('port: the runserver port, reported as invalid-port', () => {
    const { id, check } = ruleOf('port');
    expect(id).toBe('invalid-port');
    expect(check(8000)).toBeNull();
    expect(check(0)).not.toBeNull();
    expect(check(70000)).not.toBeNull();
  });
});
