import type { Command } from 'commander';
import { defaultDeviceSchemaText } from '../../pipeline/default-schema.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

export function registerSchema(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of device data files (for editors and other tools)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile schema > device.schema.json',
        '',
        'Point your editor at it for completion and checks while you type, e.g. in a YAML file:',
        '  # yaml-language-server: $schema=./device.schema.json',
      ].join('\n'),
    )
    .action(async () => {
      // The same bytes as src/schema/device.schema.json, which the README says it prints.
      ctx.io.stdout(await defaultDeviceSchemaText());
      ctx.exit(ExitCode.ok);
    });
}
