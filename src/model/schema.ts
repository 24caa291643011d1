import { KINDS, NODE_KINDS, type PropSpec } from '../nodes/registry';
import {
  BALANCE_METHODS,
  FORMAT,
  MAX_CONTAINERS,
  MAX_EDGES,
  MAX_NODES,
  MAX_REPLICAS,
  MIN_REPLICAS,
} from './design';

/** JSON Schema (2020-12) of the current format (stacksketch/v2), generated from the kind descriptors. */
export function designJsonSchema(): Record<string, unknown> {
  const position = {
    type: 'object',
    additionalProperties: false,
    required: ['x', 'y'],
    properties: { x: { type: 'number' }, y: { type: 'number' } },
  };
  const id = { type: 'string', minLength: 1, maxLength: 100 };
  const containerName = { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$', maxLength: 63 };
  const nodeVariants = NODE_KINDS.map((kind) => {
    const descriptor = KINDS[kind];
    const props: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(descriptor.props) as [string, PropSpec][])
      props[name] = propSchema(spec);
    const properties: Record<string, unknown> = {
      id,
      kind: { const: kind, description: descriptor.role },
      position,
      props: { type: 'object', additionalProperties: false, properties: props },
    };
    if (descriptor.defaultContainer !== null) {
      properties.container = {
        type: 'string',
        pattern: '^[a-z0-9][a-z0-9_.-]*$',
        description: `The Docker Compose service this node runs in (default: ${descriptor.defaultContainer ?? 'none'}).`,
      };
    }
    return {
      title: descriptor.label,
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind'],
      properties,
    };
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'stacksketch.schema.json',
    title: `StackSketch design (${FORMAT})`,
    description:
      'A Python web deployment drawn in StackSketch. Edges point from caller to callee; missing props take their defaults. Files of stacksketch/v1 still load (they are migrated).',
    type: 'object',
    additionalProperties: false,
    required: ['format', 'nodes'],
    properties: {
      $schema: { type: 'string' },
      format: { const: FORMAT },
      name: { type: 'string', description: 'The design name; the bundle folder is derived from it.' },
      containers: {
        type: 'object',
        description:
          'Every container (Docker Compose service, a frame on the canvas) by name. One that holds no node is an empty frame; one that nodes name but this omits gets the defaults.',
        maxProperties: MAX_CONTAINERS,
        propertyNames: containerName,
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            replicas: {
              type: 'integer',
              minimum: MIN_REPLICAS,
              maximum: MAX_REPLICAS,
              default: 1,
              description: 'How many copies of the container run.',
            },
          },
        },
      },
      nodes: { type: 'array', maxItems: MAX_NODES, items: { oneOf: nodeVariants } },
      edges: {
        type: 'array',
        maxItems: MAX_EDGES,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['source', 'target'],
          properties: {
            id,
            source: { type: 'string', description: 'The calling node id.' },
            target: { type: 'string', description: 'The called node id.' },
            props: {
              type: 'object',
              additionalProperties: false,
              properties: {
                route: {
                  type: 'string',
                  default: '/',
                  description: 'Location prefix, on edges leaving an nginx.',
                },
                pass: {
                  enum: ['uwsgi_pass', 'proxy_pass'],
                  description:
                    'On nginx → uWSGI edges: uwsgi_pass for a uWSGI socket, proxy_pass for an http-socket.',
                },
                balance: {
                  enum: [...BALANCE_METHODS],
                  default: 'round-robin',
                  description:
                    'On nginx edges to a WSGI server or app: how requests are spread over the copies of a replicated container.',
                },
              },
            },
          },
        },
      },
    },
  };
}

function propSchema(spec: PropSpec): Record<string, unknown> {
  const common = { title: spec.label, description: spec.doc, default: spec.default };
  switch (spec.type) {
    case 'string':
      return { ...common, type: 'string' };
    case 'number':
      return { ...common, type: 'number' };
    case 'integer':
      return { ...common, type: 'integer', minimum: spec.min, maximum: spec.max };
    case 'boolean':
      return { ...common, type: 'boolean' };
    case 'enum':
      return { ...common, enum: spec.options.map((option) => option.value) };
    case 'workers':
      return spec.allowAuto
        ? { ...common, oneOf: [{ const: 'auto' }, { type: 'integer' }] }
        : { ...common, type: 'integer' };
  }
}

export function designJsonSchemaText(): string {
  return `${JSON.stringify(designJsonSchema(), null, 2)}\n`;
}
