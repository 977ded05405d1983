import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** What both renderers accept besides the document. */
export interface RenderOptions {
  /** Image bytes by the `src` key used in `image` nodes. Renderers never read files. */
  readonly assets?: ReadonlyMap<string, Uint8Array>;
  /**
   * Called with each problem the document is still rendered despite (a PDF TOC whose page
   * numbers did not settle, say), so the pipeline reports it instead of dropping it.
   */
  readonly onWarning?: (warning: Diagnostic) => void;
  /**
   * The device-data field a piece of printed text was written in, if any: lets a warning about
   * a character the PDF fonts lack name the field to correct. Renderers never see the data.
   */
  readonly fieldOf?: (text: string) => string | undefined;
  /** How warnings name the document (its file name, e.g. `secure-operation-annex`); default: its type. */
  readonly name?: string;
}
