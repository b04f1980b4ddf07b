#!/usr/bin/env node
// Entry point of the aml-network-guide command (package.json "bin").
import { readFileSync } from 'node:fs';
import { runCli } from './cli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0, 'utf8'),
});
