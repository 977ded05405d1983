/// <reference types="handlebars" />
/**
 * Small constructors for Handlebars AST nodes, used by the rewrite. Every node copies the
 * location of the node it replaces, so compile errors still point at the template text.
 */
export type Loc = hbs.AST.SourceLocation;
export type Expr = hbs.AST.Expression;

export function path(name: string, loc: Loc): hbs.AST.PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc };
}

export function str(value: string, loc: Loc): hbs.AST.StringLiteral {
  return { type: 'StringLiteral', value, original: value, loc };
}

export function num(value: number, loc: Loc): hbs.AST.NumberLiteral {
  return { type: 'NumberLiteral', value, original: value, loc };
}

export function hash(pairs: readonly (readonly [string, Expr])[], existing: hbs.AST.Hash | undefined, loc: Loc): hbs.AST.Hash {
  return {
    type: 'Hash',
    pairs: [...(existing?.pairs ?? []), ...pairs.map(([key, value]): hbs.AST.HashPair => ({ type: 'HashPair', key, value, loc }))],
    loc,
  };
}

export function sexpr(name: string, params: Expr[], h: hbs.AST.Hash, loc: Loc): hbs.AST.SubExpression {
  return { type: 'SubExpression', path: path(name, loc), params, hash: h, loc };
}

export function mustache(name: string, params: Expr[], h: hbs.AST.Hash, strip: hbs.AST.StripFlags, loc: Loc): hbs.AST.MustacheStatement {
  return { type: 'MustacheStatement', path: path(name, loc), params, hash: h, escaped: true, strip, loc };
}

export function content(value: string, loc: Loc): hbs.AST.ContentStatement {
  // `original` is a string at runtime although the published type says otherwise.
  return { type: 'ContentStatement', value, original: value as unknown as hbs.AST.StripFlags, loc };
}

/** The 1-based source position of a node, as editors show it. */
export function position(loc: Loc | undefined): { line: number; column: number } {
  return { line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1 };
}
