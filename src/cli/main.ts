#!/usr/bin/env node
// The `techfile` executable: the only module that touches the process.
import { runCli } from './program.js';

// A reader that stops early (`techfile coverage x | head`) closes the pipe: that is not an
// error of techfile, so stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    // exitCode, not exit(): lets buffered output to pipes drain first.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`techfile: internal error: ${String(error)}\nplease report this bug\n`);
    process.exitCode = 1;
  },
);
