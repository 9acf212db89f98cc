#!/usr/bin/env node
// `npm start`: the main job on the embedded default. Builds the packages if needed (Nx caches the
// build), starts @org/mktows-mock on a free loopback port with credentials generated for this run
// (never printed), syncs the documentation's example lead through @org/sync-lead twice (CREATED,
// then UPDATED), prints the redacted trace and both results, and stops the server.
//
// Flags: --rest      the same over Marketo's REST API (the mock's REST side, a client with `rest`)
//        --no-build  skip the build step (the packages must already be built).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The documentation's syncLead example (synclead.request.xml).
const documentationExample = {
  email: 't@t.com',
  attributes: { FirstName: 'George', LastName: 'of the Jungle' },
};

function buildPackages() {
  const require = createRequire(import.meta.url);
  const nxPackage = require.resolve('nx/package.json');
  const nxBin = path.resolve(path.dirname(nxPackage), JSON.parse(readFileSync(nxPackage, 'utf8')).bin.nx);
  // Build output goes to stderr so stdout carries only the demo.
  const result = spawnSync(
    process.execPath,
    [nxBin, 'run-many', '-t', 'build', '--projects=@org/sync-lead,@org/mktows-mock', '--outputStyle=static'],
    { cwd: repoRoot, stdio: ['ignore', 2, 2], env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...process.env } },
  );
  if (result.status !== 0) {
    console.error('npm start: the build failed (see above)');
    process.exit(result.status ?? 1);
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) buildPackages();
  // Imported only after the build: both resolve to the packages' dist/ through their exports maps.
  const { startMockServer } = await import('@org/mktows-mock');
  const { createSyncLeadClient, formatTraceEvent } = await import('@org/sync-lead');

  const overRest = process.argv.includes('--rest');
  const userId = `demo_${randomBytes(8).toString('hex')}`;
  const secretKey = randomBytes(32).toString('base64url');
  const clientId = randomBytes(16).toString('hex');
  const clientSecret = randomBytes(32).toString('base64url');
  const server = await startMockServer({ userId, secretKey, rest: { clientId, clientSecret } });
  const onTrace = (event) => console.log(`${formatTraceEvent(event)}\n`);
  const client = overRest
    ? createSyncLeadClient({ rest: { endpoint: server.restUrl, clientId, clientSecret }, onTrace })
    : createSyncLeadClient({ endpoint: server.url, userId, secretKey, onTrace });
  const where = overRest ? `its REST API at ${server.restUrl}` : server.url;
  console.log(`mktows-mock is listening at ${where} (credentials generated for this run, not shown)\n`);
  try {
    const first = await client.syncLead(documentationExample);
    console.log(`first sync:  ${JSON.stringify(first)}\n`);
    const second = await client.syncLead(documentationExample);
    console.log(`second sync: ${JSON.stringify(second)}\n`);
    console.log(`store: ${JSON.stringify(server.leads())}`);
  } finally {
    client.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
