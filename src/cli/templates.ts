import { resolve } from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format.js';
import { defaultTemplatesDir } from '../pipeline/templates-dir.js';
import { loadTemplates, type TemplateSet } from '../pipeline/template-set.js';
import type { CliContext } from './context.js';
import { ExitCode } from './exit-codes.js';
import { displayPath } from './paths.js';

/**
 * The template set named by `--templates` (relative to the working directory) or the one
 * shipped with techfile. A broken template set is printed and sets the template exit
 * code; the command then stops, since no document could be built from it.
 */
export function loadTemplateSet(flag: string | undefined, ctx: CliContext): TemplateSet | undefined {
  const templates = loadTemplates(flag ? resolve(ctx.io.cwd, flag) : defaultTemplatesDir(), {
    displayPath: (file) => displayPath(ctx.io.cwd, file),
  });
  if (hasErrors(templates.diagnostics)) {
    ctx.io.stderr(`${formatDiagnostics(templates.diagnostics)}\n`);
    ctx.exit(ExitCode.template);
    return undefined;
  }
  return templates.value;
}
