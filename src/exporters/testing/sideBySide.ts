/**
 * Designs side by side, for the tests of what is planned and checked part by part: pairs of the
 * golden designs, the second's ids prefixed and the containers renamed so that some names clash.
 */
import type { Design } from '../../model/design';
import { plan } from '../plan';
import { goldenDesigns } from './golden';

export const same = (container: string) => container;

/**
 * Renamings of both designs' containers, some chosen so that the second takes names the first's
 * plan uses ("web-certbot" for web's certbot, "app_2_8000" for the upstreams of "app-2" and "app_2").
 */
export const RENAMES: [(container: string) => string, (container: string) => string][] = [
  [same, (container) => `b-${container}`],
  [same, (container) => `${container}-2`],
  [same, (container) => `${container}-app`],
  [same, (container) => `${container}-certbot`],
  [(container) => `${container}-2`, (container) => `${container}_2`],
];

/** Both designs side by side: the second's ids prefixed, the containers renamed. */
export function sideBySide(
  first: Design,
  second: Design,
  [renameFirst, renameSecond]: (typeof RENAMES)[number],
): Design {
  const containers = (design: Design, rename: (container: string) => string) =>
    Object.fromEntries(Object.entries(design.containers).map(([name, value]) => [rename(name), value]));
  const nodes = (design: Design, rename: (container: string) => string, id: (value: string) => string) =>
    design.nodes.map((node) => ({
      ...node,
      id: id(node.id),
      ...(node.container === undefined ? {} : { container: rename(node.container) }),
    }));
  const id = (value: string) => `b-${value}`;
  return {
    ...first,
    containers: { ...containers(first, renameFirst), ...containers(second, renameSecond) },
    nodes: [...nodes(first, renameFirst, same), ...nodes(second, renameSecond, id)],
    edges: [
      ...first.edges,
      ...second.edges.map((edge) => ({
        ...edge,
        id: id(edge.id),
        source: id(edge.source),
        target: id(edge.target),
      })),
    ],
  };
}

/** A small seeded random source, so a failure names the case that gives it. */
export function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

export const plannable = goldenDesigns().filter(({ design }) => {
  try {
    plan(design);
    return true;
  } catch {
    return false;
  }
});

/** Pairs of the golden designs side by side, with a renaming of the second's containers each. */
export function pairs(count: number, seed: number): { id: string; design: Design }[] {
  const pick = random(seed);
  return Array.from({ length: count }, () => {
    const first = plannable[pick(plannable.length)]!;
    // A third of the pairs are a design beside itself (the same socket paths, the same names).
    const second = pick(3) === 0 ? first : plannable[pick(plannable.length)]!;
    const rename = pick(RENAMES.length);
    return {
      id: `${first.id} + ${second.id} (renaming ${rename})`,
      design: sideBySide(first.design, second.design, RENAMES[rename]!),
    };
  });
}
