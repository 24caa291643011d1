import { memo, type ReactNode } from 'react';
import { cardLinesOf, KINDS, type NodeKind } from '../registry';
import { categoryClass } from '../palette';
import { canvasMeasure, fitter } from './fitText';
import { glyphClass } from './glyphStyle';
import { SMALLEST_CANVAS_TEXT_PX } from './readable';
import './card.css';

// Room for text in a card (see .node-card in card.css): 190 px wide, borders 3 + 1, padding 9 + 10.
const SUMMARY_ROOM_PX = 167;
// …and beside the 28 px icon and its 8 px gap; a problem badge takes another 30 px or so.
const NAME_ROOM_PX = 131;
const BADGE_ROOM_PX = 32;
// .node-kind is set in capitals with 0.05em letter spacing, which a canvas measure does not see.
const KIND_FONT_PX = SMALLEST_CANVAS_TEXT_PX;
const KIND_LETTER_SPACING_PX = KIND_FONT_PX * 0.05;
// The id, when the kind line shows one, sits at the line's end, at least this far from the label.
const KIND_ID_GAP_PX = 8;

// Fonts as the page resolves them (the body's family, the --mono stack), read on first use.
const bodyStyle = () => getComputedStyle(document.body);
const family = () => bodyStyle().fontFamily || 'sans-serif';
const fitName = fitter(canvasMeasure(() => `600 13px ${family()}`, 13 * 0.62));
const SUMMARY_FONT_PX = SMALLEST_CANVAS_TEXT_PX;
const fitSummary = fitter(
  canvasMeasure(
    () => `${SUMMARY_FONT_PX}px ${bodyStyle().getPropertyValue('--mono').trim() || 'monospace'}`,
    SUMMARY_FONT_PX * 0.6,
  ),
);
const measureKind = canvasMeasure(() => `${KIND_FONT_PX}px ${family()}`, KIND_FONT_PX * 0.6);
const fitKindId = fitter(measureKind);

/** The room an id has on the kind line, after the kind's label (set in capitals) and a gap. */
function idRoomPx(kindLabel: string): number {
  const label = kindLabel.toUpperCase();
  const spacing = Array.from(label).length * KIND_LETTER_SPACING_PX;
  return NAME_ROOM_PX - measureKind(label) - spacing - KIND_ID_GAP_PX;
}

function ProblemBadge({ errors, warnings }: { errors: number; warnings: number }) {
  const severity = errors > 0 ? 'error' : 'warning';
  const count = errors > 0 ? errors : warnings;
  const text =
    `${errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : ''}` +
    `${errors > 0 && warnings > 0 ? ', ' : ''}` +
    `${warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
  return (
    <span
      className={`node-badge node-badge-${severity}`}
      data-severity={severity}
      title={text}
      aria-label={text}
    >
      {severity === 'error' ? '!' : '▲'}
      {count > 1 ? count : ''}
    </span>
  );
}

export interface KindCardProps {
  node: { id: string; kind: NodeKind; props: object };
  selected?: boolean;
  errors?: number;
  warnings?: number;
  /**
   * Whether the card cuts long text to its width itself (the canvas, where hundreds of cards move) or
   * keeps the whole text and lets CSS clip it (the embed: a few cards that never move).
   */
  fitText?: boolean;
  /** What sits before and after the card: the connection handles of the picture it is drawn in. */
  inputs?: ReactNode;
  outputs?: ReactNode;
}

/**
 * The card of a node, the same on the canvas and in the embed: the kind's icon and label, the node's
 * name (its title, for a kind that has one, else its id), its key setting (see `summaryOf`) and a
 * problem badge. On the canvas long text is cut to the card's width here rather than clipped by CSS: a
 * clip per card is a separate paint chunk per node for the browser to re-layerize on every frame a node
 * moves. The full text is always in the element's title.
 */
export const KindCard = memo(function KindCard({
  node,
  selected = false,
  errors = 0,
  warnings = 0,
  fitText = true,
  inputs,
  outputs,
}: KindCardProps) {
  const { category } = KINDS[node.kind];
  const lines = cardLinesOf(node);
  const hasBadge = errors > 0 || warnings > 0;
  return (
    <div className={`node-shell ${categoryClass(category)}`}>
      {inputs}
      <div className={`node-card${selected ? ' is-selected' : ''}${fitText ? '' : ' is-clipped'}`}>
        <div className="node-head">
          <span className={`node-icon node-glyph ${glyphClass(node.kind)}`} aria-hidden="true" />
          <span className="node-titles">
            <span className="node-kind">
              <span>{lines.kind}</span>
              {lines.id !== null && (
                <span className="node-kind-id" title={lines.id}>
                  {fitText ? fitKindId(lines.id, idRoomPx(lines.kind)) : lines.id}
                </span>
              )}
            </span>
            <span className="node-name" title={lines.name}>
              {fitText
                ? fitName(lines.name, hasBadge ? NAME_ROOM_PX - BADGE_ROOM_PX : NAME_ROOM_PX)
                : lines.name}
            </span>
          </span>
          {lines.secure && (
            <svg
              className="node-lock"
              role="img"
              aria-label="HTTPS"
              data-testid="node-lock"
              viewBox="0 0 12 14"
              width="12"
              height="14"
            >
              <title>HTTPS</title>
              <path d="M3 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <rect x="1" y="6" width="10" height="7.5" rx="1.5" fill="currentColor" />
            </svg>
          )}
          {hasBadge && <ProblemBadge errors={errors} warnings={warnings} />}
        </div>
        <div className="node-summary" title={lines.summary}>
          {fitText ? fitSummary(lines.summary, SUMMARY_ROOM_PX) : lines.summary}
        </div>
      </div>
      {outputs}
    </div>
  );
});
