import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';
import { COMPILE_OPTIONS, type Environment } from './environment.js';
import { rewriteTemplate, type PartialReference } from './rewrite.js';

export type Compiled = (context: unknown, options?: Record<string, unknown>) => string;

export interface CompileInput {
  readonly env: Environment;
  readonly file: string;
  readonly source: string;
  readonly plain: boolean;
  readonly clauseIds: ReadonlySet<string>;
  readonly decisionIds: readonly string[];
  readonly locations: SourceRef[];
  readonly origins: SourceRef[];
  /** Added to reported lines (front matter fields sit on a line of document.md). */
  readonly lineOffset?: number;
}

export interface CompileResult {
  readonly template: Compiled | undefined;
  /** The template as JavaScript source (Handlebars' precompiled form), for `fromSpec` in another thread. */
  readonly spec?: string;
  readonly diagnostics: Diagnostic[];
  readonly partials: PartialReference[];
}

/** Parse, rewrite and compile one template; syntax errors become `template/syntax` diagnostics. */
export function compileTemplate(input: CompileInput): CompileResult {
  let program: hbs.AST.Program;
  try {
    program = input.env.parse(input.source);
  } catch (error) {
    return { template: undefined, diagnostics: [syntaxDiagnostic(error, input)], partials: [] };
  }
  const rewritten = rewriteTemplate({ ...input, program });
  if (rewritten.diagnostics.length > 0) return { template: undefined, ...rewritten };
  try {
    // Compiled eagerly, so compiler errors surface at load time, not mid-render; and once:
    // precompile (to check) followed by compile (lazy, on first render) compiled every
    // template twice, in every worker thread.
    const spec = compileProgram(input.env, rewritten.program);
    return { template: fromSpec(input.env, spec), spec, diagnostics: [], partials: rewritten.partials };
  } catch (error) {
    return { template: undefined, diagnostics: [syntaxDiagnostic(error, input)], partials: rewritten.partials };
  }
}

/** The parts of a Handlebars environment that turn an AST into a template (untyped in @types). */
interface CompilerParts {
  readonly Compiler: new () => { compile(program: hbs.AST.Program, options: object): unknown };
  readonly JavaScriptCompiler: new () => { compile(environment: unknown, options: object): string };
}

/**
 * What `env.precompile` does, on the rewritten AST. The AST goes through `env.parse` twice, as
 * it did when precompile and then compile each parsed it (the whitespace pass edits the AST in
 * place), so templates render to the same bytes as before.
 */
function compileProgram(env: Environment, program: hbs.AST.Program): string {
  const parts = env as unknown as CompilerParts;
  const options = { ...COMPILE_OPTIONS, knownHelpers: { ...COMPILE_OPTIONS.knownHelpers } };
  env.parse(program as unknown as string);
  const ast = env.parse(program as unknown as string);
  const environment = new parts.Compiler().compile(ast, options);
  return new parts.JavaScriptCompiler().compile(environment, options);
}

/**
 * A runnable template from its precompiled source. The source is Handlebars' own output for a
 * template that was parsed and checked (never template text itself): evaluating it is what
 * `env.compile` does internally, and lets a worker thread skip parsing and compiling. As with
 * `env.compile`, the source is evaluated on first use: a run that renders one document does
 * not evaluate the templates of the others.
 */
export function fromSpec(env: Environment, spec: string): Compiled {
  type Runnable = Compiled & { _setup(options: unknown): unknown; _child(...args: unknown[]): unknown };
  let compiled: Runnable | undefined;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- Handlebars' own output, evaluated as env.compile does (see above)
  const get = (): Runnable => (compiled ??= env.template(new Function(`return ${spec};`)() as TemplateSpecification) as unknown as Runnable);
  const lazy = function (this: unknown, context: unknown, options?: Record<string, unknown>): string {
    return get().call(this, context, options);
  } as Runnable;
  // What Handlebars calls on a template used as a partial or a block (as on env.compile's result).
  lazy._setup = (options) => get()._setup(options);
  lazy._child = (...args) => get()._child(...args);
  return lazy;
}

type TemplateSpecification = Parameters<Environment['template']>[0];

function syntaxDiagnostic(error: unknown, input: CompileInput): Diagnostic {
  if (!(error instanceof Error)) throw error;
  const e = error as Error & { lineNumber?: number; column?: number };
  const lines = input.source.split('\n');
  let line = e.lineNumber;
  let column = e.column !== undefined ? e.column + 1 : undefined;
  let message = e.message.replace(/ - \d+:\d+$/, '');
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)$/s.exec(e.message);
  if (parse) {
    line = Number(parse[1]);
    column = caretColumn(lines[line - 1] ?? '', (parse[2] ?? '').slice(0, (parse[3] ?? '').length));
    message = `template syntax error: ${(parse[4] ?? '').replace(/^Expecting /, 'expected ')}`;
  } else if (/^Lexical error/.test(e.message)) {
    line = Number(/line (\d+)/.exec(e.message)?.[1] ?? 1);
    message = 'template syntax error: unrecognised text after `{{`';
  } else {
    message = `template syntax error: ${message}`;
  }
  const reported = (line ?? 1) + (input.lineOffset ?? 0);
  return {
    severity: 'error',
    code: 'template/syntax',
    message,
    source: { file: input.file, range: { start: { line: reported, column: column ?? 1 }, end: { line: reported, column: column ?? 1 } } },
    hints: ['check that every `{{` has its `}}` and every `{{#block}}` is closed by the matching `{{/block}}`'],
    ...(lines[(line ?? 1) - 1] !== undefined && input.lineOffset === undefined ? { excerpt: lines[(line ?? 1) - 1] ?? '' } : {}),
  };
}

/**
 * Jison shows up to 20 characters before the error with line breaks removed. Find where that
 * text ends on the reported line: that is the column of the error.
 */
function caretColumn(line: string, before: string): number {
  const pre = before.replace(/^\.\.\./, '');
  for (let k = line.length; k >= 0; k--) {
    const seg = line.slice(Math.max(0, k - pre.length), k);
    if (pre.endsWith(seg) && (seg.length === pre.length || k - seg.length === 0)) return k + 1;
  }
  return 1;
}
