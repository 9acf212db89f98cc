// A TCP proxy on loopback between a limit store and a real redis-server, which can make one answer come
// late: Redis runs the command, but its answer is held back until the client sends its next command
// (by then the client has timed out and asked again). That is what a client sees when its event loop
// stalls or the network is slow after Redis has done the work.
import { once } from 'node:events';
import { createConnection, createServer, type Socket } from 'node:net';

/** A proxy in front of one redis-server. */
export interface RedisProxy {
  /** `redis://127.0.0.1:PORT` of the proxy. */
  readonly url: string;
  /**
   * The next command whose bytes `matches` is passed to Redis, but its answer (and any after it) is held
   * until the client sends something more on that connection. Resolves once such a command went to Redis.
   */
  delayNextAnswer(matches: (command: string) => boolean): Promise<void>;
  /** How many answers were held back so far. */
  readonly delayedAnswers: number;
  close(): Promise<void>;
}

/** Starts a proxy to the redis-server on `port`. */
export async function startRedisProxy(port: number): Promise<RedisProxy> {
  let armed: { matches: (command: string) => boolean; sent: () => void } | undefined;
  let delayedAnswers = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port });
    sockets.add(client).add(upstream);
    let held: Buffer[] | undefined;
    client.on('data', (chunk: Buffer) => {
      if (held) {
        for (const answer of held) client.write(answer);
        held = undefined;
      }
      upstream.write(chunk);
      if (armed?.matches(chunk.toString('latin1'))) {
        const { sent } = armed;
        armed = undefined;
        held = [];
        delayedAnswers += 1;
        sent();
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (held) held.push(chunk);
      else client.write(chunk);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) socket.on('close', end).on('error', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const proxyPort = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${proxyPort}`,
    delayNextAnswer: (matches) => new Promise<void>((sent) => void (armed = { matches, sent })),
    get delayedAnswers() {
      return delayedAnswers;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
