import { describe, expect, it } from 'vitest';
import { fuzzDesigns } from '../../scripts/lib/fuzzDesigns';
import type { Design } from '../model/design';
import { allValidDesigns, load } from '../exporters/testing/designs';
import { loadTemplate } from '../model/templates';
import { roundTrip, type RoundTripTarget } from './roundtrip';

/**
 * Designs whose bundle does not carry everything (docs/import.md, "What the round trip cannot
 * recover"): one SQLite file opened by two servers' services of one container is one volume, and
 * the files do not say which of the two services the database belongs to.
 */
const KNOWN_LOSSY = new Set(['two-servers-one-container']);

/** The HTTPS template with its nginx's props changed: every certificate mode, port and header. */
function httpsVariant(props: Record<string, unknown>): Design {
  const raw = structuredClone(loadTemplate('https-letsencrypt')) as unknown as {
    nodes: { kind: string; props: Record<string, unknown> }[];
  };
  const proxy = raw.nodes.find((node) => node.props.tls !== undefined)!;
  Object.assign(proxy.props, props);
  return load(raw as unknown as Record<string, unknown>);
}

const HTTPS_DESIGNS: { id: string; design: Design }[] = [
  {
    id: 'self-signed on 8443, no redirect, no HSTS',
    design: httpsVariant({
      tls: 'self-signed',
      httpsPort: 8443,
      redirectHttp: false,
      hsts: false,
      email: '',
    }),
  },
  {
    id: 'own files, redirect, no HSTS',
    design: httpsVariant({
      tls: 'files',
      hsts: false,
      email: '',
      certFile: '/srv/certs/shop.crt',
      keyFile: '/srv/certs/shop.key',
    }),
  },
  {
    id: "Let's Encrypt on 8443 beside port 8080, no redirect",
    design: httpsVariant({
      listen: 8080,
      httpsPort: 8443,
      redirectHttp: false,
      email: 'admin@shop.example.com',
    }),
  },
];

/** Report entries about HTTPS: a bundle's TLS settings, redirect and certificate steps are the design's own. */
const HTTPS_NOTE =
  /ssl_|TLS settings|certificate|Strict-Transport|redirectHttp|HTTPS|another listen|does not model/;

describe.each<RoundTripTarget>(['compose', 'server'])('HTTPS designs come back from %s files', (target) => {
  it.each(HTTPS_DESIGNS.map(({ id, design }) => [id, design] as const))('%s', (id, design) => {
    const { expected, actual, result } = roundTrip(design, target);
    expect(result.loadErrors, id).toEqual([]);
    expect(actual, id).toEqual(expected);
    expect(result.report.filter((entry) => HTTPS_NOTE.test(entry.message))).toEqual([]);
    // tls-init.sh, certbot's script and its deploy hook are read as part of the nginx node.
    expect(result.report.map((entry) => entry.file)).not.toContainEqual(
      expect.stringMatching(/tls-init\.sh|certbot/),
    );
  });
});

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

describe('importing what export --target server wrote gives the same design back', () => {
  it('for every template and variety design', () => {
    const designs = allValidDesigns();
    for (const { id, design } of designs) {
      const { expected, actual, result } = roundTrip(design, 'server');
      expect(result.loadErrors, id).toEqual([]);
      expect(actual, id).toEqual(expected);
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
