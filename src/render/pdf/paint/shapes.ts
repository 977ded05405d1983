import type { LineOp, RectOp } from '../layout/types.js';
import { num, type PageContent } from './content.js';

/**
 * Rules and table cells, written as the operators pdfkit's `save().rect().fill...().restore()`
 * and `moveTo().lineTo().stroke()` calls write (same bytes). False when a colour is not a hex
 * colour: then pdfkit must draw the shape.
 */
export function paintRect(content: PageContent, op: RectOp): boolean {
  const fill = op.fill === undefined ? '' : content.color(op.fill, false);
  const stroke = op.stroke === undefined ? '' : content.color(op.stroke, true);
  if (fill === undefined || stroke === undefined) return false;
  content.push('q', `${num(op.x)} ${num(op.y)} ${num(op.w)} ${num(op.h)} re`);
  const width = `${num(op.lineWidth ?? 0.5)} w`;
  if (fill !== '' && stroke !== '') content.push(width, fill, stroke, 'B');
  else if (fill !== '') content.push(fill, 'f');
  else if (stroke !== '') content.push(width, stroke, 'S');
  content.push('Q');
  return true;
}

export function paintLine(content: PageContent, op: LineOp): boolean {
  const stroke = content.color(op.color, true);
  if (stroke === undefined) return false;
  content.push(
    'q',
    `${num(op.x1)} ${num(op.y1)} m`,
    `${num(op.x2)} ${num(op.y2)} l`,
    `${num(op.width)} w`,
    stroke,
    'S',
    'Q',
  );
  return true;
}
