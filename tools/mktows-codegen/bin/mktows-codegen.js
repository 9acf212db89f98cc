#!/usr/bin/env node
import('../dist/esm/cli.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`mktows-codegen: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
