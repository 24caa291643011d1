import type { Catalogue } from '../i18n';
import type { DesignNode } from '../model/design';
import { KINDS, type PropSpec } from '../nodes/registry';
import type { PropText } from '../nodes/types';

/** The words a settings table needs: the embed's own, and the kinds' words when not English. */
type SettingsWords = Pick<Catalogue, 'kinds'> & { ui: Pick<Catalogue['ui'], 'embed'> };

function shown(spec: PropSpec, value: unknown, words: SettingsWords, text: PropText | undefined): string {
  if (spec.type === 'boolean') return value ? words.ui.embed.yes : words.ui.embed.no;
  if (spec.type === 'enum') {
    const option = spec.options.find((candidate) => candidate.value === value);
    return (option && text?.options?.[option.value]) ?? option?.label ?? String(value);
  }
  return String(value);
}

/** Every setting of a node as label/value text, in descriptor order, in the catalogue's language. */
export function keySettings(node: DesignNode, words: SettingsWords): { label: string; value: string }[] {
  const props = node.props as unknown as Record<string, unknown>;
  const specs = KINDS[node.kind].props as Record<string, PropSpec>;
  const texts = words.kinds?.[node.kind].props as Record<string, PropText> | undefined;
  const rows = Object.entries(specs).map(([name, spec]) => ({
    label: texts?.[name]?.label ?? spec.label,
    value: shown(spec, props[name], words, texts?.[name]),
  }));
  if (node.container !== undefined) rows.unshift({ label: words.ui.embed.container, value: node.container });
  return rows;
}
