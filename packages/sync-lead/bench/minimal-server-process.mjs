// The minimal server in a process of its own (as a real server is): sends its URL to the parent, and
// stops when the parent disconnects.
import { startMinimalServer } from './minimal-server.mjs';

const server = await startMinimalServer();
process.send(server.url);
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0));
});
