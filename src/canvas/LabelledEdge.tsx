import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { SMALLEST_CANVAS_TEXT_PX } from '../nodes/card/readable';

// Labels are set in the monospace stack (.react-flow__edge-text), whose advance is about 0.6 em, so
// the background is sized from the character count rather than measured after the first paint.
const FONT_PX = SMALLEST_CANVAS_TEXT_PX;
const ADVANCE_PX = FONT_PX * 0.6;
const PAD_X_PX = 3;
const PAD_Y_PX = 2;

/**
 * React Flow's bezier edge with its label drawn at absolute coordinates. The library's label is a
 * `<g transform>` measured after paint: on a 600-edge design those transforms are one more paint chunk
 * per edge for Chromium to layerize on every drag frame, and each move re-measures the label.
 */
export const LabelledEdge = memo(function LabelledEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  label,
  markerEnd,
  style,
  interactionWidth,
}: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const text = typeof label === 'string' ? label : '';
  const width = Array.from(text).length * ADVANCE_PX + 2 * PAD_X_PX;
  const height = FONT_PX + 2 * PAD_Y_PX;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {text && (
        // the library's wrapper class (clickable label, text ignoring the pointer), without its transform
        <g className="react-flow__edge-textwrapper">
          <rect
            className="react-flow__edge-textbg"
            x={labelX - width / 2}
            y={labelY - height / 2}
            width={width}
            height={height}
            rx={2}
          />
          <text
            className="react-flow__edge-text"
            x={labelX}
            y={labelY}
            textAnchor="middle"
            dominantBaseline="central"
          >
            {text}
          </text>
        </g>
      )}
    </>
  );
});
