/**
 * The layout result: pages of positioned drawing operations in PDF points, origin at the
 * top-left of the page. Layout produces these without pdfkit; paint/ turns them into PDF.
 */

export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono';

export interface TextOp {
  readonly kind: 'text';
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly text: string;
  readonly font: FontKey;
  readonly size: number;
  readonly color: string;
}

export interface RectOp {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill?: string;
  readonly stroke?: string;
  readonly lineWidth?: number;
}

export interface LineOp {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly color: string;
  readonly width: number;
}

/** A clickable area: an external URL or an internal `#id` destination. */
export interface LinkOp {
  readonly kind: 'link';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly url: string;
}

/** A named destination (heading id) at a vertical position. */
export interface DestOp {
  readonly kind: 'dest';
  readonly name: string;
  readonly y: number;
}

export interface ImageOp {
  readonly kind: 'image';
  readonly src: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Large diagonal text behind the content (the DRAFT marking). */
export interface WatermarkOp {
  readonly kind: 'watermark';
  readonly text: string;
  readonly size: number;
  readonly color: string;
  readonly opacity: number;
}

export type DrawOp = TextOp | RectOp | LineOp | LinkOp | DestOp | ImageOp | WatermarkOp;

export interface LayoutPage {
  readonly ops: DrawOp[];
}

/** Where a heading landed: drives the outline and the TOC page numbers. */
export interface PlacedHeading {
  readonly id: string;
  readonly depth: number;
  /** Bookmark text: number and title. */
  readonly title: string;
  /** 0-based page index. */
  readonly page: number;
  readonly y: number;
}

export interface LayoutResult {
  readonly pages: readonly LayoutPage[];
  readonly headings: readonly PlacedHeading[];
  /** Layout passes used to settle the TOC page numbers. */
  readonly passes: number;
  /** false when the TOC page numbers still changed in the last pass allowed (some may be off). */
  readonly tocSettled: boolean;
}

/** Font facts layout needs; implemented with pdfkit in paint/, with a fake in tests. */
export interface TextMeasurer {
  /** Advance width of `text` in points. */
  width(text: string, font: FontKey, size: number): number;
  /** Ascender above the baseline, in points. */
  ascent(font: FontKey, size: number): number;
}

/** Pixel size of an image asset, needed for its aspect ratio. */
export interface ImageInfo {
  readonly width: number;
  readonly height: number;
}
