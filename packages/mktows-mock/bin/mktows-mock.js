#!/usr/bin/env node
// The mktows-mock command; see `mktows-mock --help`. The implementation is src/cli.ts (built to dist/).
import { runCliInProcess } from '../dist/esm/cli.js';

process.exitCode = await runCliInProcess(process.argv.slice(2));
