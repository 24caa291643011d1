import { describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../model/shareLink';
import { loadTemplate } from '../model/templates';
import { decideShareLink } from './startup';

const work = loadTemplate('uwsgi-unix-socket');
const linked = loadTemplate('flask-dev-server');
const link = `#${encodeShareFragment(linked)}`;

describe('decideShareLink', () => {
  it('does nothing without a fragment', () => {
    expect(decideShareLink('', work, true)).toEqual({ action: 'none' });
    expect(decideShareLink('#', work, true)).toEqual({ action: 'none' });
  });

  it('opens the link at once when no work would be lost', () => {
    const decision = decideShareLink(link, work, false);
    expect(decision.action).toBe('open');
    expect(decideShareLink(link, { ...work, nodes: [], edges: [] }, true).action).toBe('open');
  });

  it('asks before replacing autosaved or edited work with a different design', () => {
    const decision = decideShareLink(link, work, true);
    expect(decision).toMatchObject({ action: 'ask', design: { name: linked.name } });
  });

  it('recognises that the link is already on the canvas', () => {
    expect(decideShareLink(link, loadTemplate('flask-dev-server'), true)).toEqual({ action: 'same' });
  });

  it('refuses newer, tampered and foreign fragments with the reason and without a design', () => {
    const newer = decideShareLink(link.replace('#s1.', '#s2.'), work, true);
    expect(newer).toMatchObject({
      action: 'refuse',
      error: { message: expect.stringMatching(/newer StackSketch/) },
    });
    const tampered = decideShareLink(`${link.slice(0, 40)}!!${link.slice(42)}`, work, true);
    expect(tampered).toMatchObject({
      action: 'refuse',
      error: { message: expect.stringMatching(/damaged/) },
    });
    expect(decideShareLink('#intro', work, true)).toMatchObject({ action: 'refuse' });
  });
});
