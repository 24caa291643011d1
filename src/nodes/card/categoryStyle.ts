import { categoryStyleSheet } from '../palette';
import { glyphStyleSheet } from './glyphStyle';

/**
 * Give the page what every card's look is made of — the category colours (see palette.ts) and the
 * kinds' glyphs (see glyphStyle.ts) — once, before anything draws a node.
 */
export function installCardStyles(doc: Document = document): void {
  if (doc.querySelector('style[data-card-styles]')) return;
  const style = doc.createElement('style');
  style.dataset.cardStyles = '';
  style.textContent = categoryStyleSheet() + glyphStyleSheet();
  doc.head.append(style);
}
