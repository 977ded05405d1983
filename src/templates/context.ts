import type { SourceRef } from '../source/position.js';
import { Ref, declaredText, scalarText, type Declared } from './values.js';

/** What a template can see besides the device data. Built by the pipeline for each document. */
export interface TemplateContext {
  /** Validated device data. */
  readonly data: Record<string, unknown>;
  readonly docType: string;
  /** By decision id (src/regulatory/template-decisions.ts); `missing` fields print as TBD after the reason. */
  readonly applicability: Readonly<
    Record<string, { readonly applies: boolean; readonly reason: string; readonly missing?: readonly string[] }>
  >;
  /** The EU device regulation of the product, for `{{regulation}}`; undefined when it is not a device. */
  readonly regulation?: { readonly short: string; readonly long: string } | undefined;
  /**
   * A catalogue clause as this product cites it: the clean reference under the product's
   * regulation (undefined when it has no counterpart there) and whether its instrument applies.
   */
  readonly clauseRef: (id: string) => ClauseCitation | undefined;
  /** Human label of a data field; receives the concrete path, e.g. `network.ports[2].port`. */
  readonly fieldLabel: (path: string) => string;
  readonly meta: {
    readonly title: string;
    readonly number: string;
    readonly version: string;
    readonly date: string;
    readonly status: string;
  };
  /** Reader-facing form of a coded (enum) value at a data path; undefined: print as written. */
  readonly valueWording?: (path: string, value: string) => string | undefined;
  /** BCP 47 tag from `documents.language`. */
  readonly locale: string;
  /**
   * Whether a missing value at a data path is needed by a clause of this document that applies
   * (and whether it is a yes/no fact). `if` then shows the gap instead of silently leaving it out.
   */
  readonly needed?: (path: string) => 'yes-no' | 'value' | undefined;
}

export interface ClauseCitation {
  /** The catalogue reference as written there (for the traceability table). */
  readonly ref: string;
  readonly verified: string;
  readonly reference: string | undefined;
  readonly applies: boolean;
}

/** One level of the data-context stack: the value `this` refers to and its field path. */
export interface Scope {
  readonly value: unknown;
  readonly path: string;
  /** The value is declared none / not applicable, itself or by a group above it. */
  readonly declared?: Declared | undefined;
}

/** Per-render state, carried in the Handlebars data frame (`@tf`, `@tfStack`). */
export interface RenderState {
  readonly ctx: TemplateContext;
  /** Template call sites, indexed by the `__at` hash value added by the rewrite. */
  readonly locations: readonly SourceRef[];
}

/** The subset of a Handlebars data frame that techfile uses. */
export interface Frame {
  readonly tf: RenderState;
  /** Innermost first; the last entry is the document root. */
  readonly tfStack: readonly Scope[];
  [key: string]: unknown;
}

/** Options object Handlebars passes to every helper (only the parts techfile uses). */
export interface HelperOptions {
  readonly hash: Record<string, unknown>;
  readonly data: Frame;
  readonly fn?: (context: unknown, options?: { data?: unknown; blockParams?: unknown[] }) => string;
  readonly inverse?: (context: unknown, options?: { data?: unknown; blockParams?: unknown[] }) => string;
}

/** Thrown by helpers for template-author mistakes; render converts it to a diagnostic. */
export class TemplateError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly at: SourceRef | undefined,
    readonly hints: readonly string[] = [],
    readonly fieldPath?: string,
  ) {
    super(message);
  }
}

export function locationOf(options: HelperOptions): SourceRef | undefined {
  const at = options.hash['__at'];
  return typeof at === 'number' ? options.data.tf.locations[at] : undefined;
}

export function currentScope(options: HelperOptions): Scope {
  const scope = options.data.tfStack[0];
  if (!scope) throw new Error('internal error: empty template scope stack');
  return scope;
}

/** The sentence printed for a declared none / not applicable value, in the document's language. */
export function declaredSentence(options: HelperOptions, d: Declared, block = false): string {
  return declaredText(d, options.data.tf.ctx.locale, block);
}

/** A Ref for any helper argument: data paths arrive as Refs already, literals get no path. */
export function asRef(value: unknown): Ref {
  return value instanceof Ref ? value : new Ref(value, '');
}

export function labelFor(options: HelperOptions, path: string): string {
  return options.data.tf.ctx.fieldLabel(path);
}

/** A data value as a reader should see it: coded values translated, yes/no as Yes/No. */
export function displayValue(options: HelperOptions, path: string, value: string | number | boolean | bigint): string {
  if (typeof value === 'string') return (path !== '' ? options.data.tf.ctx.valueWording?.(path, value) : undefined) ?? value;
  return scalarText(value);
}
