import type { Command } from 'commander';
import { Option } from 'commander';
import { DOC_TYPES } from '../../pipeline/doc-types.js';
import type { CliContext } from '../context.js';
import { addLimitOptions } from '../limits.js';
import type { GenerateFlags } from './generate-action.js';

export function registerGenerate(program: Command, ctx: CliContext): void {
  const command = program
    .command('generate')
    .description('write the regulatory documents of each product as DOCX and PDF')
    .argument('<paths...>', 'device files, or folders to search for device files (product-line parents are skipped)')
    .option('--doc <types>', `document types, comma-separated (default: all that apply): ${DOC_TYPES.join(', ')}`)
    .option('--format <formats>', 'output formats, comma-separated', 'docx,pdf')
    .option('--out <dir>', 'output folder; files go to <out>/<product.id>/<doc-type>.<format>', 'out')
    .option('--final', 'release build: no DRAFT marking, and refuse any document that still has a TBD')
    .option('--jobs <n>', 'products generated in parallel (default: the number of CPU cores)')
    .option('--force', 'rebuild every product, even those whose inputs did not change since <out>/manifest.json')
    .option(
      '--report <file>',
      'write per-product results (status, files written and skipped, diagnostics, TBDs) as JSON',
    )
    .option(
      '--shard <i/n>',
      'build only shard i of n of the products (for a CI matrix; join the manifests with `techfile manifest merge`)',
    )
    .addOption(new Option('--templates <dir>', 'template folder (default: the templates shipped with techfile)'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile generate examples --out out',
        '  $ techfile generate devices/x2.yaml --doc secure-operation --format pdf',
        '  $ SOURCE_DATE_EPOCH=1798761600 techfile generate devices/ --final',
        '',
        'The document date comes from documents.<type>.date or documents.defaults.date in the',
        'data, else from SOURCE_DATE_EPOCH; never from the clock, so two runs give the same bytes.',
        'A rerun skips products whose inputs (device file, parents, templates, images, SBOM/VEX),',
        'options and output files are unchanged since <out>/manifest.json; --force rebuilds all.',
        'A product that fails does not stop the others; the exit code is that of the worst failure.',
        'Exit codes: 0 all written, 2 usage, 3 invalid data, 4 template error, 5 write error,',
        '6 --final refused because a document still has TBDs.',
      ].join('\n'),
    );
  addLimitOptions(command).action(async (paths: string[], flags: GenerateFlags) => {
    // The renderers, templates and worker pool load only when a generate run starts:
    // `techfile generate --help` stays as quick as `techfile --help`.
    const { runGenerate } = await import('./generate-action.js');
    await runGenerate(paths, flags, ctx);
  });
}
