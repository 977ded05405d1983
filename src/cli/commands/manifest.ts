import { resolve } from 'node:path';
import type { Command } from 'commander';
import { mergeManifests, readManifestFile, writeManifest, type Manifest } from '../../pipeline/manifest.js';
import { errnoText } from '../../source/read-file.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';

export function registerManifest(program: Command, ctx: CliContext): void {
  const manifest = program
    .command('manifest')
    .description('work with the manifest.json of a portfolio run (see generate --shard)');
  manifest
    .command('merge')
    .description('join the manifests of the shards of one run into one manifest')
    .argument('<manifests...>', 'manifest.json files, one per shard')
    .requiredOption('--out <file>', 'where the joined manifest is written')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile manifest merge out-1/manifest.json out-2/manifest.json --out out/manifest.json',
      ].join('\n'),
    )
    .action((files: string[], flags: { out: string }) => {
      const { io } = ctx;
      const parts: { name: string; manifest: Manifest }[] = [];
      for (const name of files) {
        const read = readManifestFile(resolve(io.cwd, name));
        if (!read.ok && read.problem === 'not-a-manifest') {
          io.stderr(`techfile: ${name} is not a techfile manifest (manifestVersion 1)\n`);
          return ctx.exit(ExitCode.invalidInput);
        }
        if (!read.ok) {
          io.stderr(`techfile: cannot read the manifest ${name}: ${read.detail}\n`);
          return ctx.exit(ExitCode.usage);
        }
        parts.push({ name, manifest: read.manifest });
      }
      const merged = mergeManifests(parts);
      if (!merged.ok) {
        io.stderr(
          `techfile: cannot merge: ${merged.problem}\n  = hint: merge the manifests of shards of one run (same techfile version and options)\n`,
        );
        return ctx.exit(ExitCode.invalidInput);
      }
      try {
        writeManifest(resolve(io.cwd, flags.out), merged.manifest);
      } catch (error) {
        io.stderr(`techfile: cannot write ${flags.out}: ${errnoText(error)}\n`);
        return ctx.exit(ExitCode.output);
      }
      io.stdout(
        `merged ${parts.length} manifests: ${Object.keys(merged.manifest.products).length} products → ${flags.out}\n`,
      );
    });
}
