/** What both renderers accept besides the document. */
export interface RenderOptions {
  /** Image bytes by the `src` key used in `image` nodes. Renderers never read files. */
  readonly assets?: ReadonlyMap<string, Uint8Array>;
}
