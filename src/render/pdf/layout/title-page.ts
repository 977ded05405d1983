import type { DocumentMeta, Inline, Table, TableRow } from '../../../model/nodes.js';
import { CAPTIONS, REVISION_HEADER, documentControlRows, revisionRows } from '../../captions.js';
import { COLOR, MM, PAGE, SIZE } from '../style.js';
import type { LayoutContext } from './context.js';
import { placeLines } from './emit.js';
import type { Frame } from './flow.js';
import { breakLines } from './lines.js';
import { layoutTable } from './table.js';

const text = (value: string): Inline => ({ type: 'text', value });
const row = (cells: readonly (readonly Inline[])[]): TableRow => ({
  type: 'tableRow',
  cells: cells.map((children) => ({ type: 'tableCell', children })),
});

/** The document-control table as model rows, so it is laid out like any other table. */
export function controlTable(meta: DocumentMeta): Table {
  return {
    type: 'table',
    columns: [
      { align: 'left', width: 1 },
      { align: 'left', width: 2.6 },
    ],
    headerRows: 0,
    rows: documentControlRows(meta).map(([label, value]) =>
      row([[{ type: 'strong', children: [text(label)] }], [text(value)]]),
    ),
  };
}

export function revisionTable(meta: DocumentMeta): Table {
  return {
    type: 'table',
    columns: [
      { align: 'left', width: 0.8 },
      { align: 'left', width: 1.1 },
      { align: 'left', width: 1.9 },
      { align: 'left', width: 3.2 },
    ],
    headerRows: 1,
    rows: [REVISION_HEADER, ...revisionRows(meta)].map((cells) => row(cells.map((v) => [text(v)]))),
  };
}

function block(
  ctx: LayoutContext,
  frame: Frame,
  value: string,
  font: 'regular' | 'bold',
  size: number,
  color: string,
): void {
  if (value === '') return;
  placeLines(ctx.flow, breakLines([{ text: value, font, size, color }], frame.width, ctx.m, size), frame, ctx.m);
}

/** Title page: who made it, what it is, and the controlled-document facts. The body starts on the next page. */
export function layoutTitlePage(ctx: LayoutContext, frame: Frame): void {
  const { flow } = ctx;
  const meta = ctx.doc.meta;
  if (meta.draft) {
    // On the page itself, as in the DOCX: the title page has no running header to carry it.
    const rule = (): void => flow.rule(frame, COLOR.draft, 1.2);
    rule();
    flow.y += 4;
    placeLines(
      flow,
      breakLines([{ text: CAPTIONS.draft, font: 'bold', size: 12, color: COLOR.draft }], frame.width, ctx.m, 12),
      frame,
      ctx.m,
      { align: 'center' },
    );
    flow.y += 3;
    rule();
    flow.y += 14;
  }
  block(ctx, frame, meta.manufacturer, 'bold', 11, COLOR.muted);
  flow.y += 4;
  flow.add({ kind: 'rect', x: frame.x, y: flow.y, w: frame.width, h: 2.2, fill: COLOR.heading });

  flow.y = Math.max(flow.y + 20, PAGE.marginTop + 38 * MM);
  block(ctx, frame, meta.productName, 'bold', 14, COLOR.heading);
  flow.y += 6;
  block(ctx, frame, meta.title, 'bold', 24, COLOR.heading);
  if (meta.subtitle !== undefined && meta.subtitle !== '') {
    flow.y += 4;
    block(ctx, frame, meta.subtitle, 'regular', 13, COLOR.muted);
  }
  flow.y += 10;
  block(
    ctx,
    frame,
    `${meta.documentNumber}  ·  ${CAPTIONS.version} ${meta.version}  ·  ${meta.status}`,
    'regular',
    SIZE.body,
    COLOR.muted,
  );

  flow.y = Math.max(flow.y + 28, PAGE.marginTop + 95 * MM);
  block(ctx, frame, CAPTIONS.documentControl, 'bold', 11.5, COLOR.heading);
  flow.y += 5;
  layoutTable(ctx, controlTable(meta), frame, { labelColumn: true });
  flow.y += 18;
  flow.ensure(60);
  block(ctx, frame, CAPTIONS.revisionHistory, 'bold', 11.5, COLOR.heading);
  flow.y += 5;
  layoutTable(ctx, revisionTable(meta), frame);
  flow.newPage();
}
