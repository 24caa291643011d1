import { categoryStyleSheet } from '../palette';

/** Give the page the category colours (see palette.ts) once, before anything draws a node. */
export function installCategoryStyles(doc: Document = document): void {
  if (doc.querySelector('style[data-category-palette]')) return;
  const style = doc.createElement('style');
  style.dataset.categoryPalette = '';
  style.textContent = categoryStyleSheet();
  doc.head.append(style);
}
