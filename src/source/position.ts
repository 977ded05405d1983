/** Where something is in an input file. Lines and columns are 1-based, as editors show them. */
export interface Point {
  readonly line: number;
  readonly column: number;
}

export interface Range {
  readonly start: Point;
  readonly end: Point;
}

/** A place in a file; `file` is the path as the user should see it (relative to the working directory). */
export interface SourceRef {
  readonly file: string;
  readonly range?: Range;
}
