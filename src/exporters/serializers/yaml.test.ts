import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { independentStacksDesign } from '../../../bench/lib/designs';
import { HOSTILE_STRINGS } from '../../validation/hostileInputs';
import { plan } from '../plan';
import { COMPOSE_HEADER, composeDocument, renderCompose } from '../targets/compose/docker';
import { allValidDesigns } from '../testing/designs';
import { composeVariable, emitCompose, formatCompose, formatComposeWithLibrary } from './yaml';

/** formatCompose and the library's own stringify of the same document: same text, or the same refusal. */
function outcome(format: typeof formatCompose, document: Record<string, unknown>): string {
  try {
    return `text:${format(document, COMPOSE_HEADER)}`;
  } catch (error) {
    return `error:${(error as Error).message}`;
  }
}

function expectSameAsLibrary(document: Record<string, unknown>): void {
  expect(outcome(formatCompose, document)).toBe(outcome(formatComposeWithLibrary, document));
}

function objectWith(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

describe('compose emitter: byte for byte what the yaml library writes', () => {
  it('for the docker-compose.yml of every template and exporter test design', () => {
    const designs = allValidDesigns();
    expect(designs.length).toBeGreaterThan(4);
    for (const { id, design } of designs) {
      const document = composeDocument(plan(design));
      expect(emitCompose(document), id).not.toBeNull();
      expect(renderCompose(plan(design)), id).toBe(formatComposeWithLibrary(document, COMPOSE_HEADER));
    }
  });

  it('for a 200-stack design (1,000 nodes), twice: with new scalars and with learned ones', () => {
    const deployment = plan(independentStacksDesign(200));
    const document = composeDocument(deployment);
    const expected = formatComposeWithLibrary(document, COMPOSE_HEADER);
    expect(expected.split('\n').length).toBeGreaterThan(8_000);
    expect(renderCompose(deployment)).toBe(expected);
    expect(renderCompose(deployment)).toBe(expected);
  });

  it('for hostile strings as values and keys, at the top level and nested (or the same refusal)', () => {
    let written = 0;
    for (const { value } of HOSTILE_STRINGS) {
      const documents = [
        { services: { app: { environment: { A: value }, ports: [value, '80:80'] } } },
        objectWith([[value, { image: value }]]),
        { services: objectWith([[value, { build: { context: value } }]]) },
      ];
      for (const document of documents) {
        expectSameAsLibrary(document);
        if (emitCompose(document) !== null) written++;
      }
    }
    // Most hostile strings carry no control character: the emitter writes those itself.
    expect(written).toBeGreaterThan(HOSTILE_STRINGS.length);
  });

  it('keeps $ escaping, variables, control-character refusal and __proto__ as an ordinary key', () => {
    const document = {
      services: objectWith([
        ['__proto__', { environment: { A: 'x$y', SECRET_KEY: composeVariable('SECRET_KEY') } }],
      ]),
    };
    const text = formatCompose(document);
    expect(text).toBe(
      'services:\n  __proto__:\n    environment:\n      A: "x$$y"\n      SECRET_KEY: "${SECRET_KEY:-}"\n',
    );
    expectSameAsLibrary(document);
    expect(() => formatCompose({ services: { app: { ports: ['a\u0007b'] } } })).toThrow(
      'compose: refusing services.app.ports[0] "a\uFFFDb": control characters',
    );
    expect(() => formatCompose({ services: { a$b: {} } })).toThrow('compose: refusing key "a$b"');
    expect(() => formatCompose({ a: 'x' }, ['two\nlines'])).toThrow(/one line/);
  });

  it('for key texts the library writes differently by depth, and shapes it leaves to the library', () => {
    for (const key of [
      '---x',
      '...',
      '%a',
      'yes',
      'on',
      '1',
      'e0',
      '',
      'a: b',
      '- k',
      '#c',
      'k'.repeat(1_100),
    ])
      expectSameAsLibrary(objectWith([[key, objectWith([[key, [key]]])]]));
    expectSameAsLibrary({ a: 0, b: [0, -0, 1] });
    for (const document of [
      {},
      { a: -0 },
      { a: null },
      { a: undefined, b: 1 },
      { a: [[1]] },
      { a: [{ b: 1 }] },
    ]) {
      expect(emitCompose(document)).toBeNull();
      expectSameAsLibrary(document);
    }
    expectSameAsLibrary({ a: {}, b: [], c: [{}, [], 1, true, -0.5, 'x'] });
  });

  it('leaves the document to the library while Object.prototype has an enumerable key', () => {
    const document = { services: { app: { restart: 'always' } } };
    expect(emitCompose(document)).not.toBeNull();
    let emitted: string | null;
    let viaEmitter: string;
    let viaLibrary: string;
    Object.defineProperty(Object.prototype, 'polluted', {
      value: 'x',
      enumerable: true,
      writable: true,
      configurable: true,
    });
    try {
      emitted = emitCompose(document);
      viaEmitter = outcome(formatCompose, document);
      viaLibrary = outcome(formatComposeWithLibrary, document);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(emitted).toBeNull();
    expect(viaEmitter).toBe(viaLibrary);
    expect(emitCompose(document)).not.toBeNull();
  });

  it('for random Compose-shaped documents', () => {
    const text = fc.oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.map((input) => input.value)) },
      {
        weight: 2,
        arbitrary: fc.constantFrom('80:80', 'yes', 'No', 'null', '~', '0o17', '1e3', '---', '%x', "'", '"'),
      },
    );
    const scalar = fc.oneof(
      { weight: 6, arbitrary: text },
      { weight: 1, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 1, arbitrary: fc.double() },
    );
    const leaf = fc.oneof(
      { weight: 6, arbitrary: scalar },
      { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom({}, []) },
    );
    const map = (value: fc.Arbitrary<unknown>) =>
      fc.uniqueArray(fc.tuple(text, value), { maxLength: 4, selector: ([key]) => key }).map(objectWith);
    const service = map(fc.oneof(leaf, map(leaf)));
    const document = fc.record({ services: map(service), volumes: map(fc.constant({})) });
    let emitted = 0;
    fc.assert(
      fc.property(document, (doc) => {
        expectSameAsLibrary(doc);
        if (emitCompose(doc) !== null) emitted++;
      }),
      { numRuns: 500, seed: 9 },
    );
    expect(emitted).toBeGreaterThan(100);
  });
});
