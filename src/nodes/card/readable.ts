/**
 * How small canvas text may get on screen, and the zoom levels that follow from it. The card
 * (card.css), the editor's edge labels (styles.css) and the embed (embed.css) set their smallest text
 * with `--canvas-small-text`, which card.css defines from the same number (readable.test.ts checks
 * that the CSS and these constants agree).
 */

/** Text smaller than this on screen is too small to read comfortably. */
export const READABLE_TEXT_PX = 11;

/** The smallest font size of any text in a card or an edge label (the kind line, the key setting). */
export const SMALLEST_CANVAS_TEXT_PX = 11;

/** The node's name when the view is zoomed out past the readable zoom (cards then show only it). */
export const FAR_TITLE_PX = 26;

/** Below this zoom some card text would be smaller than READABLE_TEXT_PX on screen. */
export const READABLE_ZOOM = READABLE_TEXT_PX / SMALLEST_CANVAS_TEXT_PX;

/** The lowest zoom at which the title-only cards are still readable: the canvas zooms out no further. */
export const FAR_READABLE_ZOOM = READABLE_TEXT_PX / FAR_TITLE_PX;

/** The class a React Flow wrapper carries while its cards show only their titles. */
export const ZOOMED_OUT_CLASS = 'is-zoomed-out';
