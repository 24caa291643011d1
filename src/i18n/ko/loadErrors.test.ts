import { describe, expect, it } from 'vitest';
import { FORMAT } from '../../model/design';
import { readDesignFromBytes } from '../../model/importFile';
import { loadDesign, parseDesign, type LoadResult } from '../../model/load';
import { decodeShareFragment } from '../../model/share';
import { encodeShareFragment } from '../../model/shareLink';
import { loadTemplate } from '../../model/templates';
import { loadErrorInKorean } from './loadErrors';

const HANGUL = /[\uac00-\ud7a3]/;
const v2 = (extra: Record<string, unknown>) => ({ format: FORMAT, nodes: [], ...extra });
const proxy = { id: 'proxy', kind: 'nginx' };
const server = { id: 'wsgi', kind: 'uwsgi' };
const app = { id: 'api', kind: 'flask' };
const bytes = (text: string) => new TextEncoder().encode(text);
const link = encodeShareFragment(loadTemplate('flask-dev-server'));

/** Broken files, images and links: together they reach every reason the loader gives. */
const BROKEN: LoadResult[] = [
  parseDesign('{"format": '),
  parseDesign(`${'['.repeat(200)}${']'.repeat(200)}`),
  parseDesign(' '.repeat(6 * 1024 * 1024)),
  loadDesign([1]),
  loadDesign({ nodes: [] }),
  loadDesign({ format: 'stacksketch/v9', nodes: [] }),
  loadDesign({ format: 'shapes', nodes: [] }),
  loadDesign({ format: 'stacksketch/v1', containers: {}, nodes: [] }),
  loadDesign(v2({ nodes: Array.from({ length: 2001 }, () => ({})) })),
  loadDesign(v2({ edges: Array.from({ length: 10001 }, () => ({})) })),
  loadDesign(v2({ containers: Object.fromEntries(Array.from({ length: 2001 }, (_, n) => [`c${n}`, {}])) })),
  loadDesign(v2({ extra: 1, $schema: 3, name: 4 })),
  loadDesign({ format: FORMAT }),
  loadDesign(v2({ nodes: 'none', edges: {} })),
  loadDesign(v2({ containers: [] })),
  loadDesign(v2({ containers: { web: 2, app: { size: 1 }, api: { replicas: 'two' } } })),
  loadDesign(
    v2({
      nodes: [
        7,
        { id: 'a', kind: 'client', container: 'web', colour: 'red' },
        { id: 'a', kind: 'spaceship' },
        { kind: 'nginx' },
        { id: '' },
        { id: 'x\ny', kind: 'sqlite' },
        { id: 5, kind: 'sqlite' },
        { id: 'b', container: 3 },
        { id: 'c', kind: 'nginx', position: [0, 0] },
        { id: 'd', kind: 'nginx', position: { x: 'left', y: Infinity, z: 0 } },
        { id: 'e', kind: 'nginx', props: 'fast' },
        { id: 'f', kind: 'client', props: { colour: 'red', label: 3 } },
        { id: 'g', kind: 'nginx', props: { listen: 0, gzip: 'yes', tls: 'maybe' } },
        { id: 'h', kind: 'gunicorn', props: { workers: 'many', timeout: 'slow' } },
        { id: 'i', kind: 'uwsgi', props: { processes: 'auto' } },
      ],
    }),
  ),
  loadDesign(
    v2({
      nodes: [proxy, server, app, { id: 'db', kind: 'sqlite' }],
      edges: [
        'e',
        { id: 'e1', source: 'proxy', target: 'wsgi', props: { pass: 'http', route: 3, weight: 1 } },
        { id: 'e1', source: 'proxy', target: 'wsgi' },
        { source: 'wsgi', target: 'api', props: { route: '/', pass: 'uwsgi_pass', balance: 'random' } },
        { id: 'e4', source: 'proxy', target: 'api', props: { balance: 'random' } },
        { id: 'e5', source: 'ghost', target: 7, colour: 'red' },
        { id: 'e6', target: 'db' },
        { id: 'e7', source: 'api', target: 'db', props: [] },
      ],
    }),
  ),
  decodeShareFragment('#intro'),
  decodeShareFragment(link.replace(/^s1\./, 's2.')),
  decodeShareFragment(link.replace(/^s1\./, 's01.')),
  decodeShareFragment(`s1.${link.slice(3, 40)}!!${link.slice(42)}`),
  decodeShareFragment(`s1.${'A'.repeat(200)}`),
  decodeShareFragment(`s1.${'A'.repeat(6 * 1024 * 1024)}`),
  decodeShareFragment(encodeShareFragment(loadTemplate('flask-dev-server')).replace(/^s1\./, 's1.')),
  readDesignFromBytes(new Uint8Array([0xff, 0xfe, 0xfd])),
  readDesignFromBytes(bytes('<html></html>')),
  readDesignFromBytes(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>')),
  readDesignFromBytes(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0])),
];

/** Reasons the broken inputs above do not reach, as the loader and readers write them. */
const MORE = [
  'the file is not text',
  'unknown problem',
  'this link is damaged: its data does not decompress',
  'this link is damaged: it expands to more than 5 MB',
  'this link is damaged: its data is not text',
  'this link is damaged: invalid stored block lengths',
  "in the link's design: nodes[0].kind: missing (one of client, nginx)",
  "in the PNG's design: expected a string, found number 3",
  "in the SVG's design: the file is not valid JSON (Unexpected end of JSON input)",
  'the PNG cannot be read',
  'this PNG does not carry a StackSketch design',
  'this SVG carries more than one StackSketch design',
  'the StackSketch design in this SVG is cut short',
  'the StackSketch design in this SVG contains markup, which StackSketch never writes',
  'the StackSketch design in this SVG uses XML entities StackSketch never writes',
  'the PNG is 6.0 MB; images are limited to 5 MB',
  'the file is not a PNG (its signature is wrong)',
  'the PNG is cut short (no IEND chunk)',
  'the PNG has a malformed chunk type',
  'the PNG is damaged (the IHDR chunk fails its CRC check)',
  'the PNG does not start with an IHDR chunk',
  'the PNG has a tEXt chunk without a valid keyword',
  'the PNG has a malformed iTXt chunk',
  'the PNG\'s "stacksketch" text is not valid UTF-8',
  'the PNG carries more than one "stacksketch" text',
  'this is a folder, not a design file',
  'no such file',
  'cannot be read (EACCES)',
];

describe('load errors in Korean', () => {
  const fromInputs = BROKEN.flatMap((result) => (result.ok ? [] : result.errors.map((e) => e.message)));

  it('finds many different reasons in the broken inputs', () => {
    expect(new Set(fromInputs).size).toBeGreaterThan(50);
  });

  it.each([...new Set([...fromInputs, ...MORE])].map((message) => [message]))('%s', (message) => {
    const korean = loadErrorInKorean(message);
    expect(korean).toMatch(HANGUL);
    expect(korean).not.toBe(message);
    // What the reason quotes stays readable in the Korean sentence.
    for (const quoted of message.match(/"[^"]*"/g) ?? []) expect(korean).toContain(quoted);
  });

  it('describes a found value in Korean words', () => {
    expect(loadErrorInKorean('expected a string, found an array')).toBe('문자열이어야 하는데 배열입니다');
    expect(loadErrorInKorean('expected a number, found the string "3"')).toBe(
      '숫자여야 하는데 문자열 "3"입니다',
    );
  });
});
