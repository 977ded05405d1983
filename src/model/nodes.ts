/**
 * The document model: the centre of techfile. Templates produce it (via Markdown),
 * transforms refine it, and the DOCX and PDF renderers consume it. Plain, readonly,
 * JSON-serialisable objects with a string `type`, like mdast. No layout facts
 * (page numbers, font sizes, coordinates) live here.
 *
 * The unions are closed: a new node type is a compile error in both renderers
 * until each handles it (see `assertNever`).
 */

// ---------------------------------------------------------------- inline content

export interface Text {
  readonly type: 'text';
  readonly value: string;
}

export interface Strong {
  readonly type: 'strong';
  readonly children: readonly Inline[];
}

export interface Emphasis {
  readonly type: 'emphasis';
  readonly children: readonly Inline[];
}

export interface InlineCode {
  readonly type: 'inlineCode';
  readonly value: string;
}

export interface Link {
  readonly type: 'link';
  /** Absolute http(s)/mailto URL, or `#heading-id` for an internal reference. */
  readonly url: string;
  readonly children: readonly Inline[];
}

/** A hard line break inside a paragraph or cell. */
export interface Break {
  readonly type: 'break';
}

/**
 * Missing data, made impossible to overlook: renders highlighted as
 * `[TBD: <label> (<field>)]`. `--final` refuses documents that contain any.
 */
export interface Placeholder {
  readonly type: 'placeholder';
  /** Field path in the device data, e.g. `support_period.end_date`. */
  readonly field: string;
  /** What is needed, in words a writer understands. */
  readonly label: string;
}

export type Inline = Text | Strong | Emphasis | InlineCode | Link | Break | Placeholder;

// ---------------------------------------------------------------- block content

export interface Heading {
  readonly type: 'heading';
  /** 1 to 6. Levels 1 to 3 are numbered (1, 1.1, 1.1.1) and appear in the TOC. */
  readonly depth: 1 | 2 | 3 | 4 | 5 | 6;
  /** Stable, unique anchor id (slug), used for bookmarks and cross-references. */
  readonly id: string;
  /** Section number assigned by the numbering transform, e.g. "3.2"; absent for unnumbered headings. */
  readonly number?: string;
  /** Catalogue clause ids this section addresses (from `<!-- clauses: ... -->`). */
  readonly clauses: readonly string[];
  readonly children: readonly Inline[];
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly children: readonly Inline[];
}

export interface List {
  readonly type: 'list';
  readonly ordered: boolean;
  /** First number of an ordered list. */
  readonly start: number;
  readonly items: readonly ListItem[];
}

export interface ListItem {
  readonly type: 'listItem';
  /** Paragraphs and nested lists (and other blocks). */
  readonly children: readonly Block[];
}

export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  readonly align: Align;
  /**
   * Relative width the template asked for (`<!-- widths: … -->`): a preference renderers
   * follow as far as the content allows. Absent: the column is fitted to its content.
   */
  readonly width?: number;
}

export interface TableCell {
  readonly type: 'tableCell';
  readonly children: readonly Inline[];
}

export interface TableRow {
  readonly type: 'tableRow';
  readonly cells: readonly TableCell[];
}

export interface Table {
  readonly type: 'table';
  readonly columns: readonly TableColumn[];
  /** Number of leading rows that are header rows (repeated on every page). */
  readonly headerRows: number;
  readonly rows: readonly TableRow[];
  readonly caption?: string;
}

export interface PageBreak {
  readonly type: 'pageBreak';
}

/** Where the table of contents goes. Entries are collected from the headings. */
export interface Toc {
  readonly type: 'toc';
  readonly title: string;
  /** Deepest heading level listed (default 3). */
  readonly depth: number;
}

export interface Admonition {
  readonly type: 'admonition';
  readonly kind: 'note' | 'warning';
  readonly children: readonly Block[];
}

export interface Image {
  readonly type: 'image';
  /** Key into the asset map handed to renderers (renderers never read files themselves). */
  readonly src: string;
  readonly alt: string;
  /** Display width in millimetres; the renderer keeps the aspect ratio and caps at text width. */
  readonly widthMm?: number;
}

export interface ThematicBreak {
  readonly type: 'thematicBreak';
}

export interface CodeBlock {
  readonly type: 'code';
  readonly value: string;
}

export type Block =
  Heading | Paragraph | List | Table | PageBreak | Toc | Admonition | Image | ThematicBreak | CodeBlock;

// ---------------------------------------------------------------- document

export interface Revision {
  readonly version: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  readonly author: string;
  readonly description: string;
}

/**
 * Where a document came from, so an issued document can be traced to its inputs (Product
 * Liability Directive 2024/2853: documentation may have to be disclosed as evidence).
 */
export interface Fingerprints {
  /** "techfile 0.1.0". */
  readonly generator: string;
  /** SHA-256 (hex) of the merged device data, canonical JSON. */
  readonly dataSha256: string;
  /** SHA-256 (hex) of the template set (every template file's name and content). */
  readonly templatesSha256: string;
}

/** Document-control facts: shown on the title page, in headers/footers and in file properties. */
export interface DocumentMeta {
  readonly title: string;
  /** Shorter form of the title for the running header (`documents.<type>.short_title`). */
  readonly shortTitle?: string;
  readonly subtitle?: string;
  /** techfile document type, e.g. `secure-operation`. */
  readonly docType: string;
  readonly documentNumber: string;
  readonly version: string;
  /** e.g. Draft, In review, Approved, Released. */
  readonly status: string;
  /** ISO date, YYYY-MM-DD: from the data or SOURCE_DATE_EPOCH, never the clock. */
  readonly date: string;
  readonly author: string;
  readonly approver: string;
  readonly productName: string;
  readonly productId: string;
  readonly productVersion?: string;
  readonly manufacturer: string;
  /** Who the document is written for, e.g. "Hospital IT administrators". */
  readonly audience?: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** BCP 47 language tag, e.g. `en`. */
  readonly language: string;
  readonly revisions: readonly Revision[];
  /** The document this one is a companion of (a separate traceability record is evidence for it). */
  readonly relatedDocument?: RelatedDocument;
  /** true unless --final: renderers show a visible DRAFT marking. */
  readonly draft: boolean;
  readonly fingerprints?: Fingerprints;
}

export interface RelatedDocument {
  readonly number: string;
  readonly version: string;
  readonly title: string;
}

export interface Document {
  readonly type: 'document';
  readonly meta: DocumentMeta;
  readonly children: readonly Block[];
}

export type Node = Document | Block | Inline | ListItem | TableRow | TableCell;

/** Call in the default branch of a switch over a closed union: a missing case is a compile error. */
export function assertNever(value: never): never {
  throw new Error(`internal error: unhandled node ${JSON.stringify(value)}`);
}
