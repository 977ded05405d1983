import type { TextMeasurer } from '../../src/render/pdf/layout/types.js';

/** Every character is half an em wide (mono: 0.6 em): easy widths to reason about in tests. */
export const fakeMeasurer: TextMeasurer = {
  width: (text, font, size) => [...text].length * size * (font === 'mono' ? 0.6 : 0.5),
  ascent: (_font, size) => size * 0.9,
};
