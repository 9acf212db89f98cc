// A recording HTTP proxy on loopback: forwards every request unchanged to a target server and records
// what went through (method, target, headers and body of the request; status and body of the answer),
// so a test sees the raw requests a real server (the mock) receives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RecordedRequest } from '@org/test-support';

/** One request that went through, and its answer. */
export interface ProxiedExchange {
  request: RecordedRequest;
  status: number;
  responseBody: string;
}

/** A running proxy. */
export interface RecordingProxy {
  /** `http://127.0.0.1:PORT`: use it where the target's origin would go. */
  origin: string;
  exchanges: ProxiedExchange[];
  close(): Promise<void>;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Starts a proxy in front of `targetOrigin` (e.g. the mock's `http://127.0.0.1:PORT`). */
export async function startRecordingProxy(targetOrigin: string): Promise<RecordingProxy> {
  const exchanges: ProxiedExchange[] = [];
  const target = new URL(targetOrigin);
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const request: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: body.toString('utf8') };
      const forwarded = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (answer) => {
          void readAll(answer).then((answerBody) => {
            exchanges.push({ request, status: answer.statusCode ?? 0, responseBody: answerBody.toString('utf8') });
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(answerBody);
          });
        },
      );
      forwarded.on('error', () => res.destroy());
      forwarded.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
