/**
 * What the apps' self-checks share (`make test`, `make lint`, `make format`): the pinned test and
 * lint tools, and the one line length black and flake8 agree on. Generated Python text is written
 * the way black writes it, so `black --check` and flake8 pass with the shipped config.
 */
import type { Lang } from '../i18n/lang';
import { TOOLING_COMMENTS } from './toolingComments';

/** Test and lint tools with what they need, pinned apart from the image's requirements. */
export const PYTHON_DEV_PINNED = [
  'pytest==8.3.3',
  'iniconfig==2.0.0',
  'pluggy==1.5.0',
  'packaging==24.1',
  'flake8==7.1.1',
  'mccabe==0.7.0',
  'pycodestyle==2.12.1',
  'pyflakes==3.2.0',
  'black==24.8.0',
  'click==8.1.7',
  'mypy-extensions==1.0.0',
  'pathspec==0.12.1',
  'platformdirs==4.3.6',
];

/** The line length black and flake8 share (black's default). */
export const PYTHON_LINE_LENGTH = 88;

/** A line longer than black and flake8 allow can only hold one long literal: flake8 is told so. */
export function fitLine(line: string): string {
  return line.length > PYTHON_LINE_LENGTH ? `${line}  # noqa: E501` : line;
}

/** Names pycodestyle calls ambiguous (E741: l, O and I look like 1 and 0). */
const AMBIGUOUS_NAMES = new Set(['l', 'O', 'I']);

/**
 * `name = value` for a name the design chose (a WSGI callable): when the name is one flake8 calls
 * ambiguous, the line says that the name is wanted, since the server loads it by that name.
 */
export function assignDesignName(name: string, value: string): string {
  const line = `${name} = ${value}`;
  return AMBIGUOUS_NAMES.has(name) ? `${line}  # noqa: E741` : fitLine(line);
}

/** A bracketed sequence of literals: on one line when it fits, else one per line with a trailing comma. */
export function pySequence(
  indent: string,
  prefix: string,
  literals: readonly string[],
  brackets: '[]' | '()' = '[]',
  suffix = '',
): string {
  const [open, close] = [brackets[0]!, brackets[1]!];
  const single = literals.length === 1 && brackets === '()' ? ',' : '';
  const oneLine = `${indent}${prefix}${open}${literals.join(', ')}${single}${close}${suffix}`;
  if (oneLine.length <= PYTHON_LINE_LENGTH) return oneLine;
  return [
    `${indent}${prefix}${open}`,
    ...literals.map((literal) => fitLine(`${indent}    ${literal},`)),
    `${indent}${close}${suffix}`,
  ].join('\n');
}

/** requirements-dev.txt: the runtime requirements, then the tools (minus what the runtime pins already). */
export function renderDevRequirements(runtime: readonly string[], lang: Lang): string {
  const pinned = new Set(runtime.map((line) => line.split('==')[0]!.toLowerCase()));
  return [
    `# ${TOOLING_COMMENTS[lang].devRequirements}`,
    '-r requirements.txt',
    ...PYTHON_DEV_PINNED.filter((line) => !pinned.has(line.split('==')[0]!.toLowerCase())),
    '',
  ].join('\n');
}

/** The folder of static files the lint tools leave alone, and whether black is told to skip it too. */
export interface StaticExclusion {
  folder: string;
  alsoFromBlack: boolean;
}

/** pyproject.toml (black, pytest) and setup.cfg (flake8), with the one line length they share. */
export function lintAndTestConfig(
  lang: Lang,
  excluded: StaticExclusion,
): { 'pyproject.toml': string; 'setup.cfg': string } {
  const blackExclude = excluded.alsoFromBlack ? `extend-exclude = "${excluded.folder}"\n` : '';
  return {
    'pyproject.toml': `[tool.black]
line-length = ${PYTHON_LINE_LENGTH}
${blackExclude}
[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "-p no:cacheprovider"
`,
    'setup.cfg': `[flake8]
# ${TOOLING_COMMENTS[lang].flake8}
max-line-length = ${PYTHON_LINE_LENGTH}
extend-ignore = E203
exclude = .git,__pycache__,${excluded.folder}
`,
  };
}
