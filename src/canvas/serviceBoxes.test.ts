import { describe, expect, it } from 'vitest';
import { generate } from '../exporters/generate';
import { goldenDesigns } from '../exporters/testing/golden';
import type { Design } from '../model/design';
import { servicesOf } from '../model/services';
import { design, e, n } from '../validation/rules/examples';
import { load } from '../validation/testing';
import { computeFrames, serviceBoxesOf, type PlacedNode } from './frames';

/** Every node placed in a row, as the canvas would draw a design. */
function placed(current: Design): PlacedNode[] {
  return current.nodes.map((node, index) => ({
    id: node.id,
    container: node.container,
    position: node.position ?? { x: index * 300, y: 0 },
  }));
}

/** The names the canvas draws: each frame's container and each service box's service. */
function drawnNames(current: Design): Set<string> {
  const nodes = placed(current);
  return new Set([
    ...computeFrames(nodes).map((frame) => frame.container),
    ...serviceBoxesOf(servicesOf(current), nodes).map((box) => box.service),
  ]);
}

/** The service folders of the previewed Compose bundle. */
function previewFolders(current: Design): string[] {
  const { plan, files } = generate(current, { target: 'compose', lang: 'en' });
  const buildDirs = new Set(plan.services.map((service) => service.buildDir));
  return [...new Set(Object.keys(files).map((path) => path.split('/')[0]!))].filter((top) =>
    buildDirs.has(top),
  );
}

describe('the canvas draws every service the preview shows', () => {
  it('an idle Gunicorn beside an unconnected Flask app: two services, both drawn', () => {
    const incomplete = load(
      design(
        [
          n('browser', 'client'),
          n('nginx-1', 'nginx', 'web'),
          n('gunicorn-1', 'gunicorn', 'app'),
          n('flask-1', 'flask', 'app'),
        ],
        [],
      ),
    );
    expect(previewFolders(incomplete).sort()).toEqual(['app', 'app-2', 'web']);
    const boxes = serviceBoxesOf(servicesOf(incomplete), placed(incomplete));
    expect(boxes.map((box) => [box.service, box.container])).toEqual([
      ['app', 'app'],
      ['app-2', 'app'],
    ]);
    expect(drawnNames(incomplete)).toEqual(new Set(['web', 'app', 'app-2']));
  });

  it('nginx and a server sharing a container: the server’s service is drawn by name', () => {
    const shared = load(design([n('proxy', 'nginx', 'web'), n('wsgi', 'gunicorn', 'web')], []));
    expect(previewFolders(shared).sort()).toEqual(['web', 'web-app']);
    expect([...drawnNames(shared)].sort()).toEqual(['web', 'web-app']);
  });

  it('a container that is one service gets no extra box', () => {
    const plain = load(
      design([n('wsgi', 'gunicorn', 'app'), n('api', 'flask', 'app')], [e('e1', 'wsgi', 'api')]),
    );
    expect(serviceBoxesOf(servicesOf(plain), placed(plain))).toEqual([]);
  });

  it('holds for every template, variety, forced and fuzz design', () => {
    for (const { id, design: current } of goldenDesigns()) {
      const drawn = drawnNames(current);
      const missing = previewFolders(current).filter((folder) => !drawn.has(folder));
      expect({ id, missing }).toEqual({ id, missing: [] });
    }
  });
});
