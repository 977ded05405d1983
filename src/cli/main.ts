#!/usr/bin/env node
// The `techfile` executable: the only module that touches the process.
import { runInterruptCleanups } from './interrupt.js';
import { internalErrorText, runCli } from './program.js';

const debug = process.env['TECHFILE_DEBUG'] === '1';

// A reader that stops early (`techfile coverage x | head`) closes the pipe: that is not an
// error of techfile, so stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.exit(1);
  });
}

// Ctrl-C or `kill`: remove the temporary files being written, then stop with the usual
// shell code (128 + signal number). No partial document is left behind.
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
] as const) {
  process.on(signal, () => {
    runInterruptCleanups();
    process.stderr.write(`\ntechfile: stopped (${signal}); no partial files were left\n`);
    process.exit(128 + number);
  });
}

// Anything that escapes the commands' own handling is a bug: say so without a stack trace.
const crash = (error: unknown): void => {
  runInterruptCleanups();
  process.stderr.write(internalErrorText(error, debug));
  process.exit(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io, undefined, debug).then((code) => {
  // exitCode, not exit(): lets buffered output to pipes drain first.
  process.exitCode = code;
}, crash);
