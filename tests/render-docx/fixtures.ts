import type { Block, Document, DocumentMeta } from '../../src/model/nodes.js';
import { sampleDocument } from '../fixtures/sample-model.js';
import { solidPng } from '../helpers/png.js';

export const LOGO = solidPng(40, 20);

/** The shared sample plus an image, whose bytes come through `options.assets`. */
export function sampleWithImage(overrides: Partial<DocumentMeta> = {}): {
  doc: Document;
  assets: Map<string, Uint8Array>;
} {
  const base = sampleDocument(overrides);
  const image: Block = { type: 'image', src: 'figures/logo.png', alt: 'Block diagram of the pump system', widthMm: 60 };
  return { doc: { ...base, children: [...base.children, image] }, assets: new Map([['figures/logo.png', LOGO]]) };
}
