/// <reference types="handlebars" />
import { closestName } from '../diagnostics/suggest.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';
import { content, hash, mustache, num, position, sexpr, str, type Expr, type Loc } from './ast.js';
import { ORIGIN_CLOSE, ORIGIN_OPEN } from '../contract/markers.js';
import { modeLocator } from './modes.js';
import { BLOCK_HELPERS, CONTEXT_HELPERS, INLINE_HELPERS } from './names.js';
import { clauseCommentIds } from '../contract/clause-comments.js';

/**
 * Rewrites a parsed template so that data is always literal text:
 * - every data path becomes `(__get <depth> "seg" ...)`, which returns a Ref (value + full path);
 * - every escaped mustache becomes `{{__out <value> mode="..." __at=n}}`;
 * - `{{{raw}}}`, unknown helpers, partial arguments and decorators are refused;
 * - content lines get origin sentinels so the Markdown stage can name template file and line.
 * It also checks literal clause and instrument ids, and collects partial references.
 */
export interface RewriteInput {
  /** Display path of the template file. */
  readonly file: string;
  readonly source: string;
  readonly program: hbs.AST.Program;
  /** Front matter fields are plain text, not Markdown. */
  readonly plain: boolean;
  readonly clauseIds: ReadonlySet<string>;
  /** Decision ids `applies` and `applicability` accept. */
  readonly decisionIds: readonly string[];
  /** Shared per template set: call sites and content-line origins. */
  readonly locations: SourceRef[];
  readonly origins: SourceRef[];
}

export interface PartialReference {
  readonly name: string;
  readonly at: SourceRef;
}

export interface RewriteResult {
  readonly program: hbs.AST.Program;
  readonly diagnostics: Diagnostic[];
  readonly partials: PartialReference[];
}

/** Block-parameter names per context level, innermost first. */
type Scopes = readonly (readonly string[])[];

export function rewriteTemplate(input: RewriteInput): RewriteResult {
  const diagnostics: Diagnostic[] = [];
  const partials: PartialReference[] = [];
  const modeAt = modeLocator(input.source, input.plain);
  const sourceLines = input.source.split('\n');

  const ref = (loc: Loc | undefined): SourceRef => {
    const start = position(loc);
    const end = loc ? { line: loc.end.line, column: loc.end.column + 1 } : start;
    return { file: input.file, range: { start, end } };
  };
  const error = (code: string, message: string, loc: Loc | undefined, hints: string[] = []): void => {
    const line = position(loc).line;
    diagnostics.push({
      severity: 'error',
      code,
      message,
      source: ref(loc),
      hints,
      ...(sourceLines[line - 1] !== undefined ? { excerpt: sourceLines[line - 1] ?? '' } : {}),
    });
  };
  const at = (loc: Loc): [string, Expr] => {
    input.locations.push(ref(loc));
    return ['__at', num(input.locations.length - 1, loc)];
  };
  const unknownHelper = (name: string, loc: Loc, known: readonly string[]): void => {
    const suggestion = closestName(name, [...known]);
    error('template/unknown-helper', `\`${name}\` is not a template helper`, loc, [
      `did you mean \`${suggestion}\`? The helpers are listed in docs/templates.md`,
    ]);
  };

  const checkLiteralIds = (name: string, params: readonly Expr[], loc: Loc): void => {
    const first = params[0];
    if (first?.type !== 'StringLiteral') return;
    const id = (first as hbs.AST.StringLiteral).value;
    if (name === 'clause' && !input.clauseIds.has(id)) {
      error('template/unknown-clause', `clause \`${id}\` is not in the catalogue`, loc, [
        `use an id from src/regulatory/clauses.yaml${suggest(id, input.clauseIds)}`,
      ]);
    }
    if ((name === 'applies' || name === 'applicability') && !input.decisionIds.includes(id)) {
      error('template/unknown-instrument', `\`${id}\` is not an instrument id`, loc, [
        `use one of ${input.decisionIds.join(', ')}`,
      ]);
    }
  };

  const expr = (node: Expr, scopes: Scopes): Expr => {
    switch (node.type) {
      case 'PathExpression':
        return dataPath(node as hbs.AST.PathExpression, scopes);
      case 'SubExpression': {
        const sub = node as hbs.AST.SubExpression;
        const name = sub.path.original;
        if (!INLINE_HELPERS.includes(name)) {
          unknownHelper(name, sub.loc, INLINE_HELPERS);
          return node;
        }
        checkLiteralIds(name, sub.params, sub.loc);
        return sexpr(name, sub.params.map((p) => expr(p, scopes)), hash([at(sub.loc)], rewriteHash(sub.hash, scopes), sub.loc), sub.loc);
      }
      default:
        return node;
    }
  };
  const rewriteHash = (h: hbs.AST.Hash | undefined, scopes: Scopes): hbs.AST.Hash | undefined =>
    h ? { ...h, pairs: h.pairs.map((p) => ({ ...p, value: expr(p.value, scopes) })) } : undefined;

  const dataPath = (node: hbs.AST.PathExpression, scopes: Scopes): Expr => {
    const loc = node.loc;
    const segs = (parts: readonly string[]): Expr[] => parts.map((p) => str(p, loc));
    if (node.data) {
      // @root.x reads from the document root; @index, @key, @first, @last stay native.
      if (node.parts[0] === 'root') return sexpr('__get', [str('root', loc), ...segs(node.parts.slice(1))], hash([], undefined, loc), loc);
      return node;
    }
    const scoped = /^(\.|this\b)/.test(node.original);
    const head = node.parts[0];
    if (node.depth === 0 && !scoped && head !== undefined) {
      for (let level = 0; level < scopes.length; level++) {
        const index = scopes[level]?.indexOf(head) ?? -1;
        if (index === 0) return sexpr('__get', [num(level, loc), ...segs(node.parts.slice(1))], hash([], undefined, loc), loc);
        if (index > 0) return node; // the index/key block parameter: Handlebars resolves it
      }
    }
    return sexpr('__get', [num(node.depth, loc), ...segs(node.parts)], hash([], undefined, loc), loc);
  };

  const mustacheStatement = (node: hbs.AST.MustacheStatement, scopes: Scopes): hbs.AST.Statement => {
    const loc = node.loc;
    if (!node.escaped) {
      error('template/raw-output', 'triple braces `{{{…}}}` would insert data as Markdown', loc, [
        'use double braces `{{…}}`: data is always inserted as literal text',
      ]);
      return content('', loc);
    }
    const mode = modeAt(loc.start.line, loc.start.column);
    const out = (value: Expr): hbs.AST.Statement =>
      mustache('__out', [value], hash([['mode', str(mode, loc)], at(loc)], undefined, loc), node.strip, loc);
    if (node.path.type !== 'PathExpression') return out(node.path);
    const p = node.path as hbs.AST.PathExpression;
    const name = p.original;
    const simple = !p.data && p.depth === 0 && p.parts.length === 1;
    const hasArgs = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (simple && BLOCK_HELPERS.includes(name) && hasArgs) {
      error('template/block-helper', `\`${name}\` is a block helper: write \`{{#${name} …}}…{{/${name}}}\``, loc);
      return content('', loc);
    }
    if (simple && (INLINE_HELPERS.includes(name) || hasArgs)) {
      if (!INLINE_HELPERS.includes(name)) {
        unknownHelper(name, loc, INLINE_HELPERS);
        return content('', loc);
      }
      checkLiteralIds(name, node.params, loc);
      const params = node.params.map((x) => expr(x, scopes));
      return out(sexpr(name, params, hash([at(loc)], rewriteHash(node.hash, scopes), loc), loc));
    }
    if (hasArgs) {
      unknownHelper(name, loc, INLINE_HELPERS);
      return content('', loc);
    }
    return out(dataPath(p, scopes));
  };

  const blockStatement = (node: hbs.AST.BlockStatement, scopes: Scopes): hbs.AST.Statement => {
    const name = node.path.original;
    if (!BLOCK_HELPERS.includes(name)) {
      if (INLINE_HELPERS.includes(name)) error('template/block-helper', `\`${name}\` is not a block helper: write \`{{${name} …}}\``, node.loc);
      else unknownHelper(name, node.loc, BLOCK_HELPERS);
      return content('', node.loc);
    }
    if (name === 'items' && node.inverse) {
      error('template/items-else', '`{{#items}}` has no `{{else}}`: it writes a TBD placeholder for an empty list', node.loc, [
        'use `{{#each …}}…{{else}}…{{/each}}` to write your own text for an empty list',
      ]);
    }
    checkLiteralIds(name, node.params, node.loc);
    const inner: Scopes = CONTEXT_HELPERS.includes(name) ? [node.program?.blockParams ?? [], ...scopes] : scopes;
    return {
      ...node,
      params: node.params.map((x) => expr(x, scopes)),
      hash: hash([at(node.loc)], rewriteHash(node.hash, scopes), node.loc),
      program: node.program ? program(node.program, inner) : node.program,
      inverse: node.inverse ? program(node.inverse, scopes) : node.inverse,
    } as hbs.AST.BlockStatement;
  };

  const partialStatement = (node: hbs.AST.PartialStatement): hbs.AST.Statement => {
    if (node.name.type !== 'PathExpression') {
      error('template/partial-name', 'partial names must be written out, e.g. `{{> partials/contact}}`', node.loc);
      return content('', node.loc);
    }
    if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) {
      error('template/partial-arguments', 'partials take no arguments: they see the same data as the template that includes them', node.loc, [
        `write \`{{> ${node.name.original}}}\` inside \`{{#with …}}\` to change what \`this\` means`,
      ]);
      return content('', node.loc);
    }
    partials.push({ name: node.name.original, at: ref(node.loc) });
    return node;
  };

  const contentStatement = (node: hbs.AST.ContentStatement): hbs.AST.Statement => {
    if (input.plain) return node;
    const start = valueStart(node);
    for (const found of clauseCommentIds(node.value)) {
      if (input.clauseIds.has(found.id)) continue;
      const line = start.line + found.lineOffset;
      error('template/unknown-clause', `clause \`${found.id}\` is not in the catalogue`, {
        source: '',
        start: { line, column: 0 },
        end: { line, column: 0 },
      }, [`use an id from src/regulatory/clauses.yaml${suggest(found.id, input.clauseIds)}`]);
    }
    let out = '';
    let line = start.line;
    const sentinel = (): string => {
      input.origins.push({ file: input.file, range: { start: { line, column: 1 }, end: { line, column: 1 } } });
      return ORIGIN_OPEN + String(input.origins.length - 1) + ORIGIN_CLOSE;
    };
    if (start.column === 0) out += sentinel();
    for (const ch of node.value) {
      out += ch;
      if (ch === '\n') {
        line++;
        out += sentinel();
      }
    }
    return content(out, node.loc);
  };

  const statement = (node: hbs.AST.Statement, scopes: Scopes): hbs.AST.Statement => {
    switch (node.type) {
      case 'MustacheStatement':
        return mustacheStatement(node as hbs.AST.MustacheStatement, scopes);
      case 'BlockStatement':
        return blockStatement(node as hbs.AST.BlockStatement, scopes);
      case 'PartialStatement':
        return partialStatement(node as hbs.AST.PartialStatement);
      case 'ContentStatement':
        return contentStatement(node as hbs.AST.ContentStatement);
      case 'CommentStatement':
        return node;
      default:
        error('template/unsupported', `\`${node.type}\` is not supported in techfile templates`, node.loc, [
          'use partials `{{> name}}` and the helpers in docs/templates.md',
        ]);
        return content('', node.loc);
    }
  };
  const program = (node: hbs.AST.Program, scopes: Scopes): hbs.AST.Program => ({
    ...node,
    body: node.body.map((s) => statement(s, scopes)),
  });

  return { program: program(input.program, [[]]), diagnostics, partials };
}

/**
 * Where the (possibly whitespace-stripped) value of a content statement starts. Handlebars
 * removes the rest of a standalone tag's line from the following content but keeps its loc.
 */
function valueStart(node: hbs.AST.ContentStatement): { line: number; column: number } {
  const original = (node as unknown as { original: string }).original;
  let prefix = '';
  if ((node as unknown as { rightStripped?: boolean }).rightStripped) {
    for (const pattern of [/^[ \t]*\r?\n?/, /^\s+/]) {
      const candidate = pattern.exec(original)?.[0] ?? '';
      if (original.slice(candidate.length).startsWith(node.value)) {
        prefix = candidate;
        break;
      }
    }
  }
  const newlines = prefix.split('\n').length - 1;
  const lastLine = prefix.slice(prefix.lastIndexOf('\n') + 1);
  return newlines > 0
    ? { line: node.loc.start.line + newlines, column: lastLine.length }
    : { line: node.loc.start.line, column: node.loc.start.column + prefix.length };
}

function suggest(id: string, ids: ReadonlySet<string>): string {
  if (ids.size === 0) return '';
  return ` (closest: \`${closestName(id, [...ids]) ?? ''}\`)`;
}
