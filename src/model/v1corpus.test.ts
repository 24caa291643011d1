/**
 * Designs made by the first release (format stacksketch/v1) live on in files, share links and
 * SVG/PNG images. This frozen corpus, written by that release, must keep loading to the same
 * nodes and edges for ever.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Design } from './design';
import { readDesignFromBytes } from './importFile';
import { parseDesign } from './load';
import { serializeDesign } from './serialize';
import { decodeShareFragment } from './share';
import { loadTemplate, type TemplateId } from './templates';

/** The templates the first release shipped (later ones have no v1 file). */
const FIRST_RELEASE_TEMPLATES: TemplateId[] = [
  'gunicorn-flask-sqlite',
  'uwsgi-unix-socket',
  'react-nginx-gunicorn',
  'flask-dev-server',
];

const dir = new URL('./fixtures/v1/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));

function loaded(result: ReturnType<typeof readDesignFromBytes>): Design {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.design;
}

const topology = (design: Design) => ({ name: design.name, nodes: design.nodes, edges: design.edges });

describe('the v1 corpus', () => {
  const names = readdirSync(dir).filter((name) => name.endsWith('.stacksketch.json'));
  const ids = names.map((name) => name.replace('.stacksketch.json', ''));

  it('holds every first-release template and two hand-made designs', () => {
    expect(ids).toEqual(expect.arrayContaining([...FIRST_RELEASE_TEMPLATES, 'custom-names', 'two-apps']));
    for (const name of names) expect(readFileSync(new URL(name, dir), 'utf8')).toContain('"stacksketch/v1"');
  });

  it.each(ids)('%s loads the same from its file, its SVG, its PNG and its share link', (id) => {
    const fromFile = loaded(readDesignFromBytes(read(`${id}.stacksketch.json`)));
    expect(topology(loaded(readDesignFromBytes(read(`${id}.svg`))))).toEqual(topology(fromFile));
    expect(topology(loaded(readDesignFromBytes(read(`${id}.png`))))).toEqual(topology(fromFile));
    const line = readFileSync(new URL('share-links.txt', dir), 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith(`${id} `))!;
    expect(topology(loaded(decodeShareFragment(line.slice(id.length + 1))))).toEqual(topology(fromFile));
  });

  it.each(FIRST_RELEASE_TEMPLATES)('template %s from the corpus equals the template as built today', (id) => {
    expect(topology(loaded(readDesignFromBytes(read(`${id}.stacksketch.json`))))).toEqual(
      topology(loadTemplate(id)),
    );
  });

  it.each(ids)('%s saves as v2 with the same topology, and the v2 file round-trips byte for byte', (id) => {
    const fromFile = loaded(readDesignFromBytes(read(`${id}.stacksketch.json`)));
    const saved = serializeDesign(fromFile);
    expect(JSON.parse(saved).format).toBe('stacksketch/v2');
    const reloaded = loaded(parseDesign(saved));
    expect(topology(reloaded)).toEqual(topology(fromFile));
    expect(reloaded.containers).toEqual(fromFile.containers);
    expect(serializeDesign(reloaded)).toBe(saved);
  });
});
