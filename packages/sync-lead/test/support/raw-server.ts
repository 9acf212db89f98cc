// A raw HTTP server on loopback that answers with scripted responses and records every request,
// for tests that need exact bytes on the wire (documentation envelopes, broken bodies, resets).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded request. */
export interface RecordedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the server does with one request. */
export type RawReply =
  | { status?: number; body: string; headers?: Record<string, string> }
  | { reset: true }
  | { hang: true };

/** A running raw server. */
export interface RawServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a server answering the n-th request (0-based) with `reply(n, request)`.
 */
export async function startRawServer(reply: (index: number, request: RecordedRequest) => RawReply): Promise<RawServer> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = requests.push(recorded) - 1;
      const answer = reply(index, recorded);
      if ('reset' in answer) {
        req.socket.resetAndDestroy();
        return;
      }
      if ('hang' in answer) {
        hanging.add(res);
        return;
      }
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/xml; charset=utf-8', ...answer.headers });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/soap/mktows/2_2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
