import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../nodes/registry';
import { designJsonSchema, designJsonSchemaText } from './schema';

describe('the shipped JSON Schema', () => {
  it('is up to date with the descriptors (run `npm run schema` after changing a kind)', () => {
    const shipped = readFileSync(new URL('../../public/stacksketch.schema.json', import.meta.url), 'utf8');
    expect(shipped).toBe(designJsonSchemaText());
  });

  it('describes every kind with its props and defaults', () => {
    const schema = designJsonSchema() as {
      properties: {
        nodes: {
          items: {
            oneOf: {
              properties: {
                kind: { const: string };
                props: { properties: Record<string, { default: unknown }> };
              };
            }[];
          };
        };
      };
    };
    const variants = schema.properties.nodes.items.oneOf;
    expect(variants.map((variant) => variant.properties.kind.const)).toEqual([...NODE_KINDS]);
    const nginx = variants.find((variant) => variant.properties.kind.const === 'nginx')!;
    expect(nginx.properties.props.properties.listen!.default).toBe(80);
  });
});
