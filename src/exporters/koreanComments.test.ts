import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, loadTemplate } from '../model/templates';
import { TARGETS } from '../model/target';
import { generate } from './generate';
import { HANGUL, codeLines, commentLines } from './testing/comments';
import { PYTHON_LINE_LENGTH } from '../nodes/pythonTooling';

/** The files whose comments explain the stack's choices: each must speak Korean in a Korean bundle. */
const MAIN_CONFIGS = [
  /(^|\/)nginx\.conf$/,
  /^nginx\/.*\.conf$/,
  /(^|\/)gunicorn\.conf\.py$/,
  /(^|\/)uwsgi\.ini$/,
  /(^|\/)Dockerfile$/,
  /^docker-compose\.yml$/,
  /\.service$/,
  /(^|\/)settings\.py$/,
  /(^|\/)app\.py$/,
  /(^|\/)\.env\.example$/,
  /^(install|uninstall)\.sh$/,
  /^scripts\/smoke\.sh$/,
  /^k8s\/kustomization\.yaml$/,
];

describe('a Korean bundle: Korean comments, the same files and the same code as the English one', () => {
  for (const id of TEMPLATE_IDS)
    for (const target of TARGETS)
      it(`${id} (${target})`, () => {
        const design = loadTemplate(id);
        const english = generate(design, { target, lang: 'en' }).files;
        const korean = generate(design, { target, lang: 'ko' }).files;
        expect(Object.keys(korean)).toEqual(Object.keys(english));
        for (const [path, text] of Object.entries(english)) {
          if (path.endsWith('.md') || path === 'design.json') continue;
          expect(codeLines(korean[path]!), path).toEqual(codeLines(text));
          if (path.endsWith('.py'))
            for (const line of korean[path]!.split('\n'))
              expect(
                line.length <= PYTHON_LINE_LENGTH || line.endsWith('# noqa: E501'),
                `${path}: ${line}`,
              ).toBe(true);
          if (MAIN_CONFIGS.some((pattern) => pattern.test(path)) && commentLines(text).length > 0)
            expect(
              commentLines(korean[path]!).some((line) => HANGUL.test(line)),
              path,
            ).toBe(true);
        }
      });

  it('gives the same bytes for the same design, target and language', () => {
    for (const target of TARGETS) {
      const first = generate(loadTemplate('gunicorn-flask-sqlite'), { target, lang: 'ko' }).files;
      const second = generate(loadTemplate('gunicorn-flask-sqlite'), { target, lang: 'ko' }).files;
      expect(second).toEqual(first);
    }
  });
});
