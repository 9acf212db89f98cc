#!/usr/bin/env node
// The `sync-lead` command. All logic lives in the compiled package (src/cli/run-cli.ts).
import { runCli } from '../dist/esm/cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
