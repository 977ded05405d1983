import { CELL_MARGIN, COLOR } from './theme.js';

/**
 * Word's built-in "Table Grid" table style, which docx cannot declare. Tables name it so a writer
 * who adds a row or a new table in Word gets the same borders and padding; each table also carries
 * its formatting directly, so the look does not depend on this style being honoured.
 */
export const TABLE_STYLE_XML =
  '<w:style w:type="table" w:styleId="TableGrid">' +
  '<w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>' +
  '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' +
  '<w:tblPr>' +
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${COLOR.tableBorder}"/>`)
    .join('') +
  '</w:tblBorders>' +
  `<w:tblCellMar><w:top w:w="${CELL_MARGIN.y}" w:type="dxa"/><w:left w:w="${CELL_MARGIN.x}" w:type="dxa"/>` +
  `<w:bottom w:w="${CELL_MARGIN.y}" w:type="dxa"/><w:right w:w="${CELL_MARGIN.x}" w:type="dxa"/></w:tblCellMar>` +
  '</w:tblPr>' +
  '</w:style>';
