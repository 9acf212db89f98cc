#!/usr/bin/env node
// Starts Verdaccio from a config file on an OS-chosen loopback port and prints
// `{"url": "..."}` as one line on stdout once it listens, so the parent (the
// release test) learns the port without racing for a "free" one. Runs until
// SIGTERM/SIGINT; the parent owns its lifetime.
import { runServer } from 'verdaccio';

const configPath = process.argv[2];
if (!configPath) {
  console.error('usage: verdaccio-server.mjs CONFIG.yaml');
  process.exit(2);
}

const server = await runServer(configPath);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/` })}\n`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent holds our stdin open; if it dies without stopping us (a killed test
// worker), stdin ends and the registry goes with it instead of lingering.
process.stdin.on('end', stop);
process.stdin.resume();
