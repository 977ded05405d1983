import type { Command } from 'commander';
import { resolveInheritance } from '../../data/inherit.js';
import { nodeHost } from '../../data/node-host.js';
import { toYamlText } from '../../data/yaml-text.js';
import { closestName } from '../../diagnostics/suggest.js';
import type { PathSegment } from '../../source/field-path.js';
import { formatPath, isRecord, parsePath } from '../../source/field-path.js';
import type { ResolvedData } from '../../data/provenance.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { diagnosticsToJson, formatDiagnostics } from '../../diagnostics/format.js';
import type { SourceRef } from '../../source/position.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { expandInputs } from '../paths.js';
import { addLimitOptions, LOAD_LIMITS, limitsFrom } from '../limits.js';
import { addDiagnosticsOption, diagnosticsFormat, type DiagnosticsFlags } from '../diagnostics-option.js';

export function registerExplain(program: Command, ctx: CliContext): void {
  const command = program
    .command('explain')
    .description('show the final value of a field and which file of the product line supplied it')
    .argument('<file>', 'device file')
    .argument('<field>', 'field path, e.g. support_period.end_date or network.ports[0].port')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile explain devices/x2.yaml support_period.end_date',
        '  $ techfile explain devices/x2.yaml network.ports            # every port, field by field',
        '  $ techfile explain devices/x2.yaml "network.ports[https].port"   # a record by its id',
        '  $ techfile explain devices/x2.yaml product.name --diagnostics json    # value, sources and chain as JSON',
      ].join('\n'),
    );
  addDiagnosticsOption(command, 'the value, where each part was written, the chain; or the diagnostics');
  addLimitOptions(command, LOAD_LIMITS)
    .action((file: string, field: string, flags: DiagnosticsFlags) => {
      const { io } = ctx;
      const limits = limitsFrom(flags, io);
      if (limits === null) return ctx.exit(ExitCode.usage);
      const format = diagnosticsFormat(flags, io);
      const { inputs, missing } = expandInputs([file], io.cwd);
      const input = inputs[0];
      if (missing.length > 0 || !input || input.found) {
        io.stderr(`techfile: ${missing.length > 0 ? 'no such file' : 'not a file'}: ${file}\n`);
        return ctx.exit(ExitCode.usage);
      }
      const wanted = parsePath(field);
      if (!wanted || wanted.length === 0) {
        io.stderr(`techfile: not a field path: ${field} (write it like support_period.end_date)\n`);
        return ctx.exit(ExitCode.usage);
      }
      const { value: resolved, diagnostics } = resolveInheritance(input.path, nodeHost(input.projectRoot, io.cwd, limits));
      if (!resolved || hasErrors(diagnostics)) {
        if (format === 'json') io.stdout(`${JSON.stringify({ diagnostics: diagnosticsToJson(diagnostics) }, null, 2)}\n`);
        else io.stderr(`${formatDiagnostics(diagnostics)}\n`);
        return ctx.exit(ExitCode.invalidInput);
      }
      const found = locatePath(resolved.value, wanted);
      if ('missing' in found) {
        io.stderr(`techfile: \`${field}\` is not set in ${resolved.chain.join(' or ')}\n`);
        if (found.suggestion) io.stderr(`  = hint: did you mean \`${found.suggestion}\`?\n`);
        return ctx.exit(ExitCode.invalidInput);
      }
      io.stdout(format === 'json' ? `${JSON.stringify(explainJson(resolved, found.path, found.value), null, 2)}\n` : explainText(resolved, found.path, found.value));
      return ctx.exit(ExitCode.ok);
    });
}

type Located = { path: PathSegment[]; value: unknown } | { missing: true; suggestion?: string };

/** Follows a user's path through the merged value; `[id]` picks a record by its id. */
function locatePath(root: unknown, wanted: ReadonlyArray<PathSegment | { id: string }>): Located {
  const path: PathSegment[] = [];
  let node = root;
  for (const step of wanted) {
    if (typeof step === 'object') {
      const items: unknown[] = Array.isArray(node) ? node : [];
      const at = items.findIndex((item) => isRecord(item) && String(item['id']) === step.id);
      if (at < 0) {
        const ids = items.filter(isRecord).map((item) => String(item['id']));
        return suggestion(path, ids, (id) => `[${id}]`, step.id);
      }
      path.push(at);
      node = items[at];
    } else if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) return { missing: true };
      path.push(step);
      node = node[step];
    } else {
      if (!isRecord(node) || !Object.hasOwn(node, step)) {
        return suggestion(path, isRecord(node) ? Object.keys(node) : [], (k) => `.${k}`, step);
      }
      path.push(step);
      node = node[step];
    }
  }
  return { path, value: node };
}

function suggestion(at: PathSegment[], options: string[], spell: (o: string) => string, typed: string): Located {
  if (options.length === 0) return { missing: true };
  const near = closestName(typed, options) ?? typed;
  const prefix = formatPath(at);
  const text = `${prefix}${spell(near)}`.replace(/^\./, '');
  return { missing: true, suggestion: text };
}

function explainText(resolved: ResolvedData, path: PathSegment[], value: unknown): string {
  const key = formatPath(path);
  const where = (ref: SourceRef | undefined): string =>
    ref ? `${ref.file}${ref.range ? `:${ref.range.start.line}:${ref.range.start.column}` : ''}` : '(unknown)';
  const lines: string[] = [];
  if (!isRecord(value) && !Array.isArray(value)) {
    lines.push(`${key}: ${toYamlText(value).trimEnd()}`, `  from ${where(resolved.provenance.get(key))}`);
  } else {
    lines.push(`${key}:`, ...toYamlText(value).trimEnd().split('\n').map((l) => `  ${l}`), '', 'where each value was written:');
    const leaves = [...resolved.provenance].filter(
      ([p]) => (p.startsWith(`${key}.`) || p.startsWith(`${key}[`)) && isLeaf(resolved, p),
    );
    const width = Math.max(0, ...leaves.map(([p]) => p.length));
    for (const [p, ref] of leaves) lines.push(`  ${p.padEnd(width)}  ${where(ref)}`);
    if (leaves.length === 0) lines.push(`  ${key}  ${where(resolved.provenance.get(key))}`);
  }
  lines.push(`chain: ${resolved.chain.join(' → ')}`);
  return `${lines.join('\n')}\n`;
}

/** The same facts as explainText, for programs: every leaf below the field with where it was written. */
function explainJson(resolved: ResolvedData, path: PathSegment[], value: unknown): object {
  const key = formatPath(path);
  const leaves = [...resolved.provenance].filter(([p]) => p === key || ((p.startsWith(`${key}.`) || p.startsWith(`${key}[`)) && isLeaf(resolved, p)));
  const sources = (isRecord(value) || Array.isArray(value) ? leaves.filter(([p]) => p !== key) : leaves).map(([p, ref]) => ({
    field: p,
    file: ref.file,
    line: ref.range?.start.line ?? null,
    column: ref.range?.start.column ?? null,
  }));
  return { field: key, value, sources, chain: resolved.chain };
}

/** A provenance entry with no entries below it: a scalar (or an empty list or map). */
function isLeaf(resolved: ResolvedData, path: string): boolean {
  for (const p of resolved.provenance.keys()) if (p.startsWith(`${path}.`) || p.startsWith(`${path}[`)) return false;
  return true;
}
