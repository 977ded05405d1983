import type { Document } from '../../../model/nodes.js';
import type { Flow } from './flow.js';
import type { ImageInfo, TextMeasurer } from './types.js';

/** Everything block layout needs besides the block itself. */
export interface LayoutContext {
  readonly flow: Flow;
  readonly m: TextMeasurer;
  readonly doc: Document;
  /** Pixel sizes of the image assets that could be read. */
  readonly images: ReadonlyMap<string, ImageInfo>;
  /** Heading id → 1-based page number, learned in the previous layout pass. */
  readonly tocPages: ReadonlyMap<string, number>;
}
