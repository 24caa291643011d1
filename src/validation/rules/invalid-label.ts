import type { Design } from '../../model/design';
import { renameDesign } from '../../model/edit';
import { checkLabel } from '../../model/fields';
import { design, e, n } from './examples';
import { fieldRule } from '../fieldRule';
import type { Diagnostic } from '../types';

/** Design names may be longer than node labels: they describe a whole deployment. */
export const DESIGN_NAME_MAX = 100;

const named = (name: string, label: string) =>
  design(
    [
      n('browser', 'client', undefined, { label }),
      n('proxy', 'nginx', 'web'),
      n('wsgi', 'gunicorn', 'app'),
      n('api', 'flask', 'app'),
    ],
    [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi'), e('e3', 'wsgi', 'api')],
    name,
  );

export const invalidLabel = fieldRule({
  id: 'invalid-label',
  summary: `Display text (a client's \`label\`, max 64 characters, or the design \`name\`, max ${DESIGN_NAME_MAX}) that is empty, padded with spaces, or contains control or invisible characters, any of \`; { } [ ] < > | /\`, quotes, backticks, \`\\\`, \`$\` or \`..\` (also as fullwidth lookalikes), or a word mixing Latin with Cyrillic or Greek letters.`,
  why: 'Labels and the design name appear in the README, its Mermaid diagram, the bundle’s folder name and image exports. Any script is welcome (한글, ελληνικά, …), but characters that end a value, start markup or a shell expansion, invisible text-direction controls, and words that mix lookalike alphabets (a Cyrillic а in “locаlhost”) are refused. The design name also names the bundle folder, so `/` and `..` are refused too.',
  fixSummary: 'Reset the client label to its default ("Browser"), or rename the design to "untitled".',
  examples: { fires: named('shop\n[uwsgi]', 'Browser'), nearMiss: named('가게 (shop) v2', 'Mobile app') },
  extra(current, { text }) {
    const problem =
      typeof current.name === 'string' ? checkLabel(current.name, DESIGN_NAME_MAX) : text.field.expectedText;
    if (problem === null) return [];
    const diagnostic: Diagnostic = {
      rule: 'invalid-label',
      severity: 'error',
      message: text['invalid-label'].designName({ problem, reason: text.reasons['invalid-label'] }),
      nodes: [],
      edges: [],
      fix: { label: text['invalid-label'].fix, apply: (d: Design) => renameDesign(d, 'untitled') },
    };
    return [diagnostic];
  },
});
