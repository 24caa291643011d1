import { describe, expect, it } from 'vitest';
import { fuzzDesigns } from '../../scripts/lib/fuzzDesigns';
import { allValidDesigns } from '../exporters/testing/designs';
import { roundTrip } from './roundtrip';

/**
 * Designs whose bundle does not carry everything (docs/import.md, "What the round trip cannot
 * recover"): one SQLite file opened by two servers' services of one container is one volume, and
 * the files do not say which of the two services the database belongs to.
 */
const KNOWN_LOSSY = new Set([
  'two-servers-one-container',
  // The importer does not read HTTPS yet (the ssl server block, the certbot service): TLS is lost.
  'https-letsencrypt',
]);

describe('importing what export wrote gives the same design back', () => {
  it('for every template and variety design', () => {
    const designs = allValidDesigns();
    expect(designs.length).toBeGreaterThan(10);
    for (const { id, design } of designs) {
      const { expected, actual, result } = roundTrip(design);
      expect(result.loadErrors, id).toEqual([]);
      if (KNOWN_LOSSY.has(id)) expect(actual, id).not.toEqual(expected);
      else expect(actual, id).toEqual(expected);
    }
  });

  it('for 1,000 fuzzed error-free designs', () => {
    const { designs } = fuzzDesigns(1000);
    expect(designs).toHaveLength(1000);
    const differing = designs.filter(({ design }) => {
      const { expected, actual } = roundTrip(design);
      return JSON.stringify(expected) !== JSON.stringify(actual);
    });
    expect(differing.map(({ id }) => id)).toEqual([]);
  }, 120_000);
});

/**
 * The server bundle carries HTTPS now, but the importer does not read it yet (the ssl server block,
 * certbot in install.sh), as for Compose (docs/import.md): TLS is lost.
 */
const KNOWN_LOSSY_ON_SERVER = new Set(['https-letsencrypt']);

describe('importing what export --target server wrote gives the same design back', () => {
  it('for every template and variety design', () => {
    const designs = allValidDesigns();
    for (const { id, design } of designs) {
      const { expected, actual, result } = roundTrip(design, 'server');
      expect(result.loadErrors, id).toEqual([]);
      if (KNOWN_LOSSY_ON_SERVER.has(id)) expect(actual, id).not.toEqual(expected);
      else expect(actual, id).toEqual(expected);
    }
  });

  it('gives replicas back from the template unit and its copies folders', () => {
    const design = allValidDesigns().find(({ id }) => id === 'load-balanced-gunicorn')!.design;
    const { result } = roundTrip(design, 'server');
    expect(result.design?.containers).toEqual(design.containers);
    expect(result.design?.nodes.filter((node) => node.container === 'app')).toHaveLength(
      design.nodes.filter((node) => node.container === 'app').length,
    );
  });

  it('for 1,000 fuzzed error-free designs', () => {
    const { designs } = fuzzDesigns(1000);
    expect(designs).toHaveLength(1000);
    const differing = designs.filter(({ design }) => {
      const { expected, actual } = roundTrip(design, 'server');
      return JSON.stringify(expected) !== JSON.stringify(actual);
    });
    expect(differing.map(({ id }) => id)).toEqual([]);
  }, 240_000);
});
