import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { bundleFolderName, downloadBaseName } from './folder';
import { mermaidText, toMermaid } from './mermaid';

describe('Korean stays Korean', () => {
  it('in Mermaid labels, while quotes, brackets and markup still become entities', () => {
    expect(mermaidText('사용자 브라우저')).toBe('사용자 브라우저');
    expect(mermaidText('가게 "A" <b>')).toBe('가게 #34;A#34; #60;b#62;');
    const design = loadTemplate('gunicorn-flask-sqlite');
    const client = design.nodes.find((node) => node.props && 'label' in node.props)!;
    const korean = {
      ...design,
      nodes: design.nodes.map((node) =>
        node === client ? { ...node, props: { ...node.props, label: '사용자 브라우저' } } : node,
      ),
    } as typeof design;
    expect(toMermaid(korean)).toContain('"사용자 브라우저"');
    expect(toMermaid(korean)).not.toMatch(/#\d{5};/);
  });

  it('in download names, with the ASCII rule as the one fallback', () => {
    expect(downloadBaseName('우리 가게 API', bundleFolderName)).toBe('우리-가게-API');
    expect(downloadBaseName('가게/../../etc', bundleFolderName)).toBe('가게-..-..-etc');
    expect(downloadBaseName('Shop API', bundleFolderName)).toBe(bundleFolderName('Shop API'));
    expect(downloadBaseName('🙂🙂', bundleFolderName)).toBe('stacksketch-design');
    expect(downloadBaseName('한\u1100\u1161', bundleFolderName)).toBe('한가');
  });

  it('never lets a download name reach another folder', () => {
    for (const name of ['../가게', '가게\\..\\x', '가게:*?"<>|', '.가게'])
      expect(downloadBaseName(name, bundleFolderName)).not.toMatch(/[/\\:*?"<>|]|^\./);
  });
});
